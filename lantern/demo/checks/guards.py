"""The casework guards of issue 9 §4, run over every record; where the app has the guard
as a function (the conference chair's independence), the check calls it."""

from collections import defaultdict
from types import SimpleNamespace

from django.core.exceptions import ValidationError

from lantern.casework import models as cw
from lantern.casework.actions.conference_guards import chair_is_independent
from lantern.demo.checks.registry import Violation, _age, _births, _v, check
from lantern.people.models import Person


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
    """A child not seen has the reason why (before birth: the expectant parent was seen);
    seen but not alone, the reason for that."""
    unseen = cw.Visit.objects.filter(
        child_seen=False, expectant_parent_seen=False, reason_not_seen=""
    )
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
    out, births = [], _births()
    deaths = dict(Person.objects.exclude(date_of_death=None).values_list("id", "date_of_death"))
    for plan, pid, end, why, moved_on in cw.ChildProtectionPlan.objects.filter(
        end_date__isnull=False
    ).values_list("id", "person_id", "end_date", "end_reason", "receiving_conference_on"):
        evidence = {  # the fact that ends a plan without a review (``end_cp_plan``)
            "adult": pid in births and _age(births[pid], end) >= 18,
            "died": pid in deaths and deaths[pid] <= end,
            "transferred": moved_on is not None and moved_on <= end,
            "left_uk": True,
        }
        if evidence.get(why):
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
    """Police and health took part, or the reason they did not is recorded
    (``actions.attendance.who_took_part``)."""
    kinds = defaultdict(set)
    through = cw.StrategyDiscussion.agencies.through
    for sid, kind in through.objects.values_list("strategydiscussion_id", "agency__kind"):
        kinds[sid].add(kind)
    out = []
    rows = cw.StrategyDiscussion.objects.filter(why_not_police_and_health="")
    for sid, pid, day in rows.values_list("id", "person_id", "held_on"):
        missing = {"police", "health"} - kinds[sid]
        if missing:
            out.append(
                Violation(
                    "strategy_without_police_and_health", pid, f"{day}: no {', '.join(missing)}"
                )
            )
    return out
