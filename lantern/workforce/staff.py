"""Managing staff accounts: the system administrator's work.

Administrators create accounts, give each exactly one role and a team, deactivate leavers
and reset a lost authenticator. They never need, and are never given, case records.
"""

from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.access.roles import ROLES
from lantern.workforce.models import StaffMember


def _set_role(user: User, role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    user.groups.remove(*Group.objects.filter(name__in=ROLES))
    user.groups.add(Group.objects.get(name=role))


@transaction.atomic
def add_staff_member(
    *,
    acting_user,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    password: str,
    role: str,
    team,
    agency,
    job_title: str = "",
    request=None,
) -> User:
    user = User(username=username, first_name=first_name, last_name=last_name, email=email)
    validate_password(password, user)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    _set_role(user, role)
    StaffMember.objects.create(user=user, team=team, agency=agency, job_title=job_title)
    audit.record(
        request,
        AuditEntry.Action.CREATE,
        user=acting_user,
        obj=user,
        detail=f"added staff account {username} as {role}",
    )
    return user


@transaction.atomic
def change_role(staff_user: User, *, acting_user, role: str, team, request=None) -> None:
    _set_role(staff_user, role)
    StaffMember.objects.filter(user=staff_user).update(team=team)
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        obj=staff_user,
        detail=f"role {role}, team {team or '-'}",
    )


@transaction.atomic
def set_active(staff_user: User, *, acting_user, active: bool, request=None) -> None:
    staff_user.is_active = active
    staff_user.save(update_fields=["is_active"])
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        obj=staff_user,
        detail="reactivated" if active else "deactivated",
    )


@transaction.atomic
def reset_two_factor(staff_user: User, *, acting_user, request=None) -> None:
    """Remove every authenticator: the person sets up a new one at their next sign-in."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user=staff_user).delete()
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        obj=staff_user,
        detail="authenticator reset",
    )
