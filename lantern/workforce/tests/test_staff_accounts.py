import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.models import AuditEntry
from lantern.workforce.actions import approve_role_change
from lantern.workforce.models import RoleChangeRequest, Team


@pytest.fixture
def admin_client(client, make_staff):
    make_staff("root", roles.SYSTEM_ADMINISTRATOR, Team.Kind.ADMINISTRATION)
    client.login(username="root", password=PASSWORD)
    return client


def test_a_new_social_worker_has_no_role_until_a_second_administrator_approves(
    admin_client, council, make_staff
):
    team = Team.objects.create(name="CP East", kind=Team.Kind.CHILD_PROTECTION)
    response = admin_client.post(
        reverse("workforce:add-staff"),
        {
            "username": "nina",
            "first_name": "Nina",
            "last_name": "Okafor",
            "email": "",
            "job_title": "Social worker",
            "agency": council.pk,
            "role": roles.SOCIAL_WORKER,
            "team": team.pk,
            "password": "a-long-enough-passphrase",
        },
    )
    assert response.status_code == 302
    nina = User.objects.get(username="nina")
    assert not nina.groups.exists()
    assert nina.staff.team == team and nina.check_password("a-long-enough-passphrase")
    assert AuditEntry.objects.filter(action="create", object_id=str(nina.pk)).exists()
    pending = RoleChangeRequest.objects.get(subject=nina, status="pending")
    second = make_staff("ada", roles.SYSTEM_ADMINISTRATOR, Team.Kind.ADMINISTRATION)
    approve_role_change(pending, acting_user=second)
    assert list(nina.groups.values_list("name", flat=True)) == [roles.SOCIAL_WORKER]


def test_a_new_account_with_a_role_that_opens_nothing_has_it_at_once(admin_client, council):
    admin_client.post(
        reverse("workforce:add-staff"),
        {
            "username": "perry",
            "first_name": "Perry",
            "last_name": "Lane",
            "agency": council.pk,
            "role": roles.PARTNER_USER,
            "password": "a-long-enough-passphrase",
        },
    )
    perry = User.objects.get(username="perry")
    assert list(perry.groups.values_list("name", flat=True)) == [roles.PARTNER_USER]
    assert not RoleChangeRequest.objects.exists()


def test_a_weak_password_or_taken_username_is_refused(admin_client, council, social_worker):
    response = admin_client.post(
        reverse("workforce:add-staff"),
        {
            "username": "alice",
            "first_name": "A",
            "last_name": "B",
            "agency": council.pk,
            "role": roles.SOCIAL_WORKER,
            "password": "short",
        },
    )
    page = response.content.decode()
    assert "already exists" in page
    assert User.objects.filter(username="alice").count() == 1
    response = admin_client.post(
        reverse("workforce:add-staff"),
        {
            "username": "newbie",
            "first_name": "A",
            "last_name": "B",
            "agency": council.pk,
            "role": roles.SOCIAL_WORKER,
            "password": "password",
        },
    )
    assert "too short" in response.content.decode()
    assert not User.objects.filter(username="newbie").exists()


def test_changing_role_replaces_the_old_one(admin_client, social_worker):
    url = reverse("workforce:staff-member", args=[social_worker.pk])
    admin_client.post(url, {"action": "role", "role": roles.PARTNER_USER, "team": ""})
    assert list(social_worker.groups.values_list("name", flat=True)) == [roles.PARTNER_USER]


def test_deactivating_stops_sign_in_and_reset_removes_the_authenticator(
    admin_client, client, social_worker
):
    TOTPDevice.objects.create(user=social_worker, name="phone", confirmed=True)
    url = reverse("workforce:staff-member", args=[social_worker.pk])
    page = admin_client.post(url, {"action": "reset_two_factor"}).content.decode()
    assert not TOTPDevice.objects.filter(user=social_worker).exists()
    assert "Authenticator reset. Enrolment code" in page
    assert social_worker.enrolment_codes.filter(used_at__isnull=True).count() == 1
    admin_client.post(url, {"action": "deactivate"})
    social_worker.refresh_from_db()
    assert not social_worker.is_active
    from django.test import Client

    assert not Client().login(username="alice", password=PASSWORD)
