import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PASSWORD
from lantern.access.models import AuditEntry
from lantern.chronology.models import ChronologyEntry
from lantern.people import actions
from lantern.people.models import Address, Household, PersonName


@pytest.fixture
def signed_in(client, social_worker):
    client.login(username="alice", password=PASSWORD)
    return client


def test_it_shows_who_the_child_is_and_records_the_look(
    signed_in, make_person, social_worker, police, allocate
):
    child = make_person("Amy", "Carter", nhs_number="9434765919")
    actions.add_name(
        child,
        acting_user=social_worker,
        kind=PersonName.Kind.VARIANT,
        first_name="Aimee",
        last_name="Karter",
        agency=police,
    )
    allocate(child, social_worker)
    before = AuditEntry.objects.filter(action="view_record").count()

    response = signed_in.get(reverse("people:record", args=[child.pk]), REMOTE_ADDR="10.1.2.3")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Amy Carter" in page and "9434765919" in page
    assert "Aimee Karter" in page and "Metropolitan Police" in page
    assert "Allocated to <strong>Alice Tester</strong>" in page
    entry = AuditEntry.objects.filter(action="view_record").latest("id")
    assert AuditEntry.objects.filter(action="view_record").count() == before + 1
    assert (entry.user, entry.person, entry.source_address) == (social_worker, child, "10.1.2.3")
    assert entry.purpose == "allocated worker"


def test_every_view_is_audited_even_a_repeat(signed_in, make_person, allocate, social_worker):
    child = make_person()
    allocate(child, social_worker)
    for _ in range(3):
        signed_in.get(reverse("people:record", args=[child.pk]))
    assert AuditEntry.objects.filter(action="view_record", person=child).count() == 3


def test_an_unknown_child_is_not_found_and_not_audited_as_a_view(signed_in):
    response = signed_in.get(reverse("people:record", args=[999999]))
    assert response.status_code == 404
    assert not AuditEntry.objects.filter(action="view_record").exists()


def test_the_chronology_filters_and_shows_source_agency(
    signed_in, make_person, police, hospital, allocate, social_worker
):
    child = make_person()
    allocate(child, social_worker)
    for day, agency, kind, text in [
        (1, police, "police_incident", "Police attended"),
        (2, hospital, "ae_attendance", "Fractured wrist"),
    ]:
        ChronologyEntry.objects.create(
            person=child,
            agency=agency,
            kind=kind,
            summary=text,
            author="PC Jones",
            occurred_at=dt.datetime(2026, 2, day, 10, tzinfo=dt.UTC),
        )
    url = reverse("people:record", args=[child.pk])
    page = signed_in.get(url).content.decode()
    assert page.index("Fractured wrist") < page.index("Police attended")
    filtered = signed_in.get(url, {"agency": police.pk}).content.decode()
    assert "Police attended" in filtered and "Fractured wrist" not in filtered
    by_kind = signed_in.get(url, {"kind": "ae_attendance"}).content.decode()
    assert "Fractured wrist" in by_kind and "Police attended" not in by_kind


def test_the_page_costs_the_same_queries_for_10_or_200_entries(
    signed_in, make_person, police, social_worker, council, allocate
):
    child = make_person()
    allocate(child, social_worker)
    home = Household.objects.create(
        address=Address.objects.create(line_1="1 Road", town="London", postcode="N15 1AA")
    )
    actions.move_into_household(
        child, home, acting_user=social_worker, start=dt.date(2020, 1, 1), agency=council
    )
    url = reverse("people:record", args=[child.pk])

    def count_for(entries: int) -> int:
        ChronologyEntry.objects.bulk_create(
            ChronologyEntry(
                person=child,
                agency=police,
                kind="police_incident",
                summary=f"n{i}",
                occurred_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC) + dt.timedelta(hours=i),
            )
            for i in range(entries)
        )
        with CaptureQueriesContext(connection) as queries:
            assert signed_in.get(url).status_code == 200
        return len(queries)

    assert count_for(10) == count_for(190)


def test_an_agency_filter_too_large_for_the_database_shows_the_whole_chronology(
    signed_in, make_person, social_worker, allocate
):
    child = make_person("Amy", "Carter")
    allocate(child, social_worker)
    url = reverse("people:record", args=[child.pk])
    for agency in ("9" * 25, "-1", "1e3", "١"):
        response = signed_in.get(url, {"agency": agency})
        assert response.status_code == 200
        assert response.context["agency_id"] is None
