"""A looked-after child's health (issue 10 §5): the initial and review health assessment
clocks with dated examples, the SDQ's bounds and reasons, the substance-misuse items, and
bad input refused naming the field with nothing saved."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from conftest import LONDON
from lantern.care.actions import health
from lantern.care.models import HealthAssessment, StrengthsAndDifficulties, SubstanceMisuse
from lantern.care.tests.factories import start_care
from lantern.clocks.actions import apply_event
from lantern.clocks.models import Deadline

D = dt.date
pytestmark = pytest.mark.django_db


def looked_after(child, worker, on):
    """A period of care with its clocks started, as the care action will start them."""
    period = start_care(child, worker, on)
    apply_event(child, "became_looked_after", on, source=period)
    return period


def clocks(child, *codes):
    return [
        (d.rule.code, d.started_on, d.due_on, d.state)
        for d in Deadline.objects.filter(person=child, rule__code__in=codes).order_by("id")
    ]


def assess(child, worker, on, kind="initial", **extra):
    return health.record_health_assessment(
        child,
        acting_user=worker,
        kind=kind,
        assessed_on=on,
        **{"assessed_by": "Dr Rao, LAC health team", "by_doctor": True, **extra},
    )


@pytest.mark.time_machine(dt.datetime(2027, 1, 20, 10, tzinfo=LONDON), tick=False)
def test_the_initial_health_assessment_is_due_20_working_days_after_care_began(
    child, social_worker
):
    # Thu 10 Dec 2026: 25 Dec, 28 Dec (Boxing Day's substitute) and 1 Jan are not counted.
    looked_after(child, social_worker, D(2026, 12, 10))
    assert clocks(child, "initial_health_assessment") == [
        ("initial_health_assessment", D(2026, 12, 10), D(2027, 1, 12), "open")
    ]
    assess(child, social_worker, D(2027, 1, 8))
    assert clocks(child, "initial_health_assessment", "review_health_assessment") == [
        ("initial_health_assessment", D(2026, 12, 10), D(2027, 1, 12), "met"),
        ("review_health_assessment", D(2027, 1, 8), D(2028, 1, 8), "open"),
    ]


@pytest.mark.time_machine(dt.datetime(2027, 5, 4, 10, tzinfo=LONDON), tick=False)
def test_a_child_who_turns_5_between_assessments_moves_from_6_monthly_to_yearly(
    make_person, social_worker
):
    toddler = make_person("Kai", "Mensah", D(2022, 3, 15))
    looked_after(toddler, social_worker, D(2026, 10, 5))
    assess(toddler, social_worker, D(2026, 10, 20))  # aged 4
    assert clocks(toddler, "review_health_assessment_under_5") == [
        ("review_health_assessment_under_5", D(2026, 10, 20), D(2027, 4, 20), "open")
    ]
    assess(toddler, social_worker, D(2027, 4, 12), kind="review")  # 5 since 15 March
    assert clocks(toddler, "review_health_assessment_under_5", "review_health_assessment") == [
        ("review_health_assessment_under_5", D(2026, 10, 20), D(2027, 4, 20), "met"),
        ("review_health_assessment", D(2027, 4, 12), D(2028, 4, 12), "open"),
    ]


def test_an_assessment_before_care_began_is_refused_and_nothing_saved(in_care, social_worker):
    with pytest.raises(ValidationError) as refused:
        assess(in_care.person, social_worker, D(2026, 10, 1))
    assert "became looked after (5 October 2026)" in str(refused.value.message_dict["assessed_on"])
    assert not HealthAssessment.objects.exists()


def test_an_assessment_dated_tomorrow_is_refused(in_care, social_worker):
    with pytest.raises(ValidationError) as refused:
        assess(in_care.person, social_worker, D(2026, 11, 25))
    assert "today or in the past" in str(refused.value.message_dict["assessed_on"])
    assert not HealthAssessment.objects.exists()


def test_the_initial_assessment_must_be_by_a_doctor(in_care, social_worker):
    with pytest.raises(ValidationError) as refused:
        assess(in_care.person, social_worker, D(2026, 10, 20), by_doctor=False)
    assert "registered medical practitioner" in str(refused.value.message_dict["by_doctor"])


def test_a_second_initial_assessment_is_refused(in_care, social_worker):
    assess(in_care.person, social_worker, D(2026, 10, 20))
    with pytest.raises(ValidationError) as refused:
        assess(in_care.person, social_worker, D(2026, 11, 2))
    assert "record this one as a review" in str(refused.value.message_dict["kind"])
    assert HealthAssessment.objects.count() == 1


def sdq(child, worker, **fields):
    return health.record_sdq(child, acting_user=worker, completed_on=D(2026, 11, 2), **fields)


@pytest.mark.parametrize("score", [0, 40])
def test_an_sdq_score_from_0_to_40_is_kept(in_care, social_worker, score):
    assert sdq(in_care.person, social_worker, score=score).score == score


@pytest.mark.parametrize(
    "fields,field,words",
    [
        ({"score": 41}, "score", "whole number from 0 to 40"),
        ({"score": -1}, "score", "whole number from 0 to 40"),
        ({"score": 12, "reason": "SDQ4"}, "score", "not both"),
        ({}, "score", "choose why there is none"),
        ({"reason": "SDQ9"}, "reason", "from the list"),
        # Amy is 10: SDQ1 (the child's age) is for a child under 4 or over 16 (903 rule 157)
        ({"reason": "SDQ1"}, "reason", "only for a child under 4 or over 16"),
    ],
)
def test_a_bad_sdq_is_refused_naming_the_field(in_care, social_worker, fields, field, words):
    with pytest.raises(ValidationError) as refused:
        sdq(in_care.person, social_worker, **fields)
    assert words in str(refused.value.message_dict[field])
    assert not StrengthsAndDifficulties.objects.exists()


def test_a_three_year_old_has_no_sdq_score(make_person, social_worker):
    toddler = make_person("Kai", "Mensah", D(2023, 6, 1))
    start_care(toddler, social_worker, D(2026, 10, 5))
    with pytest.raises(ValidationError) as refused:
        sdq(toddler, social_worker, score=10)
    assert "choose SDQ1" in str(refused.value.message_dict["score"])
    assert sdq(toddler, social_worker, reason="SDQ1").reason == "SDQ1"


def misuse(child, worker, **fields):
    return health.record_substance_misuse(
        child, acting_user=worker, identified_on=D(2026, 11, 2), **fields
    )


def test_substance_misuse_follows_the_903_rules(in_care, social_worker):
    child = in_care.person
    with pytest.raises(ValidationError) as refused:  # 159
        misuse(child, social_worker, intervention_received=False)
    assert "say whether one was offered" in str(refused.value.message_dict["intervention_offered"])
    with pytest.raises(ValidationError) as refused:  # 158
        misuse(child, social_worker, intervention_received=True, intervention_offered=True)
    assert "leave ‘offered’ unanswered" in str(refused.value.message_dict["intervention_offered"])
    assert not SubstanceMisuse.objects.exists()
    kept = misuse(child, social_worker, intervention_received=False, intervention_offered=True)
    assert kept.intervention_offered is True


def test_a_child_under_10_cannot_be_convicted(in_care, social_worker, make_person):
    young = make_person("Kai", "Mensah", D(2018, 1, 1))
    start_care(young, social_worker, D(2026, 10, 5))
    with pytest.raises(ValidationError) as refused:
        health.record_conviction(
            young, acting_user=social_worker, convicted_on=D(2026, 11, 2), offence="Theft"
        )
    assert "no child under 10" in str(refused.value.message_dict["convicted_on"])
