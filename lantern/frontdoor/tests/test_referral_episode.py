"""Accepting a referral at the MASH opens the child's CIN episode: one referral, recorded once."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from lantern.access import roles
from lantern.casework import actions as casework
from lantern.casework.bulk import described, redescribe
from lantern.casework.models import CINEpisode
from lantern.chronology.describe import describe
from lantern.chronology.models import ChronologyEntry
from lantern.clocks.models import Deadline
from lantern.frontdoor import actions
from lantern.frontdoor.clock import LONDON
from lantern.frontdoor.models import Contact, Decision, Referral
from lantern.workforce.models import Team

BORN = dt.date(2016, 5, 4)
# Friday 19 December 2025, 10:00: the contact; the MASH decides on Monday 22 December.
RECEIVED = dt.datetime(2025, 12, 19, 10, 0, tzinfo=LONDON)
DECIDED = dt.datetime(2025, 12, 22, 11, 0, tzinfo=LONDON)
pytestmark = pytest.mark.time_machine(DECIDED)


@pytest.fixture
def assessment_team(make_staff):
    manager = make_staff("tm", roles.TEAM_MANAGER, Team.Kind.ASSESSMENT)
    team = Team.objects.get(kind=Team.Kind.ASSESSMENT)
    team.manager = manager
    team.save(update_fields=["manager"])
    return team


@pytest.fixture
def amy(make_person):
    return make_person("Amy", "Smith", BORN)


@pytest.fixture
def contact_about(make_contact, police, mash_officer):
    def make(child, received_at=RECEIVED, concern="Amy arrived at school with a bruised cheek."):
        contact = make_contact(police, received_at=received_at, concern=concern)
        actions.confirm_match(contact.subjects.get(), child, acting_user=mash_officer)
        return contact

    return make


def _decide(contact, officer, outcome="assessment", team=None, primary_need="N1"):
    return actions.record_decision(
        contact,
        acting_user=officer,
        outcome=outcome,
        reasons="Needs assessment.",
        team=team,
        primary_need=primary_need,
    )


def _clock(child, code):
    return Deadline.objects.get(person=child, rule__code=code, state="open")


def test_accepting_opens_the_episode_with_the_referrals_date_source_and_reason(
    amy, contact_about, mash_officer, assessment_team
):
    contact = contact_about(amy)
    _decide(contact, mash_officer)
    episode = CINEpisode.objects.get(person=amy)
    assert (episode.referral_date, episode.referral_source, episode.harm_suspected) == (
        dt.date(2025, 12, 19),  # the day it was received, not the day it was decided
        "6",  # police
        False,
    )
    assert episode.referral_reason == "Amy arrived at school with a bruised cheek."
    referral = Referral.objects.get(person=amy)
    assert (referral.episode, referral.team) == (episode, assessment_team)
    amy.refresh_from_db()
    assert (amy.awaiting_team, amy.care_status) == (assessment_team, "assessment")
    # 45 working days from Fri 19 Dec 2025, Christmas, Boxing Day and New Year's Day skipped.
    assert _clock(amy, "assessment").due_on == dt.date(2026, 2, 25)
    assert not Deadline.objects.filter(person=amy, rule__code="strategy_discussion").exists()
    entry = ChronologyEntry.objects.get(person=amy, kind="referral")
    assert entry.from_record and entry.source_ref == str(episode.pk)
    assert entry.summary == ("Referral accepted from Police (a contact from Metropolitan Police).")


def test_a_strategy_discussion_decision_starts_its_clock_too(amy, contact_about, mash_officer):
    _decide(contact_about(amy), mash_officer, "strategy_discussion")
    assert CINEpisode.objects.get(person=amy).harm_suspected
    # The next working day after the referral's date (Fri 19 Dec 2025): Mon 22 Dec.
    assert _clock(amy, "strategy_discussion").due_on == dt.date(2025, 12, 22)
    assert _clock(amy, "assessment").started_on == dt.date(2025, 12, 19)


def test_a_referral_while_an_episode_is_open_is_recorded_in_it(amy, contact_about, mash_officer):
    first = contact_about(amy)
    _decide(first, mash_officer)
    second = contact_about(amy, received_at=dt.datetime(2025, 12, 22, 9, 0, tzinfo=LONDON))
    _decide(second, mash_officer, "strategy_discussion")
    episode = CINEpisode.objects.get(person=amy)  # still one episode, one census referral
    assert list(Referral.objects.filter(person=amy).values_list("episode", flat=True)) == [
        episode.pk,
        episode.pk,
    ]
    assert episode.referral_date == dt.date(2025, 12, 19)
    assert Deadline.objects.filter(person=amy, rule__code="assessment").count() == 1
    assert _clock(amy, "strategy_discussion").started_on == dt.date(2025, 12, 22)
    later = ChronologyEntry.objects.get(
        person=amy, kind="referral", source_type="frontdoor.Referral"
    )
    assert later.summary == (
        f"Referral from Metropolitan Police (contact {second.reference}) recorded in the CIN "
        "episode open since 19 December 2025."
    )


def test_the_episode_names_the_contact_it_was_opened_for_however_it_is_described(
    amy, contact_about, make_contact, hospital, mash_officer
):
    """A later referral from another agency joins the episode; the episode's entry still
    names the first, whether described alone or among thousands (the demo's bulk writer)."""
    first = make_contact(hospital, received_at=RECEIVED, referrer_name="Dr Patel")
    actions.confirm_match(first.subjects.get(), amy, acting_user=mash_officer)
    _decide(first, mash_officer)
    _decide(
        contact_about(amy, received_at=dt.datetime(2025, 12, 22, 9, 0, tzinfo=LONDON)), mash_officer
    )
    episode = CINEpisode.objects.get(person=amy)
    alone = [d.summary for d in describe(CINEpisode.objects.get(pk=episode.pk))]
    among_many = [d.summary for d in described(CINEpisode, [episode.pk])]
    assert alone == among_many
    (opened,) = alone
    assert opened.endswith("(a contact from North Middlesex Hospital).")
    redescribe(CINEpisode, [episode.pk])
    assert (
        ChronologyEntry.objects.get(
            source_type="casework.CINEpisode", source_ref=str(episode.pk)
        ).summary
        == opened
    )


def test_a_refused_episode_refuses_the_whole_decision(
    amy, contact_about, mash_officer, social_worker
):
    # Amy's last episode closed on Monday 22 Dec; the contact was received before that.
    contact = contact_about(amy)
    old = casework.open_episode(
        amy,
        acting_user=social_worker,
        referral_date=dt.date(2025, 11, 3),
        referral_source="3B",
        referral_reason="Health visitor's concern",
    )
    casework.close_episode(
        old,
        acting_user=social_worker,
        close_date=dt.date(2025, 12, 22),
        reason_for_closure="RC7",
        expected_version=old.version,
    )
    with pytest.raises(ValidationError) as refused:
        _decide(contact, mash_officer)
    message = refused.value.messages[0]
    assert message.startswith("The referral cannot be accepted for Amy Smith: ")
    assert "22 December 2025" in message and message.endswith("Nothing has been recorded.")
    contact.refresh_from_db()
    assert contact.status == Contact.Status.AWAITING
    assert not Decision.objects.exists() and not Referral.objects.exists()
    assert CINEpisode.objects.filter(person=amy).count() == 1
    assert not Deadline.objects.filter(person=amy, rule__code="assessment", state="open").exists()


def test_a_worker_cannot_key_the_same_referral_again(
    amy, contact_about, mash_officer, social_worker
):
    contact = contact_about(amy)
    _decide(contact, mash_officer)
    with pytest.raises(ValidationError, match="already has an open episode"):
        casework.open_episode(
            amy,
            acting_user=social_worker,
            referral_date=dt.date(2025, 12, 19),
            referral_source="6",
            referral_reason="Bruised cheek",
        )
    episode = CINEpisode.objects.get(person=amy)  # closed the day it was referred
    casework.close_episode(
        episode,
        acting_user=social_worker,
        close_date=dt.date(2025, 12, 19),
        reason_for_closure="RC7",
        expected_version=episode.version,
    )
    with pytest.raises(ValidationError, match=f"contact {contact.reference}"):
        casework.open_episode(
            amy,
            acting_user=social_worker,
            referral_date=dt.date(2025, 12, 19),
            referral_source="6",
            referral_reason="Bruised cheek",
        )


def test_a_referral_is_refused_without_the_childs_primary_need(
    amy, contact_about, mash_officer, assessment_team
):
    contact = contact_about(amy)
    with pytest.raises(ValidationError, match="Choose the primary need"):
        _decide(contact, mash_officer, primary_need="")
    contact.refresh_from_db()
    assert contact.status == Contact.Status.AWAITING
    assert not Decision.objects.exists() and not CINEpisode.objects.exists()


def test_the_primary_need_goes_on_the_episode_and_into_the_cin_census(
    amy, contact_about, mash_officer, assessment_team
):
    from lantern.returns.cin import build
    from lantern.returns.years import containing

    _decide(contact_about(amy), mash_officer, primary_need="N4")
    assert CINEpisode.objects.get(person=amy).primary_need == "N4"
    census = build(containing(dt.date(2025, 12, 19))).data.decode()
    assert "<PrimaryNeedCode>N4</PrimaryNeedCode>" in census


def test_a_referral_into_an_open_episode_gives_it_a_primary_need_only_if_it_has_none(
    amy, contact_about, mash_officer, social_worker
):
    episode = casework.open_episode(
        amy,
        acting_user=social_worker,
        referral_date=dt.date(2025, 12, 1),
        referral_source="3B",
        referral_reason="Health visitor's concern",
    )
    _decide(contact_about(amy), mash_officer, primary_need="N3")
    episode.refresh_from_db()
    assert episode.primary_need == "N3"
    later = contact_about(amy, received_at=dt.datetime(2025, 12, 22, 9, 0, tzinfo=LONDON))
    _decide(later, mash_officer, primary_need="N1")
    episode.refresh_from_db()
    assert episode.primary_need == "N3"  # the first one stands; the assessment revises it


def test_a_decision_that_is_not_a_referral_needs_no_primary_need(amy, contact_about, mash_officer):
    _decide(contact_about(amy), mash_officer, outcome="early_help", primary_need="")
    assert Decision.objects.get().outcome == "early_help"
    assert not CINEpisode.objects.exists()
