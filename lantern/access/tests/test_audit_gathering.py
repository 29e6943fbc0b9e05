"""A read-only page's audit entries are written together as its response leaves."""

import datetime as dt
from unittest import mock

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import LONDON, PASSWORD
from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.clocks.actions import apply_event

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(dt.datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)),
]


def audit_inserts(statements) -> list[str]:
    return [q["sql"] for q in statements if q["sql"].startswith('INSERT INTO "access_auditentry"')]


def test_a_page_naming_children_writes_its_entries_in_one_statement(
    client, make_person, allocate, social_worker
):
    """A page's entries are one statement, however many children its lists name, and every
    child named has its own entry."""

    def my_work_naming(children) -> tuple[int, list[AuditEntry]]:
        for child in children:
            allocate(child, social_worker)
            apply_event(child, "cp_plan_started", dt.date(2026, 10, 1))  # overdue visits
        before = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first()
        with CaptureQueriesContext(connection) as statements:
            assert client.get(reverse("casework:my-work")).status_code == 200
        return len(audit_inserts(statements)), list(
            AuditEntry.objects.filter(id__gt=before).order_by("id")
        )

    client.login(username="alice", password=PASSWORD)
    three = [make_person(name, "Lee") for name in ("Ola", "Priya", "Quinn")]
    inserts, written = my_work_naming(three)
    assert {e.person_id for e in written if e.action == AuditEntry.Action.LISTED} == {
        c.pk for c in three
    }
    assert any(e.action == AuditEntry.Action.VIEW_RECORD for e in written)
    assert {(e.username, e.path, e.seq) for e in written} == {("alice", "/casework/my-work/", None)}

    six = three + [make_person(name, "Mann") for name in ("Rae", "Sol", "Tia")]
    more, written = my_work_naming(six[3:])
    assert more == inserts == 1
    listed = [e.person_id for e in written if e.action == AuditEntry.Action.LISTED]
    assert sorted(listed) == sorted(c.pk for c in six)  # each child once, all six


def test_a_look_is_logged_even_when_the_page_then_fails(make_person, allocate, social_worker):
    child = make_person()
    allocate(child, social_worker)
    client = Client(raise_request_exception=False)
    client.login(username="alice", password=PASSWORD)
    with mock.patch("lantern.people.views.render", side_effect=RuntimeError("template broke")):
        response = client.get(reverse("people:record", args=[child.pk]))
    assert response.status_code == 500
    assert AuditEntry.objects.filter(
        person=child, action=AuditEntry.Action.VIEW_RECORD, username="alice"
    ).exists()


def test_inside_a_transaction_an_entry_is_written_at_once_and_rolls_back_with_it(make_person):
    child = make_person()
    with audit.gathered_during():
        with pytest.raises(RuntimeError), transaction.atomic():
            audit.record(None, AuditEntry.Action.VIEW_RECORD, person=child, detail="inside")
            assert AuditEntry.objects.filter(detail="inside").exists()  # written at once
            raise RuntimeError("the action failed")
        audit.record(None, AuditEntry.Action.VIEW_RECORD, person=child, detail="outside")
        assert not AuditEntry.objects.filter(detail="outside").exists()  # gathered
    assert AuditEntry.objects.filter(detail="outside").exists()
    assert not AuditEntry.objects.filter(detail="inside").exists()


def test_outside_a_request_an_entry_is_written_at_once(make_person):
    child = make_person()
    entry = audit.record(None, AuditEntry.Action.VIEW_RECORD, person=child, detail="command")
    assert entry.pk is not None and AuditEntry.objects.filter(pk=entry.pk).exists()
