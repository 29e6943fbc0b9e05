"""A child becoming looked after, changes of legal status, the care plan, and leaving care.

Each action is one transaction: the records, the derived SSDA903 episodes
(``care.episodes.rebuild``), the clocks, the child's care status, the audit log and the
chronology move together or not at all. The DfE's cross-field rules are checked first
(``care.rules``), so nothing is saved that the return would reject.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Q

from lantern.care import episodes, rules
from lantern.care.actions.placements import place, resolve_placement_fields
from lantern.care.actions.visits import visit_regime
from lantern.care.models import Carer, LegalStatus, PeriodOfCare, Placement
from lantern.care.queries.placements import leaves_as_care_leaver
from lantern.casework.actions.base import (
    before_birth,
    bump_version,
    create,
    in_the_past,
    lock,
    lock_child,
    long_date,
    refresh_care_status,
    refuse,
    written,
)
from lantern.clocks.actions import apply_event
from lantern.people.models import Person


def _open_cin_episode(person):
    from lantern.casework.models import CINEpisode

    return CINEpisode.objects.filter(person=person, close_date__isnull=True).first()


def _set_care_status(person: Person, status: str) -> None:
    Person.objects.filter(pk=person.pk).update(care_status=status)
    person.care_status = status


@transaction.atomic
def start_care(
    child: Person,
    *,
    acting_user,
    start_date: dt.date,
    legal_status: str,
    carer: Carer,
    placement_type: str,
    category_of_need: str,
    home_postcode: str = "",
    provider: str | None = None,
    postcode: str | None = None,
    urn: str | None = None,
    emergency: bool = False,
    long_term: bool = False,
    temporary_approval: bool = False,
    weekly_cost=None,
    placement_plan: str = "",
    request=None,
) -> PeriodOfCare:
    lock_child(child)
    if start_date is None:
        refuse("Enter the date the child became looked after", "start_date")
    in_the_past(start_date, "The date the child became looked after", "start_date")
    if before_birth(child, start_date):
        refuse("The child cannot be looked after before they were born", "start_date")
    other = (
        PeriodOfCare.objects.filter(person=child)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=start_date))
        .order_by("start_date")
        .first()
    )
    if other is not None:
        until = f" to {long_date(other.end_date)}" if other.end_date else " (still open)"
        refuse(
            f"This overlaps the child's period of care from {long_date(other.start_date)}{until}",
            "start_date",
        )
    fields = resolve_placement_fields(
        carer, placement_type, provider=provider, postcode=postcode, urn=urn
    )
    rules.check_legal_status(
        child, code=legal_status, start_date=start_date, placement_type=placement_type
    )
    rules.check_placement(child, legal_status=legal_status, start_date=start_date, **fields)
    period = create(
        PeriodOfCare,
        child,
        acting_user,
        cin_episode=_open_cin_episode(child),
        start_date=start_date,
        category_of_need=category_of_need,
        home_postcode=home_postcode,
    )
    status = create(
        LegalStatus, child, acting_user, period=period, code=legal_status, start_date=start_date
    )
    placement = place(
        period,
        acting_user,
        start_date=start_date,
        emergency=emergency,
        long_term=long_term,
        weekly_cost=weekly_cost,
        placement_plan=placement_plan,
        **fields,
    )
    episodes.rebuild(period)
    _set_care_status(child, Person.CareStatus.LOOKED_AFTER)
    apply_event(child, "became_looked_after", start_date, source=period)
    apply_event(child, "first_placement_started", start_date, source=placement)
    apply_event(child, "placement_started", start_date, source=placement)
    if emergency:
        apply_event(child, "emergency_placement_started", start_date, source=placement)
    # Reg 28: the special visiting rules (placed at home, reg 24, short breaks) start here.
    visit_regime(placement, temporary_approval=temporary_approval)
    written(request, period, acting_user=acting_user, detail="started a period of care")
    written(request, status, acting_user=acting_user, detail="recorded legal status")
    written(request, placement, acting_user=acting_user, detail="recorded placement")
    return period


def open_for_change(period: PeriodOfCare, on: dt.date | None, field: str = "on") -> PeriodOfCare:
    period = lock(period)
    if period.end_date is not None:
        refuse(f"This period of care ended on {long_date(period.end_date)}", "period")
    if on is None:
        refuse("Enter the date", field)
    in_the_past(on, "The date", field)
    if on < period.start_date:
        refuse(
            f"The date cannot be before the child became looked after "
            f"({long_date(period.start_date)})",
            field,
        )
    return period


def current_status(period: PeriodOfCare) -> LegalStatus:
    return (
        LegalStatus.objects.select_for_update()
        .filter(period=period, end_date__isnull=True)
        .order_by("-start_date")
        .get()
    )


@transaction.atomic
def change_legal_status(
    period: PeriodOfCare, *, acting_user, on: dt.date, code: str, request=None
) -> LegalStatus:
    lock_child(period.person_id)
    period = open_for_change(period, on)
    current = current_status(period)
    if on <= current.start_date:
        refuse(
            f"The new legal status must start after the current one "
            f"({long_date(current.start_date)})",
            "on",
        )
    if code == current.code:
        refuse(f"The child's legal status is already {code}", "code")
    placement = Placement.objects.filter(period=period, end_date__isnull=True).first()
    rules.check_legal_status(
        period.person,
        code=code,
        start_date=on,
        placement_type=placement.placement_type if placement else "",
        field="code",
    )
    bump_version(current, acting_user, end_date=on)
    status = create(
        LegalStatus, period.person, acting_user, period=period, code=code, start_date=on
    )
    episodes.rebuild(period)
    if placement is not None:  # an interim or full care order at home changes the visits
        visit_regime(placement, on=on)
    written(request, status, acting_user=acting_user, detail="changed legal status")
    return status


@transaction.atomic
def record_care_plan(
    period: PeriodOfCare, *, acting_user, on: dt.date, request=None
) -> PeriodOfCare:
    lock_child(period.person_id)
    period = open_for_change(period, on)
    if period.care_plan_date is not None:
        refuse(f"The care plan was recorded on {long_date(period.care_plan_date)}", "on")
    period = bump_version(period, acting_user, care_plan_date=on)
    apply_event(period.person, "care_plan_made", on, source=period)
    written(request, period, acting_user=acting_user, detail="recorded care plan", created=False)
    return period


@transaction.atomic
def end_care(
    period: PeriodOfCare, *, acting_user, on: dt.date, reason_ceased: str, request=None
) -> PeriodOfCare:
    lock_child(period.person_id)
    period = open_for_change(period, on)
    status = current_status(period)
    placement = (
        Placement.objects.select_for_update().filter(period=period, end_date__isnull=True).first()
    )
    for row, what in ((status, "legal status"), (placement, "placement")):
        if row is not None and row.start_date != period.start_date and on <= row.start_date:
            refuse(
                f"Care cannot end on or before the day the current {what} started "
                f"({long_date(row.start_date)})",
                "on",
            )
    rules.check_ending(
        period.person,
        reason_ceased=reason_ceased,
        on=on,
        placement_type=placement.placement_type if placement else "",
    )
    if placement is not None:
        bump_version(placement, acting_user, end_date=on)
    bump_version(status, acting_user, end_date=on)
    period = bump_version(period, acting_user, end_date=on, reason_ceased=reason_ceased)
    episodes.rebuild(period)
    person = period.person
    if placement is not None:
        apply_event(person, "placement_ended", on, source=placement)
    apply_event(person, "ceased_looked_after", on, source=period)
    if leaves_as_care_leaver(person, on):
        _set_care_status(person, Person.CareStatus.CARE_LEAVER)
    else:
        _set_care_status(person, Person.CareStatus.CLOSED)
        refresh_care_status(person)
    written(request, period, acting_user=acting_user, detail="ended period of care", created=False)
    return period
