"""Writes that change who may see a record."""

import datetime as dt
import re
import unicodedata

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from lantern.access import audit, policy
from lantern.access.models import AuditEntry, BreakGlass, RestrictedRecord
from lantern.workforce.actions import notify

GLASS_HOURS = 8
MIN_REASON = 10
MIN_WORDS = 2
WORD = re.compile(r"[^\W\d_]{2,}")  # two or more letters, in any script


def cleaned_reason(reason: str) -> str:
    """The reason as it will be recorded: normalised (NFKC) and without invisible format
    characters (zero-width spaces, direction marks), which would otherwise pass for text."""
    text = unicodedata.normalize("NFKC", reason or "")
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf").strip()


def _check_reason(reason: str) -> None:
    """A reason the owner and the DPO can read: long enough and made of words."""
    if len(reason) < MIN_REASON:
        raise ValidationError(
            f"Enter the reason you need to open this record (at least {MIN_REASON} characters)"
        )
    if len(WORD.findall(reason)) < MIN_WORDS:
        raise ValidationError(
            "Enter the reason in words (at least two words), for example "
            "“out-of-hours duty, police called to the address”"
        )


@transaction.atomic
def break_the_glass(person, *, acting_user, reason: str, request=None) -> BreakGlass:
    """Record why ``acting_user`` opens a record outside their own work; tell the owner of a
    restricted record who opened it and why."""
    reason = cleaned_reason(reason)
    _check_reason(reason)
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
            f"{acting_user.get_full_name() or acting_user.get_username()} opened "
            f"{person.full_name}'s restricted record ({person.council_id})",
            body=f"Reason given: {reason}",
            link=reverse("access:seen-by", args=[person.pk]),
            person=person,
        )
    return glass


@transaction.atomic
def restrict_record(person, *, acting_user, why: str, named_users=(), request=None):
    """Restrict a record to its owner (``acting_user``) and a named list, or change an
    existing restriction. A restriction already in place is changed only by its owner or the
    DPO (``policy.may_restrict``), checked here under the row's lock so the rule holds
    whoever calls; if the DPO takes it over, the previous owner is told."""
    current = RestrictedRecord.objects.select_for_update().filter(person=person).first()
    if current is not None and not policy.may_restrict(acting_user, person):
        raise PermissionDenied("Only the record's owner or the DPO may change its restriction")
    previous_owner = current.owner if current is not None else None
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
        detail=f"restricted: {restriction.get_why_display()}"
        + (f"; owner was {previous_owner.get_username()}" if previous_owner else ""),
    )
    if previous_owner is not None and previous_owner.pk != acting_user.pk:
        name = acting_user.get_full_name() or acting_user.get_username()
        notify(
            previous_owner,
            f"{name} is now the owner of {person.full_name}'s restricted record "
            f"({person.council_id}), which you owned",
            body=f"Restricted because: {restriction.get_why_display()}. "
            f"{len(named_users)} other member(s) of staff named.",
            person=person,
        )
    return restriction
