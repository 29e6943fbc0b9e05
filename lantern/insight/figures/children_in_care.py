"""Children looked after: how many on the day, and how stable their homes are.

Placement moves are counted by ``care.queries.placements.moves_by_child``, the one
definition the child's page and the team's stability view use too (temporary placements
and the first placement of a period of care are not moves).
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q

from lantern.care.models import PeriodOfCare, Placement
from lantern.care.queries.placements import moves_by_child
from lantern.clocks.calendar import add_months
from lantern.insight import references
from lantern.insight.figures.child_protection import open_on
from lantern.insight.figures.common import per_10k, share
from lantern.insight.measures import Better, Figure, Period, Unit, Value

SECTION = "Children in care"


def children_looked_after_per_10k(period: Period) -> Value:
    """Children looked after on the period's last day (a period of care started by then
    and not ended by then: one who ceased to be looked after on the last day has left),
    per 10,000 children aged 0-17 in the borough (DfE Children looked after in England,
    "at 31 March")."""
    n = open_on(PeriodOfCare, period.end).values("person_id").distinct().count()
    return per_10k(n)


def placements_3_or_more(period: Period) -> Value:
    """Of the children looked after on the period's last day, the percentage who lived in
    3 or more placements in the 12 months to that day (DfE Children looked after in
    England, short-term placement stability; the threshold is the council's
    ``LANTERN_STABILITY_PLACEMENTS``, 3 by default). A placement is a move unless it is the
    first of a period of care or a temporary one (a holiday, a stay in hospital)."""
    looked_after = open_on(PeriodOfCare, period.end).values("person_id")
    total = looked_after.distinct().count()
    moves = moves_by_child(looked_after, period.end)
    threshold = settings.LANTERN_STABILITY_PLACEMENTS
    children = {pid for pid, n in moves.items() if n + 1 >= threshold}
    return share(len(children), total, children)


def long_term_stability(period: Period) -> Value:
    """Of the children under 16 on the period's last day who had been looked after
    continuously for 2 and a half years or more, the percentage who had lived in the same
    placement for 2 years or more (DfE Children looked after in England, long-term
    placement stability). The drill-down is the children who had not."""
    end = period.end
    settled = Placement.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gt=end),
        period_id=OuterRef("pk"),
        start_date__lte=add_months(end, -24),
    )
    rows = (
        open_on(PeriodOfCare, end)
        .filter(
            start_date__lte=add_months(end, -30), person__date_of_birth__gt=add_months(end, -192)
        )
        .annotate(settled=Exists(settled))
        .values_list("person_id", "settled")
    )
    settled_by_child: dict[int, bool] = {}
    for pid, ok in rows:  # a child counted once, settled in either of two open periods
        settled_by_child[pid] = settled_by_child.get(pid, False) or ok
    unsettled = {pid for pid, ok in settled_by_child.items() if not ok}
    total = len(settled_by_child)
    return share(total - len(unsettled), total, unsettled)


FIGURES = [
    Figure(
        "children_looked_after_per_10k", "Children looked after per 10,000 children",
        SECTION, Unit.PER_10K, Better.NEITHER, children_looked_after_per_10k,
        reference=references.LOOKED_AFTER,
    ),
    Figure(
        "placements_3_or_more", "Looked after: 3 or more placements in the year", SECTION,
        Unit.PERCENT, Better.LOWER, placements_3_or_more,
        "children with 3 or more placements in the year", references.THREE_PLACEMENTS,
    ),
    Figure(
        "long_term_stability", "Long-term placement stability", SECTION, Unit.PERCENT,
        Better.HIGHER, long_term_stability,
        "children not in the same placement for 2 years", references.LONG_TERM_STABILITY,
    ),
]  # fmt: skip
