"""Permanence, court, s20 consent, missing episodes and leaving care (issue 10 §11): what
the care actions would refuse. Where the care app has the rule as a function (the AD1 and
OC3 cross-field rules, the adoption milestone order, the leaving-care categories), the
check calls it."""

import datetime as dt
from collections import defaultdict
from itertools import pairwise

from django.core.exceptions import ValidationError

from lantern.care import codes, eligibility
from lantern.care.actions.leaving_care import OWED_A_PLAN
from lantern.care.actions.permanence import LA_PERM, check_date_perm, check_milestones
from lantern.care.models import (
    AdoptionPlan,
    CareLeaverContact,
    CourtApplication,
    CourtOrder,
    LegalStatus,
    MissingEpisode,
    NeedsAssessment,
    PathwayPlan,
    PeriodOfCare,
    PermanencePlan,
    PersonalAdviser,
    PreviousPermanence,
    Section20Consent,
    StayingPut,
    TimetableExtension,
)
from lantern.demo.checks.registry import Violation, _births, check


def _refused(fn, *args) -> str:
    try:
        fn(*args)
    except ValidationError as error:
        return "; ".join(error.messages)
    return ""


@check("adoption_milestones")
def adoption_milestones(today: dt.date) -> list[Violation]:
    """The milestones in order, AD1 valid (rules 151, 175-177, 511-524), the placement order
    the E1 status, the placement for adoption the A-placement."""
    out = []
    orders = defaultdict(list)
    for period, day in LegalStatus.objects.filter(code="E1").values_list("period_id", "start_date"):
        orders[period].append(day)
    for a in AdoptionPlan.objects.select_related("period").prefetch_related("period__placements"):
        problem = _refused(check_milestones, a, a.period)
        if a.placement_order_on and a.placement_order_on not in orders.get(a.period_id, []):
            problem = f"placement order {a.placement_order_on} is no E1 status"
        placed = [p.start_date for p in a.period.placements.all() if p.placement_type[0] == "A"]
        if a.placed_on and a.placed_on not in placed:
            problem = f"placed {a.placed_on}: no A-placement starts then"
        if a.adoption_order_on and a.period.reason_ceased not in ("E11", "E12"):
            problem = "an adoption order, but care did not end by adoption"
        if problem:
            out.append(Violation("adoption_milestones", a.person_id, problem))
    return out


@check("permanence_in_period")
def permanence_in_period(today: dt.date) -> list[Violation]:
    """A plan is agreed while the child is looked after; PrevPerm follows rules 630-635."""
    out = []
    for plan in PermanencePlan.objects.select_related("period"):
        period = plan.period
        inside = period.start_date <= plan.agreed_on <= (period.end_date or today)
        if not inside or plan.agreed_on >= today or plan.contingency == plan.plan:
            out.append(
                Violation("permanence_in_period", plan.person_id, f"{plan} {plan.agreed_on}")
            )
    for prev in PreviousPermanence.objects.select_related("period"):
        if prev.option == "Z1":
            problem = "Z1 with a council or date" if prev.council or prev.arranged_on else ""
        elif prev.council not in LA_PERM:
            problem = f"council {prev.council}"
        else:
            problem = _refused(check_date_perm, prev.arranged_on, prev.period.start_date)
        if problem:
            out.append(Violation("permanence_in_period", prev.person_id, problem))
    return out


@check("court_records")
def court_records(today: dt.date) -> list[Violation]:
    """Orders on or after the application and not after its end; a final order ends the
    proceedings; extensions of 1 to 8 weeks while they run; one set of care proceedings at
    a time; nothing before birth or in the future."""
    out, births = [], _births()
    running = defaultdict(list)
    for app in CourtApplication.objects.all():
        born = births.get(app.person_id)
        if app.issued_on >= today or (born and app.issued_on < born):
            out.append(Violation("court_records", app.person_id, f"{app} dated wrongly"))
        if app.starts_timetable:
            running[app.person_id].append((app.issued_on, app.concluded_on or dt.date.max))
    for person, spans in running.items():
        for a, b in pairwise(sorted(spans)):
            if b[0] < a[1]:
                out.append(Violation("court_records", person, f"proceedings overlap: {a} {b}"))
    for order in CourtOrder.objects.select_related("application"):
        app = order.application
        bad = app is not None and (
            order.made_on < app.issued_on
            or (app.concluded_on and order.made_on > app.concluded_on)
            or (order.kind in CourtOrder.FINAL and app.concluded_on != order.made_on)
        )
        if (
            bad
            or order.made_on >= today
            or (order.kind in CourtOrder.TIME_LIMITED and not order.ends_on)
        ):
            out.append(Violation("court_records", order.person_id, f"{order}"))
    for ext in TimetableExtension.objects.select_related("application"):
        app = ext.application
        inside = app.issued_on <= ext.granted_on < (app.concluded_on or today)
        if not (1 <= ext.weeks <= 8) or not inside or not app.starts_timetable:
            out.append(Violation("court_records", ext.person_id, f"{ext}"))
    return out


@check("s20_consent_with_v2")
def s20_consent_with_v2(today: dt.date) -> list[Violation]:
    """Consent is recorded while the child is accommodated under s20 (V2), reviewed after it
    was given, and withdrawn only at a review."""
    statuses = defaultdict(list)
    for period, code, start in LegalStatus.objects.values_list("period_id", "code", "start_date"):
        statuses[period].append((start, code))
    out = []
    for consent in Section20Consent.objects.all():
        held = [c for s, c in sorted(statuses[consent.period_id]) if s <= consent.given_on]
        bad = not held or held[-1] != "V2"
        if consent.reviewed_on and consent.reviewed_on < consent.given_on:
            bad = True
        if consent.withdrawn_on and consent.withdrawn_on != consent.reviewed_on:
            bad = True
        if bad or consent.given_on >= today:
            out.append(Violation("s20_consent_with_v2", consent.person_id, f"{consent}"))
    return out


@check("missing_episodes")
def missing_episodes(today: dt.date) -> list[Violation]:
    """Episodes never overlap; the return home interview is offered after the return, held
    only when accepted; an episode is in the period of care it started in."""
    out, births = [], _births()
    periods = {
        pk: (start, end)
        for pk, start, end in PeriodOfCare.objects.values_list("pk", "start_date", "end_date")
    }
    mine = defaultdict(list)
    for ep in MissingEpisode.objects.order_by("start_date"):
        mine[ep.person_id].append(ep)
        problems = []
        if (ep.end_date and ep.end_date < ep.start_date) or ep.start_date >= today:
            problems.append("dates")
        if ep.start_date < births.get(ep.person_id, dt.date.min):
            problems.append("before birth")
        if ep.rhi_offered_on and (not ep.end_date or ep.rhi_offered_on < ep.end_date):
            problems.append("interview offered before the return")
        if ep.rhi_done_on and ep.rhi_response != MissingEpisode.Interview.ACCEPTED:
            problems.append("interview held but not accepted")
        if ep.period_id:
            start, end = periods[ep.period_id]
            if not start <= ep.start_date <= (end or today):
                problems.append("outside its period")
        if problems:
            out.append(Violation("missing_episodes", ep.person_id, f"{ep}: {problems}"))
    for person, eps in mine.items():
        for a, b in pairwise(eps):
            if b.start_date == a.start_date or b.start_date < (a.end_date or dt.date.max):
                out.append(Violation("missing_episodes", person, f"{a} overlaps {b}"))
    return out


def _spans() -> tuple[dict, dict]:
    spans = defaultdict(list)
    for person, start, end in PeriodOfCare.objects.values_list(
        "person_id", "start_date", "end_date"
    ):
        spans[person].append((start, end))
    return spans, _births()


@check("leaving_care_owed")
def leaving_care_owed(today: dt.date) -> list[Violation]:
    """Needs assessments and pathway plans only for eligible, relevant and former relevant
    young people; advisers and contacts only for care leavers; OC3 codes the validator
    accepts (344-347, 3001); one adviser at a time; Staying Put from 18 with carers the
    young person lived with."""
    spans, births = _spans()
    out = []

    def owed(person, day, allowed) -> bool:
        dob = births.get(person)
        return (
            bool(dob) and day < today and eligibility.category(dob, spans[person], day) in allowed
        )

    for model, field, allowed in (
        (NeedsAssessment, "completed_on", OWED_A_PLAN),
        (PathwayPlan, "made_on", OWED_A_PLAN),
        (PersonalAdviser, "start_date", (*OWED_A_PLAN, eligibility.QUALIFYING)),
        (CareLeaverContact, "contact_on", (*OWED_A_PLAN, eligibility.QUALIFYING)),
    ):
        for person, day in model.objects.values_list("person_id", field):
            if not owed(person, day, allowed):
                out.append(Violation("leaving_care_owed", person, f"{model.__name__} {day}"))
    for c in CareLeaverContact.objects.all():
        dob = births[c.person_id]
        year = dt.date(c.contact_on.year - (c.contact_on.month < 4), 4, 1)
        problem = codes.oc3_problem(
            c.in_touch,
            c.activity,
            c.accommodation,
            age_at_year_start=eligibility.age_on(dob, year),
            seventeenth_in_year=year
            <= eligibility.birthday(dob, 17)
            < eligibility.birthday(year, 1),
        )
        if problem:
            out.append(Violation("leaving_care_owed", c.person_id, problem[0]))
    advisers = defaultdict(list)
    for person, start, end in PersonalAdviser.objects.values_list(
        "person_id", "start_date", "end_date"
    ):
        advisers[person].append((start, end or dt.date.max))
    for person, rows in advisers.items():
        for a, b in pairwise(sorted(rows)):
            if b[0] <= a[1]:
                out.append(Violation("leaving_care_owed", person, f"advisers overlap {a} {b}"))
    for stay in StayingPut.objects.select_related("carer"):
        dob = births[stay.person_id]
        lived = stay.carer.placements.filter(person_id=stay.person_id).exists()
        kind_ok = stay.carer.kind in (stay.carer.Kind.FOSTERING_HOUSEHOLD, stay.carer.Kind.KINSHIP)
        if stay.start_date < eligibility.birthday(dob, 18) or not lived or not kind_ok:
            out.append(Violation("leaving_care_owed", stay.person_id, f"{stay}"))
    return out


@check("care_records_in_a_lifetime")
def care_records_in_a_lifetime(today: dt.date) -> list[Violation]:
    """Nothing before birth, after the 25th birthday or in the future; records of a period
    of care inside it."""
    births, out = _births(), []
    periods = {
        pk: (start, end)
        for pk, start, end in PeriodOfCare.objects.values_list("pk", "start_date", "end_date")
    }
    dated = (
        (PermanencePlan, "agreed_on", True),
        (AdoptionPlan, "decided_on", True),
        (Section20Consent, "given_on", True),
        (NeedsAssessment, "completed_on", False),
        (PathwayPlan, "made_on", False),
        (CareLeaverContact, "contact_on", False),
        (PersonalAdviser, "start_date", False),
    )
    for model, field, in_period in dated:
        columns = ("person_id", field, "period_id") if in_period else ("person_id", field)
        for person, day, *period in model.objects.values_list(*columns):
            dob = births.get(person)
            bad = day >= today or (dob and not dob <= day < eligibility.birthday(dob, 25))
            if period:
                start, end = periods[period[0]]
                bad = bad or not start <= day <= (end or today)
            if bad:
                out.append(
                    Violation("care_records_in_a_lifetime", person, f"{model.__name__} {day}")
                )
    return out
