"""The demo's figures for looked-after children's reviews, health and education beside
England's (``report``): reviews held in time in the year, and the OC2 outcomes for children
looked after 12 months, measured from the records as a performance team would."""

import datetime as dt
import statistics

from django.db.models import Q

from lantern.care.models import (
    DentalCheck,
    HealthAssessment,
    ImmunisationStatus,
    PeriodOfCare,
    StrengthsAndDifficulties,
)
from lantern.clocks.models import Deadline

YEAR = dt.timedelta(days=365)
REVIEW_CLOCKS = ("first_lac_review", "second_lac_review", "lac_review")


def _share(hits: int, n: int) -> tuple[float | None, int]:
    return (hits / n if n else None), n


def measure(today: dt.date) -> dict[str, tuple[float | None, int]]:
    got = {}
    met = Deadline.objects.filter(
        rule__code__in=REVIEW_CLOCKS, state="met", closed_on__gt=today - YEAR
    ).values_list("due_on", "closed_on")
    got["lac_reviews_in_time"] = _share(sum(c <= d for d, c in met), len(met))
    initial = Deadline.objects.filter(
        rule__code="initial_health_assessment", state="met", closed_on__gt=today - 2 * YEAR
    ).values_list("due_on", "closed_on")
    got["iha_in_time"] = _share(sum(c <= d for d, c in initial), len(initial))
    long_stay = set(
        PeriodOfCare.objects.filter(
            Q(end_date__isnull=True) | Q(end_date__gte=today), start_date__lte=today - YEAR
        ).values_list("person_id", flat=True)
    )
    n = len(long_stay)
    recent = today - YEAR

    def had(model, field):
        rows = model.objects.filter(person_id__in=long_stay, **{f"{field}__gt": recent})
        return len(set(rows.values_list("person_id", flat=True)))

    got["health_assessments"] = _share(had(HealthAssessment, "assessed_on"), n)
    got["dental_checks"] = _share(had(DentalCheck, "checked_on"), n)
    latest = {}
    for pid, up in (
        ImmunisationStatus.objects.filter(person_id__in=long_stay)
        .order_by("as_at", "pk")
        .values_list("person_id", "up_to_date")
    ):
        latest[pid] = up
    got["immunisations"] = _share(sum(latest.values()), n)
    scores = list(
        StrengthsAndDifficulties.objects.filter(score__isnull=False).values_list("score", flat=True)
    )
    got["sdq_mean"] = (statistics.fmean(scores) if scores else None), len(scores)
    return got
