"""Reads: a rule's due date for a start date, and the clocks running on children."""

import datetime as dt
from dataclasses import dataclass

from lantern.clocks import table
from lantern.clocks.calendar import WorkingDayCalendar, current_calendar
from lantern.clocks.models import ClockRule, Deadline, LookAhead
from lantern.long_lists import one_of
from lantern.prepared import prepared


class UnknownClock(KeyError):
    pass


def rule_named(code: str) -> ClockRule | table.Rule:
    """The council's row for ``code``, or the table's default where the database has none
    yet (before the first migrate)."""
    try:
        return ClockRule.objects.get(code=code)
    except ClockRule.DoesNotExist:
        if code in table.BY_CODE:
            return table.BY_CODE[code]
        raise UnknownClock(code) from None


def due_date(code: str, start: dt.date, calendar: WorkingDayCalendar | None = None) -> dt.date:
    rule = rule_named(code)
    return (calendar or current_calendar()).due(start, rule.amount, rule.unit)


def look_ahead_days() -> int:
    """The council's My work window, in working days (``LookAhead``)."""
    days = _look_ahead()
    return LookAhead.DEFAULT if not days else days[0]


@prepared
def _look_ahead():
    return LookAhead.objects.values_list("working_days", flat=True).order_by("pk")[:1]


@prepared
def rules_in_force():
    return ClockRule.objects.filter(retired=False)


@dataclass
class DueItem:
    """One running clock as a worker sees it: what, for whom, when, and how late."""

    deadline: Deadline
    today: dt.date
    working_days_late: int
    hold_by: dt.date | None = None  # a month-based due date on a non-working day

    @property
    def overdue(self) -> bool:
        return self.deadline.due_on < self.today

    @property
    def days_late(self) -> int:
        return (self.today - self.deadline.due_on).days


def due_items(deadlines, today: dt.date) -> list[DueItem]:
    deadlines = list(deadlines)
    if not deadlines:
        return []  # most pages, most days: no calendar needed to show nothing
    calendar = current_calendar()
    return [
        DueItem(
            d,
            today,
            max(0, calendar.working_days_between(d.due_on, today)),
            calendar.hold_by(d.due_on, d.rule.unit),
        )
        for d in deadlines
    ]


def open_for_worker(person_ids, *, due_by: dt.date | None = None):
    """Open clocks that are a worker's task (not DfE measures) on these children, most urgent
    first. ``person_ids`` may be a subquery."""
    return _worker_tasks(Deadline.objects.filter(one_of("person_id", person_ids)), due_by)


def _worker_tasks(rows, due_by: dt.date | None):
    rows = rows.filter(state=Deadline.State.OPEN, rule__for_worker=True)
    if due_by is not None:
        rows = rows.filter(due_on__lte=due_by)
    return rows.select_related("rule", "person").order_by("due_on", "person__last_name", "id")


def overdue_for(person, today: dt.date) -> list[DueItem]:
    return due_items(_overdue(person.pk, today - dt.timedelta(days=1)), today)


@prepared
def open_for_child(person_id):
    """``open_for_worker`` for one child, as the casework page asks it."""
    return _worker_tasks(Deadline.objects.filter(person_id=person_id), None)


@prepared
def _overdue(person_id, due_by):
    """``open_for_worker`` for one child, as every record page asks it."""
    return _worker_tasks(Deadline.objects.filter(person_id=person_id), due_by)


def history_for(person) -> list[Deadline]:
    return list(
        Deadline.objects.filter(person=person).select_related("rule").order_by("-started_on", "id")
    )
