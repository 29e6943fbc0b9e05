"""Clocks started and stopped by the right events (issue 9 §3): the ICPC counts from the
first strategy discussion, pre-birth visits, CIN plan and later core group clocks, a
national timescale changed by release, and month-based dates on a non-working day."""

import datetime as dt

import pytest

from lantern.access.models import AuditEntry
from lantern.clocks import engine, table
from lantern.clocks.actions import apply_event
from lantern.clocks.calendar import WorkingDayCalendar
from lantern.clocks.models import ClockRule, Deadline
from lantern.clocks.seed import sync_rules

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def child(make_person):
    return make_person("Amy", "Carter")


def running(child, code):
    return [
        (d.started_on, d.due_on, d.state)
        for d in Deadline.objects.filter(person=child, rule__code=code).order_by("id")
    ]


def test_a_reconvened_strategy_discussion_leaves_the_icpc_due_date_alone(child):
    apply_event(child, "s47_initiated", D(2026, 8, 17))
    apply_event(child, "s47_initiated", D(2026, 8, 19))  # reconvened two days later
    assert running(child, "icpc") == [(D(2026, 8, 17), D(2026, 9, 8), "open")]


def test_the_first_discussion_written_up_after_the_reconvened_one_still_counts(child):
    apply_event(child, "s47_initiated", D(2026, 8, 19))  # the reconvened one, typed first
    apply_event(child, "s47_initiated", D(2026, 8, 17))
    assert running(child, "icpc") == [(D(2026, 8, 17), D(2026, 9, 8), "open")]


def test_after_the_conference_a_new_enquiry_starts_a_new_icpc_clock(child):
    apply_event(child, "s47_initiated", D(2026, 8, 17))
    apply_event(child, "icpc_held", D(2026, 9, 1))
    apply_event(child, "s47_initiated", D(2026, 10, 5))
    assert running(child, "icpc") == [
        (D(2026, 8, 17), D(2026, 9, 8), "met"),
        (D(2026, 10, 5), D(2026, 10, 26), "open"),
    ]


def test_replay_gives_the_same_first_discussion_answer():
    rules = [ClockRule.objects.get(code="icpc")]
    clocks = engine.replay(
        [(D(2026, 8, 19), "s47_initiated", ("", "")), (D(2026, 8, 17), "s47_initiated", ("", ""))],
        rules,
        WorkingDayCalendar(),
    )
    assert [(c.started_on, c.due_on) for c in clocks] == [(D(2026, 8, 17), D(2026, 9, 8))]


def test_a_pre_birth_visit_seeing_the_expectant_parent_meets_the_cp_visit_clock(child):
    apply_event(child, "cp_plan_started", D(2026, 9, 1))
    apply_event(child, "cp_visit_expectant_parent_seen", D(2026, 9, 10))
    assert running(child, "cp_visit") == [
        (D(2026, 9, 1), D(2026, 9, 15), "met"),
        (D(2026, 9, 10), D(2026, 9, 24), "open"),
    ]


def test_a_cin_plan_starts_review_and_visit_clocks_and_its_end_cancels_them(child):
    apply_event(child, "cin_plan_started", D(2026, 11, 27))
    assert running(child, "cin_plan_review") == [(D(2026, 11, 27), D(2027, 2, 27), "open")]
    # 20 working days over Christmas: 25 Dec and the 28 Dec substitute day skipped
    assert running(child, "cin_visit") == [(D(2026, 11, 27), D(2026, 12, 29), "open")]
    apply_event(child, "cin_visit_child_seen", D(2026, 12, 14))
    assert running(child, "cin_visit")[-1] == (D(2026, 12, 14), D(2027, 1, 14), "open")
    apply_event(child, "cin_plan_review_held", D(2027, 2, 26))
    assert running(child, "cin_plan_review")[-1] == (D(2027, 2, 26), D(2027, 5, 26), "open")
    apply_event(child, "cin_plan_ended", D(2027, 3, 1))
    assert not Deadline.objects.filter(person=child, state="open")


def test_closing_the_episode_cancels_the_cin_plan_clocks(child):
    apply_event(child, "cin_plan_started", D(2026, 11, 27))
    apply_event(child, "episode_closed", D(2026, 12, 1))
    assert {d.state for d in Deadline.objects.filter(person=child)} == {"cancelled"}


def test_each_core_group_starts_the_next_at_the_council_interval(child):
    apply_event(child, "cp_plan_started", D(2026, 12, 4))
    apply_event(child, "core_group_held", D(2026, 12, 18))
    assert running(child, "core_group") == [(D(2026, 12, 18), D(2027, 1, 29), "open")]
    apply_event(child, "core_group_held", D(2027, 1, 22))
    assert running(child, "core_group")[-1] == (D(2027, 1, 22), D(2027, 3, 5), "open")
    apply_event(child, "cp_plan_ended", D(2027, 2, 1))
    assert running(child, "core_group")[-1][2] == "cancelled"


def test_the_new_council_intervals_are_local_policy_with_their_source():
    for code in ("cin_plan_review", "cin_visit", "core_group"):
        rule = ClockRule.objects.get(code=code)
        assert rule.local_policy and rule.source


def test_a_national_timescale_changed_by_release_moves_open_deadlines_and_is_audited(
    child, monkeypatch
):
    apply_event(child, "s47_initiated", D(2026, 8, 17))  # ICPC due 8 Sep (15 working days)
    icpc = table.BY_CODE["icpc"]
    changed = table.Rule(**{**icpc.__dict__, "amount": 20})
    monkeypatch.setattr(table, "RULES", [changed if r is icpc else r for r in table.RULES])
    monkeypatch.setattr("lantern.clocks.seed.RULES", table.RULES)
    sync_rules()
    assert running(child, "icpc") == [(D(2026, 8, 17), D(2026, 9, 15), "open")]
    entry = AuditEntry.objects.filter(object_type="clocks.ClockRule").latest("id")
    assert entry.detail == (
        "national timescale icpc (Initial child protection conference) changed by release: "
        "15 working days → 20 working days; 1 open deadline(s) moved"
    )


def test_a_councils_interval_is_not_overwritten_or_audited_by_the_seed(child):
    ClockRule.objects.filter(code="cin_visit").update(amount=15)
    before = AuditEntry.objects.count()
    sync_rules()
    assert ClockRule.objects.get(code="cin_visit").amount == 15
    assert AuditEntry.objects.count() == before


def test_a_month_based_date_on_a_saturday_is_held_by_the_friday_before():
    calendar = WorkingDayCalendar()
    assert calendar.hold_by(D(2027, 2, 27), table.MONTHS) == D(2027, 2, 26)
    assert calendar.hold_by(D(2027, 3, 29), table.MONTHS) == D(2027, 3, 25)  # Easter
    assert calendar.hold_by(D(2027, 3, 1), table.MONTHS) is None  # a Monday
    assert calendar.hold_by(D(2027, 2, 27), table.WEEKS) is None  # only months warn
