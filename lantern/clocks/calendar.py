"""The England working-day calendar and the three ways a due date is counted.

Working days are Monday to Friday, less England and Wales bank holidays (the ``holidays``
package, subdivision ENG, which also knows one-off days such as the 2023 coronation) and
any day the council declares closed. No source defines how to count them (statutory.md
Table 6); the convention here is DESIGN.md §3: "N working days" is the Nth working day after
the start, the start itself not counted; "N months" is the same day N months later, clamped
to the month's last day and not moved off a weekend.

The working days are built once into a sorted list, so adding N working days is a binary
search and an index: recomputing every deadline in a borough costs microseconds each.
"""

import bisect
import calendar as stdlib_calendar
import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

import holidays

from lantern.clocks import table
from lantern.prepared import prepared
from lantern.web.memo import once_per_request

FIRST_YEAR = 1990
LAST_YEAR = 2080


class OutsideCalendar(ValueError):
    """A date the calendar does not cover: refuse rather than guess."""


class WorkingDayCalendar:
    def __init__(
        self, closures: Iterable[dt.date] = (), *, first_year=FIRST_YEAR, last_year=LAST_YEAR
    ):
        self.closures = frozenset(closures)
        self.first_year = first_year
        self.bank_holidays = bank_holidays(first_year, last_year)
        first = dt.date(first_year, 1, 1).toordinal()
        last = dt.date(last_year, 12, 31).toordinal()
        off = {d.toordinal() for d in self.bank_holidays} | {d.toordinal() for d in self.closures}
        # 1 Jan of year 1 was a Monday, so (ordinal - 1) % 7 is the weekday.
        self._days = [n for n in range(first, last + 1) if (n - 1) % 7 < 5 and n not in off]
        self.version = f"holidays-{holidays.__version__}+{len(self.closures)}-closures"

    def is_working_day(self, day: dt.date) -> bool:
        n = day.toordinal()
        i = bisect.bisect_left(self._days, n)
        return i < len(self._days) and self._days[i] == n

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The Nth working day after ``start`` (``start`` not counted; 0 gives ``start``)."""
        if n == 0:
            return start
        if n < 0:
            raise ValueError("count working days forwards only")
        i = bisect.bisect_right(self._days, start.toordinal()) + n - 1
        if i >= len(self._days) or start.year < self.first_year:
            raise OutsideCalendar(f"{start} + {n} working days is outside the calendar")
        return dt.date.fromordinal(self._days[i])

    def working_days_after(self, start: dt.date, n: int) -> list[dt.date]:
        """The next N working days after ``start`` (``start`` not counted): on a Friday or a
        Sunday alike the next five begin on Monday, less a bank holiday."""
        i = bisect.bisect_right(self._days, start.toordinal())
        if n < 0 or i + n > len(self._days) or start.year < self.first_year:
            raise OutsideCalendar(f"{n} working days after {start} are outside the calendar")
        return [dt.date.fromordinal(d) for d in self._days[i : i + n]]

    def subtract_working_days(self, end: dt.date, n: int) -> dt.date:
        """The working day N working days before ``end`` (so adding N to it gives ``end``
        when ``end`` is itself a working day)."""
        i = bisect.bisect_left(self._days, end.toordinal()) - n
        if i < 0:
            raise OutsideCalendar(f"{end} - {n} working days is outside the calendar")
        return dt.date.fromordinal(self._days[i])

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative if ``end`` is
        earlier): how late a deadline is, in the unit the law counts it."""
        a, b = start.toordinal(), end.toordinal()
        if b < a:
            return -self.working_days_between(end, start)
        return bisect.bisect_right(self._days, b) - bisect.bisect_right(self._days, a)

    def due(self, start: dt.date, amount: int, unit: str) -> dt.date:
        if unit == table.WORKING_DAYS:
            return self.add_working_days(start, amount)
        if unit == table.CALENDAR_DAYS:
            return start + dt.timedelta(days=amount)
        if unit == table.WEEKS:
            return start + dt.timedelta(weeks=amount)
        if unit == table.MONTHS:
            return add_months(start, amount)
        raise ValueError(f"unknown unit {unit!r}")

    def hold_by(self, due: dt.date, unit: str) -> dt.date | None:
        """For a month-based due date that is not a working day, the last working day before
        it: "N months" is not moved off a weekend (DESIGN.md §3), so a review due on a
        Saturday is shown with the Friday it must be held by. None when nothing to warn of
        (working-day clocks always fall on a working day; weeks are the worker's own)."""
        if unit != table.MONTHS or self.is_working_day(due):
            return None
        return self.subtract_working_days(due, 1)


def bank_holidays(first_year: int = FIRST_YEAR, last_year: int = LAST_YEAR) -> holidays.HolidayBase:
    """England's bank holidays over the calendar's years, worked out once per process: about
    a quarter of a second, so gunicorn's master works them out before it forks the workers
    (deploy/gunicorn.conf.py), and a closure day declared later rebuilds only the list.
    Passed on positionally: ``lru_cache`` keeps ``f()`` and ``f(1990, 2080)`` apart, and
    the master's call must fill the entry the calendar reads."""
    return _bank_holidays(first_year, last_year)


@lru_cache(maxsize=4)
def _bank_holidays(first_year: int, last_year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv="ENG", years=range(first_year, last_year + 1))


def add_months(start: dt.date, months: int) -> dt.date:
    """Same day ``months`` later, clamped to the month's end: 31 Jan + 1 month = 28/29 Feb."""
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    last = stdlib_calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(start.day, last))


@lru_cache(maxsize=8)
def calendar_with(closures: frozenset[dt.date]) -> WorkingDayCalendar:
    """One built calendar per set of closure days, shared by every request in the process."""
    return WorkingDayCalendar(closures)


def current_calendar() -> WorkingDayCalendar:
    """The calendar with today's council closure days: one small query (once per page that
    only reads), then a cached build, so a closure declared in another process is seen at
    the next page."""
    closures = once_per_request("closure days", lambda: frozenset(_closure_days()))
    return calendar_with(closures)


@prepared
def _closure_days():
    from lantern.clocks.models import ClosureDay

    return ClosureDay.objects.values_list("day", flat=True)
