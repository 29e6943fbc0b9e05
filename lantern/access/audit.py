"""Writing the audit log. Every view of a child's record and every change calls ``record``.

An entry is a plain INSERT in the caller's transaction: it commits with the action it
records, or rolls back with it, and takes no lock another request could wait on. Its
sequence number and hash come later, from the sealer (``lantern.access.sealing``).

A page that only reads (GET, HEAD) may write several entries: the look, and one per child
named in its lists. Outside a transaction they are gathered and written together as the
response leaves (``gathered_during``, run by ``AuditGatheringMiddleware``) in one
statement however long the lists, each with the time it was recorded. Inside a
transaction an entry is still written at once, so it commits or rolls back with the
action it records.
"""

import datetime as dt
import functools
import hashlib
import json
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import connections, transaction
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


# The entries a read-only request has recorded so far, each with the people a list's entry
# is written for (``record_each``; None for a single entry), and how deep in transactions
# the request began; None outside one.
_gathering: ContextVar[tuple[list[tuple[AuditEntry, list[int] | None]], int] | None] = ContextVar(
    "lantern_audit", default=None
)


def _append(entry: AuditEntry, people: list[int] | None) -> None:
    """Record ``entry`` (or, given ``people``, one entry like it for each of them), unsealed:
    gathered for the end of a read-only request, unless the caller is inside a transaction
    of its own; else written now, in that transaction."""
    entry.at = timezone.now()
    gathering = _gathering.get()
    if gathering is not None and len(transaction.get_connection().atomic_blocks) <= gathering[1]:
        gathering[0].append((entry, people))
    else:
        _write([(entry, people)])


def _write(items: list[tuple[AuditEntry, list[int] | None]]) -> None:
    """All of a request's entries in one INSERT: each entry, and each list's entries as one
    SELECT over the list's ids, so what a list's entries share is sent once. A list naming
    400 children is one small statement, not 400 rows of 16 parameters (about 50 µs a row
    in the driver, most of a team view's time). The statement's text depends only on which
    entries are lists (``_insert_sql``), so it is written once per process and prepared by
    the database like any other read; a page's single entry took the ORM's insert, built
    afresh every time, a tenth of a record page's Python."""
    items = [(entry, people) for entry, people in items if people is None or people]
    if not items:
        return
    connection = transaction.get_connection()
    fields = _inserted_fields()
    params = []
    for entry, people in items:
        for field in fields:
            if field.name != "person" or people is None:
                params.append(field.get_db_prep_save(getattr(entry, field.attname), connection))
        if people is not None:
            params.append(list(people) if connection.vendor == "postgresql" else json.dumps(people))
    shape = tuple(people is not None for _, people in items)
    with connection.cursor() as cursor:
        cursor.execute(_insert_sql(connection.alias, shape), params)
        if shape == (False,):  # one entry, written at once: its id, as the ORM gave it
            items[0][0].pk = cursor.fetchone()[0]


@functools.cache
def _inserted_fields() -> list:
    return [f for f in AuditEntry._meta.concrete_fields if not f.primary_key]


@functools.lru_cache(maxsize=64)
def _insert_sql(alias: str, shape: tuple[bool, ...]) -> str:
    """The INSERT for entries of this shape (True: a list's entries, one per person).
    PostgreSQL is told each value's column type, since a value in a SELECT is not matched
    to its column as one in VALUES is. Names come from the model; every value is a
    parameter."""
    connection = connections[alias]
    postgres = connection.vendor == "postgresql"
    fields = _inserted_fields()
    value = {f.name: f"CAST(%s AS {f.db_type(connection)})" if postgres else "%s" for f in fields}
    selects = []
    for listed in shape:
        picked = ["p.person_id" if listed and f.name == "person" else value[f.name] for f in fields]
        select = f"SELECT {', '.join(picked)}"
        if listed and postgres:
            select += " FROM unnest(%s::bigint[]) AS p(person_id)"
        elif listed:  # SQLite: the ids as a JSON array, read by json_each
            select += " FROM (SELECT value AS person_id FROM json_each(%s)) AS p"
        selects.append(select)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    table = quote(AuditEntry._meta.db_table)
    sql = f"INSERT INTO {table} ({columns}) " + " UNION ALL ".join(selects)
    return sql + f" RETURNING {quote(AuditEntry._meta.pk.column)}" if shape == (False,) else sql


@contextmanager
def gathered_during():
    """Gathers the entries recorded inside the block and writes them when it ends, however
    it ends: an error after a record was read still leaves the look in the log."""
    entries: list[tuple[AuditEntry, list[int] | None]] = []
    token = _gathering.set((entries, len(transaction.get_connection().atomic_blocks)))
    try:
        yield
    finally:
        _gathering.reset(token)
        _write(entries)


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
    _append(entry, None)
    return entry


def record_each(
    request: HttpRequest | None, action: str, people, *, detail: str = "", user=None, obj=None
) -> None:
    """One entry per person, written together: a list page naming many children writes
    ``LISTED`` (a name shown, not a record opened), which "who has seen" counts apart. The
    entries differ only in the person: one SELECT over their ids (``_write``)."""
    entry = _entry(request, action, user=user, person=None, obj=obj, detail=detail, purpose="")
    _append(entry, [p.pk for p in people])
