"""Before court and outside it: the Public Law Outline's pre-proceedings (the letter before
proceedings, meetings, the decision) and section 20 consent. Applications and orders are in
``care.actions.court``."""

import datetime as dt

from django.db import transaction

from lantern.care.models import (
    LegalStatus,
    PreProceedings,
    PreProceedingsMeeting,
    Section20Consent,
)
from lantern.casework.actions.base import (
    check_not_before_birth,
    create,
    in_the_past,
    lock,
    lock_child,
    long_date,
    not_before,
    refuse,
    save_versioned,
    written,
)


def own_record(person, record, field: str) -> None:
    """A record named on a form must be this child's: a crafted POST could name another's."""
    if record is not None and record.person_id != person.pk:
        refuse("Choose a record of this child", field)


def check_dated(person, day: dt.date, what: str, field: str) -> None:
    """Court and legal events have happened (no future dates) and not before the child was
    born, unless the child was expected (pre-birth proceedings)."""
    in_the_past(day, what, field)
    check_not_before_birth(person, day, what, field)


@transaction.atomic
def send_plo_letter(
    person, *, acting_user, letter_sent_on, letter_sent_to, period=None, request=None
) -> PreProceedings:
    lock_child(person)
    check_dated(person, letter_sent_on, "The date the letter was sent", "letter_sent_on")
    own_record(person, period, "period")
    if not (letter_sent_to or "").strip():
        refuse("Enter who the letter was sent to", "letter_sent_to")
    record = create(
        PreProceedings,
        person,
        acting_user,
        period=period,
        letter_sent_on=letter_sent_on,
        letter_sent_to=letter_sent_to.strip(),
    )
    written(
        request,
        record,
        acting_user=acting_user,
        detail="recorded letter before proceedings",
    )
    return record


@transaction.atomic
def record_pre_proceedings_meeting(
    pre_proceedings, *, acting_user, held_on, attendees, outcome, request=None
) -> PreProceedingsMeeting:
    lock_child(pre_proceedings.person_id)
    pre_proceedings = lock(pre_proceedings)
    if pre_proceedings.decided_on is not None:
        refuse("Pre-proceedings ended with a decision: start a new stage", "pre_proceedings")
    in_the_past(held_on, "The meeting date", "held_on")
    not_before(
        held_on,
        pre_proceedings.letter_sent_on,
        "The meeting cannot be before the letter before proceedings "
        f"({long_date(pre_proceedings.letter_sent_on)})",
        "held_on",
    )
    if not (outcome or "").strip():
        refuse("Enter the outcome of the meeting", "outcome")
    meeting = create(
        PreProceedingsMeeting,
        pre_proceedings.person,
        acting_user,
        pre_proceedings=pre_proceedings,
        held_on=held_on,
        attendees=attendees,
        outcome=outcome,
    )
    written(
        request,
        meeting,
        acting_user=acting_user,
        detail="recorded pre-proceedings meeting",
    )
    return meeting


@transaction.atomic
def decide_pre_proceedings(
    pre_proceedings, *, acting_user, expected_version, decision, decided_on, request=None
) -> PreProceedings:
    lock_child(pre_proceedings.person_id)
    pre_proceedings = lock(pre_proceedings)
    if decision not in PreProceedings.Decision.values:
        refuse("Choose the pre-proceedings decision", "decision")
    in_the_past(decided_on, "The decision date", "decided_on")
    not_before(
        decided_on,
        pre_proceedings.letter_sent_on,
        "The decision cannot be before the letter before proceedings",
        "decided_on",
    )
    save_versioned(
        pre_proceedings,
        expected_version=expected_version,
        acting_user=acting_user,
        decision=decision,
        decided_on=decided_on,
    )
    written(
        request,
        pre_proceedings,
        acting_user=acting_user,
        created=False,
        detail=f"pre-proceedings decision: {decision}",
    )
    return pre_proceedings


def _status_on(period, day: dt.date) -> LegalStatus | None:
    return (
        LegalStatus.objects.filter(period=period, start_date__lte=day)
        .order_by("-start_date", "-pk")
        .first()
    )


@transaction.atomic
def record_s20_consent(
    person, *, acting_user, period, given_by, relationship, given_on, request=None
) -> Section20Consent:
    lock_child(person)
    if period is None or period.person_id != person.pk:
        refuse("Choose the period of care", "period")
    check_dated(person, given_on, "The date consent was given", "given_on")
    if not (given_by or "").strip():
        refuse("Enter who gave consent (a person with parental responsibility)", "given_by")
    if not (relationship or "").strip():
        refuse("Enter their relationship to the child", "relationship")
    status = _status_on(period, max(given_on, period.start_date))
    if status is None or status.code != "V2":
        refuse("Section 20 consent is recorded when the child is accommodated under s20 (V2)",
               "period")  # fmt: skip
    consent = create(
        Section20Consent,
        person,
        acting_user,
        period=period,
        given_by=given_by.strip(),
        relationship=relationship.strip(),
        given_on=given_on,
    )
    written(
        request,
        consent,
        acting_user=acting_user,
        detail="recorded s20 consent",
    )
    return consent


@transaction.atomic
def review_s20_consent(
    consent, *, acting_user, expected_version, reviewed_on, still_consenting, request=None
) -> Section20Consent:
    lock_child(consent.person_id)
    consent = lock(consent)
    if consent.withdrawn_on is not None:
        refuse(f"Consent was withdrawn on {long_date(consent.withdrawn_on)}")
    in_the_past(reviewed_on, "The review date", "reviewed_on")
    not_before(reviewed_on, consent.given_on, "The review cannot be before consent was given",
               "reviewed_on")  # fmt: skip
    save_versioned(
        consent,
        expected_version=expected_version,
        acting_user=acting_user,
        reviewed_on=reviewed_on,
        withdrawn_on=None if still_consenting else reviewed_on,
    )
    said = "still consents" if still_consenting else "has WITHDRAWN consent"
    written(
        request,
        consent,
        acting_user=acting_user,
        created=False,
        detail=f"s20 consent reviewed: {said}",
    )
    return consent
