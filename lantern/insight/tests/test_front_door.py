"""Contacts, referrals, re-referrals and MASH decisions, on hand-built records."""

import datetime as dt

import pytest
import time_machine

from conftest import LONDON
from lantern.frontdoor import actions as frontdoor
from lantern.insight.figures import front_door
from lantern.insight.measures import Period
from lantern.insight.tests.builders import YEAR_2025, D, refer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _population(settings):
    settings.LANTERN_CHILD_POPULATION = 30_000


def test_referrals_count_each_referral_and_make_a_rate(make_person, social_worker):
    amy, ben = make_person("Amy"), make_person("Ben")
    refer(amy, social_worker, D(2025, 4, 1), closed=D(2025, 5, 1))  # first day of the year
    refer(amy, social_worker, D(2025, 9, 1))  # Amy again: a second referral
    refer(ben, social_worker, D(2026, 3, 31), closed=D(2026, 4, 2))  # last day of the year
    refer(make_person("Cal"), social_worker, D(2025, 3, 31))  # the day before: not counted
    value = front_door.referrals_per_10k(YEAR_2025)
    # 3 referrals in the year among 30,000 children: 3 × 10,000 / 30,000 = 1.0 per 10,000
    assert (value.numerator, value.denominator, value.value) == (3, 30_000, 1.0)


def test_a_referral_on_the_same_date_a_year_later_is_a_re_referral(make_person, social_worker):
    amy, ben, cal = make_person("Amy"), make_person("Ben"), make_person("Cal")
    refer(amy, social_worker, D(2024, 6, 1), closed=D(2024, 7, 1))
    refer(amy, social_worker, D(2025, 6, 1))  # exactly 12 months after: a re-referral
    refer(ben, social_worker, D(2024, 5, 31), closed=D(2024, 7, 1))
    refer(ben, social_worker, D(2025, 6, 1))  # 12 months and a day after: not one
    refer(cal, social_worker, D(2025, 6, 3))  # Cal's first referral
    value = front_door.re_referrals_in_12_months(YEAR_2025)
    # 3 referrals in the year, 1 (Amy's) within 12 months of the last: 1 / 3 = 33.3 %
    assert (value.numerator, value.denominator) == (1, 3)
    assert round(value.value, 1) == 33.3
    assert value.children == {amy.pk}


def test_re_referrals_with_no_referrals_have_no_value(db):
    assert front_door.re_referrals_in_12_months(YEAR_2025).value is None


def _contact(make_contact, make_person, received: dt.datetime, decided: dt.datetime, officer):
    contact = make_contact(police_agency(), received_at=received)
    subject = contact.subjects.get()
    child = make_person(subject.first_name, subject.last_name, subject.date_of_birth)
    frontdoor.confirm_match(subject, child, acting_user=officer)
    with time_machine.travel(decided, tick=False):
        frontdoor.record_decision(
            contact, acting_user=officer, outcome="early_help", reasons="Family support"
        )
    return contact, child


def police_agency():
    from lantern.agencies.models import Agency

    return Agency.objects.get(code="police")


def test_mash_decisions_within_1_working_day_skip_bank_holidays(
    make_contact, police, mash_officer, make_person
):
    at = lambda *a: dt.datetime(*a, tzinfo=LONDON)  # noqa: E731
    # Friday 19 Dec 2025 → due Monday 22 Dec by 17:00: decided 16:00 Monday, on time.
    _contact(make_contact, make_person, at(2025, 12, 19, 11), at(2025, 12, 22, 16), mash_officer)
    # Wednesday 24 Dec → 25 and 26 Dec are bank holidays, then the weekend: due Monday
    # 29 Dec; decided 09:00 that day, on time.
    _contact(make_contact, make_person, at(2025, 12, 24, 10), at(2025, 12, 29, 9), mash_officer)
    # Monday 15 Dec → due Tuesday 16 Dec 17:00: decided Wednesday, late.
    _, amy = _contact(
        make_contact, make_person, at(2025, 12, 15, 10), at(2025, 12, 17, 9), mash_officer
    )
    value = front_door.mash_decisions_in_1_working_day(Period(D(2025, 12, 1), D(2025, 12, 31)))
    # 3 decisions in December, 2 on time: 2 / 3 = 66.7 %; the late one was about Amy
    assert (value.numerator, value.denominator) == (2, 3)
    assert round(value.value, 1) == 66.7
    assert value.children == {amy.pk}


def test_contacts_count_each_child_in_each_contact(make_contact, police):
    two = (
        frontdoor.SubjectDetails("Amy", "Smith", date_of_birth=D(2016, 5, 4)),
        frontdoor.SubjectDetails("Ben", "Smith", date_of_birth=D(2018, 2, 1)),
    )
    make_contact(police, *two, received_at=dt.datetime(2025, 12, 1, 23, 30, tzinfo=LONDON))
    # just after midnight on 1 December, and just before it on 30 November: by the day
    make_contact(police, received_at=dt.datetime(2025, 12, 1, 0, 30, tzinfo=LONDON))
    make_contact(police, received_at=dt.datetime(2025, 11, 30, 23, 30, tzinfo=LONDON))
    value = front_door.contacts_per_10k(Period(D(2025, 12, 1), D(2025, 12, 31)))
    # 3 children in December's 2 contacts among 30,000: 3 × 10,000 / 30,000 = 1.0
    assert (value.numerator, value.value) == (3, 1.0)
