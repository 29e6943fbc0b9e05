"""The IRO's formal dispute resolution (IRO Handbook 2010 ch. 6): a concern raised, taken up
through the council's managers stage by stage and, as the last resort, referred to CAFCASS
(Children Act 1989 s25B(3)); resolved with an outcome. Only an IRO raises or escalates one."""

import datetime as dt

from django.db import transaction

from lantern.care.actions.iro import is_iro
from lantern.care.actions.reviews import period_on
from lantern.care.models import IROConcern, LookedAfterReview
from lantern.casework.actions.base import (
    create,
    in_the_past,
    lock,
    lock_child,
    long_date,
    refuse,
    save_versioned,
    written,
)
from lantern.people.models import Person

Stage = IROConcern.Stage
STAGES = list(Stage.values)


def _iro_only(user) -> None:
    if not is_iro(user):
        refuse("Only an independent reviewing officer raises or escalates a formal concern")


@transaction.atomic
def raise_iro_concern(
    person: Person,
    *,
    acting_user,
    raised_on: dt.date,
    concern: str,
    stage: str = Stage.INFORMAL,
    review: LookedAfterReview | None = None,
    request=None,
) -> IROConcern:
    lock_child(person)
    _iro_only(acting_user)
    in_the_past(raised_on, "The date the concern was raised", "raised_on")
    period_on(person, raised_on, "raised_on")
    if stage not in STAGES:
        refuse("Choose the stage the concern was raised at", "stage")
    if not concern.strip():
        refuse("Say what the concern is", "concern")
    if review is not None and (review.person_id != person.pk or review.held_on > raised_on):
        refuse("Choose a review of this child held on or before the concern", "review")
    record = create(
        IROConcern,
        person,
        acting_user,
        review=review,
        raised_on=raised_on,
        raised_by=acting_user,
        concern=concern.strip(),
        stage=stage,
        stage_reached_on=raised_on,
    )
    written(
        request,
        record,
        acting_user=acting_user,
        detail=f"IRO raised a formal concern ({stage})",
        chronology="looked_after",
        summary=f"The IRO raised a formal concern: {record.get_stage_display()}.",
        when=raised_on,
    )
    return record


@transaction.atomic
def escalate_iro_concern(
    concern: IROConcern,
    *,
    acting_user,
    expected_version: int,
    stage: str,
    stage_reached_on: dt.date,
    request=None,
) -> IROConcern:
    lock_child(concern.person_id)
    concern = lock(concern)
    _iro_only(acting_user)
    if concern.resolved_on is not None:
        refuse(f"This concern was resolved on {long_date(concern.resolved_on)}")
    if stage not in STAGES or STAGES.index(stage) <= STAGES.index(concern.stage):
        refuse(f"Choose a stage beyond the one reached ({concern.get_stage_display()})", "stage")
    in_the_past(stage_reached_on, "The date", "stage_reached_on")
    if stage_reached_on < concern.stage_reached_on:
        refuse(
            f"The concern reached its last stage on {long_date(concern.stage_reached_on)}: "
            "the next cannot be earlier",
            "stage_reached_on",
        )
    save_versioned(
        concern,
        expected_version=expected_version,
        acting_user=acting_user,
        stage=stage,
        stage_reached_on=stage_reached_on,
    )
    written(
        request,
        concern,
        acting_user=acting_user,
        created=False,
        detail=f"IRO concern escalated to {stage}",
    )
    return concern


@transaction.atomic
def resolve_iro_concern(
    concern: IROConcern,
    *,
    acting_user,
    expected_version: int,
    resolved_on: dt.date,
    outcome: str,
    request=None,
) -> IROConcern:
    lock_child(concern.person_id)
    concern = lock(concern)
    _iro_only(acting_user)
    if concern.resolved_on is not None:
        refuse(f"This concern was resolved on {long_date(concern.resolved_on)}")
    in_the_past(resolved_on, "The date it was resolved", "resolved_on")
    if resolved_on < concern.stage_reached_on:
        refuse(
            f"It cannot be resolved before its last stage ({long_date(concern.stage_reached_on)})",
            "resolved_on",
        )
    if not outcome.strip():
        refuse("Say how the concern was resolved", "outcome")
    save_versioned(
        concern,
        expected_version=expected_version,
        acting_user=acting_user,
        resolved_on=resolved_on,
        outcome=outcome.strip(),
    )
    written(request, concern, acting_user=acting_user, created=False, detail="IRO concern resolved")
    return concern
