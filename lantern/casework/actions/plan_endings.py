"""How a child protection plan ends (Working Together 2023, chapter 4).

A plan ends by a review conference's decision, or because of a fact that ends it without
one: the child turned 18, died, left the UK, or moved to another council that has held its
own transfer-in conference (until then this council keeps the plan). Any other ending is
refused, so no plan is closed quietly between conferences.
"""

import datetime as dt

from django.db import transaction

from lantern.casework.actions.base import (
    in_the_past,
    lock,
    lock_child,
    long_date,
    not_before,
    refresh_care_status,
    refuse,
    save_versioned,
    written,
)
from lantern.casework.actions.episodes import start_cin_plan
from lantern.casework.models import ChildProtectionPlan
from lantern.casework.models.protection import END_WITHOUT_REVIEW, REVIEW_ENDINGS
from lantern.clocks.actions import apply_event

Reason = ChildProtectionPlan.EndReason


@transaction.atomic
def end_cp_plan(
    plan: ChildProtectionPlan,
    *,
    acting_user,
    end_date: dt.date,
    end_reason: str,
    expected_version: int,
    receiving_council: str = "",
    receiving_conference_on: dt.date | None = None,
    request=None,
) -> ChildProtectionPlan:
    """End a plan without a review conference: only for a reason the facts establish."""
    lock_child(plan.person_id)
    plan = lock(plan)
    if plan.end_date is not None:
        refuse(f"This plan already ended on {long_date(plan.end_date)}")
    if end_reason in REVIEW_ENDINGS:
        refuse(
            "Only a review conference can end a plan because the child is no longer at risk "
            "or has become looked after: record the review conference",
            "end_reason",
        )
    if end_reason not in END_WITHOUT_REVIEW:
        refuse("Say why the plan is ending", "end_reason")
    in_the_past(end_date, "The end date", "end_date")
    not_before(end_date, plan.start_date, "The plan cannot end before it started", "end_date")
    move = {"receiving_council": "", "receiving_conference_on": None}
    if end_reason == Reason.ADULT:
        _turned_18(plan, end_date)
    elif end_reason == Reason.DIED:
        _died(plan, end_date)
    elif end_reason == Reason.TRANSFERRED:
        move = _moved(plan, end_date, receiving_council, receiving_conference_on)
    return close_plan(
        plan,
        acting_user=acting_user,
        end_date=end_date,
        end_reason=end_reason,
        expected_version=expected_version,
        request=request,
        **move,
    )


def _turned_18(plan: ChildProtectionPlan, end_date: dt.date) -> None:
    person = plan.person
    if person.date_of_birth is None:
        refuse("Record the child's date of birth before ending the plan at 18", "end_reason")
    if person.age_on(end_date) < 18:
        birthday = person.date_of_birth
        try:
            eighteenth = birthday.replace(year=birthday.year + 18)
        except ValueError:  # born on 29 February: of age on 1 March
            eighteenth = dt.date(birthday.year + 18, 3, 1)
        refuse(
            f"The child turns 18 on {long_date(eighteenth)}: the plan can end for that reason "
            "on or after the 18th birthday",
            "end_date",
        )


def _died(plan: ChildProtectionPlan, end_date: dt.date) -> None:
    died = plan.person.date_of_death
    if died is None:
        refuse(
            "Record the child's date of death on their record before ending the plan for "
            "that reason",
            "end_reason",
        )
    not_before(
        end_date,
        died,
        f"The plan cannot end before the child died ({long_date(died)})",
        "end_date",
    )


def _moved(plan, end_date, receiving_council: str, conference_on) -> dict:
    """WT23: the council the child left keeps the plan until the receiving council's
    transfer-in conference; the plan ends on or after that conference."""
    receiving_council = (receiving_council or "").strip()
    if not receiving_council:
        refuse("Enter the council the child moved to", "receiving_council")
    if conference_on is None:
        refuse(
            "Enter the date the receiving council held its transfer-in conference: the plan "
            "stays open until then",
            "receiving_conference_on",
        )
    in_the_past(conference_on, "The transfer-in conference date", "receiving_conference_on")
    not_before(
        conference_on,
        plan.start_date,
        f"The transfer-in conference cannot be before the plan started "
        f"({long_date(plan.start_date)})",
        "receiving_conference_on",
    )
    not_before(
        end_date,
        conference_on,
        f"The plan cannot end before the receiving council's transfer-in conference "
        f"({long_date(conference_on)})",
        "end_date",
    )
    return {"receiving_council": receiving_council, "receiving_conference_on": conference_on}


def close_plan(
    plan: ChildProtectionPlan,
    *,
    acting_user,
    end_date: dt.date,
    end_reason: str,
    expected_version: int,
    request=None,
    **move,
) -> ChildProtectionPlan:
    """Save the ending, stop the plan's clocks, and step down to a CIN plan if so decided.
    Callers have checked the reason: a review conference, or ``end_cp_plan``."""
    save_versioned(
        plan,
        expected_version=expected_version,
        acting_user=acting_user,
        end_date=end_date,
        end_reason=end_reason,
        **move,
    )
    apply_event(plan.person, "cp_plan_ended", end_date, source=plan)
    refresh_care_status(plan.person)
    written(
        request,
        plan,
        acting_user=acting_user,
        created=False,
        detail="ended child protection plan",
        chronology="plan",
    )
    if end_reason == Reason.STEP_DOWN:
        start_cin_plan(
            plan.person,
            acting_user=acting_user,
            start_date=end_date,
            request=request,
            episode=plan.episode,
        )
    return plan
