"""Strategy discussion → s47 → ICPC → CP plan → core groups and reviews, in order."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from lantern.casework import actions
from lantern.casework.models import ChildProtectionPlan, CINPlan, Conference
from lantern.chronology.models import ChronologyEntry
from lantern.clocks.models import Deadline

D = dt.date
pytestmark = pytest.mark.django_db


def open_clocks(child):
    return dict(
        Deadline.objects.filter(person=child, state="open").values_list("rule__code", "due_on")
    )


def review(journey, on, decision="continue", **extra):
    return journey.review(on, decision, **extra)


def test_a_strategy_discussion_deciding_s47_starts_the_icpc_clock_from_that_day(journey, child):
    journey.refer(harm_suspected=True)
    journey.strategy(D(2026, 8, 17))
    clocks = open_clocks(child)
    assert clocks["icpc"] == D(2026, 9, 8)
    assert "strategy_discussion" not in clocks


def test_an_enquiry_needs_a_discussion_that_decided_on_one(journey):
    journey.refer()
    journey.strategy(decision="assess")
    with pytest.raises(ValidationError, match="decided on one"):
        journey.s47()


def test_the_dfe_measure_runs_from_the_s47_start_but_is_not_a_workers_task(journey, child):
    journey.refer()
    journey.strategy(D(2026, 3, 3))
    journey.s47(D(2026, 3, 5))
    measure = Deadline.objects.get(person=child, rule__code="icpc_from_s47")
    assert measure.due_on == D(2026, 3, 26) and not measure.rule.for_worker


def test_no_icpc_needed_stops_the_icpc_clocks(journey, child, social_worker):
    journey.refer()
    journey.strategy()
    enquiry = journey.s47()
    actions.conclude_section47(
        enquiry,
        acting_user=social_worker,
        outcome="no_risk",
        end_date=D(2026, 3, 12),
        icpc_required=False,
        expected_version=1,
    )
    assert not {"icpc", "icpc_from_s47"} & set(open_clocks(child))
    with pytest.raises(ValidationError, match="no conference was needed"):
        journey.icpc()


def test_an_icpc_cannot_predate_the_enquiry(journey):
    journey.refer()
    journey.strategy(D(2026, 3, 3))
    journey.s47(D(2026, 3, 4))
    with pytest.raises(ValidationError, match="8615"):
        journey.icpc(D(2026, 3, 3))


def test_an_icpc_deciding_on_a_plan_starts_it_with_its_categories(journey, child):
    plan = journey.to_plan(D(2026, 3, 20))
    assert (plan.start_date, plan.initial_categories) == (D(2026, 3, 20), ["NEG"])
    assert open_clocks(child) == {
        "first_core_group": D(2026, 4, 7),  # Easter: 3 and 6 April skipped
        "first_rcpc": D(2026, 6, 20),
        "cp_visit": D(2026, 4, 7),
        "assessment": D(2026, 5, 7),  # from the referral on 2 March; 4 May skipped
    }
    child.refresh_from_db()
    assert child.care_status == "child_protection"
    kinds = set(ChronologyEntry.objects.filter(person=child).values_list("kind", flat=True))
    assert {"referral", "strategy_discussion", "section_47", "conference", "plan"} <= kinds


def test_several_categories_are_kept_and_the_census_reads_multiple(journey):
    from lantern.casework.codes import census_category

    journey.refer()
    journey.strategy()
    journey.s47()
    conference = journey.icpc(categories=("NEG", "EMO"))
    assert conference.plan_started.initial_categories == ["NEG", "EMO"]
    assert census_category(conference.plan_started.initial_categories) == "MUL"


def test_a_plan_cannot_start_without_an_icpc_decision_to_make_one(journey, social_worker):
    journey.refer()
    journey.strategy()
    journey.s47()
    no_plan = journey.icpc(decision=Conference.Decision.NO_PLAN, categories=())
    with pytest.raises(
        ValidationError, match="only from an initial or transfer-in child protection conference"
    ):
        actions.start_cp_plan(no_plan, acting_user=social_worker)
    assert not ChildProtectionPlan.objects.exists()


def test_a_review_conference_cannot_start_a_plan(journey, social_worker):
    journey.to_plan()
    rcpc = review(journey, D(2026, 6, 1))
    with pytest.raises(ValidationError, match="only from an initial"):
        actions.start_cp_plan(rcpc, acting_user=social_worker)


def test_a_review_conference_cannot_predate_the_icpc(journey):
    journey.to_plan(D(2026, 3, 20))
    with pytest.raises(ValidationError, match=r"before the initial conference \(20 March 2026\)"):
        review(journey, D(2026, 3, 19))


def test_a_review_meets_the_first_review_and_books_the_next_in_six_months(journey, child):
    journey.to_plan(D(2026, 3, 20))
    review(journey, D(2026, 6, 19), categories=["NEG", "PHY"])
    clocks = open_clocks(child)
    assert clocks["rcpc"] == D(2026, 12, 19) and "first_rcpc" not in clocks
    journey.plan.refresh_from_db()
    assert journey.plan.latest_categories == ["NEG", "PHY"] and journey.plan.version == 2


def test_ending_the_plan_at_review_stops_its_clocks_and_steps_down_to_cin(journey, child):
    journey.to_plan()
    review(journey, D(2026, 6, 19), decision="end", end_reason="step_down")
    journey.plan.refresh_from_db()
    assert (journey.plan.end_date, journey.plan.end_reason) == (D(2026, 6, 19), "step_down")
    assert not {"cp_visit", "first_rcpc", "rcpc", "first_core_group"} & set(open_clocks(child))
    assert CINPlan.objects.get(person=child).start_date == D(2026, 6, 19)
    child.refresh_from_db()
    assert child.care_status == "child_in_need"


def test_a_core_group_meets_the_first_core_group_clock(journey, child, social_worker):
    journey.to_plan(D(2026, 3, 20))
    actions.record_core_group(journey.plan, acting_user=social_worker, held_on=D(2026, 4, 1))
    clock = Deadline.objects.get(person=child, rule__code="first_core_group")
    assert (clock.state, clock.closed_on) == ("met", D(2026, 4, 1))
    with pytest.raises(ValidationError, match="before the plan started"):
        actions.record_core_group(journey.plan, acting_user=social_worker, held_on=D(2026, 3, 1))


def test_an_open_cin_plan_ends_when_a_cp_plan_starts(journey, child, social_worker):
    journey.refer()
    actions.start_cin_plan(child, acting_user=social_worker, start_date=D(2026, 3, 3))
    journey.strategy(D(2026, 3, 5))
    journey.s47(D(2026, 3, 5))
    journey.icpc(D(2026, 3, 20))
    assert CINPlan.objects.get(person=child).end_date == D(2026, 3, 20)
    with pytest.raises(ValidationError, match="it is the child's plan"):
        actions.start_cin_plan(child, acting_user=social_worker, start_date=D(2026, 3, 21))
