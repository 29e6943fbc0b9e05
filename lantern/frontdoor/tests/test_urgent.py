"""An urgent contact cannot wait a working day: the council's urgent clock (hours from
receipt), and urgent and Red contacts at the top of the MASH queue."""

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from lantern.api.actions import issue_token
from lantern.frontdoor import actions
from lantern.frontdoor.clock import LONDON
from lantern.frontdoor.models import Contact

FRIDAY_EVENING = dt.datetime(2025, 12, 19, 18, 30, tzinfo=LONDON)


@pytest.fixture
def officer(client, mash_officer):
    client.login(username="mo", password=PASSWORD)
    return mash_officer


def _child(first="Kofi"):
    return actions.SubjectDetails(first, "Mensah", date_of_birth=dt.date(2014, 1, 9))


@pytest.mark.time_machine(FRIDAY_EVENING)
def test_an_urgent_contact_is_due_two_hours_after_receipt_even_on_a_friday_evening(
    make_contact, police
):
    urgent = make_contact(police, _child(), urgency="immediate", received_at=FRIDAY_EVENING)
    standard = make_contact(police, _child("Ama"), received_at=FRIDAY_EVENING)
    assert urgent.decision_due_at == dt.datetime(2025, 12, 19, 20, 30, tzinfo=LONDON)
    # The standard contact still gets the next working day: Monday 22 Dec, 17:00.
    assert standard.decision_due_at == dt.datetime(2025, 12, 22, 17, 0, tzinfo=LONDON)


def test_the_council_sets_its_urgent_hours(make_contact, police, settings):
    settings.LANTERN_URGENT_DECISION_HOURS = 4
    urgent = make_contact(police, _child(), urgency="immediate")
    assert urgent.decision_due_at == urgent.received_at + dt.timedelta(hours=4)


def test_the_partner_api_gives_the_urgent_due_time(client, police):
    token = issue_token(police, name="Police MASH feed")[1]
    body = {
        "referrer": {"name": "PC Jones"},
        "people": [{"role": "child", "first_name": "Anna", "last_name": "Kouao"}],
        "concern": "The child was found alone at night with injuries.",
        "consent": "statutory",
        "lawful_basis": "Public task; Children Act 2004 s.11",
        "urgency": "immediate",
    }
    response = client.post(
        "/api/v1/contacts",
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": "key-urgent-1"},
    )
    assert response.status_code == 201
    due = dt.datetime.fromisoformat(response.json()["decision_due_at"])
    expected = Contact.objects.get().received_at + dt.timedelta(hours=2)
    assert abs(due - expected) < dt.timedelta(seconds=1)  # JSON keeps milliseconds


def test_urgent_and_red_contacts_come_first_in_the_queue(
    client, officer, make_contact, police, school
):
    now = timezone.now()
    overdue = make_contact(police, _child("Ama"), received_at=now - dt.timedelta(days=5))
    red = make_contact(school, _child("Efua"), received_at=now - dt.timedelta(minutes=30))
    Contact.objects.filter(pk=red.pk).update(rag=Contact.Rag.RED)
    amber = make_contact(school, _child("Kwame"), received_at=now - dt.timedelta(days=3))
    Contact.objects.filter(pk=amber.pk).update(rag=Contact.Rag.AMBER)
    urgent = make_contact(police, _child("Kofi"), urgency="immediate")
    page = client.get(reverse("frontdoor:queue")).content.decode()
    order = sorted((page.index(c.reference), c) for c in (overdue, red, amber, urgent))
    # Urgent (due in 2 hours) before Red (due tomorrow); then the rest by due time.
    assert [c for _, c in order] == [urgent, red, overdue, amber]
    assert "on an urgent\n  contact within 2 hours of receipt" in page


@pytest.mark.time_machine(FRIDAY_EVENING)
def test_a_closure_day_does_not_move_an_urgent_contact(make_contact, police):
    from lantern.clocks.actions import declare_closure_day

    urgent = make_contact(police, _child(), urgency="immediate", received_at=FRIDAY_EVENING)
    standard = make_contact(police, _child("Ama"), received_at=FRIDAY_EVENING)
    declare_closure_day(dt.date(2025, 12, 22), "Council closure")
    urgent.refresh_from_db()
    standard.refresh_from_db()
    assert urgent.decision_due_at == dt.datetime(2025, 12, 19, 20, 30, tzinfo=LONDON)
    assert standard.decision_due_at == dt.datetime(2025, 12, 23, 17, 0, tzinfo=LONDON)
