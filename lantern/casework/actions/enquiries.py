"""The child protection enquiry: strategy discussion and section 47 enquiry (Working
Together 2023, chapter 4). The order is enforced here because the CIN census checks it
afterwards (rules 8615, 8868) and the ICPC clock runs from the discussion that started it.
"""

import datetime as dt

from django.db import transaction

from lantern.casework import codes
from lantern.casework.actions.attendance import agencies_of, immediate_protection, who_took_part
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
    save_versioned,
    written,
)
from lantern.casework.models import Conference, Section47Enquiry, StrategyDiscussion
from lantern.clocks.actions import apply_event
from lantern.people.models import Person


def check_categories(categories: list[str]) -> list[str]:
    """One or more of neglect, physical, emotional, sexual abuse; the census's ‘Multiple’
    is derived from several, never chosen (rules 8905, 8910)."""
    allowed = {code for code, _ in codes.SINGLE_CATEGORIES}
    if not categories:
        refuse("Choose at least one category of abuse", "categories")
    if len(set(categories)) != len(categories) or set(categories) - allowed:
        refuse("Choose categories from the list, each once", "categories")
    return categories


def meeting(model, person, acting_user, agencies, **fields):
    meeting = create(model, person, acting_user, **fields)
    meeting.agencies.set(agencies or [])
    return meeting


@transaction.atomic
def record_strategy_discussion(
    person: Person,
    *,
    acting_user,
    held_on: dt.date,
    decision: str,
    agencies=(),
    attendees: str = "",
    notes: str = "",
    why_not_police_and_health: str = "",
    police_protection_on: dt.date | None = None,
    emergency_protection_order_on: dt.date | None = None,
    request=None,
) -> StrategyDiscussion:
    lock_child(person)
    episode = open_episode_of(person)
    in_the_past(held_on, "The date of the discussion", "held_on")
    check_not_before_birth(person, held_on, "The strategy discussion", "held_on")
    not_before(held_on, episode.referral_date, "It cannot be before the referral", "held_on")
    agencies = agencies_of(agencies)
    who_took_part(agencies, why_not_police_and_health)
    immediate_protection(police_protection_on, emergency_protection_order_on)
    discussion = meeting(
        StrategyDiscussion,
        person,
        acting_user,
        agencies,
        episode=episode,
        held_on=held_on,
        decision=decision,
        attendees=attendees,
        notes=notes,
        why_not_police_and_health=why_not_police_and_health.strip(),
        police_protection_on=police_protection_on,
        emergency_protection_order_on=emergency_protection_order_on,
    )
    apply_event(person, "strategy_discussion_held", held_on, source=discussion)
    if decision == StrategyDiscussion.Decision.S47:
        # The ICPC's 15 working days run from this discussion (statutory.md 1.5).
        apply_event(person, "s47_initiated", held_on, source=discussion)
    written(
        request,
        discussion,
        acting_user=acting_user,
        detail="recorded strategy discussion",
        chronology="strategy_discussion",
    )
    return discussion


def _one_enquiry_at_a_time(episode, start_date: dt.date) -> None:
    """An enquiry runs until it concludes that no conference is needed, or until its
    initial conference: another cannot start in the episode while it runs (CIN census
    8890, 8839). Fresh concerns during an enquiry are part of it."""
    held = dict(
        Conference.objects.filter(episode=episode, section47__isnull=False).values_list(
            "section47", "held_on"
        )
    )
    for other in Section47Enquiry.objects.filter(episode=episode, start_date__lte=start_date):
        if other.icpc_required is False:
            continue  # concluded without a conference: it no longer runs
        conference = held.get(other.pk)
        if conference is None or conference >= start_date:
            refuse(
                f"The section 47 enquiry from {long_date(other.start_date)} is still running "
                f"on that date: record these concerns in it (CIN census rule 8890)",
                "start_date",
            )


@transaction.atomic
def start_section47(
    person: Person,
    *,
    acting_user,
    strategy_discussion: StrategyDiscussion,
    start_date: dt.date,
    request=None,
) -> Section47Enquiry:
    lock_child(person)
    episode = open_episode_of(person)
    if strategy_discussion.episode_id != episode.pk or strategy_discussion.decision != "s47":
        refuse(
            "A section 47 enquiry starts from a strategy discussion in this episode that "
            "decided on one",
            "strategy_discussion",
        )
    if strategy_discussion.enquiries.exists():
        refuse("That strategy discussion's enquiry is already recorded", "strategy_discussion")
    in_the_past(start_date, "The start date", "start_date")
    check_not_before_birth(person, start_date, "The section 47 enquiry", "start_date")
    not_before(
        start_date,
        strategy_discussion.held_on,
        "The enquiry cannot start before the strategy discussion that decided on it",
        "start_date",
    )
    _one_enquiry_at_a_time(episode, start_date)
    enquiry = create(
        Section47Enquiry,
        person,
        acting_user,
        episode=episode,
        strategy_discussion=strategy_discussion,
        start_date=start_date,
    )
    apply_event(person, "s47_started", start_date, source=enquiry)
    written(
        request,
        enquiry,
        acting_user=acting_user,
        detail="started section 47 enquiry",
        chronology="section_47",
    )
    return enquiry


def _outcome_agrees_with_conference(enquiry, outcome: str, icpc_required) -> None:
    """An initial conference is convened when, and only when, the concerns are substantiated
    and the child is judged at continuing risk of significant harm (WT23 4.3); the census
    return (ICPCnotRequired) and the ICPC clock both read this answer, so it is never
    guessed from an unticked box, and cannot deny a conference that has already been held."""
    if outcome not in Section47Enquiry.Outcome.values:
        refuse("Choose the outcome of the enquiry", "outcome")
    if icpc_required not in (True, False):
        refuse("Say whether an initial child protection conference is needed", "icpc_required")
    held = Conference.objects.filter(section47=enquiry).first()
    if held is not None and not icpc_required:
        refuse(
            f"An initial conference for this enquiry was held on {long_date(held.held_on)}: "
            "‘no conference needed’ cannot follow it",
            "icpc_required",
        )
    at_risk = outcome == Section47Enquiry.Outcome.CONTINUING_RISK
    if icpc_required and not at_risk:
        refuse(
            "An initial conference follows only when the child is judged at continuing risk "
            "of significant harm: change the outcome or the conference answer",
            "icpc_required",
        )
    if at_risk and not icpc_required:
        refuse(
            "A child judged at continuing risk of significant harm needs an initial "
            "conference: answer ‘Yes’ or change the outcome",
            "icpc_required",
        )


@transaction.atomic
def conclude_section47(
    enquiry: Section47Enquiry,
    *,
    acting_user,
    outcome: str,
    end_date: dt.date,
    icpc_required: bool | None,
    expected_version: int,
    request=None,
) -> Section47Enquiry:
    lock_child(enquiry.person_id)
    enquiry = lock(enquiry)
    if enquiry.outcome:
        refuse("This enquiry's outcome is already recorded")
    in_the_past(end_date, "The date the enquiry concluded", "end_date")
    not_before(end_date, enquiry.start_date, "It cannot end before it started", "end_date")
    _outcome_agrees_with_conference(enquiry, outcome, icpc_required)
    save_versioned(
        enquiry,
        expected_version=expected_version,
        acting_user=acting_user,
        outcome=outcome,
        end_date=end_date,
        icpc_required=icpc_required,
    )
    if not icpc_required:
        apply_event(enquiry.person, "icpc_not_required", end_date, source=enquiry)
    written(
        request,
        enquiry,
        acting_user=acting_user,
        created=False,
        detail="recorded section 47 outcome",
        chronology="section_47",
    )
    return enquiry
