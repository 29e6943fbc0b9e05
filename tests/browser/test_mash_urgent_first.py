import datetime as dt

import pytest
from django.utils import timezone

from conftest import PASSWORD
from lantern.access import roles
from lantern.frontdoor import actions
from lantern.frontdoor.models import ContactSubject
from lantern.workforce.models import Team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BORN = dt.date(2024, 6, 3)


def _contact(agency, first, last, born, *, urgency="standard", received_at=None):
    contact, _ = actions.receive_contact(
        actions.ContactDetails(
            agency=agency,
            channel="api",
            referrer_name="PC Jones",
            concern="Neighbours heard shouting and a child crying.",
            consent="statutory",
            lawful_basis="Public task; Children Act 2004 s.11",
            urgency=urgency,
            received_at=received_at,
            subjects=[actions.SubjectDetails(first, last, date_of_birth=born, sex="M")],
        )
    )
    return contact


def test_a_mash_officer_sees_the_urgent_contact_first_and_confirms_the_strong_candidate(
    live_server, page, make_staff, make_person, police
):
    make_staff("mo", roles.MASH_OFFICER, Team.Kind.MASH)
    child = make_person("Tomasz", "Nowak", BORN, sex="M")
    father = make_person("Tomasz", "Nowak", dt.date(1990, 2, 11), sex="M")
    overdue = _contact(
        police,
        "Ama",
        "Mensah",
        dt.date(2015, 3, 1),
        received_at=timezone.now() - dt.timedelta(days=3),
    )
    urgent = _contact(police, "Tomasz", "Nowak", BORN, urgency="immediate")

    page.goto(f"{live_server.url}/front-door/")
    page.fill("#id_username", "mo")
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")

    page.wait_for_selector("#queue")
    rows = page.locator("#queue tbody tr")
    assert rows.count() == 2
    first = rows.nth(0).inner_text()
    assert urgent.reference in first and "Urgent" in first
    assert overdue.reference in rows.nth(1).inner_text()  # overdue, but not urgent: second
    rows.nth(0).locator(f"a:has-text('{urgent.reference}')").click()

    page.wait_for_selector(f"h1:has-text('Contact {urgent.reference}')")
    strong = page.locator(".lantern-candidate", has_text=child.council_id)
    weak = page.locator(".lantern-candidate", has_text=father.council_id)
    assert strong.is_visible()
    assert not weak.is_visible()  # behind "Show 1 weaker candidate", closed
    assert page.locator("summary:has-text('Show 1 weaker candidate')").is_visible()
    strong.locator("button:has-text('This is the same person')").click()

    page.wait_for_selector("text=Matched to the person in the index")
    assert "Tomasz Nowak → Tomasz Nowak" in page.inner_text(".lantern-linked")
    assert child.council_id in page.inner_text(".lantern-linked")
    assert ContactSubject.objects.get(contact=urgent).person == child
