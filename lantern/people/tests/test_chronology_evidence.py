"""The chronology as evidence: dates without invented times, months, key events, the record
each entry came from, and a printable and downloadable copy for a date range and agencies,
each audited and refused exactly as the record page is."""

import csv
import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.access.models import AuditEntry
from lantern.chronology.actions import record_entry
from lantern.chronology.models import ChronologyEntry

LONDON = ZoneInfo("Europe/London")
pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, social_worker):
    client.login(username="alice", password=PASSWORD)
    return client


@pytest.fixture
def amy(make_person, allocate, social_worker, police, hospital):
    child = make_person("Amy", "Carter")
    allocate(child, social_worker)
    record_entry(child, kind="referral", summary="Referral from school", when=dt.date(2025, 11, 3))
    record_entry(
        child,
        kind="police_incident",
        summary="Police called to the home",
        when=dt.datetime(2026, 3, 5, 22, 15, tzinfo=LONDON),
        agency=police,
    )
    record_entry(child, kind="conference", summary="Initial conference", when=dt.date(2026, 3, 5))
    record_entry(
        child,
        kind="ae_attendance",
        summary='=HYPERLINK("http://evil","x") bruise',
        when=dt.datetime(2026, 4, 2, 9, 40, tzinfo=LONDON),
        agency=hospital,
    )
    return child


def rows_of(page: str) -> list[str]:
    body = page.split('id="chronology-table"', 1)[1].split("</table>", 1)[0]
    return [row for row in body.split("<tr")[1:]]


def test_the_record_page_shows_dates_alone_where_no_time_was_recorded(signed_in, amy):
    page = signed_in.get(reverse("people:record", args=[amy.pk])).content.decode()
    assert "5 Mar 2026 22:15" in page
    assert "5 Mar 2026<" in page and "5 Mar 2026 00:00" not in page and "12:00" not in page
    assert "3 Nov 2025<" in page


def test_the_record_page_groups_by_month_newest_first_and_marks_key_events(signed_in, amy):
    page = signed_in.get(reverse("people:record", args=[amy.pk])).content.decode()
    rows = rows_of(page)
    headings = [r for r in rows if "lantern-chronology__month" in r]
    assert [h.split(">")[2].split("<")[0] for h in headings] == [
        "April 2026",
        "March 2026",
        "November 2025",
    ]
    march = page.index("March 2026")
    assert march < page.index("Police called") < page.index("Initial conference")
    conference = next(r for r in rows if "Initial conference" in r)
    police = next(r for r in rows if "Police called" in r)
    assert "Key event" in conference and "Key event" not in police


def test_key_events_only(signed_in, amy):
    url = reverse("people:record", args=[amy.pk])
    page = signed_in.get(url, {"key": "1"}).content.decode()
    assert "Initial conference" in page and "Referral from school" in page
    assert "Police called" not in page and "bruise" not in page


def test_each_entry_links_to_its_record_and_says_when_lantern_wrote_it(
    signed_in, amy, social_worker
):
    from lantern.casework import actions

    visit = actions.record_visit(
        amy,
        acting_user=social_worker,
        visited_on=dt.date(2026, 4, 10),
        kind="other",
        child_seen=True,
        seen_alone=True,
    )
    episode = actions.open_episode(
        amy,
        acting_user=social_worker,
        referral_date=dt.date(2026, 4, 1),
        referral_source="2A",
        referral_reason="School",
    )
    page = signed_in.get(reverse("people:record", args=[amy.pk])).content.decode()
    visit_row = next(r for r in rows_of(page) if "Other visit" in r)
    assert f'href="{visit.get_absolute_url()}"' in visit_row
    assert "Written by Lantern" not in visit_row
    episode_row = next(
        r for r in rows_of(page) if "Referral" in r and episode.get_absolute_url() in r
    )
    assert "Written by Lantern from the record" in episode_row
    # An entry with no record behind it (a partner's) says nothing of one.
    police_row = next(r for r in rows_of(page) if "Police called" in r)
    assert "From the record" not in police_row and "Written by Lantern" not in police_row


def test_the_printable_chronology_for_a_range_and_agencies_is_audited(
    signed_in, amy, police, council
):
    url = reverse("people:chronology-print", args=[amy.pk])
    response = signed_in.get(
        url,
        {
            "from_day": "1", "from_month": "3", "from_year": "2026",
            "to_day": "31", "to_month": "3", "to_year": "2026",
            "agency": [str(police.pk), str(council.pk)],
        },
    )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200
    assert "1 Mar 2026 to 31 Mar 2026" in page
    assert "Police called" in page and "Initial conference" in page
    assert "Referral from school" not in page and "bruise" not in page
    # Oldest first: the date-only conference opens the 5th, before the evening's incident.
    assert page.index("Initial conference") < page.index("Police called")
    assert "5 Mar 2026 00:00" not in page and "5 Mar 2026 22:15" in page
    entry = AuditEntry.objects.filter(person=amy, action="view_chronology").get()
    assert entry.detail.startswith("printable chronology: 1 Mar 2026 to 31 Mar 2026")
    assert "Metropolitan Police" in entry.detail


def test_the_csv_is_audited_safe_in_a_spreadsheet_and_has_no_invented_times(signed_in, amy):
    url = reverse("people:chronology-csv", args=[amy.pk])
    response = signed_in.get(url, {"from_day": "1", "from_month": "3", "from_year": "2026"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Date", "Time", "Agency"]
    by_summary = {r[5]: r for r in rows[1:]}
    assert by_summary["Initial conference"][:2] == ["2026-03-05", ""]
    assert by_summary["Initial conference"][4] == "Yes"  # a key event
    assert by_summary["Police called to the home"][:2] == ["2026-03-05", "22:15"]
    assert '\'=HYPERLINK("http://evil","x") bruise' in by_summary
    assert "Referral from school" not in by_summary
    entry = AuditEntry.objects.filter(person=amy, action="export").get()
    assert entry.detail == "chronology CSV: 1 Mar 2026 to 24 Nov 2026, all agencies"


@pytest.mark.parametrize(
    "query, message",
    [
        ({"from_day": "31", "from_month": "2", "from_year": "2026"}, "must be a real date"),
        ({"to_day": "1", "to_month": "1", "to_year": "2030"}, "must be today or in the past"),
        ({"from_day": "1"}, "The start date must include a month and year"),
        ({"from_day": "x", "from_month": "1", "from_year": "2026"}, "Enter a whole number"),
        (
            {
                "from_day": "2",
                "from_month": "3",
                "from_year": "2026",
                "to_day": "1",
                "to_month": "3",
                "to_year": "2026",
            },
            "same as or after the start date",
        ),
        ({"agency": "99999999999999999999999"}, "Choose agencies from the list"),
    ],
)
def test_a_bad_choice_is_refused_clearly_and_nothing_is_shown_or_audited(
    signed_in, amy, query, message
):
    for name in ("people:chronology-print", "people:chronology-csv"):
        response = signed_in.get(reverse(name, args=[amy.pk]), query)
        page = response.content.decode()
        assert response.status_code == 200 and message in page
        assert "<title>Error: " in page and "Police called" not in page
        assert 'href="#"' not in page  # each error links to its field
    assert not AuditEntry.objects.filter(
        person=amy, action__in=["view_chronology", "export"]
    ).exists()


def test_the_printable_chronology_is_refused_as_the_record_is(client, make_staff, amy):
    from lantern.access import roles

    make_staff("zed", roles.SOCIAL_WORKER, "children_in_care")
    client.login(username="zed", password=PASSWORD)
    for name in ("people:chronology-print", "people:chronology-csv"):
        response = client.get(reverse(name, args=[amy.pk]))
        assert response.status_code == 302 and "reason" in response["Location"]
    assert not AuditEntry.objects.filter(action__in=["view_chronology", "export"]).exists()
    assert ChronologyEntry.objects.filter(person=amy).count() == 4
