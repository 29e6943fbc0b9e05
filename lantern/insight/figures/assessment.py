"""Assessment and section 47: assessments in 45 working days, enquiries, and initial
conferences in 15 working days.

Working days are the clocks app's calendar (``clocks.calendar.current_calendar``: weekends,
England and Wales bank holidays and the council's closure days), counted as the clocks
count them: the start day is not counted, the day done is. Each figure reads its rows in
one query and counts the days in memory from the calendar's sorted list of working days
(a binary search each), which is faster than any SQL a database could run on dates.
"""

from lantern.casework.models import Assessment, Conference, Section47Enquiry
from lantern.clocks.calendar import current_calendar
from lantern.insight import references
from lantern.insight.figures.common import per_10k, share
from lantern.insight.measures import Better, Figure, Period, Unit, Value

SECTION = "Assessment and section 47"
ASSESSMENT_DAYS = 45
ICPC_DAYS = 15


def _within(rows, limit: int) -> Value:
    """``rows`` of (person id, started, done): the share done within ``limit`` working
    days of the start, and the children of those that took longer."""
    calendar = current_calendar()
    total = 0
    late = set()
    in_time = 0
    for person_id, started, done in rows:
        total += 1
        if calendar.working_days_between(started, done) <= limit:
            in_time += 1
        else:
            late.add(person_id)
    return share(in_time, total, late)


def assessments_in_45_working_days(period: Period) -> Value:
    """Of the child and family assessments completed (authorised) in the period, the
    percentage completed within 45 working days of their start (DfE Characteristics of
    children in need, table C2: duration from the assessment's start date to its
    authorisation date; Working Together 2023 sets 45 working days as the maximum).
    Weekends and bank holidays are not working days, and the start day is not counted.
    The drill-down is the children whose assessment took longer."""
    rows = Assessment.objects.filter(authorised_date__range=(period.start, period.end)).values_list(
        "person_id", "start_date", "authorised_date"
    )
    return _within(rows, ASSESSMENT_DAYS)


def section47s_per_10k(period: Period) -> Value:
    """Section 47 enquiries started in the period, per 10,000 children aged 0-17 in the
    borough (DfE Characteristics of children in need, table C4: each enquiry counts, so a
    child with two counts twice)."""
    n = Section47Enquiry.objects.filter(start_date__range=(period.start, period.end)).count()
    return per_10k(n)


def icpcs_in_15_working_days(period: Period) -> Value:
    """Of the initial child protection conferences held in the period, the percentage held
    within 15 working days of the start of the section 47 enquiry that led to them (the DfE
    measure, table C4; Working Together counts the 15 days from the strategy discussion,
    which the ICPC clock on each child keeps). The drill-down is the children whose
    conference was later."""
    rows = Conference.objects.filter(
        kind=Conference.Kind.INITIAL,
        section47__isnull=False,
        held_on__range=(period.start, period.end),
    ).values_list("person_id", "section47__start_date", "held_on")
    return _within(rows, ICPC_DAYS)


FIGURES = [
    Figure(
        "assessments_in_45_working_days", "Assessments completed within 45 working days",
        SECTION, Unit.PERCENT, Better.HIGHER, assessments_in_45_working_days,
        "assessments over 45 working days", references.ASSESSMENTS,
    ),
    Figure(
        "section47s_per_10k", "Section 47 enquiries per 10,000 children", SECTION,
        Unit.PER_10K, Better.NEITHER, section47s_per_10k, reference=references.SECTION47S,
    ),
    Figure(
        "icpcs_in_15_working_days", "Initial conferences within 15 working days of the s47",
        SECTION, Unit.PERCENT, Better.HIGHER, icpcs_in_15_working_days,
        "initial conferences over 15 working days", references.ICPCS,
    ),
]  # fmt: skip
