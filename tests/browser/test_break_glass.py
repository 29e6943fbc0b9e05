import pytest

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.actions import restrict_record
from lantern.access.models import RestrictedRecord
from lantern.workforce.models import Team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base, username, next_path="/"):
    page.goto(f"{base}/sign-in/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")


def test_a_worker_states_a_reason_reads_a_restricted_record_and_the_owner_sees_it(
    live_server, browser, make_staff, make_person, allocate, social_worker
):
    owner = make_staff("tess", roles.TEAM_MANAGER)
    Team.objects.filter(pk=owner.staff.team_id).update(manager=owner)
    make_staff("olly", roles.SOCIAL_WORKER, Team.Kind.CHILDREN_IN_CARE)
    child = make_person("Rhea", "Stone")
    allocate(child, social_worker)
    restrict_record(child, acting_user=owner, why=RestrictedRecord.Why.STAFF_CHILD)

    worker = browser.new_context().new_page()
    sign_in(worker, live_server.url, "olly", f"/people/{child.pk}/")
    worker.wait_for_selector("h1:has-text('outside your work')")
    worker.click("button:has-text('Open the record')")
    assert "Enter the reason" in worker.inner_text(".govuk-error-summary")
    worker.fill("#reason", "Emergency duty: police at the address tonight")
    worker.click("button:has-text('Open the record')")
    worker.wait_for_selector("h1:has-text('Rhea Stone')")

    manager = browser.new_context().new_page()
    sign_in(manager, live_server.url, "tess")
    notice = manager.locator("#notifications")
    assert "opened Rhea Stone's restricted record" in notice.inner_text()  # names the child
    manager.click("#notifications a")
    manager.wait_for_selector("h1:has-text('Who has seen')")
    row = manager.locator("#viewers tbody tr", has_text="olly")
    assert "Emergency duty: police at the address tonight" in row.inner_text()
