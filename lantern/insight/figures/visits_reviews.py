"""Visits and reviews on time, read from the clocks each child's records started.

Each statutory visit and review is a clock (``clocks.Deadline``): started by an event,
due on a date the rule computes (working days skip bank holidays; months are the same
date), then met by the visit or review, or cancelled when it no longer applies (the plan
ended). A clock is measured in the period its due date falls in. It was on time when it
was met on or before its due date (``Deadline.late_if_done_on``: the due date itself is on
time). Cancelled on or before its due date, it never fell due and is left out; cancelled
after it, it was missed. Still open and past due, it is late; still open and not yet due,
it is not yet measured.
"""

from django.db.models import Count, F, Q
from django.utils import timezone

from lantern.clocks import table
from lantern.clocks.models import Deadline
from lantern.insight import references
from lantern.insight.figures.common import share
from lantern.insight.measures import Better, Figure, Period, Unit, Value

SECTION = "Visits and reviews"
CP_VISITS = ("cp_visit",)
CLA_VISITS = tuple(
    rule.code
    for rule in table.RULES
    if rule.code.startswith("cla_visit") or rule.code.startswith("short_break")
)
CP_REVIEWS = ("first_rcpc", "rcpc")
CLA_REVIEWS = ("first_lac_review", "second_lac_review", "lac_review")


def on_time(codes: tuple[str, ...], period: Period) -> Value:
    today = timezone.localdate()
    measured = (
        Deadline.objects.filter(rule__code__in=codes, due_on__range=(period.start, period.end))
        .exclude(state=Deadline.State.CANCELLED, closed_on__lte=F("due_on"))
        .exclude(state=Deadline.State.OPEN, due_on__gte=today)
    )
    in_time = Q(state=Deadline.State.MET, closed_on__lte=F("due_on"))
    counts = measured.aggregate(total=Count("pk"), in_time=Count("pk", filter=in_time))
    late = measured.exclude(in_time).values_list("person_id", flat=True).distinct()
    return share(counts["in_time"], counts["total"], late)


def cp_visits_on_time(period: Period) -> Value:
    """Of the visits to children on child protection plans due in the period, the
    percentage made on time: the child seen (or, before birth, the expectant parent) within
    the council's interval after the plan began or the last visit (10 working days by
    default; Working Together leaves it to the council)."""
    return on_time(CP_VISITS, period)


def cla_visits_on_time(period: Period) -> Value:
    """Of the visits to looked-after children due in the period, the percentage made on
    time: within a week of a placement starting, then at least every 6 weeks in its first
    year, then every 3 months in a long-term placement (Care Planning Regulations 2010,
    reg 28, with its special cases)."""
    return on_time(CLA_VISITS, period)


def cp_reviews_on_time(period: Period) -> Value:
    """Of the child protection review conferences due in the period, the percentage held on
    time: within 3 months of the initial conference, then within 6 months of the last
    review (Working Together 2023)."""
    return on_time(CP_REVIEWS, period)


def cla_reviews_on_time(period: Period) -> Value:
    """Of the looked-after reviews due in the period, the percentage held on time: within
    20 working days of becoming looked after, the second within 3 months of the first, then
    every 6 months (Care Planning Regulations 2010, reg 33)."""
    return on_time(CLA_REVIEWS, period)


FIGURES = [
    Figure(
        "cp_visits_on_time", "Child protection visits on time", SECTION, Unit.PERCENT,
        Better.HIGHER, cp_visits_on_time, "children with a visit made late or missed",
        references.CP_VISITS,
    ),
    Figure(
        "cla_visits_on_time", "Looked-after visits on time", SECTION, Unit.PERCENT,
        Better.HIGHER, cla_visits_on_time, "children with a visit made late or missed",
        references.CLA_VISITS,
    ),
    Figure(
        "cp_reviews_on_time", "Child protection reviews on time", SECTION, Unit.PERCENT,
        Better.HIGHER, cp_reviews_on_time, "children with a review held late or missed",
        references.CP_REVIEWS,
    ),
    Figure(
        "cla_reviews_on_time", "Looked-after reviews on time", SECTION, Unit.PERCENT,
        Better.HIGHER, cla_reviews_on_time, "children with a review held late or missed",
        references.CLA_REVIEWS,
    ),
]  # fmt: skip
