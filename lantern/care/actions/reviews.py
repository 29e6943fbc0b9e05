"""The looked-after review (Care Planning Regs reg 33) and the IRO's record of it.

A review meets the review clock that is running and starts the next: the first review of a
period of care is due 20 working days after the child became looked after, the second 3
months after the first, later ones 6 months after the last (the rules in ``clocks.table``).
Reviews are recorded in the order they were held, so "first" and "later" are never
rewritten after the event.
"""

import datetime as dt

from django.db import transaction

from lantern.care import codes
from lantern.care.actions.iro import is_iro
from lantern.care.actions.visits import after_first_review
from lantern.care.models import LookedAfterReview, PeriodOfCare
from lantern.casework.actions.base import (
    create,
    in_the_past,
    lock,
    lock_child,
    long_date,
    refuse,
    save_versioned,
    today,
    written,
)
from lantern.casework.actions.lateness import reason_if_late
from lantern.clocks.actions import apply_event
from lantern.people.models import Person


def period_on(person: Person, day: dt.date, field: str = "held_on") -> PeriodOfCare:
    """The period of care ``day`` falls in, or a refusal saying why there is none."""
    periods = list(PeriodOfCare.objects.filter(person=person).order_by("start_date"))
    if not periods:
        refuse("This child has not been looked after")
    for period in periods:
        if period.start_date <= day and (period.end_date is None or day <= period.end_date):
            return period
    if day < periods[0].start_date:
        refuse(
            f"The date cannot be before the child became looked after "
            f"({long_date(periods[0].start_date)})",
            field,
        )
    ended = [p for p in periods if p.start_date <= day][-1]
    refuse(
        f"The date cannot be after the child ceased to be looked after "
        f"({long_date(ended.end_date)})",
        field,
    )


def check_participation(person: Person, held_on: dt.date, code: str) -> None:
    """903 rules 440/441: PN0 if and only if the child is under 4 on the review date."""
    if code not in codes.REVIEW_PARTICIPATION:
        refuse("Choose how the child took part in the review", "participation")
    age = person.age_on(held_on)
    if age is None:
        return
    if age < 4 and code != "PN0":
        refuse(
            f"{person.full_name} was {age} on the day of the review: a child under 4 is "
            "recorded as PN0",
            "participation",
        )
    if age >= 4 and code == "PN0":
        refuse(
            f"PN0 is for a child under 4; {person.full_name} was {age} on the day of the "
            "review: choose how they took part",
            "participation",
        )


@transaction.atomic
def record_lac_review(
    person: Person,
    *,
    acting_user,
    held_on: dt.date,
    chair,
    participation: str,
    decisions: str,
    child_views: str = "",
    care_plan_endorsed: bool = True,
    late_reason: str = "",
    late_reason_detail: str = "",
    request=None,
) -> LookedAfterReview:
    lock_child(person)
    in_the_past(held_on, "The date of the review", "held_on")
    period = period_on(person, held_on)
    if not is_iro(chair):
        refuse("The review is chaired by an independent reviewing officer", "chair")
    check_participation(person, held_on, participation)
    if not decisions.strip():
        refuse("Record the review's decisions and recommendations", "decisions")
    last = LookedAfterReview.objects.filter(period=period).order_by("-held_on").first()
    if last is not None and held_on <= last.held_on:
        refuse(
            f"A review was already recorded on {long_date(last.held_on)}: record reviews in "
            "the order they were held, one a day",
            "held_on",
        )
    late_reason, late_reason_detail = reason_if_late(
        person, "lac_review_held", held_on, late_reason, late_reason_detail, "The review"
    )
    review = create(
        LookedAfterReview,
        person,
        acting_user,
        period=period,
        held_on=held_on,
        chair=chair,
        participation=participation,
        decisions=decisions.strip(),
        child_views=child_views.strip(),
        care_plan_endorsed=care_plan_endorsed,
        late_reason=late_reason,
        late_reason_detail=late_reason_detail,
    )
    # The review held meets the running clock first; only then does it start the next one,
    # so the new clock is not met by the review that started it.
    apply_event(person, "lac_review_held", held_on, source=review)
    first = last is None
    apply_event(
        person,
        "first_lac_review_held" if first else "later_lac_review_held",
        held_on,
        source=review,
    )
    if first:
        after_first_review(period, held_on, source=review)
    written(
        request,
        review,
        acting_user=acting_user,
        detail="recorded looked-after review",
        chronology="looked_after",
        summary=f"{'First looked-after' if first else 'Looked-after'} review, chaired by "
        f"{chair.get_full_name() or chair.get_username()}. "
        f"Care plan {'endorsed' if care_plan_endorsed else 'not endorsed'} by the IRO.",
        when=held_on,
    )
    return review


@transaction.atomic
def sign_off_review(
    review: LookedAfterReview,
    *,
    acting_user,
    expected_version: int,
    iro_report: str,
    signed_off_on: dt.date | None = None,
    request=None,
) -> LookedAfterReview:
    """The IRO's written record of the review, signed off (IRO Handbook 2010 3.70-3.72)."""
    lock_child(review.person_id)
    review = lock(review)
    if not is_iro(acting_user):
        refuse("Only an independent reviewing officer signs off the record of a review")
    signed_off_on = signed_off_on or today()
    in_the_past(signed_off_on, "The sign-off date", "signed_off_on")
    if signed_off_on < review.held_on:
        refuse(
            f"The record cannot be signed off before the review ({long_date(review.held_on)})",
            "signed_off_on",
        )
    if not iro_report.strip():
        refuse("Write the IRO's record of the review", "iro_report")
    save_versioned(
        review,
        expected_version=expected_version,
        acting_user=acting_user,
        iro_report=iro_report.strip(),
        signed_off_on=signed_off_on,
    )
    written(
        request,
        review,
        acting_user=acting_user,
        created=False,
        detail="IRO signed off the record of the review",
    )
    return review
