"""Deny by default: every URL declares its rule, and the rules hold."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import PASSWORD
from lantern.access.models import AuditEntry
from lantern.access.rules import PUBLIC, rule_of

PUBLIC_URLS = {"sign-in", "healthz"}


def _patterns(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def test_every_url_declares_who_may_use_it():
    undeclared = [route for route, p in _patterns(get_resolver()) if rule_of(p.callback) is None]
    assert undeclared == []


def test_only_the_sign_in_and_health_pages_are_public():
    public = {p.name for _, p in _patterns(get_resolver()) if rule_of(p.callback) == PUBLIC}
    assert public == PUBLIC_URLS


@pytest.mark.parametrize(
    "name,args", [("home", []), ("people:search", []), ("people:add", []), ("people:record", [1])]
)
def test_it_sends_anyone_not_signed_in_to_sign_in(client, db, name, args):
    url = reverse(name, args=args)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=")


def test_a_signed_in_user_without_the_permission_is_refused_and_it_is_recorded(
    client, analyst, make_person
):
    child = make_person()
    client.login(username="pat", password=PASSWORD)
    for url in (reverse("people:record", args=[child.pk]), reverse("people:search") + "?q=amy"):
        response = client.get(url)
        assert response.status_code == 403
        assert not re.search(rb"\bAmy\b", response.content)
    denied = AuditEntry.objects.filter(user=analyst, action=AuditEntry.Action.DENIED)
    assert denied.count() == 2
    assert not AuditEntry.objects.filter(user=analyst, action="view_record").exists()


def test_a_view_without_a_rule_is_refused(rf, social_worker):
    from lantern.access.middleware import RequireSignInMiddleware

    def undeclared(request):
        raise AssertionError("must not run")

    request = rf.get("/undeclared")
    request.user = social_worker
    with pytest.raises(Exception) as refused:
        RequireSignInMiddleware(lambda r: None).process_view(request, undeclared, [], {})
    assert refused.type.__name__ == "PermissionDenied"


def test_signing_in_and_failing_to_are_both_audited(client, social_worker):
    assert not client.login(username="alice", password="wrong-password")
    assert client.login(username="alice", password=PASSWORD)
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions[-2:] == ["sign_in_failed", "sign_in"]
