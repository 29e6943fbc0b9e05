"""What the care tests share: a placement's visiting rule, and the child's clocks."""

import datetime as dt

from lantern.care.actions.visits import visit_regime
from lantern.clocks.models import Deadline


def looked_after(period, *, temporary_approval: bool = False) -> None:
    """Starting care decided each placement's reg 28 visiting rule; a test of a temporarily
    approved connected person (reg 24) says so here, as the placement form would."""
    if temporary_approval:
        for placement in period.placements.all():
            visit_regime(placement, temporary_approval=True)


def running(person) -> dict[str, dt.date]:
    """The child's open clocks: rule code → due date."""
    rows = Deadline.objects.filter(person=person, state=Deadline.State.OPEN)
    return {d.rule.code: d.due_on for d in rows.select_related("rule")}


def closed(person, code: str) -> list[Deadline]:
    rows = Deadline.objects.filter(person=person, rule__code=code).exclude(
        state=Deadline.State.OPEN
    )
    return list(rows.order_by("started_on"))
