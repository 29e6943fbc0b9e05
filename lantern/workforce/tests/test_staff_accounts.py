import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.models import AuditEntry
from lantern.workforce.models import Team


@pytest.fixture
def admin_client(client, make_staff):
    make_staff("root", roles.SYSTEM_ADMINISTRATOR, Team.Kind.ADMINISTRATION)
    client.login(username="root", password=PASSWORD)
    return client


def test_an_administrator_adds_a_social_worker_with_one_role(admin_client, council):
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
    assert list(nina.groups.values_list("name", flat=True)) == [roles.SOCIAL_WORKER]
    assert nina.staff.team == team and nina.check_password("a-long-enough-passphrase")
    assert AuditEntry.objects.filter(action="create", object_id=str(nina.pk)).exists()


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
    admin_client.post(url, {"action": "role", "role": roles.TEAM_MANAGER, "team": ""})
    assert list(social_worker.groups.values_list("name", flat=True)) == [roles.TEAM_MANAGER]


def test_deactivating_stops_sign_in_and_reset_removes_the_authenticator(
    admin_client, client, social_worker
):
    TOTPDevice.objects.create(user=social_worker, name="phone", confirmed=True)
    url = reverse("workforce:staff-member", args=[social_worker.pk])
    admin_client.post(url, {"action": "reset_two_factor"})
    assert not TOTPDevice.objects.filter(user=social_worker).exists()
    admin_client.post(url, {"action": "deactivate"})
    social_worker.refresh_from_db()
    assert not social_worker.is_active
    from django.test import Client

    assert not Client().login(username="alice", password=PASSWORD)
