"""Checking the audit chain end to end, in id order, in bounded memory."""

from dataclasses import dataclass

from lantern.access.audit import GENESIS, entry_digest
from lantern.access.models import AuditChainHead, AuditEntry

BATCH = 5000


@dataclass
class VerifyResult:
    checked: int
    problem: str = ""
    bad_seq: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problem


def verify_chain() -> VerifyResult:
    """Walk every entry: contiguous sequence, each hash recomputed, each link to the last.

    Names the first bad entry: an altered row fails its own hash; a deleted row leaves a
    gap in the sequence (and a broken link) at the entry after it; a deleted tail leaves
    the chain head pointing past the last row.
    """
    expected_seq, prev_hash, checked = 1, GENESIS, 0
    last_seq = 0
    while True:
        rows = list(AuditEntry.objects.filter(seq__gte=expected_seq).order_by("seq")[:BATCH])
        if not rows:
            break
        for entry in rows:
            if entry.seq != expected_seq:
                return VerifyResult(
                    checked,
                    f"entry {expected_seq} is missing (deleted); "
                    f"the next entry is {entry.seq} (id {entry.pk})",
                    expected_seq,
                )
            if entry.prev_hash != prev_hash:
                return VerifyResult(
                    checked,
                    f"entry {entry.seq} (id {entry.pk}) does not link to the entry before it",
                    entry.seq,
                )
            if entry_digest(entry) != entry.entry_hash:
                return VerifyResult(
                    checked,
                    f"entry {entry.seq} (id {entry.pk}) was altered after it was written",
                    entry.seq,
                )
            prev_hash, expected_seq, checked, last_seq = (
                entry.entry_hash,
                entry.seq + 1,
                checked + 1,
                entry.seq,
            )
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and (head.seq != last_seq or head.entry_hash != prev_hash):
        return VerifyResult(
            checked,
            f"entries {last_seq + 1} to {head.seq} are missing (deleted from the end)",
            last_seq + 1,
        )
    return VerifyResult(checked)
