"""A NUL character in any field is refused by name (400) and changes nothing.

PostgreSQL cannot store NUL in text, so one typed (or sent) where Lantern reads the request
directly, not through a Django form, used to fail the insert with a server error.
"""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.access.models import AuditEntry
from lantern.casework.models import Draft


@pytest.fixture
def alice(client, social_worker):
    client.login(username="alice", password=PASSWORD)
    return client


def test_a_search_with_a_nul_character_is_refused_by_name(alice):
    audited = AuditEntry.objects.count()
    response = alice.get(reverse("people:search"), {"q": "Amy\x00"})
    assert response.status_code == 400
    assert "q" in response.context["fields"]
    assert "NUL character" in response.content.decode()
    assert AuditEntry.objects.count() == audited


def test_a_reason_with_a_nul_character_is_refused_and_the_record_stays_closed(alice, make_person):
    child = make_person("Zed", "Other", dt.date(2015, 1, 1))
    url = reverse("access:state-reason", args=[child.pk])
    response = alice.post(url, {"reason": "Checking a referral about this child\x00 today"})
    assert response.status_code == 400
    assert response.context["fields"] == ["reason"]
    assert alice.get(reverse("people:record", args=[child.pk])).status_code == 302


def test_a_draft_with_a_nul_character_is_refused(alice, make_person, social_worker, allocate):
    child = make_person("Amy", "Carter", dt.date(2016, 5, 4))
    allocate(child, social_worker)
    url = reverse("casework:draft", args=[child.pk, "visit-new"])
    response = alice.post(url, {"observations": "Seen\x00 alone"})
    assert response.status_code == 400
    assert not Draft.objects.exists()


def test_a_sign_in_with_a_nul_character_is_refused(client, social_worker):
    response = client.post(reverse("sign-in"), {"username": "alice\x00", "password": "x"})
    assert response.status_code == 400
    assert "username" in response.content.decode()


def test_text_without_nul_characters_is_untouched(alice):
    assert alice.get(reverse("people:search"), {"q": "Amy Carter"}).status_code == 200


def test_the_partner_api_refuses_a_nul_character_in_its_query_string_as_json(client):
    response = client.get("/api/v1/contacts/1", {"x": "\x00"})
    assert response.status_code == 400
    assert response.json() == {"detail": "Remove the NUL character from: x"}


def test_the_refusal_page_keeps_the_sites_security_headers(alice):
    response = alice.get(reverse("people:search"), {"q": "\x00"})
    assert response.status_code == 400
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
