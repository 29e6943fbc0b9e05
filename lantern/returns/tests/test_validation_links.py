"""Each flagged field links to the page and section where it is recorded, and every section
named is one the child's pages really have."""

from pathlib import Path

import pytest
from django.urls import reverse

from lantern.returns.validation import Issue, links

TEMPLATES = Path(links.__file__).resolve().parents[2]


def _issue(return_name: str, table: str, *fields: str, person_id: int | None = 7) -> Issue:
    return Issue(return_name, "rule", "message", "error", "HGY00000007", table, fields, person_id)


@pytest.mark.parametrize(
    ("return_name", "table", "fields", "page", "anchor"),
    [
        ("SSDA903", "Episodes", ("PL_POST",), "casework:overview", "care-episodes"),
        ("SSDA903", "Episodes_last", ("LS",), "casework:overview", "care-episodes"),
        ("SSDA903", "Header", ("ETHNIC",), "people:record", ""),
        ("SSDA903", "Header", ("UPN",), "people:census", ""),
        ("SSDA903", "Header", ("UPN", "DOB"), "people:record", ""),
        ("SSDA903", "Missing", ("MIS_START",), "casework:overview", "missing"),
        ("SSDA903", "OC2", ("SDQ_SCORE",), "casework:overview", "health-and-education"),
        (
            "CIN census",
            "Assessments",
            ("AssessmentActualStartDate",),
            "casework:overview",
            "protection",
        ),
        ("CIN census", "CINdetails", ("ReferralSource",), "casework:overview", "episodes"),
        ("CIN census", "Disabilities", ("Disability",), "people:census", ""),
    ],
)
def test_a_field_links_to_where_it_is_recorded(return_name, table, fields, page, anchor):
    url = reverse(page, args=[7]) + (f"#{anchor}" if anchor else "")
    assert _issue(return_name, table, *fields).fix_url() == url


def test_whole_return_issues_and_unknown_children_have_no_link():
    assert _issue("CIN census", "Header", "LEA").fix_url() is None
    assert _issue("CIN census", "", "Disability").fix_url() is None
    assert _issue("SSDA903", "Episodes", "LS", person_id=None).fix_url() is None


def test_every_section_named_is_an_id_on_a_page():
    ids = {anchor for table in links.TABLES.values() for _, anchor in table.values() if anchor} | {
        anchor for _, anchor in links.FIELDS.values() if anchor
    }
    pages = [*TEMPLATES.glob("*/templates/**/*.html"), *TEMPLATES.glob("*/jinja2/**/*.html")]
    html = "".join(p.read_text() for p in pages)
    assert {a for a in ids if f'id="{a}"' not in html} == set()
