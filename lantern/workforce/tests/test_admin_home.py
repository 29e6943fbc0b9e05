"""Issue 13: the administrator's home lists accounts waiting on them (role changes, locked
out, no authenticator), teams with no manager, and links the timescales."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from lantern.access import roles
from lantern.workforce.actions import request_role_change
from lantern.workforce.models import Team

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, make_staff):
    user = make_staff("sam", roles.SYSTEM_ADMINISTRATOR, Team.Kind.ADMINISTRATION)
    client.force_login(user)
    return user


def tasks(client) -> str:
    home = client.get(reverse("home")).content.decode()
    assert "Ask your team manager" not in home
    return home.split('id="admin-tasks"', 1)[1].split("</dl>", 1)[0]


def test_the_admin_home_counts_accounts_waiting_and_names_who_is_locked_out(
    client, admin, make_staff, settings
):
    second = make_staff("sue", roles.SYSTEM_ADMINISTRATOR, Team.Kind.ADMINISTRATION)
    newcomer = make_staff("nina", None)
    request_role_change(newcomer, acting_user=second, role=roles.SOCIAL_WORKER, team=None)
    for username, failures in (("lockedout", settings.AXES_FAILURE_LIMIT), ("typo", 1)):
        AccessAttempt.objects.create(
            username=username, ip_address="10.0.0.1", user_agent="x", failures_since_start=failures
        )
    section = tasks(client)
    assert reverse("workforce:role-changes") in section
    assert (
        'Role changes waiting for approval</dt>\n    <dd class="govuk-summary-list__value">1'
        in section
    )
    assert "lockedout" in section and "typo" not in section
    assert "No manager named: Team child_protection" in section
    assert reverse("clocks:timescales") in section


def test_a_lock_out_past_its_cool_off_is_not_listed(client, admin, settings):
    attempt = AccessAttempt.objects.create(
        username="lockedout",
        ip_address="10.0.0.1",
        user_agent="x",
        failures_since_start=settings.AXES_FAILURE_LIMIT,
    )
    later = attempt.attempt_time - settings.AXES_COOLOFF_TIME - dt.timedelta(minutes=1)
    AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=later)
    assert "lockedout" not in tasks(client)


def test_the_timescales_page_is_in_the_administrators_navigation(client, admin):
    navigation = client.get(reverse("home")).content.decode().split('id="navigation"', 1)[1]
    assert reverse("clocks:timescales") in navigation.split("</ul>", 1)[0]
