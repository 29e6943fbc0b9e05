"""Reading a person's chronology: newest first, filterable, one indexed query per page.

Pages are cut by keyset ("older than this entry"), not OFFSET, so the 40th page of a
2,000-entry chronology costs the same as the first: the database walks the
(person, occurred_at, id) index from the cursor and stops after one page.
"""

import base64
import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.apps import apps
from django.db import connection
from django.db.models import Q, Value
from django.db.models.functions import Cast
from django.urls import NoReverseMatch

from lantern.chronology.kinds import KEY_CODES
from lantern.chronology.models import ChronologyEntry
from lantern.ids import parse_id
from lantern.prepared import prepared

LONDON = ZoneInfo("Europe/London")

PAGE_SIZE = 50


@dataclass
class ChronologyPage:
    entries: list[ChronologyEntry]
    older_cursor: str | None


def encode_cursor(entry: ChronologyEntry) -> str:
    raw = f"{entry.occurred_at.isoformat()}|{entry.pk}"
    return base64.urlsafe_b64encode(raw.encode()).decode()


def decode_cursor(cursor: str) -> tuple[dt.datetime, int] | None:
    try:
        when, pk = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        # A cursor is from the URL: a naive time or one before year 1 in UTC is not ours.
        at, pk = dt.datetime.fromisoformat(when), parse_id(pk)
        at = at.astimezone(dt.UTC) if at.tzinfo is not None else None
    except (ValueError, UnicodeDecodeError, OverflowError):
        return None
    return (at, pk) if at is not None and pk is not None else None


def _newest_first(entries, page_size: int = PAGE_SIZE):
    """A page of entries and one more (to know whether there is an older page)."""
    return entries.select_related("agency").order_by("-occurred_at", "-id")[: page_size + 1]


# The record page as it opens, and its key events: SQL written once (``lantern.prepared``).
@prepared
def _latest(person_id):
    return _newest_first(ChronologyEntry.objects.filter(person_id=person_id))


@prepared
def _latest_key_events(person_id):
    return _newest_first(ChronologyEntry.objects.filter(person_id=person_id, kind__in=KEY_CODES))


def chronology_page(
    person,
    *,
    agency_id: int | None = None,
    kind: str | None = None,
    key_only: bool = False,
    cursor: str | None = None,
    page_size: int = PAGE_SIZE,
) -> ChronologyPage:
    position = decode_cursor(cursor) if cursor else None
    if not (agency_id or kind or position) and page_size == PAGE_SIZE:
        rows = (_latest_key_events if key_only else _latest)(person.pk)  # as the page opens
    else:
        rows = _filtered(person, agency_id, kind, key_only, position, page_size)
    older = encode_cursor(rows[page_size - 1]) if len(rows) > page_size else None
    return ChronologyPage(rows[:page_size], older)


def _filtered(person, agency_id, kind, key_only, position, page_size) -> list:
    entries = ChronologyEntry.objects.filter(person=person)
    if agency_id:
        entries = entries.filter(agency_id=agency_id)
    if kind:
        entries = entries.filter(kind=kind)
    if key_only:
        entries = entries.filter(kind__in=KEY_CODES)
    if position:
        when, pk = position
        entries = entries.filter(Q(occurred_at__lt=when) | Q(occurred_at=when, id__lt=pk))
    return list(_newest_first(entries, page_size))


@prepared
def _sources(person_id):
    return (
        ChronologyEntry.objects.filter(person_id=person_id)
        .values_list("kind", "agency_id", "agency__code", "agency__name", "agency__kind")
        .distinct()
        .order_by()
    )


def sources_in(person) -> tuple[list, list[str]]:
    """The agencies and kinds present in a person's chronology, for the filter lists.

    One statement: the distinct (kind, agency) pairs with the agency's name, read in the
    (person, kind, …) index. Two DISTINCTs (kinds; agencies through a subquery) cost about
    as much in the database and twice as much building the queries, which is where a page's
    CPU goes; one EXISTS per agency and kind was ten times slower again.
    """
    from lantern.agencies.models import Agency

    kinds: set[str] = set()
    agencies: dict[int, Agency] = {}
    for kind, agency_id, code, name, agency_kind in _sources(person.pk):
        kinds.add(kind)
        if agency_id not in agencies:
            agencies[agency_id] = Agency(pk=agency_id, code=code, name=name, kind=agency_kind)
    return sorted(agencies.values(), key=lambda a: (a.name, a.pk)), sorted(kinds)


def chronology_between(
    person,
    *,
    start: dt.date,
    end: dt.date,
    agency_ids: list[int] | None = None,
    key_only: bool = False,
) -> list[ChronologyEntry]:
    """Every entry from ``start`` to ``end`` (London days, both included), oldest first, as a
    court chronology reads. A date-only entry is stored at its date's midnight UTC, which is
    inside its own London day and never inside the next, so the same bounds serve both."""
    entries = ChronologyEntry.objects.filter(
        person=person,
        occurred_at__gte=dt.datetime.combine(start, dt.time(0), tzinfo=LONDON),
        occurred_at__lt=dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0), tzinfo=LONDON),
    )
    if agency_ids is not None:
        entries = entries.filter(agency_id__in=agency_ids)
    if key_only:
        entries = entries.filter(kind__in=KEY_CODES)
    return list(entries.select_related("agency").order_by("occurred_at", "id"))


@dataclass
class Month:
    first_day: dt.date
    entries: list


def by_month(entries: list[ChronologyEntry]) -> list[Month]:
    """Runs of entries in the same calendar month, in the order given."""
    months: list[Month] = []
    for entry in entries:
        first = entry.occurred_on.replace(day=1)
        if not months or months[-1].first_day != first:
            months.append(Month(first, []))
        months[-1].entries.append(entry)
    return months


def _url(record) -> str:
    try:
        return record.get_absolute_url()
    except (AttributeError, NoReverseMatch):  # a kind of record without a page of its own
        return ""


@dataclass(frozen=True)
class Source:
    label: str  # "Child protection conference"
    url: str  # "" where the record has no page of its own


def sources_of(entries: list[ChronologyEntry]) -> dict[int, Source]:
    """The record each entry came from, every kind of record on the page read in one
    statement: each kind's own prepared read (``_kind_read``), joined by ``UNION ALL``. A
    page holds one of thousands of combinations of kinds, and a QuerySet of a combination
    took 6 ms to compile, for most pages afresh; each kind's SQL is written once. The
    record's own page applies the access policy again when it is opened."""
    refs: dict[str, set[int]] = defaultdict(set)
    for entry in entries:
        pk = parse_id(entry.source_ref)
        if entry.source_type and pk is not None:
            refs[entry.source_type].add(pk)
    kinds = []
    for label in sorted(refs):
        try:
            kinds.append((label, apps.get_model(label)))
        except (LookupError, ValueError):
            continue
    if not kinds:
        return {}
    parts = [_kind_read(model).statement(frozenset(refs[label])) for label, model in kinds]
    # Each row says which kind it is (ids repeat across kinds): its place in ``kinds``, a
    # number this function wrote, not a value from anywhere else.
    sql = " UNION ALL ".join(
        f"SELECT {index} AS kind_index, part.* FROM ({part}) part"  # noqa: S608
        for index, (part, _) in enumerate(parts)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for _, values in parts for value in values])
        rows = cursor.fetchall()
    columns = list(_link_columns())
    found: dict[tuple[str, int], Source] = {}
    for index, pk, *link in rows:
        label, model = kinds[index]
        found[(label, pk)] = _source(model, pk, dict(zip(columns, link, strict=True)))
    out = {}
    for entry in entries:
        source = found.get((entry.source_type, parse_id(entry.source_ref)))
        if source is not None:
            out[entry.pk] = source
    return out


def _link_fields(model) -> tuple[str, ...]:
    """What a record's URL is made of besides its id: the person, and a conference's kind
    (``url_fields``), read with the ids rather than one query per record."""
    if not hasattr(model, "get_absolute_url"):
        return ()
    person = ("person_id",) if hasattr(model, "person_id") else ()
    return person + tuple(getattr(model, "url_fields", ()))


def _source(model, pk: int, link: dict) -> Source:
    name = str(model._meta.verbose_name)
    name = name[:1].upper() + name[1:]  # "CIN plan", not "Cin plan"
    if not hasattr(model, "get_absolute_url"):
        return Source(name, "")
    fields = _link_fields(model)
    values = [pk, *(link[name] for name in fields)]
    record = model.from_db(model._base_manager.db, [model._meta.pk.attname, *fields], values)
    return Source(name, _url(record))


@functools.cache
def _link_columns() -> dict:
    """Every link field of every kind of record, in a fixed order, each with its type: the
    columns each kind's read gives, a NULL where the kind has no such field, so that any
    kinds' reads can be joined."""
    columns = {}
    for model in apps.get_models():
        for name in _link_fields(model):
            field = model._meta.get_field(name)
            columns.setdefault(name, getattr(field, "target_field", field))
    return dict(sorted(columns.items()))


@functools.cache
def _kind_read(model):
    """A kind's records by id, each with its link fields: one part of ``sources_of``'s
    statement."""
    columns = _link_columns()

    def records(ids):
        return (
            model._base_manager.filter(pk__any=ids)
            .order_by()
            .values_list("pk", *(_column(model, name, columns[name]) for name in columns))
        )

    records.__qualname__ = f"sources_of.{model._meta.label}"
    return prepared(records)


def _column(model, name: str, field):
    if name in _link_fields(model):
        return name
    return Cast(Value(None), output_field=type(field)())


def with_sources(entries: list[ChronologyEntry]) -> list[ChronologyEntry]:
    """The entries, each with ``.source`` (a ``Source`` or None) for the page to link."""
    found = sources_of(entries)
    for entry in entries:
        entry.source = found.get(entry.pk)
    return entries
