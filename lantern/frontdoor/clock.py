"""When a MASH decision on a contact is due: 1 working day (Working Together 2023).

The rule, including time of day:
- The clock starts on the calendar date the contact was received **in England**
  (Europe/London): a contact sent at 00:30 BST on a Friday was received on Friday, although
  it is still Thursday in UTC.
- The decision is due by close of business (17:00 local) on the 1st working day after that
  date; the day of receipt is never counted (DESIGN.md §3 counting). Working days exclude
  weekends and England & Wales bank holidays.
- So a contact received after 17:00, at a weekend or on a bank holiday is not moved on to
  the next working day before counting: it already gets one full working day (the next one)
  and moving it would give it two, making "decided within 1 working day" incomparable with
  the DfE and Annex A figures. A contact received in working hours gets the rest of that
  day and the whole of the next.

Examples: Friday 19 Dec 2025 -> Monday 22 Dec; Thursday 24 Dec 2025 -> Monday 29 Dec (25-26
Dec bank holidays, 27-28 weekend); Thursday 2 Apr 2026 -> Tuesday 7 Apr (Good Friday 3 Apr,
Easter Monday 6 Apr).
"""

import datetime as dt
from zoneinfo import ZoneInfo

CLOSE_OF_BUSINESS = dt.time(17, 0)
LONDON = ZoneInfo("Europe/London")
CLOCK_CODE = "referral_decision"


def _due_date(start: dt.date) -> dt.date:
    """The 1st working day after ``start``: the shared clock engine's rule and calendar
    (which also knows the council's closure days) when it is installed."""
    from django.apps import apps

    if apps.is_installed("lantern.clocks"):
        from lantern.clocks import due_date

        return due_date(CLOCK_CODE, start)
    return _interim_due_date(start)


def _interim_due_date(start: dt.date) -> dt.date:
    # Fallback only for a tree without lantern.clocks (it was built alongside this app);
    # delete once lantern.clocks is committed.
    import holidays

    years = [start.year, start.year + 1]
    bank_holidays = holidays.country_holidays("GB", subdiv="ENG", years=years)
    day = start
    while True:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in bank_holidays:
            return day


def received_on(received_at: dt.datetime) -> dt.date:
    return received_at.astimezone(LONDON).date()


def decision_due_at(received_at: dt.datetime) -> dt.datetime:
    """Close of business on the 1st working day after the (local) day of receipt."""
    due = _due_date(received_on(received_at))
    return dt.datetime.combine(due, CLOSE_OF_BUSINESS, tzinfo=LONDON)
