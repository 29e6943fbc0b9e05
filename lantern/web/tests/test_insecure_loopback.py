"""LANTERN_INSECURE_HTTP_LOOPBACK: off by default, and refused unless only this machine can
reach the server. Settings are read once at start-up, so each case starts a fresh interpreter
(the helpers of the production settings tests)."""

import pytest
from django.test import RequestFactory

from lantern.access.tests.test_production_settings import (
    PRODUCTION,
    SECURE,
    refusal_under,
    values_under,
)
from lantern.web.loopback import LoopbackOnlyMiddleware

SWITCH = {"LANTERN_INSECURE_HTTP_LOOPBACK": "1"}


def test_it_is_off_by_default_so_production_cookies_are_secure():
    assert values_under(PRODUCTION) == SECURE


def test_on_loopback_it_drops_secure_cookies_and_the_https_redirect_only():
    values = values_under({**PRODUCTION, **SWITCH, "LANTERN_BIND": "127.0.0.1:8123"})
    assert values["SESSION_COOKIE_SECURE"] is False
    assert values["CSRF_COOKIE_SECURE"] is False
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["DEBUG"] is False
    assert values["LANTERN_REQUIRE_2FA"] is True


def test_ipv6_loopback_is_accepted():
    env = {**PRODUCTION, **SWITCH, "LANTERN_BIND": "[::1]:8000", "LANTERN_ALLOWED_HOSTS": "::1"}
    assert values_under(env)["SESSION_COOKIE_SECURE"] is False


@pytest.mark.parametrize("bind", ["0.0.0.0:8000", "192.0.2.7:8000", "[::]:8000", "unix:/run/x"])
def test_it_is_refused_when_bound_beyond_loopback(bind):
    message = refusal_under({**PRODUCTION, **SWITCH, "LANTERN_BIND": bind})
    assert "LANTERN_BIND must be 127.0.0.1:PORT or [::1]:PORT" in message


def test_it_is_refused_for_a_public_host_name():
    env = {**PRODUCTION, **SWITCH, "LANTERN_ALLOWED_HOSTS": "127.0.0.1,lantern.council.example"}
    assert "not lantern.council.example" in refusal_under(env)


def test_it_is_refused_behind_a_proxy_that_forwards_the_host():
    env = {**PRODUCTION, **SWITCH, "LANTERN_USE_X_FORWARDED_HOST": "true"}
    assert "cannot be used with LANTERN_USE_X_FORWARDED_HOST" in refusal_under(env)


def _through_middleware(**meta):
    request = RequestFactory().get("/sign-in/", **meta)
    return LoopbackOnlyMiddleware(lambda request: "served")(request)


def test_the_middleware_serves_a_loopback_peer():
    assert _through_middleware(REMOTE_ADDR="127.0.0.1") == "served"
    assert _through_middleware(REMOTE_ADDR="::1") == "served"


def test_the_middleware_refuses_another_machine_or_a_relayed_request():
    assert _through_middleware(REMOTE_ADDR="192.0.2.7").status_code == 403
    relayed = _through_middleware(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.7")
    assert relayed.status_code == 403
