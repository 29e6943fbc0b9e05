"""Every refused look or write leaves one audit row, against the person where one exists,
and shows in "who has seen" and the DPO's audit search (issue 8 §3)."""

import pytest
from django.db import connection
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import queries, roles
from lantern.access.models import AuditEntry
from lantern.workforce.models import Team


@pytest.fixture
def stranger(make_staff):
    """A social worker in another team: no working relation to the child."""
    return make_staff("sam", roles.SOCIAL_WORKER, Team.Kind.ASSESSMENT)


@pytest.fixture
def child(make_person, social_worker, allocate):
    child = make_person()
    allocate(child, social_worker)
    return child


def refusals_by(user):
    return list(
        AuditEntry.objects.filter(user=user, action__in=["denied", "reason_asked"]).order_by("id")
    )


def test_it_records_that_another_team_was_asked_for_a_reason(client, stranger, child):
    client.login(username="sam", password=PASSWORD)
    response = client.get(reverse("people:record", args=[child.pk]))
    assert response["Location"] == reverse("access:state-reason", args=[child.pk])
    [row] = refusals_by(stranger)
    assert (row.action, row.person) == ("reason_asked", child)
    assert "Amy" not in row.detail


def test_it_records_a_look_at_an_id_that_does_not_exist_with_the_path(client, stranger, db):
    client.login(username="sam", password=PASSWORD)
    assert client.get(reverse("people:record", args=[999999])).status_code == 404
    [row] = refusals_by(stranger)
    assert (row.action, row.person, row.path) == ("denied", None, "/people/999999/")


def test_it_records_a_refused_casework_write_against_the_child(client, stranger, child):
    client.login(username="sam", password=PASSWORD)
    response = client.post(reverse("casework:new", args=[child.pk, "visit"]), {})
    assert response.status_code == 404
    [row] = refusals_by(stranger)
    assert (row.action, row.person) == ("denied", child)


def test_a_refusal_row_survives_the_rollback_of_the_refused_request(
    client, make_staff, child, monkeypatch
):
    # Under ATOMIC_REQUESTS the view's transaction rolls back when it refuses; the row is
    # written after, by the gate, so it stays.
    monkeypatch.setitem(connection.settings_dict, "ATOMIC_REQUESTS", True)
    make_staff("iris", roles.IRO)
    client.login(username="iris", password=PASSWORD)  # may record casework, not oversight
    response = client.post(reverse("casework:new", args=[child.pk, "oversight"]), {})
    assert response.status_code == 403
    [row] = AuditEntry.objects.filter(username="iris", action="denied")
    assert row.person == child


def test_who_has_seen_counts_refusals_and_the_dpo_can_search_them(client, stranger, child):
    client.login(username="sam", password=PASSWORD)
    client.get(reverse("people:record", args=[child.pk]))
    client.post(reverse("casework:new", args=[child.pk, "visit"]), {})
    [viewer] = [v for v in queries.who_has_seen(child) if v.username == "sam"]
    assert (viewer.refused, viewer.looks) == (2, 0)
    for action, found in (("denied", 1), ("reason_asked", 1), ("refused", 2)):
        rows, _ = queries.search_audit(username="sam", action=action)
        assert len(rows) == found
