"""Signed checkpoints of the audit chain head: what a database administrator cannot forge.

A checkpoint is written when the sealer chains entries and the last checkpoint is more than
``LANTERN_AUDIT_CHECKPOINT_EVERY`` (an hour) old, and on demand by ``lantern audit
checkpoint`` (for cron, and for the DPO's own copies with ``--out``). ``lantern audit
verify`` checks every signature and that each checkpointed (seq, hash) is still in the chain.
"""

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from lantern.access import signing
from lantern.access.models import AuditChainHead, AuditCheckpoint

VERSION = "lantern-audit-checkpoint-v1"


def message(seq: int, entry_hash: str, at: dt.datetime, key_id: str) -> bytes:
    """The exact bytes signed: every field of the checkpoint, in a fixed order."""
    when = at.astimezone(dt.UTC).isoformat()
    return f"{VERSION}|{seq}|{entry_hash}|{when}|{key_id}".encode()


def is_due(head: AuditChainHead, now: dt.datetime) -> bool:
    every = settings.LANTERN_AUDIT_CHECKPOINT_EVERY
    return head.checkpoint_at is None or now - head.checkpoint_at >= every


def write(head: AuditChainHead, now: dt.datetime) -> AuditCheckpoint:
    """Sign and store the head as it stands. The caller holds the head's row lock and saves
    ``checkpoint_at`` with the head."""
    key_id = signing.key_id(signing.signing_key().public_key())
    _, signature = signing.sign(message(head.seq, head.entry_hash, now, key_id))
    head.checkpoint_at = now
    return AuditCheckpoint.objects.create(
        seq=head.seq, entry_hash=head.entry_hash, at=now, key_id=key_id, signature=signature
    )


def checkpoint_now() -> AuditCheckpoint:
    """``lantern audit checkpoint``: sign the current head under the chain lock (the
    sealer's lock, so it signs a head no sealer is moving)."""
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        checkpoint = write(head, timezone.now())
        head.save(update_fields=["checkpoint_at"])
    return checkpoint


def as_line(checkpoint: AuditCheckpoint) -> str:
    return json.dumps(
        {
            "seq": checkpoint.seq,
            "entry_hash": checkpoint.entry_hash,
            "at": checkpoint.at.astimezone(dt.UTC).isoformat(),
            "key_id": checkpoint.key_id,
            "signature": checkpoint.signature,
        },
        sort_keys=True,
    )


@dataclass(frozen=True)
class Claim:
    """A checkpoint to check, wherever it was kept: the table or a line of a DPO's file."""

    seq: int
    entry_hash: str
    at: dt.datetime
    key_id: str
    signature: str
    source: str

    def describe(self) -> str:
        return f"checkpoint of entry {self.seq} signed {self.at:%Y-%m-%d %H:%M} UTC ({self.source})"


class BadCheckpointFile(ValueError):
    pass


def from_table() -> list[Claim]:
    return [
        Claim(
            c.seq, c.entry_hash, c.at.astimezone(dt.UTC), c.key_id, c.signature, f"table id {c.pk}"
        )
        for c in AuditCheckpoint.objects.order_by("seq", "id")
    ]


def from_file(path: Path) -> list[Claim]:
    """Read a JSON-lines file of exported checkpoints; a line that does not parse is an error,
    not skipped, since a silently ignored line is a checkpoint not checked."""
    claims = []
    for number, line in enumerate(Path(path).read_text().splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            at = dt.datetime.fromisoformat(data["at"])
            if at.tzinfo is None:
                raise ValueError("time without offset")
            claims.append(
                Claim(
                    int(data["seq"]),
                    str(data["entry_hash"]),
                    at.astimezone(dt.UTC),
                    str(data["key_id"]),
                    str(data["signature"]),
                    f"{Path(path).name} line {number}",
                )
            )
        except (ValueError, KeyError, TypeError) as error:
            raise BadCheckpointFile(f"{path} line {number} is not a checkpoint: {error}") from None
    return claims


def signature_problem(claim: Claim, keys: dict) -> str:
    key = keys.get(claim.key_id)
    if key is None:
        return f"{claim.describe()} is signed by key {claim.key_id}, which is not trusted"
    signed = message(claim.seq, claim.entry_hash, claim.at, claim.key_id)
    if not signing.signature_holds(key, signed, claim.signature):
        return f"{claim.describe()} has a signature that does not verify (forged or altered)"
    return ""
