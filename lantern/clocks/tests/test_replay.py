"""``replay`` (bulk, in memory) and ``apply_event`` (one at a time, in the database) agree."""

import datetime as dt
import random

import pytest

from lantern.clocks.actions import apply_event
from lantern.clocks.calendar import WorkingDayCalendar
from lantern.clocks.engine import replay
from lantern.clocks.models import Deadline
from lantern.clocks.queries import rules_in_force
from lantern.clocks.table import EVENTS

pytestmark = pytest.mark.django_db
CASEWORK_EVENTS = [e for e in EVENTS if "(care)" not in EVENTS[e]]


@pytest.mark.parametrize("seed", range(8))
def test_replaying_a_history_gives_what_recording_it_gave(make_person, seed):
    rng = random.Random(seed)
    child = make_person()
    day = dt.date(2026, 1, 5)
    events = []
    for _ in range(40):
        day += dt.timedelta(days=rng.choice([0, 0, 1, 3, 7, 12]))
        events.append((day, rng.choice(CASEWORK_EVENTS), ("", "")))
    for on, event, _ in events:
        apply_event(child, event, on)
    recorded = sorted(
        (d.rule.code, d.started_on, d.due_on, d.state, d.closed_on, d.closed_by, d.started_by)
        for d in Deadline.objects.filter(person=child).select_related("rule")
    )
    replayed = sorted(
        (c.rule.code, c.started_on, c.due_on, c.state, c.closed_on, c.closed_by, c.started_by)
        for c in replay(events, rules_in_force(), WorkingDayCalendar())
    )
    assert replayed == recorded
