"""The insight pages as their users meet them: the figures, the chart with its table, the
children behind a figure (named for the director, counted for the analyst), and the
downloads."""

import csv
import io
import re
import xml.etree.ElementTree as ET

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from lantern.access.actions import restrict_record
from lantern.access.models import AuditEntry, RestrictedRecord
from lantern.insight.measures import register
from lantern.insight.tests import standins
from lantern.insight.tests.data import three_assessments

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def assessments(registry, make_person, social_worker, manager):
    register([standins.late_assessments()])
    return three_assessments(make_person, social_worker)


def figure_url(*extra) -> str:
    return reverse("insight:figure", args=[standins.ASSESSMENTS, *extra])


def test_the_dashboard_groups_figures_by_section_with_their_values(analyst, assessments):
    register([standins.fixed("re_referrals", "Front door", {"all": (1, 3)})])
    page = client_for(analyst).get(reverse("insight:dashboard")).content.decode()
    assert page.index(">Assessment</h2>") < page.index(">Front door</h2>")
    assert "33.3%" in page and "1 of 3" in page  # Ann of Ann, Ben, Cal; and 1 re-referral of 3
    assert "82.0%" in page  # England, printed as the figure is


def test_the_figure_page_gives_definition_value_comparators_and_a_chart_over_its_table(
    analyst, assessments
):
    response = client_for(analyst).get(figure_url())
    page = response.content.decode()
    assert "within 45 working days of the referral" in page  # the definition, from the query
    assert '<p class="insight-value" id="value">33.3%</p>' in page
    assert "1 of 3" in page
    assert "82.0%" in page and "84.5%" in page  # England, neighbours
    svg = ET.fromstring(page[page.index("<svg") : page.index("</svg>") + 6])  # noqa: S314 (ours)
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == "Assessments completed within 45 working days by month"
    assert "Lowest 33.3% in Oct 2026" in svg.find(f"{SVG}desc").text
    assert not [el for el in svg.iter() if el.get("style")]  # the CSP allows no inline style
    # The table behind it: a row a month the period touches (25 Nov 2025 to 24 Nov 2026).
    trend = page[page.index('id="trend"') : page.index("</table>", page.index('id="trend"'))]
    assert trend.count('<tr class="govuk-table__row">') == 1 + 13
    assert "Oct 2026" in trend and "33.3%" in trend


def test_the_analyst_sees_how_many_children_but_never_a_name(analyst, assessments):
    page = client_for(analyst).get(figure_url()).content.decode()
    assert "2 assessments over 45 working days." in page
    assert not re.search(r"\b(Ben|Cal)\b", page)  # words, not letters in a CSRF token
    response = client_for(analyst).get(reverse("insight:children", args=[standins.ASSESSMENTS]))
    assert response.status_code == 403
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.LISTED).exists()


def test_the_director_lands_on_the_children_named_and_each_is_audited_as_listed(
    director, manager, assessments
):
    _ann, ben, cal = assessments
    restrict_record(cal, acting_user=manager, why=RestrictedRecord.Why.STAFF_CHILD)
    figure = client_for(director).get(figure_url()).content.decode()
    assert "2 assessments over 45 working days: see the children" in figure
    url = reverse("insight:children", args=[standins.ASSESSMENTS])
    page = client_for(director).get(url).content.decode()
    assert "Ben Pupil" in page and ben.council_id in page
    assert not re.search(r"\b(Cal|Ann)\b", page)  # restricted: counted; on time: not behind
    assert "1 more is on a restricted record" in page
    listed = AuditEntry.objects.filter(action=AuditEntry.Action.LISTED)
    assert [(e.person_id, e.user_id) for e in listed] == [(ben.pk, director.pk)]


def test_the_table_downloads_are_safe_to_open_and_audited_as_exports(
    director, manager, assessments
):
    client = client_for(director)
    _ann, ben, cal = assessments
    restrict_record(cal, acting_user=manager, why=RestrictedRecord.Why.STAFF_CHILD)
    ben.first_name = "=HYPERLINK(1)"
    ben.save()
    url = reverse("insight:children-download", args=[standins.ASSESSMENTS, "csv"])
    rows = list(csv.reader(io.StringIO(client.get(url).content.decode("utf-8-sig"))))
    assert rows[0] == ["Council ID", "Name", "Date of birth"]
    assert [row[1] for row in rows[1:]] == ["'=HYPERLINK(1) Pupil"]  # Cal is restricted
    url = reverse("insight:figure-download", args=[standins.ASSESSMENTS, "trend", "xlsx"])
    response = client.get(url)
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet["A3"].value == "Month"
    october = next(r for r in sheet.iter_rows(min_row=4, values_only=True) if r[0] == "Oct 2026")
    assert october[1:] == (1, 3, 33.3)
    exports = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).order_by("id")
    assert [e.detail.split(",")[0] for e in exports] == [
        "insight table: Assessments completed within 45 working days: "
        "assessments over 45 working days",
        "insight table: Assessments completed within 45 working days by month",
    ]
    assert "1 children named" in exports[0].detail and "Ben" not in exports[0].detail


def test_the_period_is_a_collection_year_or_dates_refused_in_plain_words(analyst, assessments):
    client = client_for(analyst)
    page = client.get(figure_url(), {"year": "2026"}).content.decode()
    assert "1 Apr 2025 to 31 Mar 2026" in page and "No month has a value" in page
    response = client.get(
        figure_url(),
        {"start_day": "1", "start_month": "10", "start_year": "2026", "end_day": "1",
         "end_month": "9", "end_year": "2026"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "The end of the period must be on or after its start" in response.content.decode()
    page = client.get(figure_url(), {"start": "2026-10-01", "end": "2026-10-31"}).content.decode()
    trend = page[page.index('id="trend"') :]
    assert trend[: trend.index("</table>")].count('<tr class="govuk-table__row">') == 2


def test_workforce_and_cost_render_what_their_modules_give(analyst, monkeypatch):
    from lantern.insight import workforce_views

    client = client_for(analyst)
    monkeypatch.setattr(workforce_views, "staffing", standins)
    monkeypatch.setattr(workforce_views, "costs", standins)
    page = client.get(reverse("insight:cost")).content.decode()
    assert "Placement spend" in page and "£12,000" in page
    svg = ET.fromstring(page[page.index("<svg") : page.index("</svg>") + 6])  # noqa: S314 (ours)
    assert len(svg.findall(f"{SVG}polyline")) == 3  # Foster; Residential broken by a gap
    url = reverse("insight:tables-download", args=["workforce", 1, "csv"])
    rows = list(csv.reader(io.StringIO(client.get(url).content.decode("utf-8-sig"))))
    assert rows[1] == ["'=HYPERLINK(1)", "14"]
