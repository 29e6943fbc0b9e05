"""Reads of looked-after children's health: the casework panel's summary and the SSDA903
OC2 rows.

The OC2 table is for children looked after continuously for at least 12 months at 31 March
(DfE SSDA903 guidance; the validator's ``CONTINUOUSLY_LOOKED_AFTER``): looked after on 1
April and every day to 31 March, with no short-break (V3/V4) legal status in the year. Each
flag is read from the records of the year, so the return says what the workers recorded.
"""

import datetime as dt
from collections import defaultdict

from django.db.models import Q

from lantern.care import codes
from lantern.care.models import (
    Conviction,
    DentalCheck,
    HealthAssessment,
    ImmunisationStatus,
    LegalStatus,
    PeriodOfCare,
    StrengthsAndDifficulties,
    SubstanceMisuse,
)
from lantern.clocks.models import Deadline

OC2_COLUMNS = (
    "CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
    "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
)  # fmt: skip
SHORT_BREAKS = ("V3", "V4")
HEALTH_CLOCKS = (
    "initial_health_assessment",
    "review_health_assessment",
    "review_health_assessment_under_5",
)
# OC2 HEALTH_CHECK (health promotion / development checks) is for under-5s only (903 rules
# 545, 546); an under-5's assessments are up to date when one was done in the last 6 months.
UNDER_5, UNDER_5_INTERVAL_DAYS = 5, 183
CONVICTION_AGE = 10  # the age of criminal responsibility
AGE_REASON = "SDQ1"  # no SDQ because of the child's age


def collection_start(year_end: dt.date) -> dt.date:
    return year_end.replace(year=year_end.year - 1) + dt.timedelta(days=1)


def _short_break_children(periods, start: dt.date, end: dt.date) -> set[int]:
    """Children with a V3/V4 status on any day of the year. A status runs until the next
    one in its period starts (its own end date is set only when the period ends)."""
    by_period = defaultdict(list)
    for status in LegalStatus.objects.filter(period__in=periods).order_by("start_date", "pk"):
        by_period[status.period_id].append(status)
    found = set()
    for statuses in by_period.values():
        for this, after in zip(statuses, [*statuses[1:], None], strict=True):
            until = after.start_date - dt.timedelta(days=1) if after else this.end_date
            overlaps = this.start_date <= end and (until is None or until >= start)
            if this.code in SHORT_BREAKS and overlaps:
                found.add(this.person_id)
    return found


def oc2_cohort(year_end: dt.date) -> list:
    """The children looked after continuously for at least 12 months at ``year_end``: a
    period that ends on 31 March itself still counts, as SSDA903 rule 191 reads DEC."""
    start = collection_start(year_end)
    periods = PeriodOfCare.objects.filter(start_date__lte=start).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=year_end)
    )
    excluded = _short_break_children(periods, start, year_end)
    people = {p.person_id: p.person for p in periods.select_related("person")}
    return sorted((p for pk, p in people.items() if pk not in excluded), key=lambda p: p.council_id)


def _in_year(model, date_field: str, people, start, end) -> dict[int, list]:
    found = defaultdict(list)
    rows = model.objects.filter(
        person__in=people, **{f"{date_field}__gte": start, f"{date_field}__lte": end}
    ).order_by(date_field, "pk")
    for row in rows:
        found[row.person_id].append(row)
    return found


def _flag(value: bool) -> int:
    return 1 if value else 0


def oc2_rows(year_end: dt.date, as_at: dt.date | None = None) -> list[dict]:
    """One dict per child in the OC2 cohort, keyed by the 903 column names; ``None`` is a
    blank cell. Dates are ``datetime.date``: the returns writer formats them.

    ``as_at`` before ``year_end`` is a year still in progress: its SDQ is the latest in the
    12 months up to ``as_at``, since a child's annual SDQ may not be due again until after
    that day and the one done last year is the child's current score (rule 186 asks for a
    score for every child of SDQ age). Once the year is over, only the year's own count."""
    start = collection_start(year_end)
    people = oc2_cohort(year_end)
    year = (people, start, year_end)
    sdq_window = year
    if as_at is not None and as_at < year_end:
        sdq_window = (people, collection_start(as_at), as_at)
    assessments = _in_year(HealthAssessment, "assessed_on", *year)
    dental = _in_year(DentalCheck, "checked_on", *year)
    immunisations = _in_year(ImmunisationStatus, "as_at", *year)
    sdqs = _in_year(StrengthsAndDifficulties, "completed_on", *sdq_window)
    misuse = _in_year(SubstanceMisuse, "identified_on", *year)
    convictions = _in_year(Conviction, "convicted_on", *year)
    youngest, oldest = codes.SDQ_AGES
    rows = []
    for child in people:
        pk = child.pk
        row = dict.fromkeys(OC2_COLUMNS)
        row.update(CHILD=child.council_id, DOB=child.date_of_birth)
        # The SDQ is asked of a child who is 4 by the end of the year and not yet 17 at
        # its start (rules 188, 189: otherwise both cells stay blank); a child 4 all year
        # and under 17 at its end must have one (186). A child turning 4 or 17 in the year
        # must have a score or a reason (197B): with no SDQ recorded, the reason is their
        # age (SDQ1), since for part of the year they were too young or too old for one.
        # The validator counts a birthday on 1 April itself as in the year (197B, 189).
        age_before, age_at_end = child.age_on(start - dt.timedelta(days=1)), child.age_on(year_end)
        if age_at_end is not None and age_at_end >= youngest and age_before <= oldest:
            if sdqs[pk]:
                row["SDQ_SCORE"] = sdqs[pk][-1].score
                row["SDQ_REASON"] = sdqs[pk][-1].reason or None
            elif age_before < youngest or age_at_end > oldest:
                row["SDQ_REASON"] = AGE_REASON
        # Rule 542: no conviction information for a child under 10 at 31 March.
        if age_at_end is not None and age_at_end >= CONVICTION_AGE:
            row["CONVICTED"] = _flag(convictions[pk])
        if age_at_end is not None and age_at_end < UNDER_5:
            last = assessments[pk][-1].assessed_on if assessments[pk] else None
            recent = last is not None and (year_end - last).days <= UNDER_5_INTERVAL_DAYS
            row["HEALTH_CHECK"] = _flag(recent)
        row["IMMUNISATIONS"] = _flag(immunisations[pk] and immunisations[pk][-1].up_to_date)
        row["TEETH_CHECK"] = _flag(dental[pk])
        row["HEALTH_ASSESSMENT"] = _flag(assessments[pk])
        row["SUBSTANCE_MISUSE"] = _flag(misuse[pk])
        if misuse[pk]:
            received = any(m.intervention_received for m in misuse[pk])
            row["INTERVENTION_RECEIVED"] = _flag(received)
            if not received:  # 158/159: offered only when none was received
                row["INTERVENTION_OFFERED"] = _flag(any(m.intervention_offered for m in misuse[pk]))
        rows.append(row)
    return rows


def next_due(person, rules: tuple[str, ...]) -> Deadline | None:
    return (
        Deadline.objects.filter(person=person, state=Deadline.State.OPEN, rule__code__in=rules)
        .select_related("rule")
        .order_by("due_on")
        .first()
    )


def health_summary(person) -> dict:
    """The latest of each health record and when the next assessment is due."""

    def latest(model):
        return model.objects.filter(person=person).first()  # each model orders newest first

    return {
        "assessment": latest(HealthAssessment),
        "assessment_due": next_due(person, HEALTH_CLOCKS),
        "dental": latest(DentalCheck),
        "immunisations": latest(ImmunisationStatus),
        "sdq": latest(StrengthsAndDifficulties),
    }
