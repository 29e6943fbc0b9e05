"""The clock rules applied in memory to a whole history of events, for bulk work.

``actions.apply_event`` moves one child's clocks in the database as each event is recorded;
``replay`` gives the same answer for a list of events at once, without a query, so the demo
generator and imports can compute every deadline for thousands of children and write them
in one bulk insert. Both are built on ``step``, one event on one child's clocks, so the
rules are applied in exactly one place.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from lantern.clocks.calendar import WorkingDayCalendar

OPEN, MET, CANCELLED = "open", "met", "cancelled"


@dataclass
class Clock:
    rule: object  # a ClockRule (or anything with pk, amount, unit and the event lists)
    started_on: dt.date
    due_on: dt.date
    started_by: str
    source: tuple[str, str] = ("", "")
    state: str = OPEN
    closed_on: dt.date | None = None
    closed_by: str = ""
    pk: int | None = None  # the Deadline row, once written


def step(clocks: list[Clock], on: dt.date, event: str, source, rules, calendar) -> list[Clock]:
    """Apply one event to one child's clocks: meet what it satisfies (moving an already-met
    clock's date back if the event is recorded late), cancel what it makes irrelevant, and
    return the clocks it starts, unless a later event of the same kind already started
    them, or the rule counts from the first start and its clock is still open (WT23: the
    ICPC runs from the first strategy discussion). ``clocks`` are changed in place."""
    starts = {r.pk for r in rules if event in r.starts_on}
    met = {r.pk for r in rules if event in r.met_by}
    cancelled = {r.pk for r in rules if event in r.cancelled_by} - met
    for clock in clocks:
        pk = clock.rule.pk
        if not _concerns(clock, source):
            continue
        # A clock the same event restarts is not met by it on its own first day.
        if pk in met and (clock.started_on < on or (pk not in starts and clock.started_on == on)):
            if clock.state == OPEN or (clock.state == MET and clock.closed_on > on):
                clock.state, clock.closed_on, clock.closed_by = MET, on, event
        elif pk in cancelled and clock.state == OPEN and clock.started_on <= on:
            clock.state, clock.closed_on, clock.closed_by = CANCELLED, on, event
        # Recorded out of order: the first start, written up after a later one, takes over.
        first = getattr(clock.rule, "counts_from_first", False)
        if first and pk in starts and clock.state == OPEN and clock.started_on > on:
            clock.started_on, clock.started_by, clock.source = on, event, source
            clock.due_on = calendar.due(on, clock.rule.amount, clock.rule.unit)
    superseded = {
        c.rule.pk
        for c in clocks
        if c.rule.pk in starts
        and _concerns(c, source)
        and c.state != CANCELLED
        and (
            c.started_on >= on
            or (
                c.state == OPEN
                and c.started_on < on
                and getattr(c.rule, "counts_from_first", False)
            )
        )
    }
    return [
        Clock(rule, on, calendar.due(on, rule.amount, rule.unit), event, source)
        for rule in rules
        if rule.pk in starts - superseded
    ]


def _concerns(clock: Clock, source) -> bool:
    """Whether an event about ``source`` can touch ``clock``: any event of its kinds can,
    unless the rule keeps a clock per record (``per_source``), which only its own can. A
    source is whatever the caller names records by, the same for a whole history: a
    (label, id) pair from the database, the record itself in a bulk replay."""
    return not getattr(clock.rule, "per_source", False) or clock.source == source


def replay(
    events: Iterable[tuple[dt.date, str, tuple[str, str]]],
    rules: list,
    calendar: WorkingDayCalendar,
) -> list[Clock]:
    """Every clock one child's ``(date, event, source)`` history starts, in date order."""
    clocks: list[Clock] = []
    for on, event, source in sorted(events, key=lambda e: e[0]):
        clocks += step(clocks, on, event, source, rules, calendar)
    return clocks
