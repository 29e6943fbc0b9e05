"""Reading pages does not write the session; the idle timeout still ends it, and signing out
ends it on the server (lantern/access/sessions.py)."""

import datetime as dt

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import LONDON, PASSWORD

START = dt.datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)
pytestmark = pytest.mark.django_db


def session_writes(client, url: str) -> int:
    with CaptureQueriesContext(connection) as statements:
        assert client.get(url).status_code == 200
    return sum(
        "django_session" in q["sql"] and not q["sql"].startswith("SELECT") for q in statements
    )


def expiry(client) -> dt.datetime:
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_pages_read_within_the_refresh_interval_do_not_write_the_session(client, social_worker):
    with time_machine.travel(START, tick=False) as clock:
        client.login(username="alice", password=PASSWORD)
        signed_in_until = expiry(client)
        clock.shift(dt.timedelta(seconds=30))
        assert session_writes(client, reverse("people:search")) == 0
        assert session_writes(client, reverse("people:search")) == 0
        assert expiry(client) == signed_in_until


def test_a_page_after_the_refresh_interval_pushes_the_idle_timeout_on(
    client, social_worker, settings
):
    settings.SESSION_COOKIE_AGE = 30 * 60
    with time_machine.travel(START, tick=False) as clock:
        client.login(username="alice", password=PASSWORD)
        clock.shift(dt.timedelta(minutes=25))
        assert session_writes(client, reverse("people:search")) == 1
        assert expiry(client) == START + dt.timedelta(minutes=55)
        clock.shift(dt.timedelta(minutes=29))  # 54 minutes after signing in, still active
        assert client.get(reverse("people:search")).status_code == 200


def test_a_session_left_idle_ends_even_though_pages_do_not_write_it(
    client, social_worker, settings
):
    settings.SESSION_COOKIE_AGE = 30 * 60
    with time_machine.travel(START, tick=False) as clock:
        client.login(username="alice", password=PASSWORD)
        clock.shift(dt.timedelta(minutes=1))
        client.get(reverse("people:search"))  # read, not written: the expiry stays 10:30
        clock.shift(dt.timedelta(minutes=29, seconds=1))
        response = client.get(reverse("people:search"))
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


def test_signing_out_ends_the_session_on_the_server(client, social_worker):
    client.login(username="alice", password=PASSWORD)
    copied = client.cookies["sessionid"].value  # as if taken from the shared PC
    client.post(reverse("sign-out"))
    assert not Session.objects.filter(session_key=copied).exists()
    client.cookies["sessionid"] = copied
    response = client.get(reverse("people:search"))
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


def test_a_session_is_open_until_the_second_its_idle_timeout_falls(client, social_worker, settings):
    settings.SESSION_COOKIE_AGE = 30 * 60
    settings.LANTERN_SESSION_REFRESH_SECONDS = 60 * 60  # reading never renews it here
    with time_machine.travel(START, tick=False) as clock:
        client.login(username="alice", password=PASSWORD)
        clock.shift(dt.timedelta(minutes=29, seconds=59))
        assert client.get(reverse("people:search")).status_code == 200
        clock.shift(dt.timedelta(seconds=1))
        response = client.get(reverse("people:search"))
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


@pytest.mark.parametrize("key", ["no-such-session-key-at-all", "x", "' OR '1'='1", "é" * 40])
def test_a_cookie_naming_no_session_is_signed_out_not_an_error(client, social_worker, key):
    client.login(username="alice", password=PASSWORD)
    client.cookies["sessionid"] = key
    response = client.get(reverse("people:search"))
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")
