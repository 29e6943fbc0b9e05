"""What a table owner can do and the application's production role cannot: lift the
PostgreSQL triggers that keep the audit log append-only.

Used by the development demo reset (which empties the log for a fresh borough) and by the
tests that play the database administrator the signed checkpoints guard against. Needs the
table owner's rights; the production app role (docs/audit.md) does not have them.
"""

import contextlib

from django.db import connection, transaction

from lantern.access.models import AuditCheckpoint, AuditEntry

APPEND_ONLY = (AuditEntry, AuditCheckpoint)


@contextlib.contextmanager
def append_only_lifted():
    """Inside: UPDATE and DELETE on the audit tables work on PostgreSQL, as on SQLite."""
    if connection.vendor != "postgresql":
        yield
        return
    tables = [connection.ops.quote_name(m._meta.db_table) for m in APPEND_ONLY]
    with transaction.atomic(), connection.cursor() as cursor:
        _alter(cursor, tables, "DISABLE")
        yield
        _alter(cursor, tables, "ENABLE")


def _alter(cursor, tables: list[str], what: str) -> None:
    # ALTER TABLE waits for no deferred foreign-key check: run the pending ones now, then
    # defer again as Django expects.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    for table in tables:
        cursor.execute(f"ALTER TABLE {table} {what} TRIGGER USER")
