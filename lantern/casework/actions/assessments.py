"""The child and family assessment: written by the worker, authorised by a manager.

The assessment clock runs from the referral, not from the assessment's start (WT23: "no
longer than 45 working days from the point of referral"), so it started with the episode;
authorisation meets it.
"""

import datetime as dt

from django.db import transaction

from lantern.casework import codes
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
    tell_worker,
    written,
)
from lantern.casework.actions.episodes import start_cin_plan
from lantern.casework.actions.lateness import reason_if_late
from lantern.casework.models import Assessment, CINPlan
from lantern.clocks.actions import apply_event
from lantern.people.models import Person

AUTHORISE = "casework.authorise_assessment"
EDITABLE = ("start_date", "analysis", "child_views", "factors", "outcome")


def check_factors(factors: list[str]) -> list[str]:
    """CIN census 8897Q (valid codes), 8898 (no repeats) and 8869 (21 stands alone).

    Retired codes (18A, 19A) are refused in any factors written now, on a new assessment or
    an edit: from 2024/25 the census queries them (8945Q, 8950Q), and the worker is the one
    who knows whether the abuse was by an adult or another child. Old records keep them.
    """
    if len(set(factors)) != len(factors):
        refuse("Each factor can be chosen once", "factors")
    unknown = [f for f in factors if f not in codes.ASSESSMENT_FACTORS]
    if unknown:
        refuse(f"Not a factor on the DfE list: {', '.join(unknown)}", "factors")
    retired = [f for f in factors if not codes.ASSESSMENT_FACTORS.is_current(f)]
    if retired:
        why = "; ".join(f"{f}: {codes.ASSESSMENT_FACTORS.why_retired(f)}" for f in retired)
        refuse(f"No longer on the DfE list for new assessments ({why})", "factors")
    if codes.NO_FACTORS in factors and len(factors) > 1:
        refuse("‘No factors identified’ cannot be chosen with other factors", "factors")
    return factors


def check_uasc_factor(person: Person, factors: list[str], start_date: dt.date) -> None:
    """Factor 9A says the child is an unaccompanied asylum-seeking child: the person record
    must say so too, on the day the assessment started (one fact, recorded on the child)."""
    if codes.UASC_FACTOR in factors and not person.uasc_on(start_date):
        refuse(
            f"Factor 9A (unaccompanied asylum-seeking child) needs the child's UASC status "
            f"recorded on their record from {long_date(start_date)} or earlier: record it "
            "on the census details page first",
            "factors",
        )


@transaction.atomic
def start_assessment(
    person: Person,
    *,
    acting_user,
    start_date: dt.date,
    analysis: str = "",
    child_views: str = "",
    factors: list[str] | None = None,
    outcome: str = "",
    request=None,
) -> Assessment:
    lock_child(person)
    episode = open_episode_of(person)
    in_the_past(start_date, "The start date", "start_date")
    check_not_before_birth(person, start_date, "The assessment", "start_date")
    check_uasc_factor(person, factors or [], start_date)
    not_before(
        start_date,
        episode.referral_date,
        f"An assessment cannot start before the referral ({long_date(episode.referral_date)})",
        "start_date",
    )
    assessment = create(
        Assessment,
        person,
        acting_user,
        episode=episode,
        start_date=start_date,
        analysis=analysis,
        child_views=child_views,
        factors=check_factors(factors or []),
        outcome=outcome,
    )
    written(
        request,
        assessment,
        acting_user=acting_user,
        detail="started child and family assessment",
        chronology="assessment",
    )
    return assessment


@transaction.atomic
def update_assessment(
    assessment: Assessment, *, acting_user, expected_version: int, request=None, **changes
) -> Assessment:
    lock_child(assessment.person_id)
    assessment = lock(assessment)
    if set(changes) - set(EDITABLE):
        raise ValueError(f"cannot change {sorted(set(changes) - set(EDITABLE))} here")
    if assessment.authorised_date is not None:
        refuse("An authorised assessment cannot be changed: add a case note instead")
    if "factors" in changes:
        check_factors(changes["factors"])
    check_uasc_factor(
        assessment.person,
        changes.get("factors", assessment.factors),
        changes.get("start_date", assessment.start_date),
    )
    if "start_date" in changes:
        in_the_past(changes["start_date"], "The start date", "start_date")
        check_not_before_birth(
            assessment.person, changes["start_date"], "The assessment", "start_date"
        )
        not_before(
            changes["start_date"],
            assessment.episode.referral_date,
            "An assessment cannot start before the referral",
            "start_date",
        )
    save_versioned(
        assessment, expected_version=expected_version, acting_user=acting_user, **changes
    )
    written(
        request,
        assessment,
        acting_user=acting_user,
        created=False,
        detail="updated assessment",
    )
    return assessment


@transaction.atomic
def authorise_assessment(
    assessment: Assessment,
    *,
    acting_user,
    authorised_date: dt.date,
    expected_version: int,
    late_reason: str = "",
    late_reason_detail: str = "",
    request=None,
) -> Assessment:
    """A manager signs the assessment off: the 45-day clock is met, and its outcome is acted
    on at once (a CIN plan starts; a strategy discussion falls due the next working day).
    Past the 45 working days, the reason is recorded (WT23; statutory.md 1.4)."""
    if not acting_user.has_perm(AUTHORISE):
        refuse("Only a manager can authorise an assessment")
    lock_child(assessment.person_id)
    assessment = lock(assessment)
    if assessment.authorised_date is not None:
        refuse(f"This assessment was authorised on {long_date(assessment.authorised_date)}")
    if not assessment.factors:
        refuse(
            "Record the factors identified (or ‘21: No factors identified’) before "
            "authorising (CIN census rule 8897Q)"
        )
    if not assessment.outcome:
        refuse("Record the assessment's outcome before authorising")
    in_the_past(authorised_date, "The authorisation date", "authorised_date")
    not_before(
        authorised_date,
        assessment.start_date,
        "An assessment cannot be authorised before it started",
        "authorised_date",
    )
    late_reason, late_reason_detail = reason_if_late(
        assessment.person,
        "assessment_authorised",
        authorised_date,
        late_reason,
        late_reason_detail,
        "The assessment",
    )
    save_versioned(
        assessment,
        expected_version=expected_version,
        acting_user=acting_user,
        authorised_date=authorised_date,
        authorised_by=acting_user,
        late_reason=late_reason,
        late_reason_detail=late_reason_detail,
    )
    person = assessment.person
    apply_event(person, "assessment_authorised", authorised_date, source=assessment)
    if assessment.outcome == Assessment.Outcome.STRATEGY:
        apply_event(person, "harm_suspected", authorised_date, source=assessment)
    outcome = assessment.get_outcome_display()
    written(
        request,
        assessment,
        acting_user=acting_user,
        created=False,
        detail="authorised assessment",
        chronology="assessment",
    )
    wants_plan = assessment.outcome == Assessment.Outcome.CIN_PLAN
    if wants_plan and not CINPlan.objects.filter(person=person, end_date__isnull=True).exists():
        start_cin_plan(
            person,
            acting_user=acting_user,
            start_date=authorised_date,
            request=request,
            episode=assessment.episode,
        )
    tell_worker(person, acting_user, f"Assessment for {person.full_name} authorised: {outcome}")
    return assessment
