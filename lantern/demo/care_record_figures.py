"""The demo's permanence, court, missing and leaving-care figures beside England's
(``report``), measured from the records as a council's performance team would."""

import datetime as dt

from django.db.models import Q

from lantern.care import codes
from lantern.care.eligibility import age_on
from lantern.care.models import (
    AdoptionPlan,
    CareLeaverContact,
    CourtApplication,
    MissingEpisode,
    PeriodOfCare,
)
from lantern.clocks.models import Deadline

YEAR = dt.timedelta(days=365)
DAY = dt.timedelta(days=1)
FEWEST = 10  # an average of fewer is not judged: one long case moves it too far


def _share(hits: int, n: int) -> tuple[float | None, int]:
    return (hits / n if n else None), n


def _mean(values: list[float]) -> tuple[float | None, int]:
    return (sum(values) / len(values) if len(values) >= FEWEST else None), len(values)


def measure(today: dt.date) -> dict[str, tuple[float | None, int]]:
    year_ago = today - YEAR
    got: dict[str, tuple[float | None, int]] = {}
    placed = AdoptionPlan.objects.filter(placed_on__isnull=False).select_related("period")
    got["adoption_care_to_placed"] = _mean(
        [(a.placed_on - a.period.start_date).days for a in placed]
    )
    ended = CourtApplication.objects.filter(
        kind__in=CourtApplication.CARE_PROCEEDINGS, concluded_on__isnull=False
    ).values_list("issued_on", "concluded_on")
    got["proceedings_weeks"] = _mean([(e - i).days / 7 for i, e in ended])

    in_year = set(
        PeriodOfCare.objects.filter(
            Q(end_date__isnull=True) | Q(end_date__gt=year_ago), start_date__lte=today
        ).values_list("person_id", flat=True)
    )
    went = set(
        MissingEpisode.objects.filter(
            period__isnull=False, start_date__gt=year_ago, start_date__lte=today
        ).values_list("person_id", flat=True)
    )
    got["missing_looked_after"] = _share(len(went & in_year), len(in_year))
    returns = MissingEpisode.objects.filter(end_date__gt=year_ago, end_date__lte=today - 3 * DAY)
    timed = list(returns.values_list("end_date", "rhi_offered_on"))
    got["rhi_in_time"] = _share(
        sum(o is not None and (o - e).days <= 3 for e, o in timed), len(timed)
    )

    due = Deadline.objects.filter(
        rule__code__in=("pathway_plan", "pathway_plan_review"),
        due_on__gt=year_ago,
        due_on__lte=today,
    )
    rows = list(due.values_list("due_on", "closed_on", "state"))
    got["pathway_plans_in_time"] = _share(
        sum(s == Deadline.State.MET and c is not None and c <= d for d, c, s in rows), len(rows)
    )

    contacts = CareLeaverContact.objects.filter(contact_on__gt=year_ago - YEAR)
    adults = [
        (t, a)
        for t, a, dob, on in contacts.values_list(
            "in_touch", "activity", "person__date_of_birth", "contact_on"
        )
        if 19 <= age_on(dob, on) <= 21
    ]
    got["leavers_in_touch"] = _share(sum(t == "YES" for t, _ in adults), len(adults))
    got["leavers_eet"] = _share(sum(a in codes.EET for _, a in adults), len(adults))
    return got
