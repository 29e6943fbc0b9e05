"""Recording a looked-after child's health: assessments move the health assessment clocks;
every record is checked against the period of care and the SSDA903 OC2 rules as it is
typed, so the return never has to be corrected in March."""

import datetime as dt

from django.db import transaction
from django.db.models import Q

from lantern.care import codes
from lantern.care.models import (
    Conviction,
    DentalCheck,
    HealthAssessment,
    ImmunisationStatus,
    PeriodOfCare,
    StrengthsAndDifficulties,
    SubstanceMisuse,
)
from lantern.casework.actions.base import (
    check_not_before_birth,
    create,
    in_the_past,
    lock_child,
    long_date,
    refuse,
    written,
)
from lantern.clocks.actions import apply_event

UNDER_5 = 5
# Children and Young Persons Act 1933 s50: no child under 10 can be guilty of an offence.
AGE_OF_CRIMINAL_RESPONSIBILITY = 10


def period_on(person, day: dt.date, what: str, field: str) -> PeriodOfCare:
    """The period of care ``day`` falls in. A looked-after child's health and education
    records belong to their time in care: a date outside it is a typo or the wrong child."""
    in_the_past(day, what, field)
    check_not_before_birth(person, day, what, field)
    periods = PeriodOfCare.objects.filter(person=person)
    period = (
        periods.filter(start_date__lte=day)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .first()
    )
    if period is not None:
        return period
    first = periods.order_by("start_date").first()
    if first is None:
        refuse(f"{person.full_name} has not been looked after", field)
    if day < first.start_date:
        refuse(
            f"{what} cannot be before {person.full_name} became looked after "
            f"({long_date(first.start_date)})",
            field,
        )
    refuse(f"{person.full_name} was not looked after on {long_date(day)}", field)


def health_assessment_event(person, on: dt.date) -> str:
    """Under 5 the next review is due in 6 months, from 5 in 12: the age on the day of
    the assessment decides (a child turning 5 between assessments moves to yearly)."""
    age = person.age_on(on)
    return "health_assessment_done_under_5" if age is not None and age < UNDER_5 else (
        "health_assessment_done"
    )  # fmt: skip


@transaction.atomic
def record_health_assessment(
    person,
    *,
    acting_user,
    kind: str,
    assessed_on: dt.date,
    assessed_by: str,
    by_doctor: bool = False,
    health_plan: str = "",
    request=None,
) -> HealthAssessment:
    lock_child(person)
    period = period_on(person, assessed_on, "The assessment", "assessed_on")
    if kind not in HealthAssessment.Kind.values:
        refuse("Say whether this is the initial or a review health assessment", "kind")
    if not assessed_by.strip():
        refuse("Enter who carried out the assessment", "assessed_by")
    earlier = HealthAssessment.objects.filter(person=person, period=period)
    initial = earlier.filter(kind=HealthAssessment.Kind.INITIAL).first()
    if kind == HealthAssessment.Kind.INITIAL:
        if initial is not None:
            refuse(
                f"The initial health assessment was recorded on {long_date(initial.assessed_on)}"
                ": record this one as a review",
                "kind",
            )
        if not by_doctor:
            refuse(
                "The initial health assessment is carried out by a registered medical "
                "practitioner (Care Planning Regulations 2010 reg. 7)",
                "by_doctor",
            )
    elif initial is None:
        refuse("Record the initial health assessment first", "kind")
    elif assessed_on < initial.assessed_on:
        refuse(
            f"A review cannot be before the initial assessment ({long_date(initial.assessed_on)})",
            "assessed_on",
        )
    assessment = create(
        HealthAssessment,
        person,
        acting_user,
        period=period,
        kind=kind,
        assessed_on=assessed_on,
        assessed_by=assessed_by.strip(),
        by_doctor=by_doctor,
        health_plan=health_plan,
    )
    apply_event(
        person, health_assessment_event(person, assessed_on), assessed_on, source=assessment
    )
    written(request, assessment, acting_user=acting_user, detail="recorded health assessment")
    return assessment


@transaction.atomic
def record_dental_check(person, *, acting_user, checked_on: dt.date, request=None) -> DentalCheck:
    lock_child(person)
    period_on(person, checked_on, "The dental check", "checked_on")
    check = create(DentalCheck, person, acting_user, checked_on=checked_on)
    written(request, check, acting_user=acting_user, detail="recorded dental check")
    return check


@transaction.atomic
def record_immunisations(
    person, *, acting_user, as_at: dt.date, up_to_date: bool, request=None
) -> ImmunisationStatus:
    lock_child(person)
    period_on(person, as_at, "The date", "as_at")
    status = create(
        ImmunisationStatus, person, acting_user, as_at=as_at, up_to_date=bool(up_to_date)
    )
    written(request, status, acting_user=acting_user, detail="recorded immunisations")
    return status


def _check_sdq(person, completed_on: dt.date, score, reason: str) -> None:
    """903 rules 180 (0-40), 196 (the reason list), 197a (not both), 157 (SDQ1 is the age
    reason, so not for a child of 4 to 16) and 188/189 (no score outside those ages)."""
    if score is not None and reason:
        refuse("Give the score or the reason there is no score, not both", "score")
    if score is None and not reason:
        refuse("Enter the SDQ score, or choose why there is none", "score")
    if score is not None and not (isinstance(score, int) and 0 <= score <= codes.SDQ_SCORE_MAX):
        refuse(f"The SDQ score is a whole number from 0 to {codes.SDQ_SCORE_MAX}", "score")
    if reason and reason not in codes.SDQ_REASON:
        refuse("Choose a reason from the list", "reason")
    age = person.age_on(completed_on)
    if age is None:
        return
    youngest, oldest = codes.SDQ_AGES
    in_range = youngest <= age <= oldest
    if score is not None and not in_range:
        refuse(
            f"The SDQ is for children aged {youngest} to {oldest}: {person.full_name} was "
            f"{age} on {long_date(completed_on)}; choose SDQ1 (the child's age) as the reason",
            "score",
        )
    if reason == "SDQ1" and in_range:
        refuse(
            f"{person.full_name} was {age} on {long_date(completed_on)}: SDQ1 is only for a "
            f"child under {youngest} or over {oldest}",
            "reason",
        )


@transaction.atomic
def record_sdq(
    person,
    *,
    acting_user,
    completed_on: dt.date,
    score: int | None = None,
    reason: str = "",
    request=None,
) -> StrengthsAndDifficulties:
    lock_child(person)
    period_on(person, completed_on, "The SDQ", "completed_on")
    _check_sdq(person, completed_on, score, reason or "")
    sdq = create(
        StrengthsAndDifficulties,
        person,
        acting_user,
        completed_on=completed_on,
        score=score,
        reason=reason or "",
    )
    written(request, sdq, acting_user=acting_user, detail="recorded SDQ")
    return sdq


@transaction.atomic
def record_substance_misuse(
    person,
    *,
    acting_user,
    identified_on: dt.date,
    intervention_received: bool,
    intervention_offered: bool | None = None,
    notes: str = "",
    request=None,
) -> SubstanceMisuse:
    """903 rules 192, 158 and 159: received is always answered; offered is answered when
    none was received, and left blank when one was."""
    lock_child(person)
    period_on(person, identified_on, "The date", "identified_on")
    if intervention_received is None:
        refuse("Say whether the child received an intervention", "intervention_received")
    if intervention_received and intervention_offered is not None:
        refuse(
            "The child received an intervention: leave ‘offered’ unanswered",
            "intervention_offered",
        )
    if not intervention_received and intervention_offered is None:
        refuse(
            "The child did not receive an intervention: say whether one was offered",
            "intervention_offered",
        )
    misuse = create(
        SubstanceMisuse,
        person,
        acting_user,
        identified_on=identified_on,
        intervention_received=bool(intervention_received),
        intervention_offered=intervention_offered,
        notes=notes,
    )
    written(request, misuse, acting_user=acting_user, detail="recorded substance misuse")
    return misuse


@transaction.atomic
def record_conviction(
    person, *, acting_user, convicted_on: dt.date, offence: str, request=None
) -> Conviction:
    lock_child(person)
    period_on(person, convicted_on, "The date", "convicted_on")
    age = person.age_on(convicted_on)
    if age is not None and age < AGE_OF_CRIMINAL_RESPONSIBILITY:
        refuse(
            f"{person.full_name} was {age} on {long_date(convicted_on)}: no child under "
            f"{AGE_OF_CRIMINAL_RESPONSIBILITY} can be convicted, warned or reprimanded",
            "convicted_on",
        )
    if not offence.strip():
        refuse("Enter the offence", "offence")
    conviction = create(
        Conviction, person, acting_user, convicted_on=convicted_on, offence=offence.strip()
    )
    written(request, conviction, acting_user=acting_user, detail="recorded conviction")
    return conviction
