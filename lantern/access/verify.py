"""Checking the audit chain end to end, in sequence order, in bounded memory, against its
signed checkpoints; and saying how many entries still wait for the sealer.

The hash chain catches an edit or a deletion made without re-hashing. The checkpoints
catch the rest: a database administrator who deletes a row and re-hashes every later entry
(and the head) produces a chain that is internally consistent, but no longer holds the
(seq, hash) pairs the checkpoints signed, and cannot sign new ones without the key.
"""

import bisect
import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from lantern.access import checkpoints, sealing
from lantern.access.audit import GENESIS, entry_digest
from lantern.access.checkpoints import Claim
from lantern.access.models import AuditChainHead, AuditEntry

BATCH = 5000
# A checkpoint written by the sealer is signed in the same transaction as the entries.
SAME_APPEND = dt.timedelta(minutes=5)
# The sealer runs every few seconds; an entry unsealed for longer means it has stopped (and
# an unsealed entry is not yet protected by the chain).
SEAL_WITHIN = dt.timedelta(minutes=1)


@dataclass
class VerifyResult:
    checked: int
    problem: str = ""
    bad_seq: int | None = None
    checkpoints: int = 0
    unsealed: int = 0
    oldest_unsealed: AuditEntry | None = None

    @property
    def ok(self) -> bool:
        return not self.problem


class _Checkpoints:
    """The claims to hold the chain to, looked up by sequence number as the walk goes."""

    def __init__(self, table: list[Claim], extra: list[Claim]):
        self.by_seq: dict[int, list[Claim]] = {}
        for claim in table + extra:
            self.by_seq.setdefault(claim.seq, []).append(claim)
        self.table = sorted(table, key=lambda c: (c.seq, c.at))
        self.table_seqs = [c.seq for c in self.table]

    def mismatch(self, seq: int, entry_hash: str) -> Claim | None:
        return next((c for c in self.by_seq.get(seq, []) if c.entry_hash != entry_hash), None)

    def missing_after(self, entry: AuditEntry) -> str:
        """An entry sealed over an hour after the last checkpoint must have caused one; if
        none is there, checkpoints were removed. (Entries chained before sealing was separate
        have no seal time: they were sealed when written.)"""
        i = bisect.bisect_left(self.table_seqs, entry.seq)
        if i == 0:
            return ""  # written before checkpoints existed
        prior = self.table[i - 1]
        sealed = entry.sealed_at or entry.at
        if sealed - prior.at <= settings.LANTERN_AUDIT_CHECKPOINT_EVERY:
            return ""
        following = self.table[i] if i < len(self.table) else None
        if following is not None and following.at - sealed <= SAME_APPEND:
            return ""
        return (
            f"entry {entry.seq} (id {entry.pk}) was sealed more than an hour after the "
            f"{prior.describe()} but no checkpoint was signed with it: checkpoints were removed"
        )


def verify_chain(claims: list[Claim] = (), keys: dict | None = None) -> VerifyResult:
    """Walk every sealed entry: contiguous sequence, each hash recomputed, each link to the last,
    and each signed checkpoint (table and ``claims`` from a DPO's file) still in the chain.

    Names the first bad entry: an altered row fails its own hash; a deleted row leaves a
    gap in the sequence (and a broken link) at the entry after it; a deleted tail leaves
    the chain head pointing past the last row; a re-hashed chain fails the first checkpoint
    at or after the rewrite.
    """
    keys = keys if keys is not None else checkpoints.trusted_keys()
    table = checkpoints.from_table()
    for claim in [*table, *claims]:
        problem = checkpoints.signature_problem(claim, keys)
        if problem:
            return VerifyResult(0, problem, claim.seq)
    held = _Checkpoints(table, list(claims))
    genesis = held.mismatch(0, GENESIS)
    if genesis:
        return VerifyResult(0, f"{genesis.describe()} does not match an empty chain", 0)
    # Read before the walk: the sealer may add entries meanwhile, and the walk then goes past
    # the head it read, which must still be in the chain as it was.
    head = AuditChainHead.objects.filter(pk=1).first()
    expected_seq, prev_hash, checked = 1, GENESIS, 0
    last_seq, hash_at_head = 0, GENESIS
    while True:
        rows = list(AuditEntry.objects.filter(seq__gte=expected_seq).order_by("seq")[:BATCH])
        if not rows:
            break
        for entry in rows:
            problem = _entry_problem(entry, expected_seq, prev_hash, held)
            if problem:
                return VerifyResult(checked, problem, min(entry.seq, expected_seq))
            prev_hash, expected_seq, checked, last_seq = (
                entry.entry_hash,
                entry.seq + 1,
                checked + 1,
                entry.seq,
            )
            if head is not None and entry.seq == head.seq:
                hash_at_head = entry.entry_hash
    if head is not None and head.seq > last_seq:
        return VerifyResult(
            checked,
            f"entries {last_seq + 1} to {head.seq} are missing (deleted from the end)",
            last_seq + 1,
        )
    if head is not None and head.entry_hash != hash_at_head:
        return VerifyResult(
            checked,
            f"entry {head.seq} no longer matches the chain head: the chain was rewritten",
            head.seq,
        )
    beyond = [c for seq, cs in held.by_seq.items() if seq > last_seq for c in cs]
    if beyond:
        claim = min(beyond, key=lambda c: c.seq)
        return VerifyResult(
            checked,
            f"{claim.describe()} is past the end of the chain (entry {last_seq}): "
            "entries were deleted and the chain rewritten",
            last_seq + 1,
        )
    if checked and not table:
        return VerifyResult(
            checked, "the log has no signed checkpoint: they were removed, or none was made"
        )
    unsealed, oldest = sealing.unsealed_before(timezone.now() - SEAL_WITHIN)
    return VerifyResult(
        checked, checkpoints=len(table) + len(claims), unsealed=unsealed, oldest_unsealed=oldest
    )


def _entry_problem(entry: AuditEntry, expected_seq: int, prev_hash: str, held) -> str:
    if entry.seq != expected_seq:
        return (
            f"entry {expected_seq} is missing (deleted); "
            f"the next entry is {entry.seq} (id {entry.pk})"
        )
    if entry.prev_hash != prev_hash:
        return f"entry {entry.seq} (id {entry.pk}) does not link to the entry before it"
    if entry_digest(entry) != entry.entry_hash:
        return f"entry {entry.seq} (id {entry.pk}) was altered after it was written"
    claim = held.mismatch(entry.seq, entry.entry_hash)
    if claim:
        return (
            f"the {claim.describe()} does not match entry {entry.seq} (id {entry.pk}): "
            "the log was rewritten at or before that entry"
        )
    return held.missing_after(entry)
