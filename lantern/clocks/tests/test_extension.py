"""A lawful extension puts a clock's due date back and is kept through recomputation (the
court extending the 26 weeks of care proceedings, Children Act 1989 s32(5))."""

import datetime as dt

import pytest

from lantern.clocks.actions import apply_event, extend_deadline, recompute_open_deadlines
from lantern.clocks.models import Deadline

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def child(make_person):
    return make_person("Amy", "Carter")


def test_extensions_add_up_and_survive_recomputation(child):
    (clock,) = apply_event(child, "care_application_issued", D(2026, 7, 6))
    extend_deadline(clock, 8 * 7)
    extend_deadline(clock, 4 * 7)
    recompute_open_deadlines()
    clock = Deadline.objects.get(pk=clock.pk)
    assert (clock.due_on, clock.extended_days) == (D(2027, 3, 29), 84)


def test_a_met_clock_cannot_be_extended(child):
    (clock,) = apply_event(child, "care_application_issued", D(2026, 7, 6))
    apply_event(child, "care_proceedings_ended", D(2026, 12, 1))
    with pytest.raises(ValueError):
        extend_deadline(clock, 7)
    assert Deadline.objects.get(pk=clock.pk).due_on == D(2027, 1, 4)
