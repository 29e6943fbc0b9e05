"""The permanence tracker: each looked-after child's plan, how long they have waited, and
the adoption milestones against the DfE adoption scorecard.

The scorecard measures (DfE adoption scorecards, indicators A1 and A2): A1, the days from
entering care to moving in with the adoptive family (placed for adoption), against a
threshold of 426 days; A2, the days from the court's authority to place the child (the
placement order) to the match with adopters, against 121 days. These thresholds are the
scorecard's, not in shared/reference/statutory.md, which covers the statutory timescales.

A plan for permanence is due by the second looked-after review (Care Planning Regs 2010
reg 5(a); statutory.md 2.7). The second review's due date is read from the clocks
(``Deadline`` rows of ``second_lac_review``, started when the first review is held); before
there is one, it is counted the way the clock engine would: the first review 20 working
days after the child became looked after (its due date, or the day it was held), the
second 3 months after that.
"""

import datetime as dt
from dataclasses import dataclass, field

from lantern.care import codes
from lantern.care.models import AdoptionPlan, PeriodOfCare, PermanencePlan
from lantern.clocks.calendar import add_months, current_calendar
from lantern.clocks.models import Deadline

PLACED_THRESHOLD = 426  # A1: entering care to placed for adoption
MATCH_THRESHOLD = 121  # A2: placement order to match with adopters

# Leaving care by one of these orders (SSDA903 REC) is a permanence outcome.
OUTCOMES = {
    "E11": "Adopted",
    "E12": "Adopted",
    "E41": "Child arrangements order",
    "E45": "Special guardianship order",
    "E46": "Special guardianship order",
    "E47": "Special guardianship order",
    "E48": "Special guardianship order",
}


REVIEW_RULES = ("first_lac_review", "second_lac_review")


def _review_clocks(person_ids) -> dict[int, list[Deadline]]:
    """Each person's first and second looked-after review clocks, oldest first: read once
    for a whole list, so the tracker does not ask the clocks again for every child."""
    clocks: dict[int, list[Deadline]] = {}
    rows = Deadline.objects.filter(person_id__in=person_ids, rule__code__in=REVIEW_RULES)
    for deadline in rows.select_related("rule").order_by("started_on", "id"):
        clocks.setdefault(deadline.person_id, []).append(deadline)
    return clocks


def second_review_due(period: PeriodOfCare, *, clocks: list[Deadline] | None = None) -> dt.date:
    """When the second looked-after review of ``period`` is (or was) due. ``clocks``: the
    child's review clocks, if the caller has read them already (``_review_clocks``)."""
    if clocks is None:
        clocks = _review_clocks([period.person_id]).get(period.person_id, [])
    clocks = [
        d
        for d in clocks
        if d.started_on >= period.start_date
        and (period.end_date is None or d.started_on <= period.end_date)
    ]
    second = next((d for d in clocks if d.rule.code == "second_lac_review"), None)
    if second is not None:
        return second.due_on
    first = next((d for d in clocks if d.rule.code == "first_lac_review"), None)
    if first is not None:
        return add_months(first.closed_on if first.state == Deadline.State.MET else first.due_on, 3)
    return add_months(current_calendar().add_working_days(period.start_date, 20), 3)


def days_between(start: dt.date | None, end: dt.date | None) -> int | None:
    return (end - start).days if start and end else None


@dataclass
class Milestones:
    """The adoption dates of one period, and the scorecard intervals between them."""

    adoption: AdoptionPlan
    entered_care: dt.date

    @property
    def care_to_placed(self) -> int | None:  # scorecard A1
        return days_between(self.entered_care, self.adoption.placed_on)

    @property
    def order_to_match(self) -> int | None:  # scorecard A2
        return days_between(self.adoption.placement_order_on, self.adoption.matched_on)

    @property
    def decision_to_order(self) -> int | None:
        return days_between(self.adoption.decided_on, self.adoption.placement_order_on)

    @property
    def placed_to_order(self) -> int | None:
        return days_between(self.adoption.placed_on, self.adoption.adoption_order_on)

    def overdue(self, today: dt.date) -> list[str]:
        """Scorecard thresholds passed, met late or still waiting."""
        late = []
        a = self.adoption
        if a.reversed_on is not None:
            return late
        placed = self.care_to_placed
        waited = placed if placed is not None else (today - self.entered_care).days
        if waited > PLACED_THRESHOLD:
            late.append(f"Not placed for adoption within {PLACED_THRESHOLD} days of entering care")
        if a.placement_order_on is not None:
            match = self.order_to_match
            waited = match if match is not None else (today - a.placement_order_on).days
            if waited > MATCH_THRESHOLD:
                late.append(f"Not matched within {MATCH_THRESHOLD} days of the placement order")
        return late


@dataclass
class TrackerRow:
    person: object
    period: PeriodOfCare
    plan: PermanencePlan | None
    days_in_care: int
    second_review_due: dt.date
    milestones: Milestones | None
    no_plan_after_second_review: bool = False
    overdue: list[str] = field(default_factory=list)

    @property
    def plan_label(self) -> str:
        return codes.PERMANENCE_PLAN.label(self.plan.plan) if self.plan else ""


def tracker_row(
    period: PeriodOfCare, today: dt.date, *, plan=None, adoption=None, clocks=None
) -> TrackerRow:
    due = second_review_due(period, clocks=clocks)
    milestones = Milestones(adoption, period.start_date) if adoption else None
    overdue = []
    missing = plan is None and today > due
    if missing:
        overdue.append(f"No permanence plan: the second review was due {due:%-d %b %Y}")
    if milestones is not None:
        overdue += milestones.overdue(today)
    return TrackerRow(
        period.person,
        period,
        plan,
        (today - period.start_date).days,
        due,
        milestones,
        missing,
        overdue,
    )


def permanence_tracker(people, today: dt.date) -> list[TrackerRow]:
    """One row per looked-after child in ``people`` (their open period of care), the
    children with something overdue first."""
    periods = list(
        PeriodOfCare.objects.filter(person__in=people, end_date__isnull=True).select_related(
            "person"
        )
    )
    ids = [p.pk for p in periods]
    plans: dict[int, PermanencePlan] = {}
    for plan in PermanencePlan.objects.filter(period_id__in=ids).order_by("agreed_on", "pk"):
        plans[plan.period_id] = plan  # the latest wins
    adoptions = {a.period_id: a for a in AdoptionPlan.objects.filter(period_id__in=ids)}
    clocks = _review_clocks([p.person_id for p in periods])
    rows = [
        tracker_row(
            p,
            today,
            plan=plans.get(p.pk),
            adoption=adoptions.get(p.pk),
            clocks=clocks.get(p.person_id, []),
        )
        for p in periods
    ]
    rows.sort(key=lambda r: (not r.overdue, -r.days_in_care))
    return rows


def outcome_of(period: PeriodOfCare) -> str:
    """The permanence order the child left care by, if any (adoption, SGO, CAO)."""
    return OUTCOMES.get(period.reason_ceased, "") if period.end_date else ""
