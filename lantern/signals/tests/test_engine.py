"""The rule engine on the edge cases, directly (the batch and live paths have their own
tests over the same cases)."""

import datetime as dt

import numpy as np
import pytest

from lantern.signals import engine
from lantern.signals.tests.cases import CASES, Case


def run(case: Case, thresholds=None, *, first_only=True):
    events = engine.Events.of((0, day, kind, agency) for _, day, agency, kind in case.events)
    born = np.array([case.born.toordinal() if case.born else engine.UNKNOWN_BIRTH])
    firings = engine.evaluate(events, born, thresholds, first_only=first_only)
    ids = [event_id for event_id, *_ in case.events]
    return {f.rule: (f.date, [ids[i] for i in f.evidence]) for f in firings}, firings


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_default_rules_at_their_edges(case):
    fired, _ = run(case)
    assert fired == {rule: (day, sorted_ids(case, ids)) for rule, (day, ids) in case.fires.items()}


def sorted_ids(case: Case, ids: list[str]) -> list[str]:
    """Evidence comes in date order, then the order the events were given."""
    position = {event_id: (day, i) for i, (event_id, day, *_) in enumerate(case.events)}
    return sorted(ids, key=position.__getitem__)


def test_every_day_a_rule_holds_is_reported_when_asked():
    case = CASES[11]  # four notifications, 10 days apart
    _, firings = run(case, first_only=False)
    days = [f.date for f in firings if f.rule == "repeat_domestic_abuse"]
    assert days == [dt.date(2025, 3, 23), dt.date(2025, 4, 2)]


def test_a_council_threshold_changes_the_answer():
    case = CASES[13]  # not brought twice 183 days apart
    fired, _ = run(case, {"not_brought": {"days": 183}})
    assert fired["not_brought"][0] == dt.date(2025, 9, 2)


@pytest.mark.parametrize(
    ("born", "months", "expected"),
    [
        (dt.date(2025, 8, 31), 6, dt.date(2026, 2, 28)),
        (dt.date(2023, 8, 31), 6, dt.date(2024, 2, 29)),
        (dt.date(2020, 2, 29), 60, dt.date(2025, 2, 28)),
        (dt.date(2020, 2, 29), 48, dt.date(2024, 2, 29)),
        (dt.date(2025, 12, 31), 6, dt.date(2026, 6, 30)),
        (dt.date(2025, 1, 15), 6, dt.date(2025, 7, 15)),
    ],
)
def test_calendar_months_clamp_to_the_months_end(born, months, expected):
    out = engine.add_months(np.array([born.toordinal()]), months)
    assert dt.date.fromordinal(int(out[0])) == expected


def test_people_are_kept_apart():
    day = dt.date(2026, 1, 5)
    events = engine.Events.of(
        [
            (0, day, "missing", "p"),
            (1, day, "missing", "p"),
            (1, day, "missing", "p"),
            (2, day, "missing", "p"),
        ]
    )
    born = np.zeros(3, dtype=np.int64)
    assert engine.evaluate(events, born) == []
