"""The clock engine's writes: events move one child's clocks; policy changes move them all.

``apply_event`` is called by casework (and later care) actions inside their own transaction,
so a deadline changes the moment the event is recorded, not in a nightly batch: a visit
recorded at 16:55 clears "my work" at 16:55. Which clocks an event meets, cancels or starts
is read from the rules table, never written here.
"""

import datetime as dt

from django.db import transaction

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.clocks import engine
from lantern.clocks.calendar import WorkingDayCalendar, current_calendar
from lantern.clocks.models import ClockRule, ClosureDay, Deadline, LookAhead
from lantern.clocks.queries import rules_in_force
from lantern.clocks.table import EVENTS

OPEN = Deadline.State.OPEN


class UnknownEvent(ValueError):
    pass


class NotLocalPolicy(ValueError):
    pass


@transaction.atomic
def apply_event(
    person,
    event: str,
    on: dt.date,
    *,
    source=None,
    rules: list[ClockRule] | None = None,
    calendar: WorkingDayCalendar | None = None,
) -> list[Deadline]:
    """Record that ``event`` happened to ``person`` on ``on``; returns the clocks it started.

    Reads the child's clocks the event can touch (one indexed query: a child has tens, not
    thousands), applies ``engine.step`` and writes back only what changed. The child's row
    is locked first, so two events on one child (a visit and a plan ending) take turns;
    casework has locked it already, at the start of the action (``lock_child``). ``FOR NO
    KEY UPDATE``, as there: an insert that merely names the child (a page view's audit
    entry) is not made to wait, nor does it hold up this lock.
    """
    if event not in EVENTS:
        raise UnknownEvent(f"unknown clock event {event!r}")
    rules = rules_in_force() if rules is None else rules
    by_pk = {
        r.pk: r
        for r in rules
        if event in r.starts_on or event in r.met_by or event in r.cancelled_by
    }
    if not by_pk:
        return []
    type(person).objects.select_for_update(no_key=True).filter(pk=person.pk).values_list(
        "pk"
    ).first()
    rows = Deadline.objects.filter(person=person, rule_id__in=list(by_pk)).order_by()
    clocks = [
        engine.Clock(
            by_pk[row.rule_id],
            row.started_on,
            row.due_on,
            row.started_by,
            (row.source_type, row.source_ref),
            state=row.state,
            closed_on=row.closed_on,
            closed_by=row.closed_by,
            pk=row.pk,
        )
        for row in rows
    ]
    before = {c.pk: (c.state, c.closed_on, c.started_on) for c in clocks}
    label = (source._meta.label, str(source.pk)) if source is not None else ("", "")
    if calendar is None and any(event in r.starts_on for r in by_pk.values()):
        calendar = current_calendar()  # most events only stop clocks: no query for those
    started = engine.step(clocks, on, event, label, list(by_pk.values()), calendar)
    for clock in clocks:
        if (clock.state, clock.closed_on, clock.started_on) != before[clock.pk]:
            Deadline.objects.filter(pk=clock.pk).update(
                state=clock.state,
                closed_on=clock.closed_on,
                closed_by=clock.closed_by,
                started_on=clock.started_on,
                due_on=clock.due_on,
                started_by=clock.started_by,
                source_type=clock.source[0],
                source_ref=clock.source[1],
            )
    return Deadline.objects.bulk_create(
        [
            Deadline(
                person=person,
                rule=c.rule,
                started_on=c.started_on,
                due_on=c.due_on,
                started_by=c.started_by,
                source_type=label[0],
                source_ref=label[1],
                calendar_version=calendar.version if calendar else "",
            )
            for c in started
        ]
    )


@transaction.atomic
def extend_deadline(deadline: Deadline, days: int) -> Deadline:
    """Put an open clock's due date back by ``days``, as the law allows for some clocks (a
    court extending the 26 weeks of care proceedings). The extension is kept on the row, so
    a later change of calendar or rule recomputes the due date with it, not without it. The
    caller keeps the reason (the record that granted it)."""
    if days < 1:
        raise ValueError("an extension is at least 1 day")
    row = Deadline.objects.select_for_update().get(pk=deadline.pk)
    if row.state != OPEN:
        raise ValueError(f"{row} is {row.get_state_display().lower()}: it cannot be extended")
    row.extended_days += days
    row.due_on += dt.timedelta(days=days)
    row.save(update_fields=["extended_days", "due_on"])
    return row


def recompute_open_deadlines(
    rules: list[ClockRule] | None = None, calendar: WorkingDayCalendar | None = None
) -> int:
    """Recompute the due date of every open clock after the calendar or a rule changed.

    Deadlines sharing a rule and a start date share a due date, so the work is one pass over
    the distinct (rule, start, due) groups and one UPDATE per group whose date moved, not one
    per deadline. Returns the number of deadlines whose due date changed.
    """
    rules = {r.pk: r for r in (rules_in_force() if rules is None else rules)}
    calendar = calendar or current_calendar()
    groups = (
        Deadline.objects.filter(state=OPEN, rule_id__in=list(rules))
        .values_list("rule_id", "started_on", "due_on", "extended_days")
        .distinct()
        .order_by()
    )
    changed = 0
    with transaction.atomic():
        for rule_id, started_on, due_on, extended in list(groups):
            rule = rules[rule_id]
            due = calendar.due(started_on, rule.amount, rule.unit) + dt.timedelta(days=extended)
            if due != due_on:
                changed += Deadline.objects.filter(
                    state=OPEN,
                    rule_id=rule_id,
                    started_on=started_on,
                    due_on=due_on,
                    extended_days=extended,
                ).update(due_on=due, calendar_version=calendar.version)
    return changed


@transaction.atomic
def set_interval(code: str, amount: int, *, acting_user=None, request=None) -> ClockRule:
    """Change a council's own interval (e.g. CP visits every 15 working days). National
    timescales are law and change only with the table."""
    rule = ClockRule.objects.select_for_update().get(code=code)
    if not rule.local_policy:
        raise NotLocalPolicy(f"{code} is set in law ({rule.source}); it cannot be changed here")
    if amount < 1:
        raise ValueError("the interval must be at least 1")
    before = rule.interval
    rule.amount = amount
    rule.save(update_fields=["amount", "updated_at"])
    moved = recompute_open_deadlines([rule])
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        obj=rule,
        detail=f"{code}: {before} → {rule.interval}; {moved} open deadline(s) moved",
    )
    return rule


@transaction.atomic
def declare_closure_day(day: dt.date, reason: str, *, acting_user=None, request=None) -> int:
    """The council will be closed on ``day``: no working-day clock counts it."""
    closure, _ = ClosureDay.objects.update_or_create(
        day=day, defaults={"reason": reason[:120], "declared_by": acting_user}
    )
    moved = recompute_open_deadlines()
    audit.record(
        request,
        AuditEntry.Action.CREATE,
        user=acting_user,
        obj=closure,
        detail=f"closure day {day}: {reason}; {moved} open deadline(s) moved",
    )
    return moved


@transaction.atomic
def withdraw_closure_day(day: dt.date, *, acting_user=None, request=None) -> int:
    deleted, _ = ClosureDay.objects.filter(day=day).delete()
    if not deleted:
        return 0  # nothing was declared that day: nothing changed, nothing to record
    moved = recompute_open_deadlines()
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        detail=f"closure day {day} withdrawn; {moved} open deadline(s) moved",
    )
    return moved


@transaction.atomic
def set_look_ahead(working_days: int, *, acting_user=None, request=None) -> LookAhead:
    """How many working days ahead My work shows: a council's policy, changed and audited
    like an interval. Moves no deadline: it changes what is shown, not what is due."""
    if not 1 <= working_days <= LookAhead.MAXIMUM:
        raise ValueError(f"My work looks ahead 1 to {LookAhead.MAXIMUM} working days")
    window, _ = LookAhead.objects.select_for_update().get_or_create(pk=1)
    before = window.working_days
    window.working_days = working_days
    window.updated_by = acting_user
    window.save(update_fields=["working_days", "updated_by", "updated_at"])
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        obj=window,
        detail=f"my work looks ahead: {before} → {working_days} working day(s)",
    )
    return window
