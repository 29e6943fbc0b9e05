"""Casework actions fire the events that move the right clocks (issue 9 §3)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from lantern.casework import actions
from lantern.casework.models import CINPlan, CINPlanReview, StrategyDiscussion
from lantern.casework.tests.journey import Journey
from lantern.clocks.models import Deadline

D = dt.date
pytestmark = pytest.mark.django_db


def running(child, code):
    return [
        (d.started_on, d.due_on, d.state)
        for d in Deadline.objects.filter(person=child, rule__code=code).order_by("id")
    ]


def test_a_reconvened_strategy_discussion_does_not_move_the_icpc_due_date(journey, child):
    journey.refer(D(2026, 8, 14))
    journey.strategy(D(2026, 8, 17))
    journey.strategy(D(2026, 8, 19))  # reconvened two days later, still s47
    assert running(child, "icpc") == [(D(2026, 8, 17), D(2026, 9, 8), "open")]
    assert StrategyDiscussion.objects.filter(person=child).count() == 2


@pytest.fixture
def unborn(make_person, social_worker, allocate):
    baby = make_person("Baby", "Carter", None)
    baby.expected_date_of_birth = D(2026, 11, 30)  # within 9 months of the referral
    baby.save(update_fields=["expected_date_of_birth"])
    allocate(baby, social_worker, D(2026, 1, 5))
    return baby


@pytest.fixture
def prebirth(unborn, social_worker, manager, iro):
    journey = Journey(unborn, social_worker, manager, iro)
    journey.to_plan()  # plan from 20 March 2026
    return journey


def test_a_pre_birth_visit_seeing_the_expectant_mother_meets_the_cp_visit_clock(prebirth, unborn):
    visit = prebirth.visit(
        D(2026, 3, 27), seen=False, alone=False, reason_not_seen="", expectant_parent_seen=True
    )
    assert visit.expectant_parent_seen and not visit.child_seen
    assert running(unborn, "cp_visit") == [
        (D(2026, 3, 20), D(2026, 4, 7), "met"),
        (D(2026, 3, 27), D(2026, 4, 14), "open"),
    ]


def test_before_birth_the_child_cannot_be_ticked_as_seen(prebirth, unborn):
    with pytest.raises(
        ValidationError, match=r"not born yet.*expectant parent was seen"
    ) as refused:
        prebirth.visit(D(2026, 3, 27), seen=True, alone=True)
    assert "child_seen" in refused.value.message_dict
    assert not unborn.deadlines.filter(closed_by__startswith="cp_visit")


def test_before_birth_an_expectant_parent_not_seen_needs_a_reason(prebirth):
    with pytest.raises(ValidationError, match="expectant parent was not seen"):
        prebirth.visit(D(2026, 3, 27), seen=False, alone=False, reason_not_seen=" ")


CIN_PLAN_START = D(2026, 3, 10)


def cin_plan_for(journey, child):
    journey.refer()
    return actions.start_cin_plan(child, acting_user=journey.worker, start_date=CIN_PLAN_START)


def test_a_cin_plan_starts_its_review_and_visit_clocks(journey, child):
    cin_plan_for(journey, child)
    assert running(child, "cin_plan_review") == [(D(2026, 3, 10), D(2026, 6, 10), "open")]
    assert running(child, "cin_visit") == [(D(2026, 3, 10), D(2026, 4, 9), "open")]


def test_a_visit_seeing_the_child_on_a_cin_plan_meets_the_cin_visit_clock(journey, child):
    cin_plan_for(journey, child)
    journey.visit(D(2026, 3, 24), kind="cin")
    assert running(child, "cin_visit")[-2:] == [
        (D(2026, 3, 10), D(2026, 4, 9), "met"),
        (D(2026, 3, 24), D(2026, 4, 23), "open"),
    ]


def test_a_cin_plan_review_meets_the_review_clock_and_starts_the_next(journey, child):
    plan = cin_plan_for(journey, child)
    review = actions.record_cin_plan_review(
        plan,
        acting_user=journey.worker,
        held_on=D(2026, 6, 5),
        decision=CINPlanReview.Decision.CONTINUE,
        attendees="Mum; school (DSL); health visitor",
    )
    assert running(child, "cin_plan_review") == [
        (D(2026, 3, 10), D(2026, 6, 10), "met"),
        (D(2026, 6, 5), D(2026, 9, 5), "open"),
    ]
    assert review.get_absolute_url().endswith(f"/cin-plan-review/{review.pk}/")


def test_a_review_deciding_to_end_the_plan_ends_it_and_its_clocks(journey, child):
    plan = cin_plan_for(journey, child)
    actions.record_cin_plan_review(
        plan, acting_user=journey.worker, held_on=D(2026, 6, 5), decision="end"
    )
    assert CINPlan.objects.get(pk=plan.pk).end_date == D(2026, 6, 5)
    assert not Deadline.objects.filter(
        person=child, rule__code__in=["cin_plan_review", "cin_visit"], state="open"
    )


def test_a_review_cannot_predate_the_plan(journey, child):
    plan = cin_plan_for(journey, child)
    with pytest.raises(ValidationError, match="before the plan started"):
        actions.record_cin_plan_review(
            plan, acting_user=journey.worker, held_on=D(2026, 3, 9), decision="continue"
        )
    assert not CINPlanReview.objects.exists()


def test_a_cp_plan_replacing_the_cin_plan_cancels_the_cin_clocks(journey, child):
    journey.refer()
    actions.start_cin_plan(child, acting_user=journey.worker, start_date=D(2026, 3, 3))
    journey.strategy()
    journey.s47()
    journey.icpc()
    assert running(child, "cin_visit")[-1][2] == "cancelled"
    assert running(child, "cin_plan_review")[-1][2] == "cancelled"


def test_later_core_groups_run_every_six_weeks(journey, child):
    plan = journey.to_plan()
    actions.record_core_group(plan, acting_user=journey.worker, held_on=D(2026, 3, 27))
    assert running(child, "core_group") == [(D(2026, 3, 27), D(2026, 5, 8), "open")]
    actions.record_core_group(plan, acting_user=journey.worker, held_on=D(2026, 5, 1))
    assert running(child, "core_group")[-1] == (D(2026, 5, 1), D(2026, 6, 12), "open")
