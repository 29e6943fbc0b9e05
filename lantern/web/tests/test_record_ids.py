"""Ids from outside that the database cannot hold are "not found", never a server error."""

import base64
import datetime as dt
import pathlib

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.chronology.models import ChronologyEntry
from lantern.ids import MAX_ID, parse_id

HUGE = "9" * 25


@pytest.fixture
def alice(client, social_worker):
    client.login(username="alice", password=PASSWORD)
    return client


@pytest.mark.parametrize(
    "value,expected",
    [("42", 42), (42, 42), (str(MAX_ID), MAX_ID), (str(MAX_ID + 1), None), (HUGE, None)]
    + [(v, None) for v in ("", None, "0", "-1", "1.0", "١٢", " ", "4 2", True)],
)
def test_parse_id_accepts_only_ids_the_database_could_hold(value, expected):
    assert parse_id(value) == expected


@pytest.mark.parametrize(
    "path",
    [
        "/people/{huge}/",
        "/casework/{huge}/",
        "/casework/{child}/visit/{huge}/",
        "/access/people/{huge}/reason/",
        "/access/people/{huge}/seen-by/",
        "/access/people/{huge}/restrict/",
        "/messages/{huge}/",
        "/people/{max_plus_one}/",
    ],
)
def test_a_25_digit_id_in_a_url_is_not_found(alice, make_person, path):
    child = make_person()
    url = path.format(huge=HUGE, child=child.pk, max_plus_one=MAX_ID + 1)
    assert alice.get(url).status_code == 404
    assert alice.post(url).status_code == 404


def test_reverse_still_builds_urls_with_ids(make_person):
    child = make_person()
    assert reverse("people:record", args=[child.pk]) == f"/people/{child.pk}/"


def test_a_chronology_cursor_before_year_one_in_utc_starts_from_the_newest(
    alice, make_person, social_worker, allocate, council
):
    child = make_person()
    allocate(child, social_worker)
    ChronologyEntry.objects.create(
        person=child,
        occurred_at=dt.datetime(2026, 1, 5, tzinfo=dt.UTC),
        agency=council,
        kind="contact",
        summary="Contact from school",
        author="Someone",
    )
    too_early = dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=14)))
    for cursor in (f"{too_early.isoformat()}|1", f"2026-01-01T00:00:00|{HUGE}"):
        before = base64.urlsafe_b64encode(cursor.encode()).decode()
        response = alice.get(reverse("people:record", args=[child.pk]), {"before": before})
        assert response.status_code == 200
        assert "Contact from school" in response.content.decode()


def test_no_form_uses_a_choice_field_without_the_id_guard():
    """``RecordChoiceField`` / ``RecordsChoiceField`` refuse out-of-range pks; the plain
    Django fields crash on them (``__in`` has no range guard), so none may creep back."""
    root = pathlib.Path(__file__).resolve().parents[2]
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "tests" not in path.parts
        and path.name != "ids.py"
        and (
            "forms.ModelChoiceField(" in path.read_text()
            or "forms.ModelMultipleChoiceField(" in path.read_text()
        )
    ]
    assert offenders == []


@pytest.mark.django_db
def test_a_list_of_records_shown_twice_on_a_form_is_read_once(django_assert_num_queries):
    """Django reads a choice field's records afresh each time it is shown (``iterator()``, a
    server-side cursor on PostgreSQL); Lantern's fields read them once for the form."""
    from lantern.agencies.models import Agency
    from lantern.frontdoor.forms import CheckForm

    Agency.objects.create(code="LOAD-POLICE", name="Load Police", kind=Agency.Kind.POLICE)
    form = CheckForm()
    with django_assert_num_queries(1):
        first, again = str(form["agency"]), str(form["agency"])
    assert "Load Police" in first and first == again
