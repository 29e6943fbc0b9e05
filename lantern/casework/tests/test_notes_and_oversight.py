"""Case notes (never shown to performance analysts) and management oversight by a manager."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import roles
from lantern.casework import actions
from lantern.workforce.models import Notification

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def note(child, social_worker):
    return actions.record_case_note(
        child,
        acting_user=social_worker,
        noted_on=D(2026, 3, 5),
        subject="Call from school",
        text="Amy was hungry again at breakfast club; the third time this week.",
    )


def test_an_analyst_cannot_read_a_case_note(client, analyst, note):
    client.login(username="pat", password=PASSWORD)
    url = reverse("casework:record", args=[note.person_id, "case-note", note.pk])
    response = client.get(url)
    assert response.status_code == 403
    assert b"breakfast club" not in response.content


def test_someone_who_may_read_records_but_not_notes_does_not_see_them(
    client, make_staff, note, monkeypatch
):
    reader = make_staff("rita", None)
    # A role that opens records but not case notes (roles are the roles table in code).
    monkeypatch.setitem(roles.ROLE_PERMISSIONS, "Record readers", [roles.VIEW_RECORD])
    group, _ = Group.objects.get_or_create(name="Record readers")
    reader.groups.add(group)
    note.person.allocations.update(worker=reader, team=reader.staff.team)
    client.login(username="rita", password=PASSWORD)
    page = client.get(reverse("casework:overview", args=[note.person_id]))
    assert page.status_code == 200
    assert b"Call from school" not in page.content and b"Case notes" not in page.content
    url = reverse("casework:record", args=[note.person_id, "case-note", note.pk])
    assert client.get(url).status_code == 403


def test_the_allocated_worker_reads_the_note(client, social_worker, note):
    client.login(username="alice", password=PASSWORD)
    url = reverse("casework:record", args=[note.person_id, "case-note", note.pk])
    assert b"breakfast club" in client.get(url).content


def test_only_a_manager_records_oversight(child, social_worker):
    with pytest.raises(ValidationError, match="Only a manager"):
        actions.record_oversight(
            child, acting_user=social_worker, recorded_on=D(2026, 3, 5), direction="Visit weekly"
        )


def test_oversight_is_recorded_and_the_worker_told(
    child, manager, social_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        oversight = actions.record_oversight(
            child,
            acting_user=manager,
            recorded_on=D(2026, 3, 5),
            direction="Strategy discussion today; see Amy alone this week.",
            review_by=D(2026, 3, 19),
        )
    message = Notification.objects.get(recipient=social_worker)
    assert "management oversight" in message.subject
    assert message.link == oversight.get_absolute_url()


def test_nothing_is_sent_when_the_oversight_fails(
    child, manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        actions.record_oversight(
            child,
            acting_user=manager,
            recorded_on=D(2026, 3, 5),
            direction="x",
            review_by=D(2026, 3, 1),
        )
    assert not Notification.objects.exists()
