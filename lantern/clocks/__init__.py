"""Statutory clocks: the timescales table, the England working-day calendar, and the
deadlines running on each child (DESIGN.md §3).

Public API: ``due_date(code, start)``, the due date of a rule started on ``start`` (for
example ``due_date("assessment", date(2025, 12, 19))``); ``apply_event`` for actions that
record what happened. Imports are lazy so this package can be imported before Django's app
registry is ready.
"""

import datetime as dt


def due_date(code: str, start: dt.date) -> dt.date:
    """When the clock ``code`` started on ``start`` falls due, by the council's rules and
    calendar (bank holidays and declared closure days)."""
    from lantern.clocks.queries import due_date as _due_date

    return _due_date(code, start)


def apply_event(person, event: str, on: dt.date, *, source=None):
    """Tell the clock engine ``event`` happened to ``person`` on ``on``."""
    from lantern.clocks.actions import apply_event as _apply_event

    return _apply_event(person, event, on, source=source)
