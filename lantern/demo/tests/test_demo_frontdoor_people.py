"""The demo's front door and census fields, and the checker catching each way they could
go wrong (a demo of 0.05 holds every kind of record the checks read)."""

import datetime as dt

from lantern.casework.models import Assessment, CINEpisode
from lantern.clocks.models import Deadline
from lantern.demo import checks
from lantern.frontdoor.models import ContactSubject, Referral
from lantern.people.models import Disability, Identifier, Person

TODAY = dt.date(2026, 11, 23)
NEW = [
    "accepted_referral_without_episode",
    "referral_episode_dates",
    "second_episode_same_day",
    "contact_without_decision_clock",
    "uasc_factor_outside_uasc",
    "disabilities",
    "upn_unknown",
    "unborn_child",
]


def test_accepted_referrals_are_in_an_episode_from_the_day_received_with_its_clocks(demo_borough):
    referrals = Referral.objects.select_related("episode", "contact")
    assert referrals.exists()
    opened = [r for r in referrals if r.episode.referral_date == r.received_on]
    assert opened, "some referrals open a new episode"
    for r in opened:
        assert r.episode.referral_source == r.contact.source
        assert r.episode.referral_reason == r.contact.concern
        assert r.episode.harm_suspected == r.strategy_discussion
        assert Deadline.objects.filter(
            person=r.person, rule__code="assessment", started_on=r.received_on
        ).exists()
    linked = ContactSubject.objects.filter(person__isnull=False)
    assert linked.exists()
    for s in linked:
        assert Deadline.objects.filter(person=s.person, rule__code="referral_decision").exists()


def test_uasc_children_have_their_dates_and_no_child_has_none_beside_a_disability(demo_borough):
    assert Person.objects.filter(uasc_since__isnull=False).exists()
    assert Disability.objects.filter(code="NONE").exists()
    upn = Identifier.objects.filter(scheme="upn").values("person_id")
    assert not Person.objects.filter(pk__in=upn).exclude(upn_unknown="").exists()
    assert not {n: v for n, v in checks.run(TODAY, only=NEW).items() if v}


def test_the_checker_finds_each_broken_front_door_and_census_record(demo_borough):
    referral = Referral.objects.select_related("episode").first()
    Referral.objects.filter(pk=referral.pk).update(episode=None)
    CINEpisode.objects.create(
        person=referral.person,
        referral_date=referral.episode.referral_date,
        referral_source="6",
        close_date=referral.episode.referral_date,  # one open episode per child (a constraint)
        reason_for_closure="RC8",
        created_by=referral.episode.created_by,
        updated_by=referral.episode.created_by,
    )
    subject = ContactSubject.objects.filter(person__isnull=False).first()
    Deadline.objects.filter(person=subject.person, rule__code="referral_decision").delete()
    assessment = Assessment.objects.filter(person__uasc_since__isnull=True).first()
    Assessment.objects.filter(pk=assessment.pk).update(factors=["9A"])
    disabled = Disability.objects.filter(code="NONE").first().person
    Disability.objects.create(person=disabled, code="AUT")
    with_upn = Identifier.objects.filter(scheme="upn").first().person
    Person.objects.filter(pk=with_upn.pk).update(upn_unknown="UN4")
    unborn = Person.objects.filter(date_of_birth__isnull=True).first() or Person.objects.create(
        council_id="X1", first_name="Unborn", last_name="Test"
    )
    Person.objects.filter(pk=unborn.pk).update(expected_date_of_birth=TODAY, sex="F")

    found = checks.run(TODAY, only=NEW)
    assert referral.person_id in {v.person_id for v in found["accepted_referral_without_episode"]}
    assert referral.person_id in {v.person_id for v in found["second_episode_same_day"]}
    assert subject.person_id in {v.person_id for v in found["contact_without_decision_clock"]}
    assert assessment.person_id in {v.person_id for v in found["uasc_factor_outside_uasc"]}
    assert disabled.pk in {v.person_id for v in found["disabilities"]}
    assert with_upn.pk in {v.person_id for v in found["upn_unknown"]}
    assert unborn.pk in {v.person_id for v in found["unborn_child"]}
