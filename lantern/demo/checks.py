"""Checks every demo record against the guards a practitioner meets (issue 9 §4) and the age
rules, so no demo record is one that could not have been entered by hand.

The generator bulk-loads for speed rather than going through the actions; this module is
what keeps it honest. Each check is a function registered with ``@check(name)`` that scans
the database and returns ``Violation``s; add one for a new field by writing another
function here. Where the app has the guard as a function, the check calls it.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.db.models.functions import TruncDate

from lantern.casework import models as cw
from lantern.casework.actions.conference_guards import chair_is_independent
from lantern.chronology.models import ChronologyEntry
from lantern.clocks.calendar import add_months, current_calendar
from lantern.people.models import HouseholdMembership, Person

LONDON = ZoneInfo("Europe/London")
SPEAKS_FROM = 3  # years: the child's own words, and being seen alone, from this age
# What may be dated before birth: work with the expectant family (pre-birth assessment,
# conferences, visits to the mother) and what partners knew of the pregnancy and home.
PRE_BIRTH_KINDS = {
    "contact",
    "referral",
    "assessment",
    "strategy_discussion",
    "section_47",
    "conference",
    "visit",
    "case_note",
    "management_oversight",
    "allocation",
    "gp_consultation",
    "housing",
    "police_domestic_abuse",
    "household_change",
}
PRE_BIRTH_DAYS = 9 * 31


@dataclass(frozen=True)
class Violation:
    check: str
    person_id: int | None
    detail: str


CHECKS: dict[str, Callable[[dt.date], list[Violation]]] = {}


def check(name: str):
    def register(fn):
        CHECKS[name] = fn
        return fn

    return register


def run(today: dt.date, only: list[str] | None = None) -> dict[str, list[Violation]]:
    """Every check's violations, by check name (an empty list when it passes)."""
    return {name: fn(today) for name, fn in CHECKS.items() if not only or name in only}


def _births() -> dict[int, dt.date]:
    return dict(
        Person.objects.filter(date_of_birth__isnull=False).values_list("id", "date_of_birth")
    )


def _age(dob: dt.date, day: dt.date) -> int:
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def _v(name: str, rows, fmt: Callable) -> list[Violation]:
    return [Violation(name, row[0], fmt(*row)) for row in rows]


# -- dates and ages ---------------------------------------------------------------------------
@check("entry_before_birth")
def entry_before_birth(today):
    """No chronology entry before birth except pre-birth work in the 9 months before it."""
    rows = (
        ChronologyEntry.objects.annotate(day=TruncDate("occurred_at", tzinfo=LONDON))
        .filter(person__date_of_birth__isnull=False, day__lt=F("person__date_of_birth"))
        .values_list("person_id", "day", "kind", "person__date_of_birth")
    )
    out = []
    for pid, day, kind, dob in rows:
        if kind in PRE_BIRTH_KINDS and (dob - day).days <= PRE_BIRTH_DAYS:
            continue
        out.append(Violation("entry_before_birth", pid, f"{kind} on {day}, born {dob}"))
    return out


@check("record_before_birth")
def record_before_birth(today):
    """No assessment, s47, conference or child-seen visit dated before a born child's birth
    (records of a child first recorded unborn are pre-birth work)."""
    born = Q(person__date_of_birth__isnull=False, person__expected_date_of_birth__isnull=True)
    out = []
    for model, field in (
        (cw.Assessment, "start_date"),
        (cw.Assessment, "authorised_date"),
        (cw.Section47Enquiry, "start_date"),
        (cw.Conference, "held_on"),
    ):
        rows = model.objects.filter(born, **{f"{field}__lt": F("person__date_of_birth")})
        out += _v(
            "record_before_birth",
            rows.values_list("person_id", field),
            lambda pid, d, m=model, f=field: f"{m._meta.verbose_name} {f} {d}",
        )
    visits = cw.Visit.objects.filter(
        born, child_seen=True, visited_on__lt=F("person__date_of_birth")
    )
    out += _v(
        "record_before_birth",
        visits.values_list("person_id", "visited_on"),
        lambda pid, d: f"child seen at a visit on {d}",
    )
    return out


@check("referral_age")
def referral_age(today):
    """No referral at 18 or over (care leavers aside), nor more than 9 months before an
    expected birth."""
    births, out = _births(), []
    leavers = set(Person.objects.filter(care_status="care_leaver").values_list("id", flat=True))
    for pid, day in cw.CINEpisode.objects.values_list("person_id", "referral_date"):
        dob = births.get(pid)
        if dob and _age(dob, day) >= 18 and pid not in leavers:
            out.append(Violation("referral_age", pid, f"referred on {day} aged 18 or over"))
    unborn = cw.CINEpisode.objects.filter(
        person__date_of_birth__isnull=True, person__expected_date_of_birth__isnull=False
    )
    for pid, day, due in unborn.values_list(
        "person_id", "referral_date", "person__expected_date_of_birth"
    ):
        if add_months(day, 9) < due:
            out.append(Violation("referral_age", pid, f"referred {day}, expected {due}"))
    return out


@check("too_young_to_speak_or_be_alone")
def too_young(today):
    """The child's words, and being seen alone, only from age 3."""
    births, out = _births(), []
    visits = cw.Visit.objects.filter(Q(seen_alone=True) | ~Q(child_words=""))
    for pid, day, alone, words in visits.values_list(
        "person_id", "visited_on", "seen_alone", "child_words"
    ):
        dob = births.get(pid)
        if dob and _age(dob, day) < SPEAKS_FROM:
            what = "seen alone" if alone else f"quoted: {words}"
            out.append(Violation("too_young_to_speak_or_be_alone", pid, f"{day}: {what}"))
    views = cw.Assessment.objects.exclude(child_views="").values_list(
        "person_id", "start_date", "child_views"
    )
    for pid, day, words in views:
        dob = births.get(pid)
        if dob is None or _age(dob, day) < SPEAKS_FROM:
            out.append(Violation("too_young_to_speak_or_be_alone", pid, f"{day}: {words}"))
    return out


@check("text_fits_age")
def text_fits_age(today):
    """Chronology wording that only fits some ages: health visitor reviews, football, PEPs,
    supported accommodation, being quoted."""
    births, out = _births(), []
    rules = [  # (words, youngest, oldest) in years, oldest exclusive
        ("New birth visit", 0, 1),
        ("6–8 week review", 0, 1),
        ("1-year review", 0.75, 2),
        ("2-year review", 1.75, 3),
        ("football", 4, 99),
        ("The child said", SPEAKS_FROM, 99),
        ("seen alone", SPEAKS_FROM, 99),
        ("PEP", 3, 18),
        ("supported accommodation", 16, 99),
    ]
    for words, young, old in rules:
        rows = ChronologyEntry.objects.filter(
            summary__contains=words, person__date_of_birth__isnull=False
        ).values_list("person_id", "occurred_at", "summary")
        for pid, when, text in rows:
            day = when.astimezone(LONDON).date()
            age = (day - births[pid]).days / 365.25
            whole = _age(births[pid], day)
            fits = (whole if young == int(young) else age) >= young and whole < old
            if not fits and not text.startswith("Not seen"):
                out.append(Violation("text_fits_age", pid, f"age {age:.1f}: {text[:80]}"))
    return out


@check("referrer_fits_age")
def referrer_fits_age(today):
    """Schools refer children of school age; health visitors, the under-5s."""
    births, out = _births(), []
    for pid, day, source in cw.CINEpisode.objects.filter(
        referral_source__in=["2A", "3B"]
    ).values_list("person_id", "referral_date", "referral_source"):
        dob = births.get(pid)
        if dob is None:
            continue
        age = _age(dob, day)
        if (source == "2A" and age < 4) or (source == "3B" and age >= 5):
            out.append(Violation("referrer_fits_age", pid, f"source {source} at age {age}"))
    return out


@check("household_before_birth")
def household_before_birth(today):
    rows = HouseholdMembership.objects.filter(
        person__date_of_birth__isnull=False, start__lt=F("person__date_of_birth")
    ).values_list("person_id", "start", "person__date_of_birth")
    return _v("household_before_birth", rows, lambda pid, s, d: f"since {s}, born {d}")


@check("doubled_surname")
def doubled_surname(today):
    out = []
    for pid, last in Person.objects.filter(last_name__contains="-").values_list("id", "last_name"):
        parts = last.lower().split("-")
        if len(set(parts)) < len(parts):
            out.append(Violation("doubled_surname", pid, last))
    return out


@check("visit_on_bank_holiday")
def visit_on_bank_holiday(today):
    cal, out = current_calendar(), []
    for pid, day in cw.Visit.objects.values_list("person_id", "visited_on"):
        if day in cal.bank_holidays:
            out.append(Violation("visit_on_bank_holiday", pid, f"{day}"))
    return out


# -- casework guards (issue 9 §4) -------------------------------------------------------------
@check("cp_visit_without_open_plan")
def cp_visit_without_open_plan(today):
    """A CP statutory visit needs a plan open on the day (none after it ended)."""
    spans = defaultdict(list)
    for pid, start, end in cw.ChildProtectionPlan.objects.values_list(
        "person_id", "start_date", "end_date"
    ):
        spans[pid].append((start, end))
    out = []
    for pid, day in cw.Visit.objects.filter(kind="cp").values_list("person_id", "visited_on"):
        if not any(s <= day and (e is None or day <= e) for s, e in spans[pid]):
            out.append(Violation("cp_visit_without_open_plan", pid, f"CP visit on {day}"))
    return out


@check("visit_reasons")
def visit_reasons(today):
    """A child not seen has the reason why; seen but not alone, the reason for that."""
    unseen = cw.Visit.objects.filter(child_seen=False, reason_not_seen="")
    not_alone = cw.Visit.objects.filter(child_seen=True, seen_alone=False, reason_not_seen_alone="")
    return _v(
        "visit_reasons",
        unseen.values_list("person_id", "visited_on"),
        lambda p, d: f"{d}: not seen",
    ) + _v(
        "visit_reasons",
        not_alone.values_list("person_id", "visited_on"),
        lambda p, d: f"{d}: seen, not alone, no reason",
    )


@check("retired_factor")
def retired_factor(today):
    out = []
    for pid, factors in cw.Assessment.objects.values_list("person_id", "factors"):
        if set(factors or []) & {"18A", "19A"}:
            out.append(Violation("retired_factor", pid, ", ".join(factors)))
    return out


@check("review_out_of_order")
def review_out_of_order(today):
    """A review conference is not dated before the ICPC or the review recorded before it."""
    icpc = dict(cw.ChildProtectionPlan.objects.values_list("id", "start_date"))
    out, last = [], {}
    for pid, plan, day in (
        cw.Conference.objects.filter(kind="review")
        .order_by("id")
        .values_list("person_id", "plan_id", "held_on")
    ):
        before = last.get(plan, icpc.get(plan))
        if before and day < before:
            out.append(Violation("review_out_of_order", pid, f"review {day} before {before}"))
        last[plan] = max(day, before) if before else day
    return out


@check("episode_closed_before_its_work")
def episode_closed_early(today):
    """An episode closes only after its plans, s47 enquiries and assessments end."""
    out = []
    closed = dict(
        cw.CINEpisode.objects.filter(close_date__isnull=False).values_list("id", "close_date")
    )
    for model, end in (
        (cw.ChildProtectionPlan, "end_date"),
        (cw.CINPlan, "end_date"),
        (cw.Section47Enquiry, "end_date"),
        (cw.Assessment, "authorised_date"),
    ):
        for pid, episode, day in model.objects.filter(episode_id__in=closed).values_list(
            "person_id", "episode_id", end
        ):
            if day is None or day > closed[episode]:
                name = model._meta.verbose_name
                out.append(
                    Violation(
                        "episode_closed_before_its_work",
                        pid,
                        f"episode closed {closed[episode]}, {name} ends {day}",
                    )
                )
    return out


@check("plan_ended_without_review")
def plan_ended_without_review(today):
    """A plan ends by a review conference's decision, or because the child turned 18, died,
    left the UK or moved to another council."""
    ending = set(
        cw.Conference.objects.filter(kind="review", decision="end").values_list(
            "plan_id", "held_on"
        )
    )
    out = []
    for plan, pid, end, why in cw.ChildProtectionPlan.objects.filter(
        end_date__isnull=False
    ).values_list("id", "person_id", "end_date", "end_reason"):
        if why in ("adult", "died", "transferred", "left_uk"):
            continue
        if (plan, end) not in ending:
            out.append(Violation("plan_ended_without_review", pid, f"ended {end} ({why})"))
    return out


@check("s47_and_icpc_disagree")
def s47_and_icpc_disagree(today):
    """The s47 outcome and the ICPC decision agree; a finished s47 says yes or no to an
    ICPC; "no ICPC needed" is not followed by an ICPC."""
    with_icpc = set(
        cw.Conference.objects.filter(kind="initial").values_list("section47_id", flat=True)
    )
    out = []
    for sid, pid, outcome, needed, end in cw.Section47Enquiry.objects.values_list(
        "id", "person_id", "outcome", "icpc_required", "end_date"
    ):
        problem = ""
        if end and needed is None:
            problem = "ended without an ICPC decision"
        elif needed is True and outcome and outcome != "risk":
            problem = f"ICPC needed but outcome {outcome}"
        elif needed is False and outcome == "risk":
            problem = "continuing risk but no ICPC"
        elif needed is False and sid in with_icpc:
            problem = "no ICPC needed, then an ICPC"
        if problem:
            out.append(Violation("s47_and_icpc_disagree", pid, problem))
    return out


@check("chair_not_independent")
def chair_not_independent(today):
    """The app's own guard, run on every conference."""
    out = []
    rows = cw.Conference.objects.select_related("person").values_list(
        "person", "chair_id", "held_on"
    )
    people = {}
    for pid, chair, day in rows:
        person = people.setdefault(pid, Person(pk=pid))
        try:
            chair_is_independent(person, SimpleNamespace(pk=chair), day)
        except ValidationError as error:
            out.append(Violation("chair_not_independent", pid, f"{day}: {error.messages[0]}"))
    return out


@check("strategy_without_police_and_health")
def strategy_without_police_and_health(today):
    kinds = defaultdict(set)
    through = cw.StrategyDiscussion.agencies.through
    for sid, kind in through.objects.values_list("strategydiscussion_id", "agency__kind"):
        kinds[sid].add(kind)
    out = []
    for sid, pid, day in cw.StrategyDiscussion.objects.values_list("id", "person_id", "held_on"):
        missing = {"police", "health"} - kinds[sid]
        if missing:
            out.append(
                Violation(
                    "strategy_without_police_and_health", pid, f"{day}: no {', '.join(missing)}"
                )
            )
    return out


def summary(results: dict[str, list[Violation]], examples: int = 3) -> list[str]:
    """One line per check, with a few examples of what failed."""
    out = []
    for name, found in results.items():
        out.append(f"{name:<40}{'pass' if not found else f'FAIL ({len(found):,})'}")
        for v in found[:examples]:
            out.append(f"    person {v.person_id}: {v.detail}")
    return out
