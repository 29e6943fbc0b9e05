"""Opening and closing a CIN episode, the assessment, and the CIN plan."""

import datetime as dt

from django.db import transaction

from lantern.casework import codes
from lantern.casework.actions.base import (
    check_referral_age,
    create,
    in_the_past,
    lock,
    lock_child,
    long_date,
    not_before,
    open_episode_of,
    refresh_care_status,
    refuse,
    save_versioned,
    written,
)
from lantern.casework.models import (
    Assessment,
    ChildProtectionPlan,
    CINEpisode,
    CINPlan,
    Conference,
    Section47Enquiry,
)
from lantern.clocks.actions import apply_event
from lantern.people.models import Person


@transaction.atomic
def open_episode(
    person: Person,
    *,
    acting_user,
    referral_date: dt.date,
    referral_source: str,
    referral_reason: str,
    harm_suspected: bool = False,
    primary_need: str = "",
    request=None,
) -> CINEpisode:
    """Accept a referral: the CIN episode starts and the 45-working-day assessment clock
    with it (WT23; statutory.md 1.4)."""
    lock_child(person)
    in_the_past(referral_date, "The referral date", "referral_date")
    check_referral_age(person, referral_date)
    current = CINEpisode.objects.filter(person=person, close_date__isnull=True).first()
    if current is not None:
        refuse(
            f"{person.full_name} already has an open episode from "
            f"{long_date(current.referral_date)}: record this referral's concerns in it",
        )
    last = CINEpisode.objects.filter(person=person).order_by("-close_date").first()
    if last is not None:
        not_before(
            referral_date,
            last.close_date,
            f"The referral date cannot be before the last episode closed "
            f"({long_date(last.close_date)})",
            "referral_date",
        )
    keyed = person.referrals.filter(received_on=referral_date, episode__isnull=False).first()
    if keyed is not None:
        refuse(
            f"The referral of {long_date(referral_date)} (contact {keyed.contact.reference}) "
            "was accepted at the front door and is already recorded in a CIN episode",
            "referral_date",
        )
    episode = create(
        CINEpisode,
        person,
        acting_user,
        referral_date=referral_date,
        referral_source=referral_source,
        referral_reason=referral_reason,
        harm_suspected=harm_suspected,
        primary_need=primary_need,
    )
    apply_event(person, "referral", referral_date, source=episode)
    if harm_suspected:
        apply_event(person, "harm_suspected", referral_date, source=episode)
    refresh_care_status(person)
    written(
        request,
        episode,
        acting_user=acting_user,
        detail="opened CIN episode (referral accepted)",
        chronology="referral",
    )
    return episode


def _refuse_open_work(episode: CINEpisode, close_date: dt.date) -> None:
    """An episode closes only when nothing is left open in it, and not before the day the
    last of it ended (CIN census 8868, 2990): a closure dated earlier would put plans and
    enquiries outside their own episode in the return."""
    plan = ChildProtectionPlan.objects.filter(episode=episode, end_date__isnull=True).first()
    if plan is not None:
        refuse(
            f"The child protection plan from {long_date(plan.start_date)} is still open: "
            "end it (at a review conference) before closing the case",
            "close_date",
        )
    cin_plan = CINPlan.objects.filter(episode=episode, end_date__isnull=True).first()
    if cin_plan is not None:
        refuse(
            f"The child in need plan from {long_date(cin_plan.start_date)} is still open: "
            "end it before closing the case",
            "close_date",
        )
    enquiries = Section47Enquiry.objects.filter(episode=episode)
    if enquiries.filter(outcome="").exists():
        refuse("A section 47 enquiry has no outcome yet: record its outcome first", "close_date")
    held = Conference.objects.filter(episode=episode, section47__isnull=False).values("section47")
    if enquiries.filter(icpc_required=True).exclude(pk__in=held).exists():
        refuse(
            "A section 47 enquiry decided an initial conference is needed and none is "
            "recorded: record the conference first",
            "close_date",
        )
    if Assessment.objects.filter(episode=episode, authorised_date__isnull=True).exists():
        refuse(
            "An assessment is not yet authorised: ask your manager to authorise it first",
            "close_date",
        )
    ended = [
        *ChildProtectionPlan.objects.filter(episode=episode).values_list("end_date", flat=True),
        *CINPlan.objects.filter(episode=episode).values_list("end_date", flat=True),
        *enquiries.values_list("end_date", flat=True),
        *Assessment.objects.filter(episode=episode).values_list("authorised_date", flat=True),
    ]
    last = max((day for day in ended if day is not None), default=None)
    if last is not None and close_date < last:
        refuse(
            f"The case cannot close before its plans, enquiries and assessments ended "
            f"(the last on {long_date(last)})",
            "close_date",
        )


@transaction.atomic
def close_episode(
    episode: CINEpisode,
    *,
    acting_user,
    close_date: dt.date,
    reason_for_closure: str,
    expected_version: int,
    request=None,
) -> CINEpisode:
    lock_child(episode.person_id)
    episode = lock(episode)
    if episode.close_date is not None:
        refuse(f"This episode was already closed on {long_date(episode.close_date)}")
    if not codes.REASON_FOR_CLOSURE.is_current(reason_for_closure):
        refuse("Choose a reason for closure from the list", "reason_for_closure")
    in_the_past(close_date, "The closure date", "close_date")
    not_before(
        close_date,
        episode.referral_date,
        "The closure date cannot be before the referral",
        "close_date",
    )
    _refuse_open_work(episode, close_date)
    if reason_for_closure in codes.CLOSED_AFTER_ASSESSMENT:
        if episode.enquiries.exists() or episode.cp_plans.exists() or episode.cin_plans.exists():
            refuse(
                "‘Closed after assessment’ cannot be used when there was a section 47 "
                "enquiry or a plan (CIN census rule 2990): choose another reason",
                "reason_for_closure",
            )
        if not episode.assessments.exists():
            refuse(
                "‘Closed after assessment’ needs an assessment (CIN census rule 8825Q)",
                "reason_for_closure",
            )
    if reason_for_closure == "RC2" and episode.person.date_of_death is None:
        refuse(
            "Record the child's date of death before closing for this reason (rule 8585Q)",
            "reason_for_closure",
        )
    save_versioned(
        episode,
        expected_version=expected_version,
        acting_user=acting_user,
        close_date=close_date,
        reason_for_closure=reason_for_closure,
    )
    apply_event(episode.person, "episode_closed", close_date, source=episode)
    refresh_care_status(episode.person)
    written(
        request,
        episode,
        acting_user=acting_user,
        created=False,
        detail=f"closed CIN episode ({reason_for_closure})",
        chronology="case_closed",
    )
    return episode


@transaction.atomic
def update_episode(
    episode: CINEpisode, *, acting_user, expected_version: int, request=None, **changes
) -> CINEpisode:
    """Correct the referral's details; dates that started clocks are not changed here."""
    allowed = {"referral_source", "referral_reason", "primary_need"}
    if set(changes) - allowed:
        raise ValueError(f"cannot change {sorted(set(changes) - allowed)} here")
    lock_child(episode.person_id)
    save_versioned(episode, expected_version=expected_version, acting_user=acting_user, **changes)
    written(
        request, episode, acting_user=acting_user, created=False, detail="updated referral details"
    )
    return episode


@transaction.atomic
def start_cin_plan(
    person: Person, *, acting_user, start_date: dt.date, request=None, episode=None
) -> CINPlan:
    lock_child(person)
    episode = episode or open_episode_of(person)
    in_the_past(start_date, "The plan's start date", "start_date")
    not_before(
        start_date,
        episode.referral_date,
        "A plan cannot start before the referral",
        "start_date",
    )
    if CINPlan.objects.filter(person=person, end_date__isnull=True).exists():
        refuse("This child already has an open child in need plan")
    if ChildProtectionPlan.objects.filter(person=person, end_date__isnull=True).exists():
        refuse(
            "While a child protection plan is open it is the child's plan: a child in need "
            "plan starts when it ends (step down)"
        )
    plan = create(CINPlan, person, acting_user, episode=episode, start_date=start_date)
    # Reviews and visits run from the plan's start (council intervals; clocks.table).
    apply_event(person, "cin_plan_started", start_date, source=plan)
    refresh_care_status(person)
    written(
        request,
        plan,
        acting_user=acting_user,
        detail="started CIN plan",
        chronology="plan",
    )
    return plan


@transaction.atomic
def end_cin_plan(
    plan: CINPlan, *, acting_user, end_date: dt.date, expected_version: int, request=None
) -> CINPlan:
    lock_child(plan.person_id)
    plan = lock(plan)
    if plan.end_date is not None:
        refuse(f"This plan already ended on {long_date(plan.end_date)}")
    in_the_past(end_date, "The end date", "end_date")
    not_before(end_date, plan.start_date, "The plan cannot end before it started", "end_date")
    save_versioned(
        plan, expected_version=expected_version, acting_user=acting_user, end_date=end_date
    )
    apply_event(plan.person, "cin_plan_ended", end_date, source=plan)
    refresh_care_status(plan.person)
    written(
        request,
        plan,
        acting_user=acting_user,
        created=False,
        detail="ended CIN plan",
        chronology="plan",
    )
    return plan
