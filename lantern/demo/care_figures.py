"""The demo's care figures beside England's (``report``): the placement mix on the day,
moves in the year and long-term stability, measured from the placements as a council's
performance team would from its SSDA903 return."""

import datetime as dt
from collections import defaultdict

from django.db.models import Q

from lantern.care.models import PeriodOfCare, Placement
from lantern.people.models import Person

YEAR = dt.timedelta(days=365)
MIX = {  # target key: placement types
    "placed_foster": ("U1", "U2", "U3", "U4", "U5", "U6"),
    "placed_kinship": ("U1", "U2", "U3"),
    "placed_residential": ("K1", "K2"),
    "placed_parents": ("P1",),
    "placed_supported": ("K3", "H5"),
    "placed_adoption": ("A3", "A4", "A5", "A6"),
}
LONG_STAY = dt.timedelta(days=913)  # 2.5 years


def _share(hits: int, n: int) -> tuple[float | None, int]:
    return (hits / n if n else None), n


def measure(today: dt.date) -> dict[str, tuple[float | None, int]]:
    looked_after = set(
        Person.objects.filter(care_status="looked_after").values_list("id", flat=True)
    )
    open_periods = dict(
        PeriodOfCare.objects.filter(
            Q(end_date__isnull=True) | Q(end_date__gt=today),
            start_date__lte=today,
            person_id__in=looked_after,
        ).values_list("person_id", "start_date")
    )
    rows = defaultdict(list)
    for pid, start, end, carer, ptype in (
        Placement.objects.filter(person_id__in=looked_after, start_date__lte=today)
        .order_by("start_date", "pk")
        .values_list("person_id", "start_date", "end_date", "carer_id", "placement_type")
    ):
        rows[pid].append((start, end, carer, ptype))
    now = {pid: p[-1] for pid, p in rows.items() if p[-1][1] is None or p[-1][1] > today}
    got = {}
    for key, types in MIX.items():
        got[key] = _share(sum(p[3] in types for p in now.values()), len(looked_after))
    moved = 0
    for placements in rows.values():
        carers = {p[2] for p in placements if p[1] is None or p[1] > today - YEAR}
        moved += len(carers) >= 3
    got["three_placements"] = _share(moved, len(looked_after))
    births = dict(Person.objects.filter(id__in=looked_after).values_list("id", "date_of_birth"))
    stable = n = 0
    for pid, start in open_periods.items():
        dob = births.get(pid)
        if not dob or _age(dob, today) >= 16 or start > today - LONG_STAY or pid not in now:
            continue
        n += 1
        run = rows[pid]
        since, carer = run[-1][0], run[-1][2]
        for placement in reversed(run):
            if placement[2] != carer:
                break
            since = placement[0]
        stable += since <= today - 2 * YEAR
    got["long_term_stability"] = _share(stable, n)
    return got


def _age(dob: dt.date, day: dt.date) -> int:
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))
