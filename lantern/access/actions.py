"""Writes that change who may see a record."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from lantern.access import audit
from lantern.access.models import AuditEntry, BreakGlass, RestrictedRecord
from lantern.workforce.actions import notify

GLASS_HOURS = 8
MIN_REASON = 10


@transaction.atomic
def break_the_glass(person, *, acting_user, reason: str, request=None) -> BreakGlass:
    """Record why ``acting_user`` opens a record outside their own work; tell the owner of a
    restricted record who opened it and why."""
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON:
        raise ValidationError(
            f"Enter the reason you need to open this record (at least {MIN_REASON} characters)"
        )
    glass = BreakGlass.objects.create(
        person=person,
        user=acting_user,
        reason=reason,
        expires_at=timezone.now() + dt.timedelta(hours=GLASS_HOURS),
    )
    audit.record(
        request,
        AuditEntry.Action.BREAK_GLASS,
        user=acting_user,
        person=person,
        obj=glass,
        purpose=reason[:200],
        detail="stated a reason to open the record",
    )
    restriction = RestrictedRecord.objects.filter(person=person).select_related("owner").first()
    if restriction is not None and restriction.owner_id != acting_user.pk:
        notify(
            restriction.owner,
            f"{acting_user.get_full_name() or acting_user.get_username()} opened a restricted "
            f"record",
            body=f"Reason given: {reason}",
            link=reverse("access:seen-by", args=[person.pk]),
            person=person,
        )
    return glass


@transaction.atomic
def restrict_record(person, *, acting_user, why: str, named_users=(), request=None):
    restriction, _ = RestrictedRecord.objects.update_or_create(
        person=person, defaults={"why": why, "owner": acting_user}
    )
    restriction.named_users.set(list(named_users))
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        person=person,
        obj=restriction,
        detail=f"restricted: {restriction.get_why_display()}",
    )
    return restriction
