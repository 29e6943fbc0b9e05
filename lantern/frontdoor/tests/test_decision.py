"""The MASH decision: the referral, the chronology, the allocated worker, the referrer."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import PASSWORD
from lantern.chronology.models import ChronologyEntry
from lantern.frontdoor import actions
from lantern.frontdoor.models import Check, Contact, Referral
from lantern.workforce.models import Notification

BORN = dt.date(2016, 5, 4)


@pytest.fixture
def officer(client, mash_officer):
    client.login(username="mo", password=PASSWORD)
    return mash_officer


@pytest.fixture
def matched(make_contact, make_person, make_partner, police, mash_officer):
    """A web contact from a police officer about Amy, already matched to her record."""
    child = make_person("Amy", "Smith", BORN)
    referrer = make_partner("pc", police)
    contact = make_contact(
        police,
        actions.SubjectDetails("Amy", "Smith", date_of_birth=BORN),
        channel="web",
        referrer_user=referrer,
    )
    actions.confirm_match(contact.subjects.get(), child, acting_user=mash_officer)
    return contact, child, referrer


def _decide(client, contact, outcome="assessment"):
    return client.post(
        reverse("frontdoor:decide", args=[contact.pk]),
        {
            "outcome": outcome,
            "reasons": "Unexplained injury; needs assessment.",
            "message_to_referrer": "Thank you.",
            "primary_need": "N1",
        },
    )


def test_a_referral_for_assessment_creates_the_cin_referral(
    client, officer, matched, police, django_capture_on_commit_callbacks
):
    contact, child, referrer = matched
    with django_capture_on_commit_callbacks(execute=True):
        response = _decide(client, contact)
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.status == Contact.Status.DECIDED
    referral = Referral.objects.get()
    assert (referral.person, referral.source, referral.contact) == (child, "6", contact)
    assert referral.received_on == contact.received_at.date()
    child.refresh_from_db()
    assert child.care_status == "assessment"
    entry = ChronologyEntry.objects.get(person=child, kind="referral")
    assert entry.summary == ("Referral accepted from Police (a contact from Metropolitan Police).")
    page = client.get(reverse("frontdoor:contact", args=[contact.pk])).content.decode()
    assert "Amy Smith: CIN episode opened from 24 November 2026" in page
    decided = ChronologyEntry.objects.get(person=child, kind="mash_decision")
    assert "Referral for a child and family assessment" in decided.summary
    assert "accepted as a referral" in contact.outcome_message
    assert "Thank you." in contact.outcome_message
    told = Notification.objects.get(recipient=referrer)
    assert contact.reference in told.subject


def test_the_allocated_worker_of_an_open_child_is_told(
    client, officer, matched, social_worker, allocate, django_capture_on_commit_callbacks
):
    contact, child, _ = matched
    allocate(child, social_worker)
    with django_capture_on_commit_callbacks(execute=True):
        _decide(client, contact, "strategy_discussion")
    note = Notification.objects.get(recipient=social_worker)
    assert "MASH decision on Amy Smith" in note.subject and note.person == child
    assert Referral.objects.get().strategy_discussion is True


def test_nothing_is_sent_before_the_decision_commits(officer, matched, social_worker, allocate):
    contact, child, _ = matched
    allocate(child, social_worker)
    actions.record_decision(contact, acting_user=officer, outcome="nfa", reasons="Known, no risk")
    # The test transaction never commits, so no message may have gone out.
    assert not Notification.objects.filter(recipient=social_worker).exists()


def test_no_further_action_makes_no_referral_but_lands_in_the_chronology(client, officer, matched):
    contact, child, _ = matched
    _decide(client, contact, "nfa")
    assert not Referral.objects.exists()
    assert ChronologyEntry.objects.filter(person=child, kind="mash_decision").exists()
    child.refresh_from_db()
    assert child.care_status == "not_open"


def test_a_decision_waits_until_every_child_is_found(client, officer, make_contact, police):
    contact = make_contact(police)
    response = _decide(client, contact)
    assert response.status_code == 400
    assert "Find or add Amy Smith" in response.content.decode()
    assert Contact.objects.get().is_awaiting


def test_a_decided_contact_cannot_be_decided_again(officer, matched):
    contact, _, _ = matched
    actions.record_decision(contact, acting_user=officer, outcome="nfa", reasons="x")
    with pytest.raises(ValidationError, match="decision has been made"):
        actions.record_decision(
            contact, acting_user=officer, outcome="assessment", reasons="y", primary_need="N1"
        )
    assert Referral.objects.count() == 0


def test_checks_and_their_answers_are_recorded_and_reach_the_chronology(
    client, officer, matched, hospital
):
    contact, child, _ = matched
    client.post(
        reverse("frontdoor:request-check", args=[contact.pk]),
        {"agency": hospital.pk, "question": "Any A&E attendances this year?"},
    )
    check = Check.objects.get()
    assert (check.agency, check.requested_by) == (hospital, officer)
    client.post(
        reverse("frontdoor:record-answer", args=[contact.pk, check.pk]),
        {"answer": "Two attendances, both with bruising.", "answered_by_name": "Nurse Patel"},
    )
    check.refresh_from_db()
    assert check.answer.startswith("Two attendances") and check.answered_at
    entry = ChronologyEntry.objects.get(person=child, kind="mash_check")
    assert entry.agency == hospital and "bruising" in entry.summary


def test_the_rag_rating_is_recorded(client, officer, make_contact, police):
    contact = make_contact(police)
    client.post(reverse("frontdoor:rate", args=[contact.pk]), {"rag": "red", "reason": "Injury"})
    contact.refresh_from_db()
    assert (contact.rag, contact.rag_reason) == ("red", "Injury")


def test_the_partner_sees_the_outcome_on_their_referral(client, officer, matched):
    contact, _, _ = matched
    _decide(client, contact, "early_help")
    client.login(username="pc", password=PASSWORD)
    page = client.get(reverse("frontdoor:my-referral", args=[contact.pk])).content.decode()
    assert "Early help" in page and "offered early help" in page


def test_only_the_manager_of_the_team_referred_to_works_on_the_unallocated_child(
    client, officer, matched, make_staff, make_person
):
    from lantern.access import roles
    from lantern.workforce.models import Team

    contact, child, _referrer = matched
    ours = make_staff("tess", roles.TEAM_MANAGER, Team.Kind.ASSESSMENT)
    theirs = make_staff("tom", roles.TEAM_MANAGER, Team.Kind.CHILDREN_IN_CARE)
    for manager in (ours, theirs):
        Team.objects.filter(pk=manager.staff.team_id).update(manager=manager)
    assert _decide(client, contact).status_code == 302
    assert Referral.objects.get().team == ours.staff.team  # the one assessment team
    note = reverse("casework:new", args=[child.pk, "case-note"])
    client.logout()
    client.login(username="tom", password=PASSWORD)
    assert client.get(note).status_code == 404  # a write: no reason opens it
    assert client.get(reverse("people:record", args=[child.pk])).status_code == 302
    client.logout()
    client.login(username="tess", password=PASSWORD)
    assert client.get(note).status_code == 200
    assert client.get(reverse("casework:allocate", args=[child.pk])).status_code == 200


def test_the_officer_may_send_a_referral_to_another_team(client, officer, matched, make_staff):
    from lantern.access import roles
    from lantern.workforce.models import Team

    contact, _child, _referrer = matched
    make_staff("tess", roles.TEAM_MANAGER, Team.Kind.ASSESSMENT)
    cp = make_staff("cara", roles.TEAM_MANAGER, Team.Kind.CHILD_PROTECTION).staff.team
    response = client.post(
        reverse("frontdoor:decide", args=[contact.pk]),
        {
            "outcome": "strategy_discussion",
            "reasons": "Disclosure at school.",
            "team": cp.pk,
            "primary_need": "N1",
        },
    )
    assert response.status_code == 302
    assert Referral.objects.get().team == cp


def test_a_refused_episode_is_shown_to_the_officer_and_nothing_changes(
    client, officer, matched, social_worker
):
    """Amy's last episode closed today (24 Nov 2026), after the contact came in on the 23rd:
    the referral cannot be dated before it, so the whole decision is refused."""
    from lantern.casework import actions as casework
    from lantern.frontdoor.models import Decision

    contact, child, _ = matched
    Contact.objects.filter(pk=contact.pk).update(
        received_at=dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
    )
    episode = casework.open_episode(
        child,
        acting_user=social_worker,
        referral_date=dt.date(2026, 10, 5),
        referral_source="3B",
        referral_reason="Health visitor's concern",
    )
    casework.close_episode(
        episode,
        acting_user=social_worker,
        close_date=dt.date(2026, 11, 24),
        reason_for_closure="RC7",
        expected_version=episode.version,
    )
    response = _decide(client, contact)
    assert response.status_code == 400
    problem = response.content.decode()
    assert "The referral cannot be accepted for Amy Smith" in problem
    assert "24 November 2026" in problem
    assert not Decision.objects.exists() and not Referral.objects.exists()
    contact.refresh_from_db()
    assert contact.is_awaiting


def test_the_decision_form_asks_for_the_primary_need_of_a_referral(client, officer, matched):
    contact, _, _ = matched
    response = client.post(
        reverse("frontdoor:decide", args=[contact.pk]),
        {"outcome": "assessment", "reasons": "Unexplained injury."},
    )
    assert response.status_code == 400
    assert "Choose the primary need of the children referred" in response.content.decode()
    assert Contact.objects.get().is_awaiting and not Referral.objects.exists()
