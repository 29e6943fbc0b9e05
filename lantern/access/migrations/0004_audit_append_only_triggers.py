"""On PostgreSQL the database itself refuses UPDATE and DELETE on the audit log and its
checkpoints, whoever asks, so a compromised application account cannot rewrite them.

A table owner can still ``ALTER TABLE ... DISABLE TRIGGER``: that is the database
administrator the signed checkpoints guard against (docs/audit.md). TRUNCATE is not
trapped here because Django's test flush truncates every table; the production app role
is simply not granted TRUNCATE (docs/audit.md lists its GRANTs). SQLite has no roles to
grant, so nothing is added there; the model refuses updates and deletes as before.
"""

from django.db import migrations

TABLES = ("access_auditentry", "access_auditcheckpoint")

FUNCTION = """
CREATE OR REPLACE FUNCTION lantern_refuse_audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;
"""


def add_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION, params=None)  # its % are plpgsql's, not placeholders
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION lantern_refuse_audit_change()"
        )


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS lantern_refuse_audit_change()")


class Migration(migrations.Migration):
    dependencies = [("access", "0003_audit_checkpoints")]

    operations = [migrations.RunPython(add_triggers, drop_triggers)]
