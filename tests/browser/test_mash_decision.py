import datetime as dt

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD
from lantern.access import roles
from lantern.frontdoor import actions
from lantern.frontdoor.models import Referral
from lantern.workforce.models import Team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_mash_officer_confirms_the_suggested_match_and_decides(
    live_server, page, make_staff, make_person, police
):
    make_staff("mo", roles.MASH_OFFICER, Team.Kind.MASH)
    child = make_person("Victoria", "Climbie", dt.date(2016, 11, 2))
    contact, _ = actions.receive_contact(
        actions.ContactDetails(
            agency=police,
            channel="api",
            referrer_name="PC Jones",
            concern="Officers found the child with unexplained marks on her hands.",
            consent="not_sought",
            lawful_basis="Asking could put the child at risk",
            urgency="immediate",
            subjects=[
                actions.SubjectDetails("Viktoria", "Klimbie", date_of_birth=dt.date(2016, 11, 2))
            ],
        )
    )

    page.goto(f"{live_server.url}/front-door/")
    page.fill("#id_username", "mo")
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.click(f"#queue a:has-text('{contact.reference}')")

    # expect, not wait_for_selector: a failure says which page came instead (CI saw one once).
    expect(page.locator("h1")).to_contain_text(f"Contact {contact.reference}")
    suggestion = page.locator(".lantern-candidate").first
    assert "Victoria Climbie" in suggestion.inner_text()
    suggestion.locator("button:has-text('This is the same person')").click()

    page.wait_for_selector("text=Matched to the person in the index")
    assert "Viktoria Klimbie → Victoria Climbie" in page.inner_text(".lantern-linked")
    page.check("input[name='outcome'][value='assessment']")
    page.fill("textarea[name='reasons']", "Unexplained marks; known to health under another name.")
    page.select_option("select[name='primary_need']", "N1")
    page.click("button:has-text('Record decision')")

    page.wait_for_selector("#decision-tag")
    assert "Referral for a child and family assessment" in page.inner_text("#decision")
    referral = Referral.objects.get()
    assert referral.person == child and referral.contact == contact
