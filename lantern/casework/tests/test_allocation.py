"""Managers allocate workers; the history is kept and shown."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import roles
from lantern.workforce.models import Allocation

pytestmark = pytest.mark.django_db


def test_a_manager_allocates_and_the_history_is_kept(client, child, manager, make_staff):
    bob = make_staff("bob", roles.SOCIAL_WORKER)
    client.login(username="mo", password=PASSWORD)
    url = reverse("casework:allocate", args=[child.pk])
    response = client.post(url, {"worker": bob.pk, "start": "2026-03-02"})
    assert response.status_code == 302
    history = list(Allocation.objects.filter(child=child).order_by("start"))
    assert [(a.worker.username, a.end) for a in history] == [
        ("alice", dt.date(2026, 3, 2)),
        ("bob", None),
    ]
    page = client.get(url).content.decode()
    assert "Alice Tester" in page and "Bob Tester" in page


def test_a_social_worker_cannot_allocate(client, child, social_worker):
    client.login(username="alice", password=PASSWORD)
    assert client.get(reverse("casework:allocate", args=[child.pk])).status_code == 403


def test_a_manager_from_another_team_who_broke_the_glass_cannot_allocate(client, child, make_staff):
    from django.utils import timezone

    from lantern.access.models import BreakGlass
    from lantern.workforce.models import Team

    other = make_staff("olga", roles.TEAM_MANAGER, Team.Kind.CHILDREN_IN_CARE)
    BreakGlass.objects.create(
        person=child,
        user=other,
        reason="checking",
        expires_at=timezone.now() + dt.timedelta(hours=1),
    )
    client.login(username="olga", password=PASSWORD)
    url = reverse("casework:allocate", args=[child.pk])
    assert client.get(reverse("casework:overview", args=[child.pk])).status_code == 200
    response = client.post(url, {"worker": other.pk, "start": "2026-03-02"})
    assert response.status_code == 404
    assert [a.worker.username for a in Allocation.objects.filter(child=child)] == ["alice"]


def test_a_failed_allocation_is_still_an_audited_look(client, child, manager):
    from lantern.access.models import AuditEntry

    client.login(username="mo", password=PASSWORD)
    response = client.post(reverse("casework:allocate", args=[child.pk]), {"start": "nonsense"})
    assert response.status_code == 200
    entry = AuditEntry.objects.filter(action="view_record", person=child).latest("id")
    assert (entry.user, entry.detail) == (manager, "allocation")
    assert entry.purpose == "manager of the allocated team"


def test_an_allocation_starting_before_the_current_one_is_refused(child, manager, make_staff):
    from django.core.exceptions import ValidationError

    from lantern.casework import actions

    bob = make_staff("bob", roles.SOCIAL_WORKER)
    with pytest.raises(ValidationError) as refused:
        actions.allocate(child, bob, acting_user=manager, start=dt.date(2026, 1, 4))
    assert "before the current allocation began (05 January 2026)" in str(
        refused.value.message_dict["start"]
    )
    history = [(a.worker.username, a.start, a.end) for a in Allocation.objects.filter(child=child)]
    assert history == [("alice", dt.date(2026, 1, 5), None)]
