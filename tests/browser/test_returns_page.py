"""The performance analyst builds the CIN census from the Returns page in a real browser: the
build runs apart from the request, the page refreshes itself (no inline script: the CSP
allows none) while it moves, and the results list the error apart from the warning."""

import pytest

from conftest import PASSWORD
from lantern.access import roles
from lantern.returns import actions, runner
from lantern.returns.models import ReturnRun
from lantern.returns.tests import fakes
from lantern.workforce.models import Team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_analyst_builds_the_cin_census_watches_it_run_and_reads_the_errors(
    live_server, browser, make_staff, make_person, monkeypatch, settings
):
    make_staff("pat", roles.PERFORMANCE_ANALYST, Team.Kind.PERFORMANCE)
    child = make_person("Amy", "Carter")
    fakes.install_returns(monkeypatch, child)
    # The build's own process is played by this test thread (SQLite's in-memory test
    # database cannot take a second writer beside the live server): asked for, it waits.
    settings.LANTERN_RETURNS_RUNNER = "subprocess"
    monkeypatch.setattr(runner, "_spawn", lambda run_id: None)

    page = browser.new_context().new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{live_server.url}/")
    page.fill("#id_username", "pat")
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.click("#navigation a:has-text('Returns')")
    cin = page.locator("#return-cin")
    assert cin.locator("input[value='2026']").is_checked()  # 2025/26, the last complete year
    cin.locator("button:has-text('Build and validate')").click()

    page.wait_for_selector("text=Waiting to start")
    assert "CIN census 2025/26" in page.locator("h1").inner_text()
    run = ReturnRun.objects.get()
    # A route handler runs only while this thread is inside a Playwright call: the page's
    # refreshes wait in the browser while this thread writes, then go on to the server.
    page.route("**/returns/runs/**", lambda route: route.continue_())
    ReturnRun.objects.filter(pk=run.pk).update(status=ReturnRun.Status.RUNNING)
    actions.Progress(run.pk)("Running the CIN census rules", 1, 3)
    page.wait_for_selector("text=Running the CIN census rules: 1 of 3")  # refreshed itself
    ReturnRun.objects.filter(pk=run.pk).update(status=ReturnRun.Status.QUEUED)
    actions.perform_run(run.pk)
    page.wait_for_selector("#errors")  # and again, until the build was done

    errors = page.locator("#errors").inner_text()
    assert "8525" in errors and child.council_id in errors
    assert "2887Q" not in errors and "2887Q" in page.locator("#warnings").inner_text()
    assert "8794Q" in page.locator("#querys").inner_text()
    assert "Carter" not in page.locator("main").inner_text()
    with page.expect_download() as download:
        page.click("#run-files a:has-text('CIN_census_2026.xml')")
    with open(download.value.path(), "rb") as saved:
        assert saved.read() == fakes.CIN_XML
    page.context.close()
