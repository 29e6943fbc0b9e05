"""A child on another council's child protection plan moves here (Working Together 2023,
chapter 4; local safeguarding children procedures). The notice of the move starts a
15-working-day clock for the transfer-in conference, which this council holds and which
can start its own plan without an s47 enquiry: the child's enquiry and initial conference
happened in the council they left, and inventing them here would corrupt the CIN census.
"""

import datetime as dt

from django.db import transaction

from lantern.casework.actions.base import (
    check_not_before_birth,
    create,
    in_the_past,
    lock,
    lock_child,
    long_date,
    not_before,
    open_episode_of,
    refuse,
    written,
)
from lantern.casework.actions.conference_guards import chair_is_independent
from lantern.casework.actions.plans import conference_deciding_plan
from lantern.casework.models import ChildProtectionPlan, Conference, TransferInNotice
from lantern.clocks.actions import apply_event
from lantern.people.models import Person


@transaction.atomic
def record_transfer_in_notice(
    person: Person,
    *,
    acting_user,
    transferring_council: str,
    notified_on: dt.date,
    notes: str = "",
    request=None,
) -> TransferInNotice:
    lock_child(person)
    episode = open_episode_of(person)
    transferring_council = (transferring_council or "").strip()
    if not transferring_council:
        refuse("Enter the council the child moved from", "transferring_council")
    in_the_past(notified_on, "The date notice was received", "notified_on")
    not_before(
        notified_on,
        episode.referral_date,
        f"The notice cannot be before the referral ({long_date(episode.referral_date)}): "
        "the notice of the move is the referral",
        "notified_on",
    )
    if ChildProtectionPlan.objects.filter(person=person, end_date__isnull=True).exists():
        refuse("This child is already on this council's child protection plan", "notified_on")
    waiting = TransferInNotice.objects.filter(episode=episode, conferences__isnull=True).first()
    if waiting is not None:
        refuse(
            f"Notice of this move was recorded on {long_date(waiting.notified_on)} and its "
            "conference is not yet recorded",
            "notified_on",
        )
    notice = create(
        TransferInNotice,
        person,
        acting_user,
        episode=episode,
        transferring_council=transferring_council,
        notified_on=notified_on,
        notes=notes,
    )
    apply_event(person, "transfer_in_notified", notified_on, source=notice)
    written(
        request,
        notice,
        acting_user=acting_user,
        detail="recorded notice of a move from another council",
        chronology="referral",
        summary=f"Notice from {transferring_council}: the child, on its child protection "
        "plan, has moved here. Transfer-in conference to be held.",
        when=notified_on,
    )
    return notice


@transaction.atomic
def record_transfer_in_conference(
    person: Person,
    *,
    acting_user,
    transfer_notice: TransferInNotice,
    held_on: dt.date,
    chair,
    decision: str,
    categories: list[str] | None = None,
    agencies=(),
    attendees: str = "",
    request=None,
    **attendance,
) -> Conference:
    lock_child(person)
    episode = open_episode_of(person)
    notice = lock(transfer_notice)
    if notice.person_id != person.pk or notice.episode_id != episode.pk:
        refuse("Choose the notice of this child's move", "transfer_notice")
    if notice.conferences.exists():
        refuse("That move's transfer-in conference is already recorded", "transfer_notice")
    in_the_past(held_on, "The conference date", "held_on")
    check_not_before_birth(person, held_on, "The conference", "held_on")
    not_before(
        held_on,
        notice.notified_on,
        "The conference cannot be before notice of the move was received "
        f"({long_date(notice.notified_on)})",
        "held_on",
    )
    chair_is_independent(person, chair, held_on)
    return conference_deciding_plan(
        person,
        acting_user=acting_user,
        request=request,
        event="transfer_in_conference_held",
        what="A transfer-in conference",
        decision=decision,
        categories=categories,
        agencies=agencies,
        attendance=attendance,
        episode=episode,
        kind=Conference.Kind.TRANSFER_IN,
        transfer_notice=notice,
        held_on=held_on,
        chair=chair,
        attendees=attendees,
    )
