"""Every role's key pages on a 320 px phone and through axe-core: no page scrolls sideways
(wide tables scroll inside their own region) and axe finds nothing, best practices included.

Workers read records on phones on visits; a partner refers from a phone at the school gate.
"""

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from conftest import LONDON, PASSWORD
from lantern.access import roles
from lantern.casework.tests.journey import Journey
from lantern.chronology.models import ChronologyEntry
from lantern.frontdoor import actions as frontdoor
from lantern.workforce.models import Team

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.time_machine(dt.datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)),
]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 320, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def axe_source() -> str:
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"axe-core not found at {AXE}; `npm ci` installs it")
        pytest.skip("axe-core is not installed (npm ci)")
    return AXE.read_text()


@pytest.fixture
def borough(db, make_staff, make_person, social_worker, manager, iro, allocate, police, hospital):
    """A child on a child protection plan with another agency's entry in her chronology,
    a contact waiting in the MASH with a candidate, and a member of staff in each role."""
    child = make_person("Amy", "Carter", dt.date(2016, 5, 4))
    allocate(child, social_worker, dt.date(2026, 2, 2))
    journey = Journey(child, social_worker, manager, iro)
    journey.refer()
    journey.strategy()
    journey.s47()
    journey.icpc()
    ChronologyEntry.objects.create(
        person=child,
        agency=hospital,
        kind="ae_attendance",
        summary="Bruising to the upper arm, explanation unclear; seen by the paediatric "
        "registrar, who referred to the named nurse for safeguarding",
        occurred_at=dt.datetime(2026, 3, 2, 22, 5, tzinfo=dt.UTC),
    )
    make_staff("mash", roles.MASH_OFFICER, Team.Kind.MASH)
    make_staff("dpo", roles.DATA_PROTECTION_OFFICER, Team.Kind.ADMINISTRATION)
    make_staff("admin", roles.SYSTEM_ADMINISTRATOR, Team.Kind.ADMINISTRATION)
    make_staff("pat", roles.PERFORMANCE_ANALYST, Team.Kind.PERFORMANCE)
    partner = make_staff("pc.jones", roles.PARTNER_USER, Team.Kind.PARTNER)
    partner.staff.agency = police
    partner.staff.save(update_fields=["agency"])
    contact, _ = frontdoor.receive_contact(
        frontdoor.ContactDetails(
            agency=police,
            channel="web",
            referrer_user=partner,
            referrer_name="PC Jones",
            concern="Amy was found alone at home at night with a cut to her arm.",
            consent="not_sought",
            lawful_basis="Asking could put the child at risk",
            urgency="immediate",
            subjects=[frontdoor.SubjectDetails("Amy", "Carter", date_of_birth=dt.date(2016, 5, 4))],
        )
    )
    return {"child": child.pk, "contact": contact.pk}


def key_pages(borough) -> dict[str, list[str]]:
    child, contact = borough["child"], borough["contact"]
    return {
        "alice": [
            "/",
            "/casework/my-work/",
            "/casework/my-children/",
            f"/people/{child}/",
            f"/people/{child}/chronology/print/",
            f"/casework/{child}/",
            f"/casework/{child}/visit/new/",
        ],
        "mo": ["/casework/team/", f"/access/people/{child}/seen-by/"],
        "mash": ["/front-door/", f"/front-door/contacts/{contact}/"],
        "dpo": ["/", "/access/audit/", "/access/retention/"],
        "admin": ["/", "/staff/", "/clocks/"],
        "pat": ["/", "/returns/"],
        "pc.jones": ["/", "/front-door/my-referrals/", "/front-door/refer/"],
    }


def sign_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/sign-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_selector("#main-content")


def sideways(page) -> dict | None:
    """The page's width beyond the screen, and the widest element to blame, if it scrolls."""
    return page.evaluate(
        """() => {
        const width = window.innerWidth, page = document.documentElement.scrollWidth;
        if (page <= width) return null;
        let worst = null;
        const clipped = (el) => {
          for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== 'visible') return true;
          }
          return false;
        };
        for (const el of document.querySelectorAll('body *')) {
          const right = el.getBoundingClientRect().right;
          if (right > width && clipped(el) && getComputedStyle(el).position !== 'absolute') {
            continue;
          }
          if (right > width && (!worst || right > worst.right)) {
            worst = {right, tag: el.tagName, id: el.id, cls: String(el.className)};
            worst.within = [];
            for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
              worst.within.push(`${up.tagName}#${up.id}.${up.className}:${up.clientWidth}`);
            }
          }
        }
        return {page, width, worst};
    }"""
    )


def axe_violations(page, source: str) -> list[dict]:
    page.evaluate(source)
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"][:3]]}
        for v in found
    ]


@pytest.mark.parametrize("username", ["alice", "mo", "mash", "dpo", "admin", "pat", "pc.jones"])
def test_each_roles_key_pages_fit_a_phone_and_pass_axe(
    live_server, browser, borough, axe_source, username
):
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        sign_in(page, live_server.url, username)
        problems = {}
        for path in key_pages(borough)[username]:
            if os.environ.get("LANTERN_ONLY_PATH") and path != os.environ["LANTERN_ONLY_PATH"]:
                continue
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, f"{path}: {response.status}"
            if wide := sideways(page):
                problems[f"{path} scrolls sideways"] = wide
            if found := axe_violations(page, axe_source):
                problems[f"{path} axe"] = found
        assert not problems, json.dumps(problems, indent=1)
    finally:
        context.close()


def test_a_form_with_errors_has_one_summary_an_error_title_and_passes_axe(
    live_server, browser, borough, axe_source
):
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        sign_in(page, live_server.url, "alice")
        page.goto(f"{live_server.url}/casework/{borough['child']}/visit/new/")
        page.fill("#id_visited_on_day", "3")
        page.fill("#id_visited_on_month", "")
        page.fill("#id_visited_on_year", "2026")
        page.click("button:has-text('Save')")
        page.wait_for_selector(".govuk-error-summary")
        assert page.locator(".govuk-error-summary").count() == 1
        assert page.title().startswith("Error: Record a visit")
        assert "Date of visit must include a month" in page.inner_text(".govuk-error-summary")
        page.click(".govuk-error-summary a:has-text('Date of visit')")
        assert page.evaluate("document.activeElement.id") == "id_visited_on_day"
        assert sideways(page) is None
        assert axe_violations(page, axe_source) == []
    finally:
        context.close()
