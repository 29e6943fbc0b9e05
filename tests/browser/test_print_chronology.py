import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from conftest import PASSWORD
from lantern.chronology.actions import record_entry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LONDON = ZoneInfo("Europe/London")


def test_a_social_worker_prints_a_childs_chronology_for_a_date_range(
    live_server, page, make_person, social_worker, police, allocate
):
    child = make_person("Amy", "Carter", dt.date(2016, 5, 4))
    allocate(child, social_worker)
    record_entry(child, kind="referral", summary="Referral from school", when=dt.date(2025, 12, 1))
    record_entry(child, kind="conference", summary="Initial conference", when=dt.date(2026, 3, 5))
    record_entry(
        child,
        kind="police_incident",
        summary="Police called to the home",
        when=dt.datetime(2026, 3, 5, 22, 15, tzinfo=LONDON),
        agency=police,
    )
    record_entry(child, kind="visit", summary="Home visit", when=dt.date(2026, 4, 14))

    page.goto(f"{live_server.url}/people/{child.pk}/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.click("#chronology-print-link")
    page.wait_for_selector("h1:has-text('Chronology: Amy Carter')")

    page.fill("#id_from_day", "1")
    page.fill("#id_from_month", "1")
    page.fill("#id_from_year", "2026")
    page.fill("#id_to_day", "30")
    page.fill("#id_to_month", "4")
    page.fill("#id_to_year", "2026")
    page.click("button:has-text('Show these entries')")
    page.wait_for_selector("#chronology-range:has-text('1 Jan 2026 to 30 Apr 2026')")

    months = page.locator("#chronology-table .lantern-chronology__month").all_inner_texts()
    assert [m.strip() for m in months] == ["March 2026", "April 2026"]
    entries = page.locator("#chronology-table tr[data-entry]")
    assert entries.count() == 3  # December's referral is outside the range
    first = entries.nth(0).locator("td").nth(0).inner_text().strip()
    assert first == "5 Mar 2026"  # the date alone: no invented time
    assert "Key event" in entries.nth(0).inner_text()
    assert entries.nth(1).locator("td").nth(0).inner_text().strip() == "5 Mar 2026 22:15"
    assert entries.nth(2).locator("td").nth(0).inner_text().strip() == "14 Apr 2026"

    # Printed, the form and the menus are left off and the months stay in order.
    page.emulate_media(media="print")
    assert not page.locator("form").first.is_visible()
    assert page.locator("#chronology-table").is_visible()
    assert page.locator("#chronology-csv").get_attribute("href").endswith("to_year=2026")
