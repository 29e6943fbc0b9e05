"""Permissions come from the roles table in code, read with one query per request."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lantern.access import roles

pytestmark = pytest.mark.django_db


def fresh(user) -> User:
    return User.objects.get(pk=user.pk)  # as each request loads it


def test_a_social_worker_holds_exactly_the_roles_permissions(social_worker):
    user = fresh(social_worker)
    assert user.get_all_permissions() == set(roles.ROLE_PERMISSIONS[roles.SOCIAL_WORKER])
    assert user.has_perm(roles.RECORD_CASEWORK)
    assert not user.has_perm(roles.VIEW_AUDIT)


def test_every_permission_check_in_a_request_costs_one_query_between_them(manager):
    user = fresh(manager)
    with CaptureQueriesContext(connection) as captured:
        assert user.has_perm(roles.ALLOCATE_WORKER)
        assert user.has_perms([roles.VIEW_TEAM_WORK, roles.VIEW_RECORD])
        assert not user.has_perm(roles.BUILD_RETURNS)
    assert len(captured) == 1


def test_a_permission_added_to_a_group_by_hand_grants_nothing(social_worker):
    """The roles table is the whole grant: an edit behind its back does not widen it."""
    group = Group.objects.get(name=roles.SOCIAL_WORKER)
    group.permissions.add(Permission.objects.get(codename="view_audit"))
    assert not fresh(social_worker).has_perm(roles.VIEW_AUDIT)


def test_a_permission_given_to_a_person_directly_grants_nothing(analyst):
    analyst.user_permissions.add(Permission.objects.get(codename="view_record"))
    assert not fresh(analyst).has_perm(roles.VIEW_RECORD)


def test_a_deactivated_account_holds_no_permission(social_worker):
    social_worker.is_active = False
    social_worker.save(update_fields=["is_active"])
    assert fresh(social_worker).get_all_permissions() == set()
    assert not fresh(social_worker).has_perm(roles.VIEW_RECORD)


def test_a_role_taken_away_is_gone_on_the_next_request(social_worker):
    social_worker.groups.clear()
    assert not fresh(social_worker).has_perm(roles.VIEW_RECORD)


def test_group_permissions_in_the_database_still_match_the_table():
    """``sync_roles`` keeps the groups equal to the table (reports and the Django shell read
    the groups): checked for every role."""
    for role, codes in roles.ROLE_PERMISSIONS.items():
        held = {
            f"{app}.{code}"
            for app, code in Group.objects.get(name=role).permissions.values_list(
                "content_type__app_label", "codename"
            )
        }
        assert held == set(codes), role


def test_the_signed_in_user_and_their_roles_are_read_in_one_statement(manager, social_worker):
    """Each request's user comes from ``RoleBackend.get_user`` with their roles alongside:
    permission checks then ask nothing more, whether a person holds two roles or none."""
    from lantern.access.backends import RoleBackend

    manager.groups.add(Group.objects.get(name=roles.IRO))
    social_worker.groups.clear()
    with CaptureQueriesContext(connection) as captured:
        user = RoleBackend().get_user(manager.pk)
        assert user.has_perm(roles.ALLOCATE_WORKER)  # a team manager's
        assert user.has_perm(roles.VIEW_IRO_CASELOAD)  # an IRO's
        without = RoleBackend().get_user(social_worker.pk)
        assert without.get_all_permissions() == set()
    assert len(captured) == 2
    assert user.pk == manager.pk and without.pk == social_worker.pk
