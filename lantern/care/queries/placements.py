"""Reads about where a looked-after child lives: the current placement, who is looked after
on a day, placement stability, and whether a child leaving care is a care leaver."""

import datetime as dt
from itertools import pairwise

from django.db.models import Q

from lantern.care.codes import TEMPORARY_PLACEMENTS
from lantern.care.models import LegalStatus, PeriodOfCare, Placement
from lantern.people.models import Person
from lantern.prepared import prepared

# Children (Leaving Care) Act 2000; Care Leavers (England) Regulations 2010 reg 3: an
# eligible child has been looked after for 13 weeks since 14, ending after their 16th
# birthday. Pre-planned short breaks (V3, V4) do not count (reg 3(2)).
QUALIFYING_DAYS = 13 * 7
SHORT_BREAKS = ("V3", "V4")


def current_placement(person: Person, on: dt.date | None = None) -> Placement | None:
    """The placement the child is in (today, or on ``on``), None if not looked after."""
    placements = Placement.objects.filter(person=person).select_related("carer", "period")
    if on is None:
        return placements.filter(end_date__isnull=True).order_by("-start_date").first()
    return (
        placements.filter(start_date__lte=on)
        .filter(Q(end_date__isnull=True) | Q(end_date__gt=on))
        .order_by("-start_date", "-pk")
        .first()
    )


def current_legal_status(person: Person) -> LegalStatus | None:
    return (
        LegalStatus.objects.filter(person=person, end_date__isnull=True)
        .order_by("-start_date")
        .first()
    )


def open_period(person: Person) -> PeriodOfCare | None:
    return PeriodOfCare.objects.filter(person=person, end_date__isnull=True).first()


def looked_after_on(day: dt.date):
    """The people looked after on ``day``: a period started on or before it and not ended
    before it (a child who leaves care on a day was looked after that day, as the 903
    counts a period ending on 31 March as open on 31 March)."""
    periods = PeriodOfCare.objects.filter(start_date__lte=day).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=day)
    )
    return Person.objects.filter(pk__in=periods.values("person_id"))


def placement_moves(person: Person, today: dt.date) -> int:
    """Placement moves in the 12 months to ``today`` (``moves_by_child``)."""
    return moves_by_child([person.pk], today).get(person.pk, 0)


def moves_by_child(child_ids, today: dt.date) -> dict[int, int]:
    """Placement moves in the 12 months to ``today``, by child id (children with none left
    out): the DfE's placement stability measure (Children looked after in England,
    "children with 3 or more placements during the year"; SSDA903 guidance) counts each
    placement starting in the year except the first of a period of care, and leaves
    temporary placements (T0–T4) and the return from them out, because a holiday or a stay
    in hospital is not a move. One definition for the child's page, the team's stability
    view and the figures."""
    since = _year_before(today)
    periods = PeriodOfCare.objects.filter(person_id__in=child_ids).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=since)
    )
    rows = Placement.objects.filter(period__in=periods).order_by("period_id", "start_date", "pk")
    by_period: dict[int, list[Placement]] = {}
    for placement in rows:
        by_period.setdefault(placement.period_id, []).append(placement)
    moves: dict[int, int] = {}
    for placements in by_period.values():
        counted = _moves_in(placements, since, today)
        if counted:
            person_id = placements[0].person_id
            moves[person_id] = moves.get(person_id, 0) + counted
    return moves


def _moves_in(placements: list[Placement], since: dt.date, today: dt.date) -> int:
    moves = 0
    for before, placement in pairwise(placements):
        if not since < placement.start_date <= today:
            continue
        if placement.placement_type in TEMPORARY_PLACEMENTS:
            continue
        if before.placement_type in TEMPORARY_PLACEMENTS:
            # Back from a temporary placement: a move only if not to the same carer.
            earlier = [p for p in placements if p.start_date < before.start_date]
            settled = [p for p in earlier if p.placement_type not in TEMPORARY_PLACEMENTS]
            if settled and settled[-1].carer_id == placement.carer_id:
                continue
        moves += 1
    return moves


def _year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _birthday(person: Person, age: int) -> dt.date:
    born = person.date_of_birth
    try:
        return born.replace(year=born.year + age)
    except ValueError:
        return born.replace(year=born.year + age, day=28)


def days_looked_after_since_14(person: Person, until: dt.date) -> int:
    """Days looked after from the 14th birthday to ``until``, short breaks left out."""
    if person.date_of_birth is None:
        return 0
    fourteen = _birthday(person, 14)
    days = 0
    for status in LegalStatus.objects.filter(person=person).exclude(code__in=SHORT_BREAKS):
        start = max(status.start_date, fourteen)
        end = min(status.end_date or until, until)
        days += max((end - start).days, 0)
    return days


def leaves_as_care_leaver(person: Person, on: dt.date) -> bool:
    """Whether a child ceasing to be looked after on ``on`` is a care leaver (relevant or
    former relevant): 16 or over, looked after 13 weeks since 14."""
    if person.date_of_birth is None or on < _birthday(person, 16):
        return False
    return days_looked_after_since_14(person, on) >= QUALIFYING_DAYS


def periods_of(person) -> list[PeriodOfCare]:
    """The child's periods of care, newest first, read once per page: every care section of
    the casework page asks first whether the child was ever looked after."""
    cached = getattr(person, "_periods_of_care", None)
    if cached is None:
        cached = person._periods_of_care = _periods(person.pk)
    return cached


@prepared
def _periods(person_id):
    return PeriodOfCare.objects.filter(person_id=person_id).order_by("-start_date")
