"""Refused partner API calls are audited: no token, an unknown one, a revoked one (named by
its prefix and agency, never stored), and another agency's contact (issue 8 §3)."""

from django.urls import reverse

from lantern.access.models import AuditEntry
from lantern.api.actions import issue_token, revoke_token


def denied():
    return list(AuditEntry.objects.filter(action="denied").order_by("id"))


def test_a_call_without_a_token_is_recorded(client, db):
    assert client.get(reverse("api:contact-detail", args=[1])).status_code == 401
    [row] = denied()
    assert (row.user, row.detail) == (None, "partner API: no token")


def test_an_unknown_token_is_recorded_without_the_token(client, db):
    guess = "lnt_deadbeef_" + "x" * 43
    response = client.get(
        reverse("api:contact-detail", args=[1]), HTTP_AUTHORIZATION=f"Bearer {guess}"
    )
    assert response.status_code == 401
    [row] = denied()
    assert row.detail == "partner API: unrecognised token"
    assert "deadbeef" not in row.detail + row.path


def test_a_revoked_token_is_recorded_with_its_agency(client, police):
    record, token = issue_token(police, name="case system")
    revoke_token(record.prefix)
    response = client.get(
        reverse("api:contact-detail", args=[1]), HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 401
    [row] = denied()
    assert row.detail == f"partner API: revoked token {record.prefix} of {police.name}"
    assert token not in row.detail


def test_another_agencys_contact_is_recorded_against_the_contact(
    client, police, hospital, make_contact
):
    theirs = make_contact(hospital)
    _, token = issue_token(police, name="case system")
    response = client.get(
        reverse("api:contact-detail", args=[theirs.pk]), HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 404
    [row] = denied()
    assert (row.object_type, row.object_id) == ("frontdoor.Contact", str(theirs.pk))
    assert police.name in row.detail
