"""Events move a child's clocks: what starts them, what meets them, what stops them."""

import datetime as dt

import pytest

from lantern.clocks.actions import UnknownEvent, apply_event
from lantern.clocks.models import Deadline

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def child(make_person):
    return make_person("Amy", "Carter")


def clocks(child, state=Deadline.State.OPEN):
    return {
        (d.rule.code, d.started_on, d.due_on)
        for d in Deadline.objects.filter(person=child, state=state).select_related("rule")
    }


def one(child, code):
    return Deadline.objects.filter(person=child, rule__code=code).latest("id")


def test_a_referral_starts_the_assessment_clock(child):
    apply_event(child, "referral", D(2025, 12, 19))
    assert clocks(child) == {("assessment", D(2025, 12, 19), D(2026, 2, 25))}


def test_authorising_the_assessment_meets_it_and_says_whether_it_was_late(child):
    apply_event(child, "referral", D(2025, 12, 19))
    apply_event(child, "assessment_authorised", D(2026, 2, 26))
    done = one(child, "assessment")
    assert (done.state, done.closed_on, done.closed_by) == (
        "met",
        D(2026, 2, 26),
        "assessment_authorised",
    )
    assert done.met_late


def test_closing_the_episode_cancels_what_is_still_running(child):
    apply_event(child, "referral", D(2026, 3, 2))
    apply_event(child, "harm_suspected", D(2026, 3, 2))
    apply_event(child, "episode_closed", D(2026, 3, 3))
    assert clocks(child) == set()
    assert {d.state for d in Deadline.objects.filter(person=child)} == {"cancelled"}


def test_a_strategy_discussion_that_starts_s47_starts_both_icpc_clocks(child):
    apply_event(child, "harm_suspected", D(2026, 8, 14))
    apply_event(child, "strategy_discussion_held", D(2026, 8, 17))
    apply_event(child, "s47_initiated", D(2026, 8, 17))
    apply_event(child, "s47_started", D(2026, 8, 18))
    assert clocks(child) == {
        ("icpc", D(2026, 8, 17), D(2026, 9, 8)),
        ("icpc_from_s47", D(2026, 8, 18), D(2026, 9, 9)),
    }
    assert one(child, "strategy_discussion").state == "met"


def test_no_icpc_needed_cancels_both_icpc_clocks(child):
    apply_event(child, "s47_initiated", D(2026, 8, 17))
    apply_event(child, "s47_started", D(2026, 8, 17))
    apply_event(child, "icpc_not_required", D(2026, 8, 28))
    assert clocks(child) == set()
    assert one(child, "icpc").state == "cancelled"


def test_a_plan_agreed_at_icpc_starts_core_group_review_and_visits(child):
    apply_event(child, "s47_initiated", D(2026, 8, 17))
    apply_event(child, "icpc_held", D(2026, 9, 7))
    apply_event(child, "cp_plan_started", D(2026, 9, 7))
    assert one(child, "icpc").state == "met" and not one(child, "icpc").met_late
    assert clocks(child) == {
        ("first_core_group", D(2026, 9, 7), D(2026, 9, 21)),
        ("first_rcpc", D(2026, 9, 7), D(2026, 12, 7)),
        ("cp_visit", D(2026, 9, 7), D(2026, 9, 21)),
    }


def test_each_visit_meets_the_visit_clock_and_starts_the_next(child):
    apply_event(child, "cp_plan_started", D(2026, 9, 7))
    apply_event(child, "cp_visit_child_seen", D(2026, 9, 14))
    apply_event(child, "cp_visit_child_seen", D(2026, 9, 25))
    visits = Deadline.objects.filter(person=child, rule__code="cp_visit").order_by("started_on")
    assert [(d.started_on, d.state, d.closed_on) for d in visits] == [
        (D(2026, 9, 7), "met", D(2026, 9, 14)),
        (D(2026, 9, 14), "met", D(2026, 9, 25)),
        (D(2026, 9, 25), "open", None),
    ]
    assert visits.last().due_on == D(2026, 10, 9)


def test_two_visits_on_one_day_do_not_start_two_clocks(child):
    apply_event(child, "cp_plan_started", D(2026, 9, 7))
    apply_event(child, "cp_visit_child_seen", D(2026, 9, 14))
    apply_event(child, "cp_visit_child_seen", D(2026, 9, 14))
    assert clocks(child) == {
        ("cp_visit", D(2026, 9, 14), D(2026, 9, 28)),
        ("first_core_group", D(2026, 9, 7), D(2026, 9, 21)),
        ("first_rcpc", D(2026, 9, 7), D(2026, 12, 7)),
    }


def test_a_visit_recorded_late_meets_the_clock_it_fell_in_and_restarts_nothing(child):
    apply_event(child, "cp_plan_started", D(2026, 9, 7))
    apply_event(child, "cp_visit_child_seen", D(2026, 9, 25))
    apply_event(child, "cp_visit_child_seen", D(2026, 9, 14))  # written up a week late
    first = Deadline.objects.get(person=child, rule__code="cp_visit", started_on=D(2026, 9, 7))
    assert (first.state, first.closed_on) == ("met", D(2026, 9, 14))
    running = Deadline.objects.filter(person=child, rule__code="cp_visit", state="open")
    assert [d.started_on for d in running] == [D(2026, 9, 25)]


def test_a_review_meets_the_first_review_and_a_continuing_plan_is_reviewed_in_6_months(child):
    apply_event(child, "cp_plan_started", D(2026, 9, 7))
    apply_event(child, "rcpc_held", D(2026, 12, 4))
    apply_event(child, "rcpc_plan_continues", D(2026, 12, 4))
    assert one(child, "first_rcpc").state == "met"
    assert ("rcpc", D(2026, 12, 4), D(2027, 6, 4)) in clocks(child)
    apply_event(child, "rcpc_held", D(2027, 6, 1))
    assert Deadline.objects.filter(person=child, rule__code="rcpc", state="met").count() == 1


def test_ending_the_plan_cancels_its_clocks(child):
    apply_event(child, "referral", D(2026, 8, 3))
    apply_event(child, "cp_plan_started", D(2026, 9, 7))
    apply_event(child, "cp_plan_ended", D(2026, 9, 10))
    assert [c[0] for c in clocks(child)] == ["assessment"]
    assert one(child, "cp_visit").closed_by == "cp_plan_ended"


def test_events_touch_only_their_own_child(child, make_person):
    other = make_person("Ben", "Carter")
    apply_event(child, "cp_plan_started", D(2026, 9, 7))
    apply_event(other, "cp_plan_started", D(2026, 9, 7))
    apply_event(child, "cp_plan_ended", D(2026, 9, 8))
    assert len(clocks(other)) == 3


def test_an_unknown_event_is_refused(child):
    with pytest.raises(UnknownEvent):
        apply_event(child, "visit_made", D(2026, 9, 7))


def test_the_calendar_used_is_kept_with_the_deadline(child):
    (deadline,) = apply_event(child, "referral", D(2026, 3, 2))
    assert deadline.calendar_version.startswith("holidays-")
