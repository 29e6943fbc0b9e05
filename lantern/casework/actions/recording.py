"""Visits, case notes, management oversight and allocation."""

import datetime as dt

from django.db import transaction

from lantern.casework.actions.base import (
    before_birth,
    check_child_seen,
    check_not_before_birth,
    create,
    in_the_past,
    lock_child,
    refuse,
    tell_worker,
    who,
    written,
)
from lantern.casework.models import (
    CaseNote,
    ChildProtectionPlan,
    CINEpisode,
    CINPlan,
    ManagementOversight,
    Visit,
)
from lantern.casework.models.recording import quoted
from lantern.clocks.actions import apply_event
from lantern.people.models import Person
from lantern.prepared import prepared
from lantern.workforce.actions import allocate_worker
from lantern.workforce.models import Allocation

RECORD_OVERSIGHT = "casework.record_oversight"
ALLOCATE = "casework.allocate_worker"


def _episode_on(person: Person, day: dt.date) -> CINEpisode | None:
    """The episode a record dated ``day`` belongs to, if any (a visit can predate closure)."""
    return next(iter(_episodes_on(person.pk, day)), None)


@prepared
def _episodes_on(person_id, day):
    return (
        CINEpisode.objects.filter(person_id=person_id, referral_date__lte=day)
        .exclude(close_date__lt=day)
        .order_by("-referral_date", "-pk")[:1]
    )


def _on_cp_plan(person: Person, day: dt.date) -> bool:
    return (
        ChildProtectionPlan.objects.filter(person=person, start_date__lte=day)
        .exclude(end_date__lt=day)
        .exists()
    )


def _on_cin_plan(person: Person, day: dt.date) -> bool:
    return (
        CINPlan.objects.filter(person=person, start_date__lte=day)
        .exclude(end_date__lt=day)
        .exists()
    )


# Apps above casework meet their own visit clocks from a visit recorded here (care: the reg 28
# visits to a looked-after child). Each is called with the saved visit inside the transaction;
# a ValidationError it raises refuses the visit.
VISIT_RECORDED: list = []


@transaction.atomic
def record_visit(
    person: Person,
    *,
    acting_user,
    visited_on: dt.date,
    kind: str,
    child_seen: bool,
    seen_alone: bool = False,
    bedroom_seen: bool = False,
    reason_not_seen: str = "",
    reason_not_seen_alone: str = "",
    child_words: str = "",
    observations: str = "",
    expectant_parent_seen: bool = False,
    request=None,
) -> Visit:
    """A visit. Where the child is on a CP plan and was seen, it meets the visit clock and
    starts the next one (statutory.md 1.9; the interval is the council's policy); on a CIN
    plan, the CIN visit clock. Before birth, on a pre-birth CP plan, a visit that sees the
    expectant parent is the statutory visit and meets the clock: the unborn child cannot be
    seen."""
    lock_child(person)
    in_the_past(visited_on, "The date of the visit", "visited_on")
    if kind != Visit.Kind.ASSESSMENT:  # an assessment visit may predate an unexpected birth
        check_not_before_birth(person, visited_on, "The visit", "visited_on")
    check_child_seen(person, visited_on, child_seen)  # never before birth
    if seen_alone and not child_seen:
        refuse("A child seen alone was seen: tick ‘The child was seen’ too", "seen_alone")
    unborn = before_birth(person, visited_on)
    if unborn:
        if kind not in (Visit.Kind.ASSESSMENT, Visit.Kind.CHILD_PROTECTION):
            refuse(
                "Before the child is born a visit is an assessment visit or, on a pre-birth "
                "plan, a child protection visit",
                "kind",
            )
        if not expectant_parent_seen and not reason_not_seen.strip():
            refuse("Say why the expectant parent was not seen", "reason_not_seen")
    else:
        expectant_parent_seen = False
    if not unborn and not child_seen and not reason_not_seen.strip():
        refuse("Say why the child was not seen", "reason_not_seen")
    if child_seen and not seen_alone and not reason_not_seen_alone.strip():
        refuse("Say why the child was not seen alone", "reason_not_seen_alone")
    if kind == Visit.Kind.CHILD_PROTECTION and not _on_cp_plan(person, visited_on):
        refuse(
            "A child protection statutory visit needs a child protection plan open on the "
            "day of the visit: choose another type of visit",
            "kind",
        )
    visit = create(
        Visit,
        person,
        acting_user,
        episode=_episode_on(person, visited_on),
        visited_on=visited_on,
        kind=kind,
        child_seen=child_seen,
        seen_alone=seen_alone,
        bedroom_seen=bedroom_seen,
        expectant_parent_seen=expectant_parent_seen,
        reason_not_seen=reason_not_seen,
        reason_not_seen_alone=reason_not_seen_alone if child_seen and not seen_alone else "",
        child_words=child_words,
        observations=observations,
    )
    for listener in VISIT_RECORDED:
        listener(visit)
    if child_seen and _on_cp_plan(person, visited_on):
        apply_event(person, "cp_visit_child_seen", visited_on, source=visit)
    elif expectant_parent_seen and kind == Visit.Kind.CHILD_PROTECTION:
        apply_event(person, "cp_visit_expectant_parent_seen", visited_on, source=visit)
    if child_seen and _on_cin_plan(person, visited_on):
        apply_event(person, "cin_visit_child_seen", visited_on, source=visit)
    if unborn:
        seen = (
            "Before birth: expectant parent seen."
            if expectant_parent_seen
            else ("Before birth: expectant parent not seen.")
        )
    elif not child_seen:
        seen = "Child not seen."
    else:
        why = f" ({' '.join(reason_not_seen_alone.split())[:200]})" if not seen_alone else ""
        seen = "Child seen alone." if seen_alone else f"Child seen, not alone{why}."
        seen += " Bedroom seen." if bedroom_seen else ""
    said = f" The child said: {quoted(child_words, 300)}" if child_words.strip() else ""
    written(
        request,
        visit,
        acting_user=acting_user,
        detail=f"recorded visit ({kind})",
        chronology="visit",
        summary=f"{visit.get_kind_display()}. {seen}{said}",
        when=visited_on,
    )
    return visit


@transaction.atomic
def record_case_note(
    person: Person,
    *,
    acting_user,
    noted_on: dt.date,
    subject: str,
    text: str,
    request=None,
) -> CaseNote:
    lock_child(person)
    in_the_past(noted_on, "The date", "noted_on")
    if not text.strip():
        refuse("Write the note", "text")
    note = create(
        CaseNote,
        person,
        acting_user,
        episode=_episode_on(person, noted_on),
        noted_on=noted_on,
        subject=subject.strip(),
        text=text,
    )
    written(
        request,
        note,
        acting_user=acting_user,
        detail="recorded case note",
        chronology="case_note",
        summary=f"{note.subject}",
        when=noted_on,
    )
    return note


@transaction.atomic
def record_oversight(
    person: Person,
    *,
    acting_user,
    recorded_on: dt.date,
    direction: str,
    review_by: dt.date | None = None,
    request=None,
) -> ManagementOversight:
    """A manager's reflection and direction on the case, told to the allocated worker."""
    if not acting_user.has_perm(RECORD_OVERSIGHT):
        refuse("Only a manager can record management oversight")
    lock_child(person)
    in_the_past(recorded_on, "The date", "recorded_on")
    if review_by is not None and review_by < recorded_on:
        refuse("The review date must be after the oversight", "review_by")
    if not direction.strip():
        refuse("Write the reflection and direction", "direction")
    oversight = create(
        ManagementOversight,
        person,
        acting_user,
        episode=_episode_on(person, recorded_on),
        recorded_on=recorded_on,
        direction=direction,
        review_by=review_by,
    )
    written(
        request,
        oversight,
        acting_user=acting_user,
        detail="recorded management oversight",
        chronology="management_oversight",
        summary=f"Management oversight by {who(acting_user)}: {quoted(direction, 200)}",
        when=recorded_on,
    )
    tell_worker(
        person,
        acting_user,
        f"{who(acting_user)} recorded management oversight on {person.full_name}",
        oversight.get_absolute_url(),
    )
    return oversight


@transaction.atomic
def allocate(child: Person, worker, *, acting_user, start: dt.date, request=None):
    """Allocate a worker (history kept by ``workforce``); managers only."""
    if not acting_user.has_perm(ALLOCATE):
        refuse("Only a manager can allocate a worker")
    if getattr(worker, "staff", None) is None or worker.staff.team_id is None:
        refuse("That person is not in a team", "worker")
    in_the_past(start, "The allocation date", "start")
    lock_child(child)
    current = Allocation.objects.select_for_update().filter(child=child, end__isnull=True).first()
    if current is not None and start < current.start:
        # Two workers would both hold the child for those days: the history must not overlap.
        refuse(
            f"The allocation date cannot be before the current allocation began "
            f"({current.start:%d %B %Y})",
            "start",
        )
    return allocate_worker(child, worker, acting_user=acting_user, start=start, request=request)
