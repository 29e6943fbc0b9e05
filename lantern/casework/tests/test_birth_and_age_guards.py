"""Issue 9 §4: a referral is for a child (care leavers aside) and no earlier than nine months
before an expected birth; no assessment, s47, conference or child-seen visit before birth."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from lantern.casework.models import Assessment, CINEpisode, Visit
from lantern.casework.tests.journey import Journey
from lantern.people.actions import correct_details
from lantern.people.models import Person

D = dt.date


@pytest.fixture
def journey_of(social_worker, manager, iro, allocate):
    def make(person):
        allocate(person, social_worker, D(2025, 1, 6))
        return Journey(person, social_worker, manager, iro)

    return make


@pytest.fixture
def unborn(make_person):
    """Expected on 10 February 2027: pre-birth work may start on 10 May 2026."""
    return make_person("Baby", "Lowe", None, expected_date_of_birth=D(2027, 2, 10), sex="U")


def _refused(field, call):
    with pytest.raises(ValidationError) as refused:
        call()
    assert field in refused.value.message_dict
    return " ".join(refused.value.message_dict[field])


def test_referral_refused_on_or_after_the_18th_birthday(make_person, journey_of):
    journey = journey_of(make_person("Sam", "Adult", D(2008, 3, 2)))
    message = _refused("referral_date", lambda: journey.refer(on=D(2026, 3, 2)))
    assert "was 18 on 2 March 2026" in message
    assert not CINEpisode.objects.filter(person=journey.child).exists()


def test_referral_accepted_the_day_before_the_18th_birthday(make_person, journey_of):
    journey = journey_of(make_person("Sam", "Child", D(2008, 3, 3)))
    assert journey.refer(on=D(2026, 3, 2)).is_open


def test_a_care_leaver_over_18_may_be_referred(make_person, journey_of):
    leaver = make_person("Cal", "Leaver", D(2006, 1, 9))
    Person.objects.filter(pk=leaver.pk).update(care_status=Person.CareStatus.CARE_LEAVER)
    leaver.refresh_from_db()
    assert journey_of(leaver).refer(on=D(2026, 3, 2)).is_open


def test_unborn_referral_no_more_than_nine_months_before_the_expected_birth(unborn, journey_of):
    journey = journey_of(unborn)
    message = _refused("referral_date", lambda: journey.refer(on=D(2026, 5, 9)))
    assert "9 months before the expected birth (10 February 2027)" in message
    assert "10 May 2026" in message
    assert journey.refer(on=D(2026, 5, 10)).is_open


def test_referral_before_an_unexpected_birth_is_refused(make_person, journey_of):
    journey = journey_of(make_person("Ned", "New", D(2026, 3, 10)))
    message = _refused("referral_date", lambda: journey.refer(on=D(2026, 3, 2)))
    assert "before Ned New was born (10 March 2026)" in message


def test_pre_birth_work_but_the_unborn_child_is_never_seen(unborn, journey_of):
    journey = journey_of(unborn)
    journey.refer(on=D(2026, 6, 1))
    journey.assess(on=D(2026, 6, 2), outcome="strategy")
    journey.strategy(on=D(2026, 6, 3))
    journey.s47(on=D(2026, 6, 4))
    plan = journey.icpc(on=D(2026, 6, 20)).plan_started
    assert plan.start_date == D(2026, 6, 20) and plan.end_date is None
    message = _refused("child_seen", lambda: journey.visit(D(2026, 7, 1)))
    assert "not born yet" in message
    visit = journey.visit(D(2026, 7, 1), seen=False, alone=False, reason_not_seen="Unborn")
    assert visit.kind == Visit.Kind.CHILD_PROTECTION and not visit.child_seen


def test_no_assessment_before_the_birth_of_a_child_not_expected(child, journey):
    journey.refer(on=D(2026, 3, 2))
    correct_details(child, acting_user=journey.worker, date_of_birth=D(2026, 3, 5))
    child.refresh_from_db()
    message = _refused("start_date", lambda: journey.assess(on=D(2026, 3, 3)))
    assert "before Amy Carter was born (5 March 2026)" in message
    assert not Assessment.objects.filter(person=child).exists()
    assert journey.assess(on=D(2026, 3, 5)).start_date == D(2026, 3, 5)


def test_no_s47_or_conference_before_an_unexpected_birth(child, journey):
    journey.refer(on=D(2026, 3, 2))
    journey.strategy(on=D(2026, 3, 3))
    correct_details(child, acting_user=journey.worker, date_of_birth=D(2026, 3, 4))
    child.refresh_from_db()
    _refused("start_date", lambda: journey.s47(on=D(2026, 3, 3)))
    journey.s47(on=D(2026, 3, 4))
    correct_details(child, acting_user=journey.worker, date_of_birth=D(2026, 3, 21))
    child.refresh_from_db()
    _refused("held_on", lambda: journey.icpc(on=D(2026, 3, 20)))


def test_a_born_child_is_seen_only_from_the_birth(unborn, journey_of):
    journey = journey_of(unborn)
    journey.refer(on=D(2026, 6, 1))
    correct_details(unborn, acting_user=journey.worker, date_of_birth=D(2026, 9, 1), sex="F")
    unborn.refresh_from_db()
    message = _refused("child_seen", lambda: journey.visit(D(2026, 8, 31), kind="cin", alone=False))
    assert "born on 1 September 2026" in message
    assert journey.visit(D(2026, 9, 1), kind="cin", alone=False).child_seen
