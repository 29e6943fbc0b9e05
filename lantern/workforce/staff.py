"""Managing staff accounts: the system administrator's work.

Administrators create accounts, give each exactly one role and a team, deactivate leavers
and reset a lost authenticator. They never need, and are never given, case records, and
they never act on their own account: a role that opens records waits for a second
administrator (``lantern.workforce.actions.request_role_change``).
"""

from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from lantern.access import audit, enrolment
from lantern.access.models import AuditEntry
from lantern.workforce.actions import RoleChangeRefused, request_role_change
from lantern.workforce.models import RoleChangeRequest, StaffMember


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
) -> tuple[User, RoleChangeRequest | None]:
    """A new account; a role that opens records is only requested (the account has no role
    until a second administrator approves)."""
    user = User(username=username, first_name=first_name, last_name=last_name, email=email)
    validate_password(password, user)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    StaffMember.objects.create(user=user, team=team, agency=agency, job_title=job_title)
    audit.record(
        request,
        AuditEntry.Action.CREATE,
        user=acting_user,
        obj=user,
        detail=f"added staff account {username}, asking for {role}",
    )
    pending = request_role_change(
        user, acting_user=acting_user, role=role, team=team, request=request
    )
    return user, pending


def _not_yourself(staff_user: User, acting_user, request, what: str) -> None:
    if staff_user.pk == acting_user.pk:
        audit.record(
            request,
            AuditEntry.Action.DENIED,
            user=acting_user,
            obj=staff_user,
            detail=f"refused: {what} one's own account",
        )
        raise RoleChangeRefused(f"You cannot {what} your own account")


def set_active(staff_user: User, *, acting_user, active: bool, request=None) -> None:
    _not_yourself(staff_user, acting_user, request, "reactivate" if active else "deactivate")
    with transaction.atomic():
        staff_user.is_active = active
        staff_user.save(update_fields=["is_active"])
        audit.record(
            request,
            AuditEntry.Action.UPDATE,
            user=acting_user,
            obj=staff_user,
            detail="reactivated" if active else "deactivated",
        )


def issue_enrolment_code(staff_user: User, *, acting_user, request=None) -> str:
    """A one-time code the member of staff enters to set up an authenticator (shown once)."""
    _not_yourself(staff_user, acting_user, request, "issue an enrolment code for")
    return enrolment.issue_enrolment_code(staff_user, acting_user=acting_user, request=request)


def reset_two_factor(staff_user: User, *, acting_user, request=None) -> str:
    """Remove every authenticator and issue a new enrolment code (returned, shown once)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    _not_yourself(staff_user, acting_user, request, "reset the authenticator of")
    with transaction.atomic():
        TOTPDevice.objects.filter(user=staff_user).delete()
        audit.record(
            request,
            AuditEntry.Action.UPDATE,
            user=acting_user,
            obj=staff_user,
            detail="authenticator reset",
        )
        return enrolment.issue_enrolment_code(staff_user, acting_user=acting_user, request=request)
