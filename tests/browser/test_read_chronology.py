import datetime as dt

import pytest

from conftest import PASSWORD
from lantern.chronology.models import ChronologyEntry
from lantern.people import actions
from lantern.people.models import Address, Household

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_social_worker_signs_in_and_reads_a_childs_chronology(
    live_server, page, make_person, social_worker, police, hospital, council, allocate
):
    child = make_person("Amy", "Carter", dt.date(2016, 5, 4))
    allocate(child, social_worker)
    home = Household.objects.create(
        address=Address.objects.create(line_1="3 Oak Road", town="London", postcode="N17 6AA")
    )
    actions.move_into_household(
        child, home, acting_user=social_worker, start=dt.date(2020, 1, 1), agency=council
    )
    partner = make_person("Steve", "Doyle", dt.date(1985, 4, 4))
    actions.move_into_household(
        partner, home, acting_user=social_worker, start=dt.date(2026, 2, 1), agency=police
    )
    ChronologyEntry.objects.create(
        person=child,
        agency=hospital,
        kind="ae_attendance",
        summary="Bruising to the upper arm, explanation unclear",
        occurred_at=dt.datetime(2026, 3, 2, 22, 5, tzinfo=dt.UTC),
    )

    page.goto(f"{live_server.url}/people/{child.pk}/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")

    page.wait_for_selector("h1:has-text('Amy Carter')")
    assert "Steve Doyle" in page.inner_text("#household")
    rows = page.locator("#chronology-table tbody tr[data-entry]")  # not the month headings
    assert "Bruising to the upper arm" in rows.nth(0).inner_text()
    assert "North Middlesex Hospital" in rows.nth(0).inner_text()
    assert "Steve Doyle moved into the household" in rows.nth(1).inner_text()

    page.select_option("#agency", label="Metropolitan Police")
    page.click("button:has-text('Filter')")
    page.wait_for_url("**agency=**")
    text = page.inner_text("#chronology-table")
    assert "moved into the household" in text and "Bruising" not in text
