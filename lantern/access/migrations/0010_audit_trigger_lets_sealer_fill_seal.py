"""On PostgreSQL the append-only trigger on ``access_auditentry`` now lets one kind of
UPDATE through: the sealer filling in an unsealed row's sequence number, hashes and seal
time, once. Every other UPDATE (any content column, or a row already sealed) and every
DELETE is still refused, whoever runs it. The checkpoint table keeps its plain trigger.
"""

from django.db import migrations

CONTENT = (
    "id",
    "at",
    "user_id",
    "username",
    "action",
    "person_id",
    "object_type",
    "object_id",
    "detail",
    "purpose",
    "source_address",
    "path",
)
_OLD = ", ".join(f"OLD.{c}" for c in CONTENT)
_NEW = ", ".join(f"NEW.{c}" for c in CONTENT)

GUARD = f"""
CREATE OR REPLACE FUNCTION lantern_guard_audit_entry() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
       AND NEW.sealed_at IS NOT NULL AND ({_NEW}) IS NOT DISTINCT FROM ({_OLD}) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;
"""
TRIGGER = "access_auditentry_append_only"


def use_guard(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(GUARD, params=None)  # its % are plpgsql's, not placeholders
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON access_auditentry")
    schema_editor.execute(
        f"CREATE TRIGGER {TRIGGER} BEFORE UPDATE OR DELETE ON access_auditentry "
        "FOR EACH ROW EXECUTE FUNCTION lantern_guard_audit_entry()"
    )


def use_plain_refusal(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON access_auditentry")
    schema_editor.execute(
        f"CREATE TRIGGER {TRIGGER} BEFORE UPDATE OR DELETE ON access_auditentry "
        "FOR EACH ROW EXECUTE FUNCTION lantern_refuse_audit_change()"
    )
    schema_editor.execute("DROP FUNCTION IF EXISTS lantern_guard_audit_entry()")


class Migration(migrations.Migration):
    dependencies = [("access", "0009_audit_sealed_later")]

    operations = [migrations.RunPython(use_guard, use_plain_refusal)]
