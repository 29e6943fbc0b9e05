"""The API's gate: no anonymous operation, no session, and the site gate knows every URL."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from lantern.access.rules import PARTNER_TOKEN, rule_of
from lantern.api.auth import PartnerTokenAuth
from lantern.api.views import api


def test_every_operation_requires_a_partner_token():
    operations = [
        op
        for router in api._get_bound_routers()
        for path_view in router.path_operations.values()
        for op in path_view.operations
    ]
    assert operations
    for op in operations:
        assert op.auth_callbacks and all(isinstance(a, PartnerTokenAuth) for a in op.auth_callbacks)


def _patterns(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def test_the_partner_token_rule_is_used_on_api_urls_and_only_there():
    for route, pattern in _patterns(get_resolver()):
        assert (rule_of(pattern.callback) == PARTNER_TOKEN) == route.startswith("api/"), route


@pytest.mark.django_db
def test_the_openapi_document_needs_a_token_too(client):
    assert client.get("/api/openapi.json").status_code == 401


@pytest.mark.django_db
def test_the_api_takes_no_session_and_needs_no_csrf_token(client, social_worker):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(social_worker)
    response = strict.post("/api/v1/contacts", data="{}", content_type="application/json")
    assert response.status_code == 401  # not 403 for CSRF, and a session is no credential
