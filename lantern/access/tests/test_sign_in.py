import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import ORDINARY_DAY, PASSWORD
from lantern.access import roles
from lantern.access.models import AuditEntry
from lantern.workforce.models import Team
from lantern.workforce.staff import issue_enrolment_code


@pytest.fixture
def hardened(settings):
    settings.AXES_ENABLED = True
    settings.LANTERN_REQUIRE_2FA = True
    return settings


def sign_in(client, username="alice", password=PASSWORD, next_url="/"):
    return client.post(
        reverse("sign-in") + f"?next={next_url}", {"username": username, "password": password}
    )


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_it_locks_an_account_after_five_failures_even_with_the_right_password(
    client, social_worker, hardened
):
    for _ in range(5):
        response = sign_in(client, password="wrong-password")
    response = sign_in(client)
    assert response.status_code == 429
    assert "Your account is locked" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEntry.objects.filter(action="sign_in_failed").count() >= 5


def test_a_password_alone_does_not_open_records(client, social_worker, hardened):
    response = sign_in(client)
    assert response.status_code == 302
    follow = client.get(reverse("people:search"))
    assert follow.status_code == 302
    assert follow["Location"].startswith("/sign-in/two-factor/")


def test_first_sign_in_sets_up_an_authenticator_with_an_enrolment_code_and_then_gets_in(
    client, social_worker, make_staff, hardened
):
    root = make_staff("root", roles.SYSTEM_ADMINISTRATOR, Team.Kind.ADMINISTRATION)
    start = dt.datetime(2026, 3, 10, 10, tzinfo=ZoneInfo("Europe/London"))
    with time_machine.travel(start, tick=False) as clock:
        enrolment_code = issue_enrolment_code(social_worker, acting_user=root)
        sign_in(client)
        assert "Enter your enrolment code" in client.get(reverse("two-factor")).content.decode()
        client.post(reverse("two-factor"), {"enrolment_code": enrolment_code})
        page = client.get(reverse("two-factor"))
        assert "Set up your authenticator app" in page.content.decode()
        device = TOTPDevice.objects.get(user=social_worker)
        assert not device.confirmed
        wrong = client.post(reverse("two-factor"), {"code": "000000", "next": "/people/search/"})
        assert "Enter the 6-digit code" in wrong.content.decode()
        clock.shift(2)  # django-otp throttles guesses: 1 s after one failure, doubling after
        right = client.post(
            reverse("two-factor"), {"code": code_for(device), "next": "/people/search/"}
        )
        assert right.status_code == 302 and right["Location"] == "/people/search/"
        device.refresh_from_db()
        assert device.confirmed
        assert client.get(reverse("people:search")).status_code == 200


def test_a_confirmed_device_is_asked_for_not_set_up_again(client, social_worker, hardened):
    device = TOTPDevice.objects.create(user=social_worker, name="phone", confirmed=True)
    sign_in(client)
    page = client.get(reverse("two-factor")).content.decode()
    assert "Enter your security code" in page and "Set up" not in page
    client.post(reverse("two-factor"), {"code": code_for(device)})
    assert client.get(reverse("people:search")).status_code == 200


@pytest.mark.parametrize("change", ["removed", "unconfirmed", "given to someone else"])
def test_an_authenticator_taken_away_asks_for_the_second_factor_on_the_next_page(
    client, social_worker, manager, hardened, change
):
    """A lost phone's authenticator is removed by an administrator: the sessions it
    verified lose their second factor at once, not at their next sign-in."""
    device = TOTPDevice.objects.create(user=social_worker, name="phone", confirmed=True)
    sign_in(client)
    client.post(reverse("two-factor"), {"code": code_for(device)})
    assert client.get(reverse("people:search")).status_code == 200
    if change == "removed":
        device.delete()
    elif change == "unconfirmed":
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=False)
    else:
        TOTPDevice.objects.filter(pk=device.pk).update(user=manager)
    response = client.get(reverse("people:search"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two-factor"))


def test_a_session_ends_after_inactivity(client, social_worker, settings):
    settings.SESSION_COOKIE_AGE = 1
    # The clock stands still until the worker goes idle (a slow machine must not expire the
    # session early), then jumps past the age: no real waiting.
    with time_machine.travel(ORDINARY_DAY, tick=False) as clock:
        client.login(username="alice", password=PASSWORD)
        assert client.get(reverse("home")).status_code == 200
        clock.shift(2.1)
        response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


def test_every_page_carries_a_strict_content_security_policy(client, db):
    response = client.get(reverse("sign-in"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"


def test_a_post_without_a_csrf_token_is_refused(db, social_worker):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.login(username="alice", password=PASSWORD)
    response = strict.post(reverse("people:add"), {"first_name": "X", "last_name": "Y"})
    assert response.status_code == 403


def test_passwords_are_hashed_with_argon2():
    """The suite swaps in a fast hasher (conftest); the configured one is Argon2."""
    from django.contrib.auth.hashers import make_password
    from django.test import override_settings

    from lantern import settings as configured

    with override_settings(PASSWORD_HASHERS=configured.PASSWORD_HASHERS):
        assert make_password("a-long-enough-passphrase").startswith("argon2$argon2id$")
        # OWASP's parameters (19 MiB, 2 iterations, 1 lane), not Django's heavier default.
        assert "$m=19456,t=2,p=1$" in make_password("a-long-enough-passphrase")


def test_a_password_hashed_at_the_old_cost_still_signs_in_and_is_rehashed(db, settings):
    """Staff hashed under Django's default parameters are not locked out by the change."""
    from django.contrib.auth.hashers import Argon2PasswordHasher, check_password

    from lantern import settings as configured

    settings.PASSWORD_HASHERS = configured.PASSWORD_HASHERS
    old = Argon2PasswordHasher().encode("a-long-enough-passphrase", "saltsaltsalt")
    rehashed = []
    assert check_password("a-long-enough-passphrase", old, setter=rehashed.append)
    assert len(rehashed) == 1  # upgraded to the new parameters on this sign-in
