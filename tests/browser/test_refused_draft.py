"""A draft never brings back a value the form refused: after "Date of visit must be a real
date", coming back to the form later restores what was typed, less that date."""

import datetime as dt

import pytest

from conftest import LONDON, PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.time_machine(dt.datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)),
]


def test_coming_back_after_a_refused_date_restores_the_words_not_the_date(
    live_server, page, make_person, social_worker, allocate
):
    child = make_person("Amy", "Carter", dt.date(2016, 5, 4))
    allocate(child, social_worker)
    form = f"{live_server.url}/casework/{child.pk}/visit/new/"
    page.goto(form)
    page.fill("#id_username", "alice")
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_selector("#id_visited_on_day")
    page.fill("#id_visited_on_day", "31")
    page.fill("#id_visited_on_month", "2")
    page.fill("#id_visited_on_year", "2026")
    page.fill("#id_child_words", "Nan makes my tea.")
    page.wait_for_selector("[data-autosave-status]:has-text('Draft saved at')")
    page.click("button:has-text('Save')")
    assert "Date of visit must be a real date" in page.inner_text(".govuk-error-summary")

    page.goto(f"{live_server.url}/casework/my-work/")
    page.goto(form)
    page.wait_for_selector("#draft-restored")
    assert page.input_value("#id_child_words") == "Nan makes my tea."
    assert page.input_value("#id_visited_on_day") != "31"
    assert page.locator(".govuk-error-summary").count() == 0
