"""Conferences and the child protection plan: the initial conference and the plan it
decides on, core groups, review conferences and the plan's end (Working Together 2023).

A plan starts only from an initial conference's decision, and a review cannot predate it:
the CIN census checks the same order afterwards (rules 1104, 8841).
"""

import datetime as dt

from django.db import transaction

from lantern.casework.actions.attendance import held_conference
from lantern.casework.actions.base import (
    bump_version,
    check_not_before_birth,
    create,
    in_the_past,
    lock,
    lock_child,
    long_date,
    not_before,
    open_episode_of,
    refresh_care_status,
    refuse,
    tell_worker,
    written,
)
from lantern.casework.actions.conference_guards import (
    after_the_last_conference,
    chair_is_independent,
)
from lantern.casework.actions.enquiries import check_categories, meeting
from lantern.casework.actions.lateness import reason_if_late
from lantern.casework.actions.plan_endings import close_plan
from lantern.casework.models import (
    ChildProtectionPlan,
    CINPlan,
    Conference,
    CoreGroupMeeting,
    Section47Enquiry,
)
from lantern.casework.models.protection import REVIEW_ENDINGS
from lantern.clocks.actions import apply_event
from lantern.people.models import Person


@transaction.atomic
def record_initial_conference(
    person: Person,
    *,
    acting_user,
    section47: Section47Enquiry,
    held_on: dt.date,
    chair,
    decision: str,
    categories: list[str] | None = None,
    agencies=(),
    attendees: str = "",
    late_reason: str = "",
    late_reason_detail: str = "",
    request=None,
    **attendance,
) -> Conference:
    """The ICPC, and the plan it decides on: the categories are recorded once, here. Held
    after its 15 working days, it records why (WT23: "record agreed reasons for any delay").
    ``attendance``: who came and how the child was heard (``actions.attendance``)."""
    lock_child(person)
    episode = open_episode_of(person)
    section47 = lock(section47)
    if section47.episode_id != episode.pk:
        refuse("Choose this episode's section 47 enquiry", "section47")
    if section47.icpc_required is False:
        refuse("That enquiry concluded that no conference was needed", "section47")
    if Conference.objects.filter(section47=section47).exists():
        refuse("That enquiry's initial conference is already recorded", "section47")
    in_the_past(held_on, "The conference date", "held_on")
    check_not_before_birth(person, held_on, "The conference", "held_on")
    chair_is_independent(person, chair, held_on)
    not_before(
        held_on,
        section47.start_date,
        "The conference cannot be before the section 47 enquiry started (CIN census 8615)",
        "held_on",
    )
    late_reason, late_reason_detail = reason_if_late(
        person, "icpc_held", held_on, late_reason, late_reason_detail, "The initial conference"
    )
    return conference_deciding_plan(
        person,
        acting_user=acting_user,
        request=request,
        event="icpc_held",
        what="An initial conference",
        decision=decision,
        categories=categories,
        agencies=agencies,
        attendance=attendance,
        episode=episode,
        kind=Conference.Kind.INITIAL,
        section47=section47,
        held_on=held_on,
        chair=chair,
        attendees=attendees,
        late_reason=late_reason,
        late_reason_detail=late_reason_detail,
    )


def conference_deciding_plan(
    person: Person,
    *,
    acting_user,
    request,
    event: str,
    what: str,
    decision: str,
    categories,
    agencies,
    attendance: dict,
    **fields,
) -> Conference:
    """An initial or transfer-in conference: it decides on a plan or no plan, meets its
    clock, and starts the plan it agrees (the categories are recorded once, here)."""
    if decision not in (Conference.Decision.PLAN, Conference.Decision.NO_PLAN):
        refuse(f"{what} decides on a plan or no plan", "decision")
    plan_agreed = decision == Conference.Decision.PLAN
    categories = check_categories(categories or []) if plan_agreed else []
    conference = held_conference(
        person,
        acting_user,
        agencies,
        attendance,
        decision=decision,
        categories=categories,
        **fields,
    )
    apply_event(person, event, fields["held_on"], source=conference)
    written(
        request,
        conference,
        acting_user=acting_user,
        detail=f"recorded {conference.get_kind_display().lower()}",
        chronology="conference",
    )
    if plan_agreed:
        start_cp_plan(conference, acting_user=acting_user, request=request)
    return conference


@transaction.atomic
def start_cp_plan(icpc: Conference, *, acting_user, request=None) -> ChildProtectionPlan:
    """Only a conference's decision starts a plan (WT23): an initial conference, or the
    transfer-in conference for a child who moved here on another council's plan (no s47
    is invented for them). The plan starts that day."""
    person = icpc.person
    lock_child(person)
    starts_plans = (Conference.Kind.INITIAL, Conference.Kind.TRANSFER_IN)
    if icpc.kind not in starts_plans or icpc.decision != Conference.Decision.PLAN:
        refuse(
            "A child protection plan can start only from an initial or transfer-in child "
            "protection conference's decision to make one"
        )
    if ChildProtectionPlan.objects.filter(icpc=icpc).exists():
        refuse("That conference's plan has already started")
    if ChildProtectionPlan.objects.filter(person=person, end_date__isnull=True).exists():
        refuse("This child already has an open child protection plan")
    episode = open_episode_of(person)
    for cin_plan in CINPlan.objects.filter(person=person, end_date__isnull=True):
        bump_version(cin_plan, acting_user, end_date=icpc.held_on)
        apply_event(person, "cin_plan_ended", icpc.held_on, source=cin_plan)
    plan = create(
        ChildProtectionPlan,
        person,
        acting_user,
        episode=episode,
        icpc=icpc,
        start_date=icpc.held_on,
        initial_categories=icpc.categories,
        latest_categories=icpc.categories,
    )
    apply_event(person, "cp_plan_started", plan.start_date, source=plan)
    refresh_care_status(person)
    written(
        request,
        plan,
        acting_user=acting_user,
        detail="started child protection plan",
        chronology="plan",
    )
    tell_worker(person, acting_user, f"{person.full_name} is now on a child protection plan")
    return plan


@transaction.atomic
def record_review_conference(
    plan: ChildProtectionPlan,
    *,
    acting_user,
    held_on: dt.date,
    chair,
    decision: str,
    categories: list[str] | None = None,
    end_reason: str = "",
    agencies=(),
    attendees: str = "",
    late_reason: str = "",
    late_reason_detail: str = "",
    request=None,
    **attendance,
) -> Conference:
    lock_child(plan.person_id)
    plan = lock(plan)
    if plan.end_date is not None:
        refuse(f"This plan ended on {long_date(plan.end_date)}")
    in_the_past(held_on, "The conference date", "held_on")
    check_not_before_birth(plan.person, held_on, "The conference", "held_on")
    after_the_last_conference(plan, held_on)
    chair_is_independent(plan.person, chair, held_on)
    if decision == Conference.Decision.CONTINUE:
        categories = check_categories(categories or [])
    elif decision == Conference.Decision.END:
        if end_reason not in REVIEW_ENDINGS:
            refuse(
                "A review conference ends a plan because the child is no longer at risk or "
                "has become looked after; a move, an 18th birthday, a death or leaving the UK "
                "is recorded with ‘End the plan’",
                "end_reason",
            )
        categories = []
    else:
        refuse("A review conference decides whether the plan continues", "decision")
    late_reason, late_reason_detail = reason_if_late(
        plan.person, "rcpc_held", held_on, late_reason, late_reason_detail, "The review conference"
    )
    review = held_conference(
        plan.person,
        acting_user,
        agencies,
        attendance,
        episode=plan.episode,
        kind=Conference.Kind.REVIEW,
        plan=plan,
        held_on=held_on,
        chair=chair,
        decision=decision,
        categories=categories,
        attendees=attendees,
        late_reason=late_reason,
        late_reason_detail=late_reason_detail,
    )
    apply_event(plan.person, "rcpc_held", held_on, source=review)
    written(
        request,
        review,
        acting_user=acting_user,
        detail="recorded review child protection conference",
        chronology="conference",
    )
    if decision == Conference.Decision.CONTINUE:
        apply_event(plan.person, "rcpc_plan_continues", held_on, source=review)
        if categories != plan.latest_categories:
            bump_version(plan, acting_user, latest_categories=categories)
    else:
        close_plan(
            plan,
            acting_user=acting_user,
            end_date=held_on,
            end_reason=end_reason,
            expected_version=plan.version,
            request=request,
        )
    return review


@transaction.atomic
def record_core_group(
    plan: ChildProtectionPlan,
    *,
    acting_user,
    held_on: dt.date,
    agencies=(),
    attendees: str = "",
    notes: str = "",
    request=None,
) -> CoreGroupMeeting:
    lock_child(plan.person_id)
    plan = lock(plan)
    in_the_past(held_on, "The meeting date", "held_on")
    not_before(held_on, plan.start_date, "It cannot be before the plan started", "held_on")
    if plan.end_date is not None and held_on > plan.end_date:
        refuse(f"The plan ended on {long_date(plan.end_date)}", "held_on")
    group = meeting(
        CoreGroupMeeting,
        plan.person,
        acting_user,
        agencies,
        plan=plan,
        held_on=held_on,
        attendees=attendees,
        notes=notes,
    )
    apply_event(plan.person, "core_group_held", held_on, source=group)
    written(
        request,
        group,
        acting_user=acting_user,
        detail="recorded core group meeting",
        chronology="core_group",
    )
    return group
