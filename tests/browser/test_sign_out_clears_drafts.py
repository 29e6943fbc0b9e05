import datetime as dt

import pytest

from conftest import LONDON, PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.time_machine(dt.datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)),
]

DRAFTS = """() => Object.keys(window.sessionStorage).filter(k => k.startsWith("lantern-draft:"))"""


def test_signing_out_forgets_the_drafts_kept_in_the_tab(
    live_server, page, make_person, social_worker, allocate
):
    """A shared office PC: the next person at the keyboard must not find a child's case
    note put back from the tab after the worker signed out, nor the page from the cache.
    Two mechanisms do it (the sign-out response's Clear-Site-Data, and lantern.js for
    browsers that ignore that header); this fails only if both are gone."""
    child = make_person("Amy", "Carter", dt.date(2016, 5, 4))
    allocate(child, social_worker, dt.date(2026, 9, 1))

    page.goto(f"{live_server.url}/casework/{child.pk}/case-note/new/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_selector("h1")
    response = page.goto(f"{live_server.url}/casework/{child.pk}/case-note/new/")
    assert "no-store" in response.headers["cache-control"]
    # The connection drops: what she types is kept in the tab until it can be sent.
    page.route("**/drafts/**", lambda route: route.abort())
    page.fill("#id_text", "Mum said the new boyfriend, Dean, stays most nights.")
    page.wait_for_selector("[data-autosave-status]:has-text('Not saved to the server')")
    assert page.evaluate(DRAFTS), "the draft is kept in the tab while signed in"
    page.unroute("**/drafts/**")

    page.click("form[data-sign-out] button")
    page.wait_for_selector("#id_username")
    assert page.evaluate(DRAFTS) == []
    page.go_back()
    assert "stays most nights" not in page.content()
