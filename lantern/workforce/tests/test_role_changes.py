"""Roles that open children's records are two administrators' decision, and the DPO hears
of every change. Nobody changes their own account."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.models import AuditEntry
from lantern.workforce.models import Notification, RoleChangeRequest, Team


def client_of(user) -> Client:
    client = Client()
    client.login(username=user.username, password=PASSWORD)
    return client


def role_of(user) -> list[str]:
    return list(user.groups.values_list("name", flat=True))


@pytest.fixture
def root(make_staff):
    return make_staff("root", roles.SYSTEM_ADMINISTRATOR, Team.Kind.ADMINISTRATION)


@pytest.fixture
def ada(make_staff):
    return make_staff("ada", roles.SYSTEM_ADMINISTRATOR, Team.Kind.ADMINISTRATION)


@pytest.fixture
def dpo(make_staff):
    return make_staff("dora", roles.DATA_PROTECTION_OFFICER, Team.Kind.ADMINISTRATION)


def ask(admin, subject, role, team=None):
    return client_of(admin).post(
        reverse("workforce:staff-member", args=[subject.pk]),
        {"action": "role", "role": role, "team": team.pk if team else ""},
    )


def decide(admin, pending, decision="approve"):
    return client_of(admin).post(
        reverse("workforce:role-changes"), {"request_id": pending.pk, "decision": decision}
    )


def test_an_administrator_cannot_give_themselves_a_social_worker_role(root, ada):
    response = ask(root, root, roles.SOCIAL_WORKER)
    assert response.status_code == 403
    assert "You cannot change your own role" in response.content.decode()
    assert role_of(root) == [roles.SYSTEM_ADMINISTRATOR]
    assert not RoleChangeRequest.objects.exists()
    assert AuditEntry.objects.filter(action="denied", user=root, object_id=str(root.pk)).exists()
    assert client_of(root).get(reverse("people:search")).status_code == 403


def test_granting_a_case_role_waits_for_a_second_administrator(root, ada, analyst):
    response = ask(root, analyst, roles.MASH_OFFICER)
    assert response.status_code == 302
    assert role_of(analyst) == [roles.PERFORMANCE_ANALYST]
    pending = RoleChangeRequest.objects.get(subject=analyst, status="pending")
    assert (
        roles.MASH_OFFICER in client_of(ada).get(reverse("workforce:role-changes")).content.decode()
    )
    assert decide(ada, pending).status_code == 302
    assert role_of(analyst) == [roles.MASH_OFFICER]
    pending.refresh_from_db()
    assert pending.status == "approved" and pending.decided_by == ada
    assert AuditEntry.objects.filter(
        action="update", user=ada, detail__contains="approved by ada"
    ).exists()


def test_the_requester_cannot_approve_their_own_request(root, ada, analyst):
    ask(root, analyst, roles.SOCIAL_WORKER)
    pending = RoleChangeRequest.objects.get(subject=analyst)
    response = decide(root, pending)
    assert response.status_code == 403
    assert "another administrator must approve it" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == "pending" and role_of(analyst) == [roles.PERFORMANCE_ANALYST]
    assert AuditEntry.objects.filter(action="denied", user=root).exists()


def test_the_subject_cannot_approve_a_request_about_themselves(root, ada, make_staff):
    make_staff("third", roles.SYSTEM_ADMINISTRATOR, Team.Kind.ADMINISTRATION)
    ask(root, ada, roles.TEAM_MANAGER)
    pending = RoleChangeRequest.objects.get(subject=ada)
    assert decide(ada, pending).status_code == 403
    assert role_of(ada) == [roles.SYSTEM_ADMINISTRATOR]
    assert pending.status == "pending"


def test_granting_the_dpo_or_administrator_role_also_waits(root, ada, analyst, social_worker):
    ask(root, analyst, roles.DATA_PROTECTION_OFFICER)
    ask(root, social_worker, roles.SYSTEM_ADMINISTRATOR)
    assert role_of(analyst) == [roles.PERFORMANCE_ANALYST]
    assert role_of(social_worker) == [roles.SOCIAL_WORKER]
    assert RoleChangeRequest.objects.filter(status="pending").count() == 2


def test_granting_the_analyst_role_waits_since_it_downloads_every_childs_return(
    root, ada, social_worker
):
    ask(root, social_worker, roles.PERFORMANCE_ANALYST)
    assert role_of(social_worker) == [roles.SOCIAL_WORKER]
    pending = RoleChangeRequest.objects.get(subject=social_worker, status="pending")
    decide(ada, pending)
    assert role_of(social_worker) == [roles.PERFORMANCE_ANALYST]


def test_the_dpo_is_told_of_every_role_change(root, ada, dpo, social_worker, analyst):
    ask(root, social_worker, roles.PARTNER_USER)  # removing access: at once
    assert role_of(social_worker) == [roles.PARTNER_USER]
    ask(root, analyst, roles.IRO)
    assert not Notification.objects.filter(recipient=dpo, subject__contains="Pat").exists()
    decide(ada, RoleChangeRequest.objects.get(subject=analyst))
    told = list(Notification.objects.filter(recipient=dpo).values_list("subject", "body"))
    assert (
        "Role changed: Alice Tester is now Partner agency user",
        "Changed by root. Previous role: Social worker; previous team: Team child_protection.",
    ) in told
    assert any(
        s == "Role changed: Pat Tester is now Independent reviewing officer"
        and "approved by ada" in b
        for s, b in told
    )


def test_moving_a_case_holder_to_another_team_waits_for_approval(root, ada, social_worker):
    other = Team.objects.create(name="CP South", kind=Team.Kind.CHILD_PROTECTION)
    ask(root, social_worker, roles.SOCIAL_WORKER, team=other)
    social_worker.staff.refresh_from_db()
    assert social_worker.staff.team != other
    decide(ada, RoleChangeRequest.objects.get(subject=social_worker))
    social_worker.staff.refresh_from_db()
    assert social_worker.staff.team == other


def test_a_refused_request_changes_nothing_and_cannot_be_decided_again(root, ada, analyst):
    ask(root, analyst, roles.SOCIAL_WORKER)
    pending = RoleChangeRequest.objects.get(subject=analyst)
    assert decide(ada, pending, "refuse").status_code == 302
    assert role_of(analyst) == [roles.PERFORMANCE_ANALYST]
    again = decide(ada, pending, "approve")
    assert again.status_code == 409 and "already been refused" in again.content.decode()
    assert role_of(analyst) == [roles.PERFORMANCE_ANALYST]


def test_saving_an_unchanged_role_tells_nobody_and_asks_nobody(root, dpo, social_worker):
    team = social_worker.staff.team
    assert ask(root, social_worker, roles.SOCIAL_WORKER, team=team).status_code == 302
    assert not RoleChangeRequest.objects.exists()
    assert not Notification.objects.filter(recipient=dpo).exists()


def test_a_nonsense_decision_is_a_clear_400(root, ada):
    response = client_of(ada).post(
        reverse("workforce:role-changes"), {"request_id": "9" * 25, "decision": "approve"}
    )
    assert response.status_code == 400 and "Choose a waiting request" in response.content.decode()


def test_nobody_deactivates_or_resets_their_own_account(root):
    url = reverse("workforce:staff-member", args=[root.pk])
    page = client_of(root).get(url).content.decode()
    assert "This is your own account" in page and "Deactivate account" not in page
    for action in ("deactivate", "reset_two_factor", "issue_enrolment_code"):
        assert client_of(root).post(url, {"action": action}).status_code == 403
    root.refresh_from_db()
    assert root.is_active and not root.enrolment_codes.exists()
