"""A contact about a child with a live safeguarding signal is raised in the MASH queue, and
the contact page shows the child's signals."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.actions import restrict_record
from lantern.access.models import AuditEntry, RestrictedRecord
from lantern.chronology.actions import record_entry
from lantern.frontdoor import actions
from lantern.signals.models import Signal

BORN = dt.date(2026, 7, 20)


@pytest.fixture
def officer(client, mash_officer):
    client.login(username="mo", password=PASSWORD)
    return mash_officer


@pytest.fixture
def baby(make_person, hospital):
    child = make_person("Poppy", "Hart", BORN)
    record_entry(
        child, kind="injury", when=dt.date(2026, 11, 20), agency=hospital, summary="Bruise."
    )
    assert Signal.objects.filter(person=child, status="live").exists()
    return child


def about(make_contact, agency, child, *, received_at=None, **details):
    """A contact naming ``child``, linked to the record as the MASH would confirm it."""
    contact = make_contact(
        agency,
        actions.SubjectDetails(child.first_name, child.last_name, date_of_birth=BORN),
        received_at=received_at,
        **details,
    )
    contact.subjects.update(person=child, resolution="matched")
    return contact


def test_a_contact_about_a_child_with_a_live_signal_comes_first_and_says_why(
    client, officer, baby, make_contact, police, school
):
    now = timezone.now()
    due_first = make_contact(school, received_at=now - dt.timedelta(days=3))
    raised = about(make_contact, police, baby, received_at=now)
    due_last = make_contact(school, received_at=now)

    page = client.get(reverse("frontdoor:queue")).content.decode()

    assert page.index(raised.reference) < page.index(due_first.reference)
    assert page.index(due_first.reference) < page.index(due_last.reference)
    assert page.count("Live safeguarding signal</strong>") == 1
    rows = AuditEntry.objects.filter(person=baby, action="listed", user=officer)
    assert [r.detail for r in rows] == [
        "listed in the MASH queue: a contact about a child with a live safeguarding signal"
    ]


def test_among_raised_contacts_the_queues_own_order_holds(
    client, officer, baby, make_contact, police, school
):
    now = timezone.now()
    later = about(make_contact, police, baby, received_at=now)
    sooner = about(make_contact, school, baby, received_at=now - dt.timedelta(days=1))
    page = client.get(reverse("frontdoor:queue")).content.decode()
    assert page.index(sooner.reference) < page.index(later.reference)


def test_a_decided_signal_no_longer_raises_the_contact(
    client, officer, baby, make_contact, police, school
):
    Signal.objects.filter(person=baby).update(status=Signal.Status.ACKNOWLEDGED)
    first = make_contact(school, received_at=timezone.now() - dt.timedelta(days=1))
    contact = about(make_contact, police, baby)
    page = client.get(reverse("frontdoor:queue")).content.decode()
    assert page.index(first.reference) < page.index(contact.reference)
    assert "Live safeguarding signal</strong>" not in page


def test_the_contact_page_shows_the_linked_childs_live_signals(
    client, officer, baby, make_contact, police
):
    contact = about(make_contact, police, baby)
    page = client.get(reverse("frontdoor:contact", args=[contact.pk])).content.decode()
    signal = Signal.objects.get(person=baby)
    assert "Injury to a baby who is not yet mobile: " + signal.headline in page
    assert reverse("people:record", args=[baby.pk]) + "#signals" in page


def test_a_restricted_record_the_officer_may_not_open_shows_no_signal(
    client, officer, baby, make_contact, police, make_staff
):
    owner = make_staff("tara", roles.TEAM_MANAGER)
    restrict_record(baby, acting_user=owner, why=RestrictedRecord.Why.STAFF_CHILD)
    contact = about(make_contact, police, baby)
    page = client.get(reverse("frontdoor:contact", args=[contact.pk])).content.decode()
    assert Signal.objects.get(person=baby).headline not in page
