"""The audit log's periodic work, as the scheduler calls it."""

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from lantern.access import checkpoints, sealing
from lantern.access.models import AuditCheckpoint, AuditEntry


def checkpoint() -> str:
    """Sign the chain head, unless the newest checkpoint already covers it and is fresh:
    run twice in a minute, it signs once. It seals first, so the checkpoint covers every
    entry committed before it ran, not only those the last seal reached."""
    sealing.seal()
    head = AuditEntry.objects.aggregate(seq=Max("seq"))["seq"]
    if head is None:
        return "no audit entries yet"
    last = AuditCheckpoint.objects.order_by("-at", "-pk").first()
    fresh = last is not None and timezone.now() - last.at < settings.LANTERN_AUDIT_CHECKPOINT_EVERY
    if fresh and last.seq >= head:
        return f"entry {last.seq} already checkpointed"
    made = checkpoints.checkpoint_now()
    return f"signed checkpoint of entry {made.seq}"
