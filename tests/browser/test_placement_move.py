"""A social worker records a looked-after child's move to new foster carers: the child's
stability figures, the reg 28 visit clock and the chronology follow the move at once, and
the child's independent reviewing officer sees the next review due on their caseload."""

import datetime as dt

import pytest

from conftest import PASSWORD
from lantern.access import roles
from lantern.care.actions.iro import allocate_iro
from lantern.care.actions.reviews import record_lac_review
from lantern.care.models import Carer, Placement
from lantern.care.tests.factories import foster_carers, start_care
from lantern.workforce.models import Team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = dt.date


def _sign_in(page, url, username):
    page.goto(url)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")


def test_a_placement_move_updates_stability_clocks_chronology_and_the_iro_sees_the_review(
    live_server, browser, make_staff, make_person, allocate
):
    # Tuesday 24 November 2026, 10:00 (the pinned clock).
    worker = make_staff("sw", roles.SOCIAL_WORKER, Team.Kind.CHILDREN_IN_CARE)
    iro = make_staff("irene", roles.IRO, Team.Kind.IRO)
    amy = make_person("Amy", "Carter", D(2016, 5, 4))
    allocate(amy, worker, D(2026, 1, 5))
    period = start_care(amy, worker, D(2026, 10, 5), carer=foster_carers("The Okafor household"))
    foster_carers("The Begum household", provider="PR4", urn="SC654321", postcode="N8 7QT")
    allocate_iro(amy, acting_user=worker, iro=iro, start_date=D(2026, 10, 5))
    # The first review on Mon 2 Nov 2026: the second is due 3 months on, Tue 2 Feb 2027.
    record_lac_review(
        amy, acting_user=iro, held_on=D(2026, 11, 2), chair=iro, participation="PN1",
        decisions="Amy stays with the Okafors while the court decides.",
    )  # fmt: skip

    page = browser.new_context().new_page()
    page.set_default_timeout(30_000)
    _sign_in(page, f"{live_server.url}/casework/{amy.pk}/", "sw")
    stability = page.locator("#care-stability")
    stability.wait_for()
    assert stability.locator("#placement-moves").inner_text().startswith("0")
    page.click("#care-summary a:has-text('5 October 2026')")
    page.click("a:has-text('Move placement')")
    page.wait_for_selector("select[name='carer']")
    page.fill("input[name='on_day']", "24")
    page.fill("input[name='on_month']", "11")
    page.fill("input[name='on_year']", "2026")
    page.select_option("select[name='reason_changed']", "CREQO")
    page.select_option("select[name='carer']", label="The Begum household (Fostering household)")
    page.select_option("select[name='placement_type']", "U6")
    page.fill("input[name='weekly_cost']", "975.00")
    page.click("button:has-text('Save')")
    page.wait_for_selector("#record")

    page.goto(f"{live_server.url}/casework/{amy.pk}/")
    summary = page.locator("#care-summary").inner_text()
    assert "The Begum household" in summary and "£975.00 a week" in summary
    assert page.locator("#placement-moves").inner_text().startswith("1")
    # Reg 28(2)(a): a visit within a week of the new placement, Tue 1 Dec 2026.
    due = page.locator("#due tr", has_text="First visit in a placement").inner_text()
    assert "1 Dec 2026" in due
    episodes = page.locator("#care-episodes").inner_text()
    assert "CREQO" in episodes  # the reason closes the Okafor episode
    page.goto(f"{live_server.url}/people/{amy.pk}/")
    assert "The Begum household" in page.locator("main").inner_text()
    page.context.close()

    moved = Placement.objects.get(person=amy, end_date__isnull=True)
    assert (moved.carer.name, moved.start_date) == ("The Begum household", D(2026, 11, 24))
    assert moved.carer.kind == Carer.Kind.FOSTERING_HOUSEHOLD
    assert period.placements.get(carer__name="The Okafor household").end_date == D(2026, 11, 24)

    page = browser.new_context().new_page()
    page.set_default_timeout(30_000)
    _sign_in(page, f"{live_server.url}/care/iro/reviews/", "irene")
    row = page.locator("#iro-caseload tr", has_text="Amy Carter")
    row.wait_for()
    assert "Second looked-after review: 2 Feb 2027" in row.inner_text()
    page.context.close()
