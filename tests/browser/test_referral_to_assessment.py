"""A MASH officer accepts a referral; the chosen team's manager finds the child waiting for
allocation, with the CIN episode it opened and its 45-working-day assessment clock."""

import datetime as dt

import pytest

from conftest import PASSWORD
from lantern.access import roles
from lantern.frontdoor import actions
from lantern.workforce.models import Team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, url, username):
    page.goto(url)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")


def test_an_accepted_referral_reaches_the_team_manager_with_its_assessment_clock(
    live_server, browser, make_staff, make_person, police
):
    # Tuesday 24 November 2026, 10:00 (the pinned clock): received and decided today.
    officer = make_staff("mo", roles.MASH_OFFICER, Team.Kind.MASH)
    manager = make_staff("tm", roles.TEAM_MANAGER, Team.Kind.ASSESSMENT)
    team = Team.objects.get(kind=Team.Kind.ASSESSMENT)
    team.name = "North assessment team"
    team.manager = manager
    team.save(update_fields=["name", "manager"])
    child = make_person("Amy", "Smith", dt.date(2016, 5, 4))
    contact, _ = actions.receive_contact(
        actions.ContactDetails(
            agency=police,
            channel="api",
            referrer_name="PC Jones",
            concern="Amy was found alone at home at night with a cut to her arm.",
            consent="not_sought",
            lawful_basis="Asking could put the child at risk",
            urgency="standard",
            subjects=[actions.SubjectDetails("Amy", "Smith", date_of_birth=dt.date(2016, 5, 4))],
        )
    )
    actions.confirm_match(contact.subjects.get(), child, acting_user=officer)

    mash = browser.new_context().new_page()
    mash.set_default_timeout(15_000)
    _sign_in(mash, f"{live_server.url}/front-door/", "mo")
    mash.click(f"#queue a:has-text('{contact.reference}')")
    mash.wait_for_selector(f"h1:has-text('Contact {contact.reference}')")
    mash.check("input[name='outcome'][value='assessment']")
    mash.fill("textarea[name='reasons']", "Left alone at night with an injury: assess.")
    mash.select_option("select[name='team']", label="North assessment team")
    mash.click("button:has-text('Record decision')")
    mash.wait_for_selector("#decision-tag")
    mash.context.close()

    page = browser.new_context().new_page()
    page.set_default_timeout(15_000)
    _sign_in(page, f"{live_server.url}/casework/team/", "tm")
    waiting = page.locator("#awaiting-allocation")
    waiting.wait_for()
    # 45 working days from Tue 24 Nov 2026: Christmas, Boxing Day (Mon 28 Dec) and New
    # Year's Day 2027 skipped.
    row = waiting.locator("tr", has_text="Amy Smith")
    assert "Complete the assessment" in row.inner_text()
    assert "Fri 29 Jan 2027" in row.inner_text()

    row.locator("a:has-text('Amy Smith')").click()
    page.wait_for_selector("#episodes")
    assert "referred by Police" in page.inner_text("#episodes")
    assert "Fri 29 Jan 2027" in page.inner_text("#due")
    assert "Allocate a worker" in page.inner_text("#next-steps")
    page.click("#episodes a:has-text('CIN episode')")
    page.wait_for_selector("#record")
    shown = page.inner_text("#record")
    assert "Referral accepted from Police (a contact from Metropolitan Police)." in shown
    assert f"{contact.reference}, received 24 Nov 2026" in shown
    page.context.close()
