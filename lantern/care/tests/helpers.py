"""Clock events the care actions will fire once they exist (``care.actions.start_care``).

Until then the tests fire them here. The engine does not start a clock again for an event on
a day a clock of that rule already started (``clocks.engine.step``), so these keep working,
harmlessly, when the factory fires the same events itself.
"""

import datetime as dt

from lantern.care.actions.visits import visit_regime
from lantern.clocks.actions import apply_event
from lantern.clocks.models import Deadline


def looked_after(period, *, temporary_approval: bool = False) -> None:
    """What starting care will fire: looked after, each placement started and its reg 28
    visiting rule decided (``visit_regime``, which the placement actions are to call)."""
    apply_event(period.person, "became_looked_after", period.start_date, source=period)
    for placement in period.placements.all():
        apply_event(period.person, "placement_started", placement.start_date, source=placement)
        visit_regime(placement, temporary_approval=temporary_approval)


def running(person) -> dict[str, dt.date]:
    """The child's open clocks: rule code → due date."""
    rows = Deadline.objects.filter(person=person, state=Deadline.State.OPEN)
    return {d.rule.code: d.due_on for d in rows.select_related("rule")}


def closed(person, code: str) -> list[Deadline]:
    rows = Deadline.objects.filter(person=person, rule__code=code).exclude(
        state=Deadline.State.OPEN
    )
    return list(rows.order_by("started_on"))
