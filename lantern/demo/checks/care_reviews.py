"""A looked-after child's IRO, reviews, reg 28 visits, health and education records (issue
10 §11): what the care actions would refuse. Where the action has the guard as a function
(participation, SDQ, the age of a setting, the visiting rule), the check calls it."""

from collections import defaultdict
from itertools import pairwise

from django.core.exceptions import ValidationError

from lantern.care.actions.education import _check_setting_age
from lantern.care.actions.health import _check_sdq
from lantern.care.actions.reviews import check_participation
from lantern.care.actions.visits import rule_for
from lantern.care.models import (
    DentalCheck,
    EducationSetting,
    HealthAssessment,
    ImmunisationStatus,
    IROAllocation,
    IROConcern,
    LookedAfterReview,
    PeriodOfCare,
    PersonalEducationPlan,
    StrengthsAndDifficulties,
    VisitRegime,
)
from lantern.casework.models import Visit
from lantern.demo.checks.registry import Violation, check
from lantern.people.models import Person

CHECK_NAMES = (
    "review_participation",
    "care_record_within_period",
    "sdq_rules",
    "iro_allocation",
    "health_assessment_order",
    "visit_regime_rule",
    "education_settings",
    "iro_concern_stages",
)
DATED = (  # care records that must fall inside one of the child's periods of care
    (LookedAfterReview, "held_on"),
    (IROConcern, "raised_on"),
    (HealthAssessment, "assessed_on"),
    (DentalCheck, "checked_on"),
    (ImmunisationStatus, "as_at"),
    (StrengthsAndDifficulties, "completed_on"),
    (PersonalEducationPlan, "held_on"),
)


def _refused(guard, *args) -> str:
    try:
        guard(*args)
    except ValidationError as refused:
        return "; ".join(refused.messages)
    return ""


def _people(ids) -> dict[int, Person]:
    return Person.objects.in_bulk(list(set(ids)))


def _spans() -> dict[int, list[tuple]]:
    found = defaultdict(list)
    for pid, start, end in PeriodOfCare.objects.values_list("person_id", "start_date", "end_date"):
        found[pid].append((start, end))
    return found


@check("review_participation")
def review_participation(today):
    """903 rules 440/441 through the action's own guard: PN0 if and only if under 4."""
    rows = list(
        LookedAfterReview.objects.values_list("person_id", "pk", "held_on", "participation")
    )
    people, out = _people(r[0] for r in rows), []
    for pid, pk, day, code in rows:
        if refused := _refused(check_participation, people[pid], day, code):
            out.append(Violation("review_participation", pid, f"review {pk}: {refused}"))
    return out


@check("care_record_within_period")
def care_record_within_period(today):
    """Reviews, concerns, health and education records, and looked-after child visits are
    dated inside a period of care, never before birth or after today."""
    spans, out = _spans(), []
    births = dict(Person.objects.values_list("id", "date_of_birth"))
    dated = [*DATED, (Visit, "visited_on")]
    for model, field in dated:
        rows = model.objects.all()
        if model is Visit:
            rows = rows.filter(kind=Visit.Kind.LOOKED_AFTER, child_seen=True)
        for pid, pk, day in rows.values_list("person_id", "pk", field):
            inside = any(s <= day and (e is None or day <= e) for s, e in spans.get(pid, []))
            born = births.get(pid)
            if not inside or day >= today or (born and day < born):
                detail = f"{model._meta.model_name} {pk} on {day}"
                out.append(Violation("care_record_within_period", pid, detail))
    return out


@check("sdq_rules")
def sdq_rules(today):
    """903 rules 180, 196, 197a, 157, 188, 189, as ``record_sdq`` applies them."""
    rows = list(
        StrengthsAndDifficulties.objects.values_list(
            "person_id", "pk", "completed_on", "score", "reason"
        )
    )
    people, out = _people(r[0] for r in rows), []
    for pid, pk, day, score, reason in rows:
        if refused := _refused(_check_sdq, people[pid], day, score, reason):
            out.append(Violation("sdq_rules", pid, f"SDQ {pk}: {refused}"))
    return out


@check("iro_allocation")
def iro_allocation(today):
    """Every child looked after today has one current IRO; allocations follow one another
    and start no earlier than care did."""
    spans, out = _spans(), []
    allocations = defaultdict(list)
    for row in IROAllocation.objects.order_by("start_date", "pk").values_list(
        "person_id", "pk", "start_date", "end_date"
    ):
        allocations[row[0]].append(row[1:])
    for pid, theirs in spans.items():
        open_ = any(e is None for _, e in theirs)
        current = [a for a in allocations.get(pid, []) if a[2] is None]
        if open_ and len(current) != 1:
            out.append(Violation("iro_allocation", pid, f"{len(current)} current IROs"))
        if not open_ and current:
            out.append(Violation("iro_allocation", pid, "a current IRO after care ended"))
        first = min(s for s, _ in theirs)
        for pk, start, _ in allocations.get(pid, []):
            if start < first:
                out.append(Violation("iro_allocation", pid, f"{pk} from {start}, before care"))
        for a, b in pairwise(allocations.get(pid, [])):
            if a[2] is None or a[2] > b[1]:
                out.append(Violation("iro_allocation", pid, f"{a[0]} overlaps {b[0]}"))
    return out


@check("health_assessment_order")
def health_assessment_order(today):
    """One initial assessment per period, by a doctor, before any review assessment."""
    out, by_period = [], defaultdict(list)
    for row in HealthAssessment.objects.order_by("assessed_on", "pk").values_list(
        "period_id", "person_id", "pk", "kind", "by_doctor"
    ):
        by_period[row[0]].append(row[1:])
    for rows in by_period.values():
        pid, pk, kind, doctor = rows[0]
        if kind != "initial" or not doctor:
            out.append(Violation("health_assessment_order", pid, f"{pk}: first is {kind}"))
        if sum(r[2] == "initial" for r in rows) != 1:
            out.append(Violation("health_assessment_order", pid, "more than one initial"))
    return out


@check("visit_regime_rule")
def visit_regime_rule(today):
    """Each placement's reg 28 rule is the one ``visit_regime`` would decide."""
    out = []
    for regime in VisitRegime.objects.select_related("placement__period"):
        placement = regime.placement
        if regime.rule != rule_for(placement, regime.since, regime.temporary_approval):
            detail = f"placement {placement.pk}: {regime.rule} from {regime.since}"
            out.append(Violation("visit_regime_rule", placement.person_id, detail))
    return out


@check("education_settings")
def education_settings(today):
    """Settings follow one another (each ends the day before the next starts), a move
    gives its reason, and each suits the child's age (``record_education_setting``)."""
    rows = defaultdict(list)
    for s in EducationSetting.objects.order_by("start_date", "pk"):
        rows[s.person_id].append(s)
    people, out = _people(rows), []
    for pid, theirs in rows.items():
        person = people[pid]
        for i, s in enumerate(theirs):
            problem = _refused(_check_setting_age, person, s.kind, s.start_date)
            if person.date_of_birth and s.start_date < person.date_of_birth:
                problem = "before birth"
            if s.start_date >= today or bool(i) != bool(s.move_reason):
                problem = problem or f"move reason {s.move_reason!r}"
            if problem:
                out.append(Violation("education_settings", pid, f"{s.pk}: {problem}"))
        for a, b in pairwise(theirs):
            if a.end_date is None or (b.start_date - a.end_date).days != 1:
                out.append(Violation("education_settings", pid, f"{a.pk} to {b.pk}"))
    return out


@check("iro_concern_stages")
def iro_concern_stages(today):
    """A concern reaches its stage on or after it was raised, and is resolved no earlier
    (``escalate_iro_concern``, ``resolve_iro_concern``)."""
    out = []
    for pid, pk, raised, reached, resolved in IROConcern.objects.values_list(
        "person_id", "pk", "raised_on", "stage_reached_on", "resolved_on"
    ):
        if reached < raised or (resolved and resolved < reached) or (resolved or raised) >= today:
            out.append(Violation("iro_concern_stages", pid, f"concern {pk}"))
    return out
