import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lantern.chronology.models import ChronologyEntry
from lantern.chronology.queries import chronology_page


def at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, 1, day, hour, tzinfo=dt.UTC)


@pytest.fixture
def child_with_history(make_person, council, police, hospital):
    child = make_person()
    other = make_person("Zed", "Other")
    rows = [
        (at(3), police, "police_domestic_abuse", "DA notification"),
        (at(1), council, "contact", "Contact from school"),
        (at(5), hospital, "ae_attendance", "Head injury"),
        (at(5), council, "visit", "Seen alone, same time as A&E"),
        (at(4), police, "police_incident", "Missing overnight"),
    ]
    for when, agency, kind, summary in rows:
        ChronologyEntry.objects.create(
            person=child,
            occurred_at=when,
            agency=agency,
            kind=kind,
            summary=summary,
            author="Someone",
        )
    ChronologyEntry.objects.create(
        person=other,
        occurred_at=at(6),
        agency=council,
        kind="contact",
        summary="Another child's contact",
    )
    return child


def test_it_lists_newest_first_and_only_this_child(child_with_history):
    page = chronology_page(child_with_history)
    assert [e.summary for e in page.entries] == [
        "Seen alone, same time as A&E",
        "Head injury",
        "Missing overnight",
        "DA notification",
        "Contact from school",
    ]
    assert page.older_cursor is None


def test_it_filters_by_agency_and_by_type(child_with_history, police):
    by_agency = chronology_page(child_with_history, agency_id=police.pk)
    assert [e.summary for e in by_agency.entries] == ["Missing overnight", "DA notification"]
    by_kind = chronology_page(child_with_history, kind="ae_attendance")
    assert [e.summary for e in by_kind.entries] == ["Head injury"]


def test_it_pages_through_ties_without_skipping_or_repeating(child_with_history):
    seen = []
    cursor = None
    while True:
        page = chronology_page(child_with_history, cursor=cursor, page_size=2)
        seen += [e.summary for e in page.entries]
        cursor = page.older_cursor
        if cursor is None:
            break
    assert seen == [e.summary for e in chronology_page(child_with_history).entries]


def test_a_page_is_one_query_whatever_its_length(child_with_history):
    with CaptureQueriesContext(connection) as queries:
        page = chronology_page(child_with_history)
        _ = [e.agency.name for e in page.entries]
    assert len(queries) == 1


def test_a_tampered_cursor_is_ignored(child_with_history):
    page = chronology_page(child_with_history, cursor="not-a-cursor!!")
    assert len(page.entries) == 5


def test_the_filter_lists_offer_only_what_is_in_this_chronology(
    child_with_history, police, hospital, council
):
    from lantern.agencies.models import Agency
    from lantern.chronology.queries import sources_in

    Agency.objects.create(code="school", name="A school", kind=Agency.Kind.EDUCATION)
    agencies, kinds = sources_in(child_with_history)
    assert {a.code for a in agencies} == {police.code, hospital.code, council.code}
    assert kinds == sorted(
        ["police_domestic_abuse", "contact", "ae_attendance", "visit", "police_incident"]
    )
