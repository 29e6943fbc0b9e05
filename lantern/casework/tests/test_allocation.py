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
