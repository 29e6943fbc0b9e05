"""LANTERN_INSECURE_HTTP_LOOPBACK: off by default, and refused unless only this machine can
reach the server. Settings are read once at start-up, so each case starts a fresh interpreter
(the helpers of the production settings tests)."""

import datetime as dt
import gc
import runpy
from pathlib import Path

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


class _Listener:
    def __init__(self, address):
        self.sock = type("Sock", (), {"getsockname": lambda self: address})()

    def __str__(self):
        return f"http://{self.sock.getsockname()[0]}"


class _Server:
    def __init__(self, *addresses, preload_app=False):
        self.LISTENERS = [_Listener(a) for a in addresses]
        self.said = []
        self.log = type("Log", (), {"error": lambda _, *args: None, "info": self._info})()
        self.cfg = type("Config", (), {"preload_app": preload_app})()

    def _info(self, message, *args):
        self.said.append(message % args)


def _gunicorn_config():
    return runpy.run_path(str(Path(__file__).resolve().parents[3] / "deploy/gunicorn.conf.py"))


def test_gunicorn_stops_when_the_switch_is_on_and_it_is_bound_beyond_loopback(monkeypatch):
    monkeypatch.setenv("LANTERN_INSECURE_HTTP_LOOPBACK", "1")
    when_ready = _gunicorn_config()["when_ready"]
    when_ready(_Server(("127.0.0.1", 8000), ("::1", 8000, 0, 0)))  # loopback: carries on
    with pytest.raises(SystemExit):
        when_ready(_Server(("127.0.0.1", 8000), ("192.0.2.7", 8000)))


def test_gunicorn_binds_anywhere_when_the_switch_is_off(monkeypatch):
    monkeypatch.delenv("LANTERN_INSECURE_HTTP_LOOPBACK", raising=False)
    _gunicorn_config()["when_ready"](_Server(("192.0.2.7", 8000)))


def test_gunicorn_compiles_the_templates_before_forking_when_it_preloads_the_app(monkeypatch):
    from lantern.clocks import calendar

    monkeypatch.delenv("LANTERN_INSECURE_HTTP_LOOPBACK", raising=False)
    calendar._bank_holidays.cache_clear()
    preloading = _Server(("127.0.0.1", 8000), preload_app=True)
    thresholds = gc.get_threshold()
    try:
        _gunicorn_config()["when_ready"](preloading)
        # The workers inherit the collector's thresholds: the youngest generation waits for
        # 5,000 new objects (the docstring says why), the older ones as Python's default.
        assert gc.get_threshold() == (5000, *thresholds[1:])
    finally:
        gc.set_threshold(*thresholds)
    assert len(preloading.said) == 1
    assert preloading.said[0].startswith("templates compiled before the workers fork: ")
    assert int(preloading.said[0].rsplit(" ", 1)[1]) > 50
    # Every page with a clock needs them: the workers inherit them worked out, so the
    # calendar a worker builds for its first such page does not work them out again.
    assert calendar._bank_holidays.cache_info().currsize == 1
    monkeypatch.setattr(calendar.holidays, "country_holidays", _not_again)
    assert calendar.WorkingDayCalendar().is_working_day(dt.date(2026, 12, 28)) is False


def _not_again(*args, **kwargs):
    raise AssertionError("bank holidays worked out again after the fork")


def test_the_access_log_has_no_query_string_referrer_or_client():
    log_format = _gunicorn_config()["access_log_format"]
    assert "%(U)s" in log_format
    for field in ("%(r)s", "%(q)s", "%(f)s", "%(h)s", "%(a)s"):
        assert field not in log_format
