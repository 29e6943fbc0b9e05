"""The assessment: DfE factor rules, authorisation by a manager, and its outcome acted on."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from lantern.casework import actions
from lantern.casework.models import Assessment, CINPlan
from lantern.clocks.models import Deadline
from lantern.workforce.models import Notification

D = dt.date
pytestmark = pytest.mark.django_db


def authorise(assessment, user, on=None):
    return actions.authorise_assessment(
        assessment,
        acting_user=user,
        authorised_date=on or D(2026, 4, 1),
        expected_version=Assessment.objects.get(pk=assessment.pk).version,
    )


@pytest.mark.parametrize(
    "factors,message",
    [
        (["21", "16A"], "cannot be chosen with other factors"),  # rule 8869
        (["16A", "16A"], "once"),  # rule 8898
        (["99Z"], "Not a factor on the DfE list"),  # rule 8897Q
    ],
)
def test_factors_follow_the_census_rules(journey, factors, message):
    journey.refer()
    with pytest.raises(ValidationError, match=message):
        journey.assess(factors=factors)


def test_an_assessment_cannot_start_before_the_referral(journey):
    journey.refer(D(2026, 3, 2))
    with pytest.raises(ValidationError, match="before the referral"):
        journey.assess(on=D(2026, 3, 1))


def test_only_a_manager_can_authorise(journey, social_worker):
    journey.refer()
    assessment = journey.assess()
    with pytest.raises(ValidationError, match="Only a manager"):
        authorise(assessment, social_worker)


def test_authorising_needs_factors_and_an_outcome(journey, manager):
    journey.refer()
    assessment = journey.assess(factors=(), outcome="")
    with pytest.raises(ValidationError, match="8897Q"):
        authorise(assessment, manager)


def test_authorising_meets_the_clock_and_starts_the_cin_plan(
    journey, child, manager, django_capture_on_commit_callbacks
):
    journey.refer(D(2026, 3, 2))
    assessment = journey.assess()
    with django_capture_on_commit_callbacks(execute=True):
        authorise(assessment, manager, on=D(2026, 4, 1))
    clock = Deadline.objects.get(person=child, rule__code="assessment")
    assert (clock.state, clock.closed_on, clock.met_late) == ("met", D(2026, 4, 1), False)
    plan = CINPlan.objects.get(person=child)
    assert plan.start_date == D(2026, 4, 1)
    child.refresh_from_db()
    assert child.care_status == "child_in_need"
    note = Notification.objects.get(recipient=journey.worker)
    assert "authorised" in note.subject


def test_an_outcome_of_significant_harm_starts_the_strategy_clock(journey, child, manager):
    journey.refer(D(2026, 3, 2))
    authorise(journey.assess(outcome="strategy"), manager, on=D(2026, 4, 2))
    assert Deadline.objects.get(person=child, rule__code="strategy_discussion").due_on == D(
        2026, 4, 7
    )


def test_an_authorised_assessment_is_not_changed(journey, social_worker, manager):
    journey.refer()
    assessment = authorise(journey.assess(), manager)
    with pytest.raises(ValidationError, match="cannot be changed"):
        actions.update_assessment(
            assessment, acting_user=social_worker, expected_version=2, analysis="New text"
        )
