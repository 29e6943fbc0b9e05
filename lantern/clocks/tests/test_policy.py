"""A council changes its own policy: every open deadline moves at once, nothing else."""

import datetime as dt

import pytest
from django.core.management import call_command

from lantern.access.models import AuditEntry
from lantern.clocks.actions import (
    NotLocalPolicy,
    apply_event,
    declare_closure_day,
    recompute_open_deadlines,
    set_interval,
    withdraw_closure_day,
)
from lantern.clocks.models import Deadline

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def child(make_person):
    return make_person()


def test_a_longer_visit_interval_moves_open_visit_clocks_only(child):
    apply_event(child, "cp_plan_started", D(2026, 9, 7))
    apply_event(child, "cp_visit_child_seen", D(2026, 9, 14))
    set_interval("cp_visit", 15)
    visits = Deadline.objects.filter(person=child, rule__code="cp_visit")
    assert visits.get(state="open").due_on == D(2026, 10, 5)
    assert visits.get(state="met").due_on == D(2026, 9, 21)  # history is not rewritten
    entry = AuditEntry.objects.latest("id")
    assert (
        entry.action == "update" and "cp_visit: 10 working days → 15 working days" in entry.detail
    )


def test_a_national_timescale_cannot_be_changed_by_the_council():
    with pytest.raises(NotLocalPolicy):
        set_interval("icpc", 20)


def test_a_closure_day_moves_the_deadlines_that_cross_it(child, make_person):
    apply_event(child, "referral", D(2026, 12, 22))  # decision clocks cross 24 Dec
    apply_event(child, "harm_suspected", D(2026, 12, 23))
    later = make_person("Ben", "Adams")
    apply_event(later, "harm_suspected", D(2027, 1, 4))
    moved = declare_closure_day(D(2026, 12, 24), "Council closed")
    assert moved == 2
    assert Deadline.objects.get(person=child, rule__code="strategy_discussion").due_on == D(
        2026, 12, 29
    )
    assert Deadline.objects.get(person=later).due_on == D(2027, 1, 5)
    assert withdraw_closure_day(D(2026, 12, 24)) == 2
    assert Deadline.objects.get(person=child, rule__code="strategy_discussion").due_on == D(
        2026, 12, 24
    )


def test_recomputing_when_nothing_changed_moves_nothing(child):
    apply_event(child, "referral", D(2026, 3, 2))
    assert recompute_open_deadlines() == 0


def test_the_command_line_changes_policy_too(child, capsys):
    apply_event(child, "cp_plan_started", D(2026, 9, 7))
    call_command("clocks", "set-interval", "cp_visit", "5")
    call_command("clocks", "closure", "2026-09-10", "Staff training")
    assert Deadline.objects.get(rule__code="cp_visit").due_on == D(2026, 9, 15)
    assert "open deadline(s) moved" in capsys.readouterr().out
