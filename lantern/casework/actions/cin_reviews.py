"""The child in need plan review: it meets the review clock and starts the next one; a
decision to end the plan ends it the same day."""

import datetime as dt

from django.db import transaction

from lantern.casework.actions.base import (
    create,
    in_the_past,
    lock,
    lock_child,
    long_date,
    refuse,
    written,
)
from lantern.casework.actions.episodes import end_cin_plan
from lantern.casework.models import CINPlan, CINPlanReview
from lantern.clocks.actions import apply_event


@transaction.atomic
def record_cin_plan_review(
    plan: CINPlan,
    *,
    acting_user,
    held_on: dt.date,
    decision: str,
    attendees: str = "",
    request=None,
) -> CINPlanReview:
    lock_child(plan.person_id)
    plan = lock(plan)
    if plan.end_date is not None:
        refuse(f"This plan ended on {long_date(plan.end_date)}", "plan")
    in_the_past(held_on, "The review date", "held_on")
    if held_on < plan.start_date:
        refuse(
            f"The review cannot be before the plan started ({long_date(plan.start_date)})",
            "held_on",
        )
    last = CINPlanReview.objects.filter(plan=plan).order_by("-held_on").first()
    if last is not None and held_on < last.held_on:
        refuse(
            f"The review cannot be before the last review ({long_date(last.held_on)})",
            "held_on",
        )
    if decision not in CINPlanReview.Decision.values:
        refuse("Say whether the plan continues", "decision")
    review = create(
        CINPlanReview,
        plan.person,
        acting_user,
        plan=plan,
        held_on=held_on,
        attendees=attendees,
        decision=decision,
    )
    apply_event(plan.person, "cin_plan_review_held", held_on, source=review)
    written(
        request,
        review,
        acting_user=acting_user,
        detail="recorded CIN plan review",
        chronology="plan",
        summary=f"Child in need plan review. Decision: {review.get_decision_display()}.",
        when=held_on,
    )
    if decision == CINPlanReview.Decision.END:
        end_cin_plan(
            plan,
            acting_user=acting_user,
            end_date=held_on,
            expected_version=plan.version,
            request=request,
        )
    return review
