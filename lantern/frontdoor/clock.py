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

A contact the referrer marks urgent (the child may be at risk of significant harm) cannot
wait a working day: it is due the council's ``LANTERN_URGENT_DECISION_HOURS`` (default 2)
after it was received, whatever the day or hour, and closure days do not move it.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings

from lantern.clocks import due_date

CLOSE_OF_BUSINESS = dt.time(17, 0)
LONDON = ZoneInfo("Europe/London")
CLOCK_CODE = "referral_decision"
URGENT = "immediate"  # Contact.Urgency.IMMEDIATE (the model imports this module's users)


def _due_date(start: dt.date) -> dt.date:
    """The 1st working day after ``start``, by the clock engine's ``referral_decision`` rule
    and calendar (bank holidays and the council's closure days): the same calculation gives
    the deadline on each known child (started by ``contact_received``), so the MASH queue
    and the child's clocks never disagree."""
    return due_date(CLOCK_CODE, start)


def received_on(received_at: dt.datetime) -> dt.date:
    return received_at.astimezone(LONDON).date()


def urgent_decision_hours() -> int:
    return settings.LANTERN_URGENT_DECISION_HOURS


def decision_due_at(received_at: dt.datetime, urgency: str = "standard") -> dt.datetime:
    """Close of business on the 1st working day after the (local) day of receipt; for an
    urgent contact, the council's urgent hours after receipt."""
    if urgency == URGENT:
        return received_at + dt.timedelta(hours=urgent_decision_hours())
    due = _due_date(received_on(received_at))
    return dt.datetime.combine(due, CLOSE_OF_BUSINESS, tzinfo=LONDON)


def redate_awaiting_contacts(**_signal) -> int:
    """A closure day declared or withdrawn moves the children's decision clocks (the clock
    engine recomputes them); the MASH queue's due times move with them, by the same rule and
    calendar. One calculation per day of receipt, one UPDATE per contact that moved."""
    from lantern.frontdoor.models import Contact

    awaiting = Contact.objects.filter(status=Contact.Status.AWAITING).exclude(urgency=URGENT)
    due_by_day: dict[dt.date, dt.datetime] = {}
    moved = 0
    for pk, received_at, due_at in awaiting.values_list("pk", "received_at", "decision_due_at"):
        day = received_on(received_at)
        if day not in due_by_day:
            due_by_day[day] = decision_due_at(received_at)
        if due_by_day[day] != due_at:
            moved += Contact.objects.filter(pk=pk).update(decision_due_at=due_by_day[day])
    return moved
