"""The sealer: chains committed audit entries into the hash chain, a batch at a time.

Requests insert their entries unsealed (``lantern.access.audit``), so none waits on another.
Sealing gives each committed, unsealed entry the next sequence number, in the order it
seals them, and the SHA-256 of its content, its seal time and the previous entry's hash;
then, when the last signed checkpoint is an hour old, it signs the new head in the same
transaction. Run by ``lantern audit seal`` and by the app's scheduler.

Only one sealer works at a time: it holds the chain head's row lock, which no request
takes. Unsealed entries are found by their empty sequence number, never as "ids above the
last one sealed": on PostgreSQL an entry with a lower id can commit after a higher one, and
would otherwise be skipped for ever.
"""

from django.db import connection, transaction
from django.utils import timezone

from lantern.access import checkpoints
from lantern.access.audit import entry_digest
from lantern.access.models import AuditChainHead, AuditEntry

BATCH = 1000
# Seal fields only, and only on a row still unsealed: the PostgreSQL trigger (migration
# access.0010) refuses any other UPDATE of the log, and this guard makes a second seal of the
# same row a no-op that the row count exposes.
_SEAL_SQL = (
    "UPDATE {table} SET seq = %s, prev_hash = %s, entry_hash = %s, sealed_at = %s "
    "WHERE id = %s AND seq IS NULL"
)


class SealFailed(RuntimeError):
    pass


def seal(batch: int = BATCH, *, limit: int | None = None) -> int:
    """Seal every entry committed so far (at most ``limit``), ``batch`` per transaction, and
    return how many were sealed. Safe to run from several places: sealers take turns."""
    sealed = 0
    while limit is None or sealed < limit:
        size = batch if limit is None else min(batch, limit - sealed)
        done = _seal_batch(size)
        sealed += done
        if done < size:
            break
    return sealed


def _seal_batch(size: int) -> int:
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        entries = list(AuditEntry.objects.filter(seq__isnull=True).order_by("id")[:size])
        if not entries:
            return 0
        now = timezone.now()
        stored_now = connection.ops.adapt_datetimefield_value(now)
        rows = []
        for entry in entries:
            entry.seq, entry.prev_hash, entry.sealed_at = head.seq + 1, head.entry_hash, now
            entry.entry_hash = entry_digest(entry)
            head.seq, head.entry_hash = entry.seq, entry.entry_hash
            rows.append((entry.seq, entry.prev_hash, entry.entry_hash, stored_now, entry.pk))
        table = connection.ops.quote_name(AuditEntry._meta.db_table)
        with connection.cursor() as cursor:
            cursor.executemany(_SEAL_SQL.format(table=table), rows)
            if cursor.rowcount != len(rows):  # rolls the whole batch back
                raise SealFailed("audit entries were sealed by someone else meanwhile")
        # "At least hourly" when entries are being sealed: the head is already locked and
        # read, so deciding costs nothing; signing when due costs one INSERT.
        if checkpoints.is_due(head, now):
            checkpoints.write(head, now)
        head.save(update_fields=["seq", "entry_hash", "checkpoint_at"])
    return len(entries)


def unsealed_before(when) -> tuple[int, AuditEntry | None]:
    """How many entries written before ``when`` are still unsealed, and the oldest."""
    waiting = AuditEntry.objects.filter(seq__isnull=True, at__lt=when)
    return waiting.count(), waiting.order_by("at", "id").first()
