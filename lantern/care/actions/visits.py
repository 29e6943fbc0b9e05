"""Reg 28 visits to a looked-after child: which visiting rule applies, and the clock a visit
meets and starts.

The ordinary rule (reg 28(2)) runs from ``placement_started``. The special cases start from
events fired here: ``visit_regime(placement)`` is called when a placement starts (after
``placement_started``) and again when the child's legal status or the carer's approval
changes during it. A visit recorded through casework (kind "looked-after child visit") is
passed to ``meet_visit_clock``, which fires the event for the placement's rule.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Q

from lantern.care.models import LookedAfterReview, Placement, VisitRegime
from lantern.casework.actions.base import lock_child, refuse
from lantern.clocks.actions import apply_event

Rule = VisitRegime.Rule
SHORT_BREAK_STATUSES = {"V3", "V4"}
AT_HOME = "P1"  # placed with parent(s) or others with parental responsibility


def legal_status_on(placement: Placement, day: dt.date) -> str:
    status = (
        placement.period.statuses.filter(start_date__lte=day)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .order_by("-start_date", "-pk")
        .first()
    )
    return status.code if status else ""


def rule_for(placement: Placement, day: dt.date, temporary_approval: bool) -> str:
    code = legal_status_on(placement, day)
    at_home = placement.placement_type == AT_HOME
    if code in SHORT_BREAK_STATUSES:
        return Rule.SHORT_BREAKS  # reg 48(3)(c): reg 28(2) does not apply
    if at_home and code == "C2":
        return Rule.CARE_ORDER_AT_HOME  # reg 28(5)
    if temporary_approval or (at_home and code == "C1"):
        return Rule.WEEKLY  # reg 28(4): reg 24 applies, or an interim order at home
    return Rule.STANDARD


def _first_review_by(placement: Placement, day: dt.date) -> bool:
    return LookedAfterReview.objects.filter(period=placement.period, held_on__lte=day).exists()


@transaction.atomic
def visit_regime(
    placement: Placement, *, on: dt.date | None = None, temporary_approval: bool | None = None
) -> VisitRegime:
    """Decide and keep the placement's visiting rule from ``on`` (its start by default), and
    start the clocks a special case needs. Call it after ``placement_started`` for every new
    placement, and again when a legal status starts during the placement or the fostering
    panel decides on a temporarily approved carer (``temporary_approval=False``)."""
    lock_child(placement.person_id)  # already held when called from a care action
    on = on or placement.start_date
    existing = VisitRegime.objects.select_for_update().filter(placement=placement).first()
    if temporary_approval is None:
        temporary_approval = existing.temporary_approval if existing else False
    rule = rule_for(placement, on, temporary_approval)
    if existing and (existing.rule, existing.temporary_approval) == (rule, temporary_approval):
        return existing
    before = existing.rule if existing else None
    regime, _ = VisitRegime.objects.update_or_create(
        placement=placement,
        defaults={"rule": rule, "since": on, "temporary_approval": temporary_approval},
    )
    if rule == before:
        return regime
    event = None
    if rule == Rule.WEEKLY:
        reviewed = _first_review_by(placement, on)
        event = "four_weekly_visits_started" if reviewed else "weekly_visits_started"
    elif rule == Rule.CARE_ORDER_AT_HOME and existing is not None:
        event = "care_order_made_at_home"  # a new placement's week runs from its start
    elif rule == Rule.SHORT_BREAKS:
        event = "short_breaks_started"
    elif rule == Rule.STANDARD and existing is not None:
        event = "standard_visits_resumed"
    if event:
        apply_event(placement.person, event, on, source=placement)
    return regime


def placement_on(person, day: dt.date) -> Placement | None:
    return (
        Placement.objects.filter(person=person, start_date__lte=day)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .select_related("period")
        .order_by("-start_date", "-pk")
        .first()
    )


def _a_year_on(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return dt.date(day.year + 1, 3, 1)


def visit_event(placement: Placement, visited_on: dt.date) -> str:
    regime = VisitRegime.objects.filter(placement=placement).first()
    rule = regime.rule if regime else Rule.STANDARD
    if rule == Rule.SHORT_BREAKS:
        return "cla_visit_made_short_break"
    if rule == Rule.WEEKLY:
        reviewed = _first_review_by(placement, visited_on)
        return "cla_visit_made_4_weekly" if reviewed else "cla_visit_made_weekly"
    if (
        rule == Rule.STANDARD
        and placement.long_term
        and visited_on >= _a_year_on(placement.start_date)
    ):
        return "cla_visit_made_long_term"
    return "cla_visit_made"


def meet_visit_clock(visit) -> None:
    """Casework's hook for every visit recorded: a looked-after child visit is made to a
    child in a placement, and meets the reg 28 clock when the child was seen (reg 29: the
    child is seen, alone where appropriate)."""
    from lantern.casework.models import Visit

    if visit.kind != Visit.Kind.LOOKED_AFTER:
        return
    placement = placement_on(visit.person, visit.visited_on)
    if placement is None:
        refuse(
            "A looked-after child visit is to a child in a placement on the day of the visit: "
            "choose another type of visit",
            "kind",
        )
    if visit.child_seen:
        apply_event(
            visit.person, visit_event(placement, visit.visited_on), visit.visited_on, source=visit
        )


def after_first_review(period, held_on: dt.date, *, source=None) -> None:
    """Reg 28(4): weekly visits last until the first review, 4-weekly after it."""
    placement = placement_on(period.person, held_on)
    if placement is None:
        return
    regime = VisitRegime.objects.filter(placement=placement, rule=Rule.WEEKLY).first()
    if regime is not None:
        apply_event(period.person, "four_weekly_visits_started", held_on, source=source)
