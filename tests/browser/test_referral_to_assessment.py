"""A MASH officer accepts a referral; the chosen team's manager finds the child waiting for
allocation, with the CIN episode it opened and its 45-working-day assessment clock; the
assessment is finished after that clock, and the form will not take it without the reason."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from conftest import LONDON, PASSWORD
from lantern.access import roles
from lantern.casework import actions as casework
from lantern.casework.models import Assessment
from lantern.frontdoor import actions
from lantern.workforce.actions import allocate_worker
from lantern.workforce.models import Team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, url, username):
    page.goto(url)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_selector("#main-content")


def test_an_accepted_referral_reaches_the_team_manager_with_its_assessment_clock(
    live_server, browser, make_staff, make_person, police
):
    # Tuesday 24 November 2026, 10:00 (the pinned clock): received and decided today.
    officer = make_staff("mo", roles.MASH_OFFICER, Team.Kind.MASH)
    manager = make_staff("tm", roles.TEAM_MANAGER, Team.Kind.ASSESSMENT)
    worker = make_staff("sw", roles.SOCIAL_WORKER, Team.Kind.ASSESSMENT)
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
    mash.set_default_timeout(30_000)
    _sign_in(mash, f"{live_server.url}/front-door/", "mo")
    mash.click(f"#queue a:has-text('{contact.reference}')")
    mash.wait_for_selector(f"h1:has-text('Contact {contact.reference}')")
    mash.check("input[name='outcome'][value='assessment']")
    mash.fill("textarea[name='reasons']", "Left alone at night with an injury: assess.")
    mash.select_option("select[name='team']", label="North assessment team")
    mash.select_option("select[name='primary_need']", "N1")
    mash.click("button:has-text('Record decision')")
    mash.wait_for_selector("#decision-tag")
    mash.context.close()

    page = browser.new_context().new_page()
    page.set_default_timeout(30_000)
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

    # The manager allocates; the worker starts the assessment the same day and finishes it on
    # Tue 2 Feb 2027, two working days after the clock ran out.
    allocate_worker(child, worker, acting_user=manager, start=dt.date(2026, 11, 24))
    assessment = casework.start_assessment(
        child,
        acting_user=worker,
        start_date=dt.date(2026, 11, 24),
        analysis="Amy was left alone overnight; mother works nights and has no childcare.",
        factors=["3A"],
        outcome="cin_plan",
    )
    with time_machine.travel(dt.datetime(2027, 2, 2, 10, 0, tzinfo=LONDON), tick=True):
        page = browser.new_context().new_page()
        page.set_default_timeout(30_000)
        step = reverse("casework:change", args=[child.pk, "assessment", assessment.pk, "authorise"])
        _sign_in(page, f"{live_server.url}{step}", "tm")
        page.wait_for_selector("input[name='authorised_date_day']")
        page.fill("input[name='authorised_date_day']", "2")
        page.fill("input[name='authorised_date_month']", "2")
        page.fill("input[name='authorised_date_year']", "2027")
        page.click("button:has-text('Save')")
        error = page.locator(".govuk-error-summary")
        error.wait_for()
        assert "due by 29 January 2027" in error.inner_text()
        assert Assessment.objects.get(pk=assessment.pk).authorised_date is None
        page.select_option("select[name='late_reason']", "capacity")
        page.fill("textarea[name='late_reason_detail']", "Two workers off sick over January.")
        page.click("button:has-text('Save')")
        page.wait_for_selector("#record")
        page.context.close()
    done = Assessment.objects.get(pk=assessment.pk)
    assert (done.authorised_date, done.late_reason) == (dt.date(2027, 2, 2), "capacity")
