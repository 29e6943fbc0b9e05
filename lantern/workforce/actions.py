"""Writes about staff: allocation of workers, messages to them, and their roles.

A role is what opens children's records, so granting one that does (or the DPO's, or an
administrator's) is two people's decision: one administrator asks, another approves, and
the DPO is told of every change. Nobody changes their own role."""

import datetime as dt
from urllib.parse import urlencode

from django.contrib.auth.models import Group, User
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.access.roles import (
    CASE_HOLDING_ROLES,
    DATA_PROTECTION_OFFICER,
    MANAGE_STAFF,
    NEEDS_APPROVAL,
    ROLES,
    SYSTEM_ADMINISTRATOR,
)
from lantern.chronology.actions import record_entry
from lantern.workforce.models import Allocation, Notification, RoleChangeRequest, StaffMember


def notify(recipient, subject: str, *, body: str = "", link: str = "", person=None):
    """Queue a message for one member of staff (shown on their home page)."""
    return Notification.objects.create(
        recipient=recipient, subject=subject[:200], body=body, link=link, person=person
    )


@transaction.atomic
def allocate_worker(child, worker, *, acting_user, start: dt.date, request=None) -> Allocation:
    """Allocate ``worker`` from ``start``, closing the current allocation (history is kept)."""
    current = Allocation.objects.select_for_update().filter(child=child, end__isnull=True).first()
    if current is not None:
        if current.worker_id == worker.pk:
            return current
        current.end = max(start, current.start)
        current.save(update_fields=["end"])
    allocation = Allocation(child=child, worker=worker, team=worker.staff.team, start=start)
    allocation.full_clean()
    allocation.save()
    record_entry(
        child,
        kind="allocation",
        when=start,
        acting_user=acting_user,
        summary=f"Allocated to {worker.get_full_name()} ({allocation.team.name}).",
        source=allocation,
    )
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        person=child,
        obj=allocation,
        detail=f"allocated to {worker.get_username()}",
    )
    if worker != acting_user:
        notify(
            worker,
            f"{child.full_name} has been allocated to you",
            person=child,
            link=reverse("people:record", args=[child.pk]),
        )
    return allocation


class RoleChangeRefused(Exception):
    """A change this person may not make (the message says why, to them)."""


class AlreadyDecided(Exception):
    """The request was approved, refused or replaced before this decision arrived."""


def current_role(user) -> str:
    return next(iter(user.groups.filter(name__in=ROLES).values_list("name", flat=True)), "")


def _team_of(user):
    staff = StaffMember.objects.filter(user=user).select_related("team").first()
    return staff.team if staff else None


def needs_approval(subject, role: str, team) -> bool:
    """Granting a role that opens records or the audit log, or moving a case holder to a
    team whose children they would then see, needs a second administrator. Removing
    access, and roles that open nothing, take effect at once."""
    if role not in NEEDS_APPROVAL:
        return False
    if role != current_role(subject):
        return True
    return role in CASE_HOLDING_ROLES and team != _team_of(subject)


def _refuse(request, acting_user, subject, message: str) -> None:
    """Audit the refused attempt (outside any transaction, so it is kept), then refuse."""
    audit.record(
        request,
        AuditEntry.Action.DENIED,
        user=acting_user,
        obj=subject,
        detail=f"role change refused for {subject.get_username()}: {message}",
    )
    raise RoleChangeRefused(message)


def _data_protection_officers() -> set:
    return set(User.objects.filter(is_active=True, groups__name=DATA_PROTECTION_OFFICER))


def _apply_role(subject, role: str, team, *, acting_user, request=None, asked_by=None) -> None:
    """Change the groups, audit it, and tell every DPO (before and after the change)."""
    before, old_team, told = current_role(subject), _team_of(subject), _data_protection_officers()
    subject.groups.remove(*Group.objects.filter(name__in=ROLES))
    subject.groups.add(Group.objects.get(name=role))
    StaffMember.objects.filter(user=subject).update(team=team)
    who = f"changed by {acting_user.get_username()}"
    if asked_by is not None:
        who = f"asked for by {asked_by.get_username()}, approved by {acting_user.get_username()}"
    change = f"role of {subject.get_username()}: {before or 'none'} -> {role}, team {team or '-'}"
    audit.record(
        request, AuditEntry.Action.UPDATE, user=acting_user, obj=subject, detail=f"{change}; {who}"
    )
    # The DPO's link opens the audit log at the changes the administrator made.
    link = f"{reverse('access:audit-search')}?{urlencode({'username': acting_user.get_username()})}"
    name = subject.get_full_name() or subject.get_username()
    if role != before:
        subject_line = f"Role changed: {name} is now {role}"
    else:
        subject_line = f"Team changed: {name} ({role}) is now in {team or 'no team'}"
    for dpo in sorted(told | _data_protection_officers(), key=lambda u: u.pk):
        notify(
            dpo,
            subject_line,
            body=f"{who[0].upper()}{who[1:]}. Previous role: "
            f"{before or 'none'}; previous team: {old_team or 'none'}.",
            link=link,
        )


def request_role_change(
    subject, *, acting_user, role: str, team, request=None
) -> RoleChangeRequest | None:
    """Give ``subject`` a role and team: at once if it opens nothing more, else as a request
    waiting for a second administrator (returned). Nobody changes their own role."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    if subject.pk == acting_user.pk:
        _refuse(request, acting_user, subject, "You cannot change your own role")
    return _request_role_change(
        subject, acting_user=acting_user, role=role, team=team, request=request
    )


@transaction.atomic
def _request_role_change(subject, *, acting_user, role, team, request):
    User.objects.select_for_update().filter(pk=subject.pk).first()
    for earlier in RoleChangeRequest.objects.select_for_update().filter(
        subject=subject, status=RoleChangeRequest.Status.PENDING
    ):
        earlier.status = RoleChangeRequest.Status.SUPERSEDED
        earlier.save(update_fields=["status"])
        audit.record(
            request,
            AuditEntry.Action.UPDATE,
            user=acting_user,
            obj=earlier,
            detail="role change request replaced by a later one",
        )
    if role == current_role(subject) and team == _team_of(subject):
        return None  # nothing changes: nothing to approve, audit or tell
    if not needs_approval(subject, role, team):
        _apply_role(subject, role, team, acting_user=acting_user, request=request)
        return None
    pending = RoleChangeRequest.objects.create(
        subject=subject, role=role, team=team, requested_by=acting_user
    )
    audit.record(
        request,
        AuditEntry.Action.CREATE,
        user=acting_user,
        obj=pending,
        detail=f"requested {role} (team {team or '-'}) for {subject.get_username()}; "
        "waits for a second administrator",
    )
    return pending


def approve_role_change(pending: RoleChangeRequest, *, acting_user, request=None) -> None:
    """A second administrator approves: only now does the role change."""
    _check_decider(pending, acting_user, request, "approve")
    _decide(pending, acting_user, RoleChangeRequest.Status.APPROVED, request)


def refuse_role_change(pending: RoleChangeRequest, *, acting_user, request=None) -> None:
    _check_decider(pending, acting_user, request, "refuse")
    _decide(pending, acting_user, RoleChangeRequest.Status.REFUSED, request)


def _check_decider(pending, acting_user, request, verb: str) -> None:
    if not acting_user.has_perm(MANAGE_STAFF):
        _refuse(
            request, acting_user, pending.subject, f"Only an administrator may {verb} a role change"
        )
    if acting_user.pk == pending.requested_by_id:
        _refuse(
            request,
            acting_user,
            pending.subject,
            f"You asked for this change, so another administrator must {verb} it",
        )
    if acting_user.pk == pending.subject_id:
        _refuse(
            request,
            acting_user,
            pending.subject,
            f"This change is to your own role, so another administrator must {verb} it",
        )


@transaction.atomic
def _decide(pending, acting_user, status, request) -> None:
    locked = RoleChangeRequest.objects.select_for_update().get(pk=pending.pk)
    if locked.status != RoleChangeRequest.Status.PENDING:
        raise AlreadyDecided(f"This request has already been {locked.get_status_display().lower()}")
    locked.status, locked.decided_by, locked.decided_at = status, acting_user, timezone.now()
    locked.save(update_fields=["status", "decided_by", "decided_at"])
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        obj=locked,
        detail=f"role change {status}: {locked.role} for {locked.subject.get_username()} "
        f"(requested by {locked.requested_by.get_username()})",
    )
    if status == RoleChangeRequest.Status.APPROVED:
        _apply_role(
            locked.subject,
            locked.role,
            locked.team,
            acting_user=acting_user,
            request=request,
            asked_by=locked.requested_by,
        )
    pending.refresh_from_db()


@transaction.atomic
def bootstrap_administrators(users: list) -> None:
    """The system's first administrators, when there are none: a new installation (or the
    demo) needs two, so that every later grant has someone to approve it."""
    if len(users) < 2:
        raise RoleChangeRefused("Start with at least two administrators")
    if User.objects.filter(groups__name=SYSTEM_ADMINISTRATOR).exists():
        raise RoleChangeRefused("There are administrators already: grant the role as usual")
    group = Group.objects.get(name=SYSTEM_ADMINISTRATOR)
    for user in users:
        user.groups.add(group)
        audit.record(
            None,
            AuditEntry.Action.UPDATE,
            obj=user,
            detail=f"system bootstrap: {user.get_username()} made a first {SYSTEM_ADMINISTRATOR}",
        )
