"""Issue 14: the director opens the dashboard, drills into the assessments that went over
45 working days and lands on the list of children; the performance analyst sees the same
figure and its count, and no child's name. The dashboard and the figure page pass axe."""

import pytest

from lantern.access import roles
from lantern.insight.measures import REGISTRY, register
from lantern.insight.tests import standins
from lantern.insight.tests.data import three_assessments
from lantern.workforce.models import Team
from tests.browser.test_small_screens import (  # noqa: F401
    PHONE,
    axe_source,
    axe_violations,
    sideways,
    sign_in,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CODE = standins.ASSESSMENTS


@pytest.fixture
def late_assessments(make_person, social_worker, manager):
    """The real figure where it is registered; the stand-in with its code where not."""
    added = CODE not in REGISTRY
    if added:
        register([standins.late_assessments()])
    yield three_assessments(make_person, social_worker)
    if added:
        REGISTRY.pop(CODE, None)


def test_the_director_drills_into_late_assessments_and_the_analyst_sees_no_names(
    live_server,
    browser,
    make_staff,
    late_assessments,
    axe_source,  # noqa: F811
):
    make_staff("dee", roles.DIRECTOR, Team.Kind.PERFORMANCE)
    make_staff("pat", roles.PERFORMANCE_ANALYST, Team.Kind.PERFORMANCE)
    _ann, ben, cal = late_assessments

    context = browser.new_context(bypass_csp=True)  # axe is injected into the page
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        sign_in(page, live_server.url, "dee")
        page.click("#navigation a:has-text('Performance')")
        page.wait_for_selector("h1:has-text('Performance')")
        assert axe_violations(page, axe_source) == []
        page.click(f"main a[href^='/insight/figures/{CODE}/']")
        page.wait_for_selector("#trend")
        assert page.locator("svg[role='img'] title").count() == 1
        assert axe_violations(page, axe_source) == []
        page.click("#behind a:has-text('assessments over 45 working days')")
        page.wait_for_selector("#children")
        assert page.url.split("?")[0].endswith(f"/insight/figures/{CODE}/children/")
        listed = page.locator("#children").inner_text()
        assert ben.full_name in listed and cal.full_name in listed
        assert "Ann Pupil" not in listed  # on time: not behind the figure
    finally:
        context.close()

    context = browser.new_context(viewport=PHONE)  # the analyst on a phone
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        sign_in(page, live_server.url, "pat")
        page.goto(f"{live_server.url}/insight/")
        page.click(f"main a[href^='/insight/figures/{CODE}/']")
        page.wait_for_selector("#trend")
        assert "2 assessments over 45 working days" in page.locator("#behind").inner_text()
        assert page.locator("#behind a").count() == 0
        assert sideways(page) is None  # the chart and the tables fit 320 px
        main = page.locator("main").inner_text()
        assert "Pupil" not in main and ben.council_id not in main
    finally:
        context.close()
