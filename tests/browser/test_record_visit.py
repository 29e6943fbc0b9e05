import datetime as dt

import pytest

from conftest import LONDON, PASSWORD
from lantern.access import roles
from lantern.casework import actions
from lantern.casework.tests.journey import Journey
from lantern.clocks.calendar import WorkingDayCalendar
from lantern.workforce.models import Team

# The visit is overdue by working days counted back from an ordinary Tuesday; the server
# runs in this process, so it sees the same day (Chromium keeps its own clock).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.time_machine(dt.datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)),
]
TUESDAY = dt.date(2026, 11, 24)


def working_days_ago(n: int) -> dt.date:
    calendar, day = WorkingDayCalendar(), TUESDAY
    while n:
        day -= dt.timedelta(days=1)
        n -= calendar.is_working_day(day)
    return day


def test_a_social_worker_records_a_visit_with_the_child_seen_alone(
    live_server, page, make_person, make_staff, social_worker, allocate
):
    """The visit is overdue in "my work"; recording it (child seen alone, in her own words)
    takes it off "my work" at once and puts it at the top of her chronology."""
    child = make_person("Amy", "Carter", dt.date(2016, 5, 4))
    allocate(child, social_worker, working_days_ago(40))
    manager = make_staff("mo", roles.TEAM_MANAGER)
    chair = make_staff("irene", roles.IRO, Team.Kind.IRO)
    journey = Journey(child, social_worker, manager, chair)
    journey.refer(working_days_ago(30))
    journey.strategy(working_days_ago(29))
    journey.s47(working_days_ago(29))
    journey.icpc(working_days_ago(15))
    actions.record_core_group(
        journey.conference.plan_started,
        acting_user=social_worker,
        held_on=working_days_ago(12),
    )

    page.goto(f"{live_server.url}/casework/my-work/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")
    overdue = page.locator("#overdue")
    assert "Visit and see the child" in overdue.inner_text()

    overdue.get_by_role("link", name="Amy Carter").click()
    page.get_by_role("link", name="Record a visit").click()
    page.wait_for_selector("h1:has-text('Record a visit')")
    assert "Amy Carter" in page.inner_text("#known-facts")
    page.fill("#id_visited_on_day", str(TUESDAY.day))
    page.fill("#id_visited_on_month", str(TUESDAY.month))
    page.fill("#id_visited_on_year", str(TUESDAY.year))
    page.select_option("#id_kind", "cp")
    page.check("#id_child_seen")
    page.check("#id_seen_alone")
    page.check("#id_bedroom_seen")
    page.fill("#id_child_words", "I feel safe when Nan is here. I don't like the shouting.")
    page.fill("#id_observations", "Amy showed me her room; clean bedding, food in the fridge.")
    page.wait_for_selector("[data-autosave-status]:has-text('Draft saved at')")
    page.click("button:has-text('Save')")

    page.wait_for_selector("#record")
    assert "I feel safe when Nan is here" in page.inner_text("#record")

    page.goto(f"{live_server.url}/casework/my-work/")
    assert "Visit and see the child" not in page.inner_text("#overdue")
    assert "Nothing overdue" in page.inner_text("#overdue")

    page.goto(f"{live_server.url}/people/{child.pk}/")
    first = page.locator("#chronology-table tbody tr[data-entry]").nth(0).inner_text()
    assert "Child seen alone. Bedroom seen." in first
    assert "“I feel safe when Nan is here. I don't like the shouting.”" in first
    assert page.locator("#overdue").count() == 0
