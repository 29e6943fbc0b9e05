"""What the app now records on casework (issue 9): chronology entries read from the record,
who took part in strategy discussions and conferences, reasons for lateness, the clocks CIN
plans and pre-birth plans run, factor 9A. Where the app has the guard as a function, the
check calls it."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db.models import F, Q

from lantern.agencies.models import Agency
from lantern.casework import models as cw
from lantern.casework.actions.assessments import check_uasc_factor
from lantern.casework.actions.attendance import (
    ATTENDANCE_FIELDS,
    conference_attendance,
    immediate_protection,
)
from lantern.casework.bulk import RELATED
from lantern.chronology.describe import describe, occurred
from lantern.chronology.models import ChronologyEntry
from lantern.clocks.lateness import LATE_CLOCKS, LateReason
from lantern.clocks.models import Deadline
from lantern.demo.checks.registry import Violation, _age, _births, _v, check
from lantern.people.models import Person

DESCRIBED = (
    cw.CINEpisode,
    cw.Assessment,
    cw.CINPlan,
    cw.ChildProtectionPlan,
    cw.StrategyDiscussion,
    cw.Section47Enquiry,
    cw.Conference,
    cw.CoreGroupMeeting,
)
TOO_YOUNG_UNDER, HEARD_FROM = 5, 3  # years: "too young" under 5 at most; heard from 3


@check("entry_not_from_record")
def entry_not_from_record(today):
    """Each casework record's chronology entries are exactly what its describer says now
    (kind, date and words), marked ``from_record``: saving the record would change none."""
    out = []
    for model in DESCRIBED:
        out += entries_not_from_record("entry_not_from_record", model)
    return out


def entries_not_from_record(name: str, model, related=None) -> list[Violation]:
    """Records of ``model`` whose stored entries are not what their describer says now."""
    out = []
    label = model._meta.label
    stored = defaultdict(list)
    for ref, kind, when, text, ours in ChronologyEntry.objects.filter(
        source_type=label
    ).values_list("source_ref", "kind", "occurred_at", "summary", "from_record"):
        stored[ref].append((kind, when, text, ours))
    joins, many = related or RELATED.get(model, (("person",), ()))
    rows = model.objects.select_related(*joins).prefetch_related(*many).order_by("pk")
    for record in rows.iterator(chunk_size=2000):
        said = sorted((d.kind, occurred(d.when), d.summary, True) for d in describe(record))
        if sorted(stored.get(str(record.pk), [])) != said:
            got = [e[2] for e in stored.get(str(record.pk), [])]
            detail = f"{model._meta.verbose_name} {record.pk}: {got} ≠ {[s[2] for s in said]}"
            out.append(Violation(name, record.person_id, detail[:300]))
    return out


@check("immediate_protection_dates")
def immediate_protection_dates(today):
    """Police protection and emergency protection orders are dated, never in the future."""
    out = []
    rows = cw.StrategyDiscussion.objects.exclude(
        police_protection_on=None, emergency_protection_order_on=None
    )
    for pid, police, order in rows.values_list(
        "person_id", "police_protection_on", "emergency_protection_order_on"
    ):
        try:
            immediate_protection(police, order)
        except ValidationError as error:
            out.append(Violation("immediate_protection_dates", pid, error.messages[0]))
    return out


@check("conference_attendance")
def conference_attendance_check(today):
    """The app's own attendance guard on every conference, and the child's part fitting
    their age: too young only for the very young, heard only once they can speak."""
    births, out = _births(), []
    took_part, invited = defaultdict(list), defaultdict(list)
    for field, into in (("agencies", took_part), ("agencies_invited", invited)):
        through = getattr(cw.Conference, field).through
        for cid, agency in through.objects.values_list("conference_id", "agency_id"):
            into[cid].append(agency)
    agencies = {a.pk: a for a in Agency.objects.all()}
    for conference in cw.Conference.objects.only("id", "person_id", "held_on", *ATTENDANCE_FIELDS):
        day, pid = conference.held_on, conference.person_id
        fields = {name: getattr(conference, name) for name in ATTENDANCE_FIELDS}
        fields["agencies_invited"] = [agencies[a] for a in invited[conference.pk]]
        try:
            conference_attendance(day, [agencies[a] for a in took_part[conference.pk]], fields)
        except ValidationError as error:
            out.append(Violation("conference_attendance", pid, f"{day}: {error.messages[0]}"))
            continue
        dob = births.get(pid)
        age = _age(dob, day) if dob and dob <= day else None
        part = fields["child_participation"]
        if part == "too_young" and age is not None and age >= TOO_YOUNG_UNDER:
            out.append(Violation("conference_attendance", pid, f"{day}: too young at {age}"))
        if part != "too_young" and (age is None or age < HEARD_FROM):
            out.append(Violation("conference_attendance", pid, f"{day}: {part} at age {age}"))
    return out


@check("late_without_reason")
def late_without_reason(today):
    """An assessment authorised, an ICPC or a review conference held after its clock's due
    date carries the reason ("other" with its detail), and one on time none: lateness as
    the app reads it (``Deadline.late_if_done_on`` on the met clock)."""
    late = set()
    for event, rules in LATE_CLOCKS.items():
        met = Deadline.objects.filter(rule__code__in=rules, state="met", closed_by=event)
        for deadline in met.only("person_id", "due_on", "closed_on"):
            if deadline.late_if_done_on(deadline.closed_on):
                late.add((event, deadline.person_id, deadline.closed_on))
    out = []
    for event, rows in (
        ("assessment_authorised", cw.Assessment.objects.exclude(authorised_date=None)),
        ("icpc_held", cw.Conference.objects.filter(kind="initial")),
        ("rcpc_held", cw.Conference.objects.filter(kind="review")),
    ):
        day = "authorised_date" if event == "assessment_authorised" else "held_on"
        for pid, on, reason, detail in rows.values_list(
            "person_id", day, "late_reason", "late_reason_detail"
        ):
            is_late = (event, pid, on) in late
            problem = ""
            if is_late and reason not in LateReason.values:
                problem = "late without a reason"
            elif is_late and reason == LateReason.OTHER and not detail.strip():
                problem = "late for another reason, not said"
            elif not is_late and reason:
                problem = f"on time, yet a reason for lateness ({reason})"
            if problem:
                out.append(Violation("late_without_reason", pid, f"{event} {on}: {problem}"))
    return out


@check("uasc_factor")
def uasc_factor(today):
    """Factor 9A only while the child's record says UASC (the app's own guard)."""
    out, people = [], {}
    rows = cw.Assessment.objects.all()  # (no JSON containment lookup on SQLite)
    for pid, factors, start in rows.values_list("person_id", "factors", "start_date"):
        if "9A" not in factors:
            continue
        person = people.get(pid) or people.setdefault(pid, Person.objects.get(pk=pid))
        try:
            check_uasc_factor(person, factors, start)
        except ValidationError as error:
            out.append(Violation("uasc_factor", pid, f"{start}: {error.messages[0]}"))
    return out


@check("cin_plan_without_clocks")
def cin_plan_without_clocks(today):
    """Every CIN plan started its review and visit clocks (``start_cin_plan``)."""
    started = set(
        Deadline.objects.filter(
            rule__code__in=["cin_plan_review", "cin_visit"], started_by="cin_plan_started"
        ).values_list("source_ref", "rule__code")
    )
    out = []
    for pk, pid, start in cw.CINPlan.objects.values_list("id", "person_id", "start_date"):
        if not {(str(pk), "cin_plan_review"), (str(pk), "cin_visit")} <= started:
            out.append(Violation("cin_plan_without_clocks", pid, f"CIN plan from {start}"))
    return out


@check("pre_birth_visit")
def pre_birth_visit(today):
    """Before birth a CP visit sees the expectant parent (or says why not), never the child."""
    unborn = cw.Visit.objects.filter(
        Q(person__date_of_birth__isnull=True) | Q(visited_on__lt=F("person__date_of_birth"))
    )
    rows = unborn.filter(Q(child_seen=True) | Q(seen_alone=True)) | unborn.filter(
        kind="cp", expectant_parent_seen=False, reason_not_seen=""
    )
    return _v("pre_birth_visit", rows.values_list("person_id", "visited_on"), lambda p, d: f"{d}")
