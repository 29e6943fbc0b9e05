"""Writing the audit log. Every view of a child's record and every change calls ``record``.

An entry is a plain INSERT in the caller's transaction: it commits with the action it
records, or rolls back with it, and takes no lock another request could wait on. Its
sequence number and hash come later, from the sealer (``lantern.access.sealing``).

A page that only reads (GET, HEAD) may write several entries: the look, and one per child
named in its lists. Outside a transaction they are gathered and written together as the
response leaves (``gathered_during``, run by ``AuditGatheringMiddleware``), one INSERT
instead of one per call, each with the time it was recorded. Inside a transaction an entry
is still written at once, so it commits or rolls back with the action it records.
"""

import datetime as dt
import hashlib
import json
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from lantern.access.models import AuditEntry

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
    """SHA-256 over the entry's content, its seal and the previous hash, in a canonical JSON
    form. Entries chained before sealing was separate have no seal time, and hash as then."""
    content = {name: getattr(entry, name) for name in HASHED_FIELDS}
    content["at"] = entry.at.astimezone(dt.UTC).isoformat()
    if entry.sealed_at is not None:
        content["sealed_at"] = entry.sealed_at.astimezone(dt.UTC).isoformat()
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


# The entries a read-only request has recorded so far and how deep in transactions it
# began, or None outside one.
_gathering: ContextVar[tuple[list[AuditEntry], int] | None] = ContextVar(
    "lantern_audit", default=None
)


def _append(entries: list[AuditEntry]) -> list[AuditEntry]:
    """Record ``entries``, unsealed: gathered for the end of a read-only request, unless
    the caller is inside a transaction of its own; else inserted now, in that transaction."""
    now = timezone.now()
    for entry in entries:
        entry.at = now
    gathering = _gathering.get()
    if gathering is not None and len(transaction.get_connection().atomic_blocks) <= gathering[1]:
        gathering[0].extend(entries)
        return entries
    return _insert(entries)


def _insert(entries: list[AuditEntry]) -> list[AuditEntry]:
    """One statement. A single entry is a plain INSERT: ``bulk_create`` would wrap it in a
    transaction of its own, BEGIN and COMMIT as two more round trips to the database."""
    if len(entries) == 1:
        entries[0].save(force_insert=True)
        return entries
    return AuditEntry.objects.bulk_create(entries) if entries else entries


@contextmanager
def gathered_during():
    """Gathers the entries recorded inside the block and writes them when it ends, however
    it ends: an error after a record was read still leaves the look in the log."""
    entries: list[AuditEntry] = []
    token = _gathering.set((entries, len(transaction.get_connection().atomic_blocks)))
    try:
        yield
    finally:
        _gathering.reset(token)
        _insert(entries)


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
