"""What the care tests share: a placement's visiting rule, the child's clocks, and the DfE's
validators' virtualenv."""

import datetime as dt
import os

import pytest

from lantern.care.actions.visits import visit_regime
from lantern.care.validator_lists import validators_python
from lantern.clocks.models import Deadline


def need_validators(why: str) -> None:
    """Skip, saying so, when ``make install`` has not made .venv-validators; where
    ``LANTERN_REQUIRE_VALIDATORS`` is set, as .ci/run sets it, fail instead."""
    if validators_python() is None:
        message = f"no .venv-validators: `make install` makes it, {why}"
        if os.environ.get("LANTERN_REQUIRE_VALIDATORS"):
            pytest.fail(message)
        pytest.skip(message)


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
