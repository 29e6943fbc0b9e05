"""OC2, OC3, UASC and Missing: written from the care app's own reads of the year
(``care.queries``), so the return and the care pages say the same thing."""

from django.utils import timezone

from lantern.care.queries.health import oc2_rows
from lantern.care.queries.leaving_care import oc3_rows as care_leaver_rows
from lantern.care.queries.missing import missing_rows as care_missing_rows
from lantern.care.queries.uasc import uasc_rows as care_uasc_rows
from lantern.returns.years import CollectionYear


def oc2(year: CollectionYear) -> list[dict]:
    """A year still in progress reports each child's latest SDQ of the last 12 months (see
    ``oc2_rows``): the annual SDQ of a child in care all year may not be due yet."""
    return oc2_rows(year.end, as_at=timezone.localdate())


def oc3(year: CollectionYear) -> list[dict]:
    """One row per care leaver whose 17th to 21st birthday is in the year."""
    rows = care_leaver_rows(year.end)
    rows.sort(key=lambda r: (r.person.council_id, r.birthday))
    return [r.as_903() for r in rows]


def oc3_people(year: CollectionYear) -> set[int]:
    return {r.person.pk for r in care_leaver_rows(year.end)}


def uasc(year: CollectionYear) -> list[dict]:
    return care_uasc_rows(year.end)


def missing(year: CollectionYear) -> list[dict]:
    return care_missing_rows(year.start, year.end)
