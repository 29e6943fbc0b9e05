"""Issue 12, seen by its users: a health visitor's injury report on a four-month-old arrives
through the partner API; the MASH links the child and sees the signal; the allocated worker
sees it with its evidence; a manager records the decision, which joins the chronology."""

import datetime as dt
import json

import pytest

from conftest import PASSWORD
from lantern.access import roles
from lantern.agencies.models import Agency
from lantern.api.actions import issue_token
from lantern.workforce.models import Team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
BORN = dt.date(2026, 7, 20)  # four months old on the suite's Tuesday


def sign_in(browser, base, username, next_path="/"):
    page = browser.new_context().new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{base}/sign-in/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")
    return page


def test_an_injury_to_a_baby_is_seen_by_the_mash_the_worker_and_decided_by_the_manager(
    live_server, browser, page, make_staff, make_person, allocate, social_worker
):
    boss = make_staff("tom", roles.TEAM_MANAGER)
    Team.objects.filter(pk=social_worker.staff.team_id).update(manager=boss)
    make_staff("mash", roles.MASH_OFFICER, Team.Kind.MASH)
    child = make_person("Poppy", "Hart", BORN)
    allocate(child, social_worker)
    health = Agency.objects.create(
        code="whittington", name="Whittington Health visiting", kind=Agency.Kind.HEALTH
    )
    _, token = issue_token(health, name="Health visiting")

    # The health visitor's system sends the report over HTTP, as a partner's would.
    report = {
        "referrer": {"name": "Hana Visitor", "role": "Health visitor"},
        "people": [
            {"first_name": "Poppy", "last_name": "Hart", "date_of_birth": BORN.isoformat()},
            {"role": "parent_carer", "first_name": "Jade", "last_name": "Hart"},
        ],
        "concern": "Bruise to the left cheek seen at the 16-week visit; no explanation given.",
        "consent": "given",
        "kind": "injury",
        "occurred_at": "2026-11-23T14:00:00+00:00",
    }
    sent = page.request.post(
        f"{live_server.url}/api/v1/contacts",
        data=json.dumps(report),
        headers={
            "Authorization": f"Bearer {token}",
            "Idempotency-Key": "hv-2026-11-23-0001",
            "Content-Type": "application/json",
        },
    )
    assert sent.status == 201, sent.text()
    reference = sent.json()["reference"]

    # The MASH confirms the child: the injury joins her chronology and the signal is raised.
    mash = sign_in(browser, live_server.url, "mash", "/front-door/")
    mash.click(f"#queue a:has-text('{reference}')")
    mash.wait_for_selector(f"h1:has-text('Contact {reference}')")
    suggestion = mash.locator(".lantern-candidate", has_text="Poppy Hart").first
    suggestion.locator("button:has-text('This is the same person')").click()
    mash.wait_for_selector("text=Matched to the person in the index")
    warning = mash.locator(".lantern-contact-signals").inner_text()
    assert "Injury to a baby who is not yet mobile" in warning
    assert "An injury at 4 months old: 23 Nov 2026" in warning
    mash.goto(f"{live_server.url}/front-door/")
    first = mash.locator("#queue tbody tr").first
    assert reference in first.inner_text() and "Live safeguarding signal" in first.inner_text()

    # The allocated worker is told, and sees the signal with its evidence on the record.
    worker = sign_in(browser, live_server.url, "alice", "/casework/my-work/")
    listed = worker.locator("#signals-list")
    assert "An injury at 4 months old: 23 Nov 2026" in listed.inner_text()
    listed.get_by_role("link", name="Poppy Hart").click()
    worker.wait_for_selector("h1:has-text('Poppy Hart')")
    panel = worker.locator("#signals")
    text = panel.inner_text()
    assert "Injury to a baby who is not yet mobile" in text
    assert "Whittington Health visiting" in text and "Injury seen by a professional" in text
    assert "NICE CG89" in text and "Record a decision" not in text
    panel.get_by_role("link", name="23 Nov 2026 in the chronology").click()
    entry = worker.locator("#chronology-table tr:target")
    assert "Bruise to the left cheek" in entry.inner_text()

    # The manager records what was decided; a refusal first, then the decision.
    manager = sign_in(browser, live_server.url, "tom", "/casework/team/")
    assert "Poppy Hart" in manager.inner_text("#signals-list")
    manager.locator("#signals-list").get_by_role("link", name="Poppy Hart").click()
    manager.get_by_role("link", name="Record a decision").click()
    manager.wait_for_selector("h1:has-text('Record a decision')")
    manager.check("input[name='outcome'][value='actioned']")
    manager.fill("textarea[name='reason']", "Strategy discussion held with police and health.")
    manager.click("button:has-text('Record the decision')")
    summary = manager.locator(".govuk-error-summary")
    assert "Give the link to where the action is recorded" in summary.inner_text()
    manager.check("input[name='outcome'][value='acknowledged']")
    manager.fill(
        "textarea[name='reason']", "Seen by the paediatrician today: birth mark, not a bruise."
    )
    manager.click("button:has-text('Record the decision')")
    manager.wait_for_selector("text=Decision recorded: acknowledged")
    assert "No live signals" in manager.inner_text("#signals")
    top = manager.locator("#chronology-table tbody tr[data-entry]").first.inner_text()
    assert "Safeguarding signal acknowledged" in top and "birth mark" in top
