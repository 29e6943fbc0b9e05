"""Setting up an authenticator needs an administrator's one-time enrolment code: a
password alone never enrols a phone."""

import datetime as dt
import hashlib
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.models import AuditEntry, EnrolmentCode
from lantern.workforce.models import Team
from lantern.workforce.staff import issue_enrolment_code

MONDAY = dt.datetime(2026, 3, 9, 9, 30, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def hardened(settings):
    settings.LANTERN_REQUIRE_2FA = True
    settings.LANTERN_ENROLMENT_CODE_HOURS = 72
    return settings


@pytest.fixture
def clock():
    with time_machine.travel(MONDAY, tick=False) as traveller:
        yield traveller


@pytest.fixture
def root(make_staff):
    return make_staff("root", roles.SYSTEM_ADMINISTRATOR, Team.Kind.ADMINISTRATION)


def signed_in_with_password(username="alice") -> Client:
    client = Client()
    response = client.post(reverse("sign-in"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def enter(client, code):
    return client.post(reverse("two-factor"), {"enrolment_code": code, "next": "/"})


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_a_password_alone_cannot_enrol_an_authenticator(hardened, clock, social_worker):
    client = signed_in_with_password()
    page = client.get(reverse("two-factor")).content.decode()
    assert "Enter your enrolment code" in page
    assert "totp-secret" not in page and "<svg" not in page
    assert not TOTPDevice.objects.filter(user=social_worker).exists()
    refused = enter(client, "ABCD-EFGH-JKMN")
    assert "no enrolment code waiting" in refused.content.decode()
    client.post(reverse("two-factor"), {"code": "123456"})
    assert not TOTPDevice.objects.filter(user=social_worker, confirmed=True).exists()
    assert client.get(reverse("people:search")).status_code == 302
    assert AuditEntry.objects.filter(
        action="sign_in_failed", user=social_worker, detail__startswith="enrolment code refused"
    ).exists()


def test_an_administrators_code_lets_the_member_of_staff_enrol_and_sign_in(
    hardened, clock, root, social_worker
):
    admin = Client()
    admin.force_login(root)  # the administrator's own second factor is not under test here
    hardened.LANTERN_REQUIRE_2FA = False
    page = admin.post(
        reverse("workforce:staff-member", args=[social_worker.pk]),
        {"action": "issue_enrolment_code"},
    )
    assert "no-store" in page["Cache-Control"]
    code = re.search(r"<code>([A-Z0-9-]{14})</code>", page.content.decode()).group(1)
    shown_again = admin.get(reverse("workforce:staff-member", args=[social_worker.pk]))
    assert code not in shown_again.content.decode()
    hardened.LANTERN_REQUIRE_2FA = True

    client = signed_in_with_password()
    assert enter(client, code.lower()).status_code == 302
    page = client.get(reverse("two-factor")).content.decode()
    assert "Set up your authenticator app" in page and "totp-secret" in page
    device = TOTPDevice.objects.get(user=social_worker)
    right = client.post(reverse("two-factor"), {"code": code_for(device), "next": "/"})
    assert right.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("people:search")).status_code == 200


def test_an_expired_code_is_refused(hardened, clock, root, social_worker):
    code = issue_enrolment_code(social_worker, acting_user=root)
    clock.shift(dt.timedelta(hours=72, minutes=1))
    client = signed_in_with_password()
    refused = enter(client, code)
    assert refused.status_code == 200
    assert "Your enrolment code has expired" in refused.content.decode()
    assert "totp-secret" not in client.get(reverse("two-factor")).content.decode()


def test_a_code_works_once(hardened, clock, root, social_worker):
    code = issue_enrolment_code(social_worker, acting_user=root)
    assert enter(signed_in_with_password(), code).status_code == 302
    someone_else = signed_in_with_password()
    refused = enter(someone_else, code)
    assert "no enrolment code waiting" in refused.content.decode()
    assert "totp-secret" not in someone_else.get(reverse("two-factor")).content.decode()


def test_the_code_is_stored_only_as_a_hash(hardened, clock, root, social_worker):
    code = issue_enrolment_code(social_worker, acting_user=root)
    stored = EnrolmentCode.objects.get(user=social_worker)
    plain = code.replace("-", "")
    assert stored.code_hash == hashlib.sha256(plain.encode()).hexdigest()
    row = str(list(EnrolmentCode.objects.values()))
    assert plain not in row and code not in row
    assert plain not in str(list(AuditEntry.objects.values_list("detail", flat=True)))


def test_a_new_code_cancels_the_old_one(hardened, clock, root, social_worker):
    old = issue_enrolment_code(social_worker, acting_user=root)
    new = issue_enrolment_code(social_worker, acting_user=root)
    client = signed_in_with_password()
    assert "no enrolment code waiting" not in enter(client, old).content.decode()
    assert enter(client, old).status_code == 200
    assert enter(client, new).status_code == 302


def test_five_wrong_codes_cancel_the_code(hardened, clock, root, social_worker):
    code = issue_enrolment_code(social_worker, acting_user=root)
    client = signed_in_with_password()
    for _ in range(4):
        assert "is not right" in enter(client, "WRONG-CODE-0000").content.decode()
    assert "Too many wrong enrolment codes" in enter(client, "WRONG").content.decode()
    assert "no enrolment code waiting" in enter(client, code).content.decode()
    assert (
        AuditEntry.objects.filter(
            action="sign_in_failed", detail__startswith="enrolment code refused"
        ).count()
        == 6
    )


def test_a_reset_issues_a_new_code_and_stops_an_enrolment_in_progress(
    hardened, clock, root, social_worker
):
    code = issue_enrolment_code(social_worker, acting_user=root)
    client = signed_in_with_password()
    enter(client, code)
    from lantern.workforce.staff import reset_two_factor

    fresh = reset_two_factor(social_worker, acting_user=root)
    page = client.get(reverse("two-factor")).content.decode()
    assert "Enter your enrolment code" in page and "totp-secret" not in page
    assert enter(client, fresh).status_code == 302
