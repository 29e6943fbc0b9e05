import datetime as dt

import pytest

from conftest import LONDON, PASSWORD
from lantern.clocks.models import ClockRule, Deadline
from lantern.people.models import Person

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.time_machine(dt.datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)),
]


def test_a_social_worker_opens_my_children_and_a_childs_record_from_it(
    live_server, page, make_person, social_worker, allocate
):
    """From the navigation to her caseload: her child with the next thing due, and from
    there the child's record."""
    child = make_person("Amy", "Carter", dt.date(2016, 5, 4))
    allocate(child, social_worker)
    Person.objects.filter(pk=child.pk).update(care_status=Person.CareStatus.CHILD_PROTECTION)
    Deadline.objects.create(
        person=child,
        rule=ClockRule.objects.get(code="cp_visit"),
        started_on=dt.date(2026, 11, 10),
        due_on=dt.date(2026, 11, 24),
        started_by="test",
    )

    page.goto(f"{live_server.url}/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.locator("#navigation").get_by_role("link", name="My children").click()
    page.wait_for_selector("h1:has-text('My children')")

    row = page.locator("#caseload tbody tr", has_text="Amy Carter")
    assert "Child protection plan" in row.inner_text()
    assert "Visit and see the child" in row.inner_text()
    assert "Due today" in row.inner_text()

    row.get_by_role("link", name="Amy Carter").click()
    page.wait_for_url(f"**/people/{child.pk}/")
    assert "Amy Carter" in page.inner_text("h1")
