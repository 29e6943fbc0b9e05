"""Writing the audit log. Every view of a child's record and every change calls ``record``."""

import datetime as dt
import hashlib
import json

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from lantern.access import checkpoints
from lantern.access.models import AuditChainHead, AuditEntry

GENESIS = "0" * 64
HASHED_FIELDS = (
    "seq",
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
    "prev_hash",
)


def entry_digest(entry: AuditEntry) -> str:
    """SHA-256 over the entry's content and the previous hash, in a canonical JSON form."""
    content = {name: getattr(entry, name) for name in HASHED_FIELDS}
    content["at"] = entry.at.astimezone(dt.UTC).isoformat()
    encoded = json.dumps(content, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()


def source_address(request: HttpRequest) -> str | None:
    """The client's address, trusting only as many proxy hops as the council configured."""
    hops = settings.LANTERN_TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if hops and forwarded:
        chain = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(chain) >= hops:
            return chain[-hops]
    return request.META.get("REMOTE_ADDR") or None


def _entry(request, action, *, user, person, obj, detail, purpose) -> AuditEntry:
    user = user if user is not None else getattr(request, "user", None)
    if user is not None and not user.is_authenticated:
        user = None
    return AuditEntry(
        user=user,
        username=user.get_username() if user else "",
        action=action,
        person_id=person.pk if person is not None else None,
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        detail=detail[:2000],
        purpose=purpose[:200],
        source_address=source_address(request) if request else None,
        path=request.get_full_path()[:300] if request else "",
    )


def _append(entries: list[AuditEntry]) -> list[AuditEntry]:
    """Chain and write ``entries`` under one hold of the chain head's lock."""
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        for entry in entries:
            entry.seq = head.seq + 1
            entry.prev_hash = head.entry_hash
            entry.at = timezone.now()
            entry.entry_hash = entry_digest(entry)
            head.seq, head.entry_hash = entry.seq, entry.entry_hash
        AuditEntry.objects.bulk_create(entries)
        # "At least hourly" without a scheduler: the head row is already locked and read,
        # so deciding costs nothing; signing when due costs one INSERT.
        now = timezone.now()
        if checkpoints.is_due(head, now):
            checkpoints.write(head, now)
        head.save(update_fields=["seq", "entry_hash", "checkpoint_at"])
    return entries


def record(
    request: HttpRequest | None,
    action: str,
    *,
    user=None,
    person=None,
    obj=None,
    detail: str = "",
    purpose: str = "",
) -> AuditEntry:
    entry = _entry(
        request, action, user=user, person=person, obj=obj, detail=detail, purpose=purpose
    )
    return _append([entry])[0]


def record_each(
    request: HttpRequest | None, action: str, people, *, detail: str = "", user=None, obj=None
) -> list[AuditEntry]:
    """One entry per person, written together: a list page naming many children writes
    ``LISTED`` (a name shown, not a record opened), which "who has seen" counts apart."""
    return _append(
        [
            _entry(request, action, user=user, person=p, obj=obj, detail=detail, purpose="")
            for p in people
        ]
    )
