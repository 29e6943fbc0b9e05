"""Issue 13: the DPO, from their home page, records a retention decision in the browser."""

import datetime as dt

import pytest

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.models import RetentionDecision
from lantern.people.models import Person
from lantern.workforce.models import Team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_dpo_extends_a_record_due_for_review_and_it_leaves_the_waiting_list(
    live_server, page, make_staff, make_person
):
    make_staff("dora", roles.DATA_PROTECTION_OFFICER, Team.Kind.ADMINISTRATION)
    old = make_person("Old", "Care", dt.date(1940, 1, 1), care_status=Person.CareStatus.CARE_LEAVER)

    page.goto(f"{live_server.url}/sign-in/?next=/")
    page.fill("#id_username", "dora")
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")
    tasks = page.locator("#dpo-tasks")
    assert "1 record waits for your decision" in tasks.inner_text()
    tasks.locator("a:has-text('Review')").click()

    page.wait_for_selector("h1:has-text('Records due for retention review')")
    assert "75 years" in page.inner_text("#retention-rules")
    page.click(f"#retention a:has-text('{old.council_id}')")

    page.wait_for_selector(f"h1:has-text('{old.council_id}')")
    page.check("label:has-text('Keep the record until a later date')")
    page.fill("#id_reason", "Care proceedings about a sibling still need this file")
    page.click("button:has-text('Record the decision')")
    summary = page.locator(".govuk-error-summary")
    assert "Enter the date to keep the record until" in summary.inner_text()
    assert page.title().startswith("Error: ")
    assert not RetentionDecision.objects.exists()

    page.fill("#id_until_day", "31")
    page.fill("#id_until_month", "3")
    page.fill("#id_until_year", "2030")
    page.click("button:has-text('Record the decision')")

    page.wait_for_selector(f"text=Decision recorded for {old.council_id}")
    assert "Nothing is waiting for a decision" in page.inner_text("#retention")
    page.click("a:has-text('Decided (1)')")
    row = page.locator("#retention tbody tr", has_text=old.council_id)
    assert "Extended to 31 Mar 2030" in row.inner_text()
    decision = RetentionDecision.objects.get()
    assert (decision.outcome, decision.keep_until) == ("extend", dt.date(2030, 3, 31))
