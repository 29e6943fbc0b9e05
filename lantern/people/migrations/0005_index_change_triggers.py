"""The database says when the person index changes (``lantern.people.index_changes``).

A trigger on every table the matching engine reads, so no writer (an action, a bulk
import, a data migration, SQL typed by hand) can change the index unseen. A person's row
counts only for the fields matching reads: a child's care status changing is not a change
to the index. The change tables are not Django models, so the test runner's flush of every
model's table leaves the record of changes intact.
"""

from django.db import migrations

PERSON_FIELDS = (
    "first_name, middle_names, last_name, date_of_birth, date_of_birth_estimated, sex"
)
TABLES = (
    ("people_person", f"UPDATE OF {PERSON_FIELDS}"),
    ("people_personname", "UPDATE"),
    ("people_namekey", "UPDATE"),
    ("people_identifier", "UPDATE"),
    ("people_address", "UPDATE"),
    ("people_personaddress", "UPDATE"),
    ("people_merge", "UPDATE"),
    ("people_notsameperson", "UPDATE"),
    ("agencies_agency", "UPDATE OF name"),
)

PG_SETUP = """
CREATE TABLE people_indexchange (
    txid xid8 PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX people_indexchange_at ON people_indexchange (at);
CREATE FUNCTION lantern_person_index_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO people_indexchange (txid) VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
"""

SQLITE_SETUP = (
    "CREATE TABLE people_indexversion (id INTEGER PRIMARY KEY CHECK (id = 1), "
    "changes INTEGER NOT NULL, stamp INTEGER NOT NULL)",
    "INSERT INTO people_indexversion (id, changes, stamp) VALUES (1, 0, random())",
)
SQLITE_BUMP = "UPDATE people_indexversion SET changes = changes + 1, stamp = random() WHERE id = 1;"


def _sqlite_triggers():
    """(name, event, table) of each SQLite trigger: a row trigger per event."""
    for table, update in TABLES:
        for event in ("INSERT", update, "DELETE"):
            yield f"{table}_index_changed_{event.split()[0].lower()}", event, table


def add(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_SETUP, params=None)
        for table, update in TABLES:
            schema_editor.execute(
                f"CREATE TRIGGER {table}_index_changed AFTER INSERT OR {update} OR DELETE "
                f"OR TRUNCATE ON {table} FOR EACH STATEMENT "
                "EXECUTE FUNCTION lantern_person_index_changed()"
            )
    elif vendor == "sqlite":
        for statement in SQLITE_SETUP:
            schema_editor.execute(statement)
        for name, event, table in _sqlite_triggers():
            schema_editor.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON {table} "
                f"FOR EACH ROW BEGIN {SQLITE_BUMP} END"
            )


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for table, _ in TABLES:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_index_changed ON {table}")
        schema_editor.execute("DROP FUNCTION IF EXISTS lantern_person_index_changed()")
        schema_editor.execute("DROP TABLE IF EXISTS people_indexchange")
    elif vendor == "sqlite":
        for name, _, _ in _sqlite_triggers():
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        schema_editor.execute("DROP TABLE IF EXISTS people_indexversion")


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0004_census_identifiers_and_uasc"),
        ("agencies", "0002_agency_health_setting"),
    ]

    operations = [migrations.RunPython(add, drop)]
