"""Placement moves and notifications.

A move ends the current placement and starts the next on the same day, inside the same
period of care: a child who moves is looked after throughout, and the SSDA903 return shows
one period with a new episode (RNE P or T), not a discharge and a new admission.
"""

import datetime as dt

from django.db import transaction

from lantern.care import codes, episodes, rules
from lantern.care.actions.visits import visit_regime
from lantern.care.models import Carer, LegalStatus, PeriodOfCare, Placement
from lantern.casework.actions.base import (
    bump_version,
    create,
    in_the_past,
    lock,
    lock_child,
    long_date,
    refuse,
    written,
)
from lantern.clocks.actions import apply_event


def resolve_placement_fields(
    carer: Carer | None,
    placement_type: str,
    *,
    provider: str | None,
    postcode: str | None,
    urn: str | None,
) -> dict:
    """The placement's provider, URN and postcode: the carer's unless the worker gave
    others, and blank where the DfE wants them blank for the type (rules 178, 242)."""
    if carer is None:
        refuse("Choose the carer", "carer")
    if not carer.active:
        refuse(f"{carer} is no longer an active carer", "carer")
    if provider is None:
        provider = "" if placement_type in rules.NO_PROVIDER else carer.provider
    if urn is None:
        urn = "" if placement_type in rules.NO_URN else carer.urn
    return {
        "carer": carer,
        "placement_type": placement_type,
        "provider": provider or "",
        "urn": urn or "",
        "postcode": carer.postcode if postcode is None else postcode,
    }


def place(period: PeriodOfCare, acting_user, *, weekly_cost=None, **fields) -> Placement:
    if weekly_cost is not None and weekly_cost < 0:
        refuse("The weekly cost cannot be negative", "weekly_cost")
    return create(
        Placement, period.person, acting_user, period=period, weekly_cost=weekly_cost, **fields
    )


@transaction.atomic
def move_placement(
    period: PeriodOfCare,
    *,
    acting_user,
    on: dt.date,
    carer: Carer,
    placement_type: str,
    reason_changed: str,
    provider: str | None = None,
    postcode: str | None = None,
    urn: str | None = None,
    emergency: bool = False,
    long_term: bool = False,
    temporary_approval: bool = False,
    weekly_cost=None,
    placement_plan: str = "",
    request=None,
) -> Placement:
    from lantern.care.actions.periods import open_for_change

    lock_child(period.person_id)
    period = open_for_change(period, on)
    current = (
        Placement.objects.select_for_update().filter(period=period, end_date__isnull=True).first()
    )
    if current is not None and on <= current.start_date:
        refuse(
            f"The move must be after the current placement started "
            f"({long_date(current.start_date)})",
            "on",
        )
    temporary = placement_type in codes.TEMPORARY_PLACEMENTS or (
        current is not None and current.placement_type in codes.TEMPORARY_PLACEMENTS
    )
    if reason_changed not in codes.REASON_PLACE_CHANGE and (reason_changed or not temporary):
        refuse("Choose the reason for the placement change", "reason_changed")
    status = LegalStatus.objects.filter(period=period, end_date__isnull=True).first()
    fields = resolve_placement_fields(
        carer, placement_type, provider=provider, postcode=postcode, urn=urn
    )
    rules.check_placement(
        period.person, legal_status=status.code if status else "", start_date=on, **fields
    )
    if current is not None:
        bump_version(current, acting_user, end_date=on, reason_changed=reason_changed)
    placement = place(
        period,
        acting_user,
        start_date=on,
        emergency=emergency,
        long_term=long_term,
        weekly_cost=weekly_cost,
        placement_plan=placement_plan,
        **fields,
    )
    episodes.rebuild(period)
    person = period.person
    if current is not None:
        apply_event(person, "placement_ended", on, source=current)
    apply_event(person, "placement_started", on, source=placement)
    if emergency:
        apply_event(person, "emergency_placement_started", on, source=placement)
    # Reg 28: the special visiting rules (placed at home, reg 24, short breaks) start here.
    visit_regime(placement, temporary_approval=temporary_approval)
    written(request, placement, acting_user=acting_user, detail="moved placement")
    return placement


@transaction.atomic
def record_placement_notified(
    placement: Placement, on: dt.date, *, acting_user, request=None
) -> Placement:
    """Care Planning Regs reg 13: the placement notified to those the regulation names
    (the child's health and education services, the area authority)."""
    lock_child(placement.person_id)
    placement = lock(placement)
    if on is None:
        refuse("Enter the date the placement was notified", "on")
    in_the_past(on, "The notification date", "on")
    if on < placement.start_date:
        refuse(
            f"The notification cannot be before the placement started "
            f"({long_date(placement.start_date)})",
            "on",
        )
    if placement.notified_on is not None:
        refuse(f"The placement was notified on {long_date(placement.notified_on)}", "on")
    placement = bump_version(placement, acting_user, notified_on=on)
    apply_event(placement.person, "placement_notified", on, source=placement)
    written(request, placement, acting_user=acting_user, detail="placement notified", created=False)
    return placement
