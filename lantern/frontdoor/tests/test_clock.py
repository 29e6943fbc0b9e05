"""The 1-working-day decision clock, bank holidays and time of day included."""

import datetime as dt

import pytest

from lantern.frontdoor.clock import LONDON, decision_due_at

pytestmark = pytest.mark.django_db  # the clock engine reads the council's rules


def at(y, m, d, h=10, minute=0):
    return dt.datetime(y, m, d, h, minute, tzinfo=LONDON)


@pytest.mark.parametrize(
    "received,due",
    [
        (at(2025, 12, 19), dt.date(2025, 12, 22)),  # Friday -> Monday
        (at(2025, 12, 19, 18, 30), dt.date(2025, 12, 22)),  # after hours Friday -> Monday
        (at(2025, 12, 20), dt.date(2025, 12, 22)),  # Saturday -> Monday
        (at(2025, 12, 24), dt.date(2025, 12, 29)),  # 25, 26 Dec bank holidays, then weekend
        (at(2025, 12, 31), dt.date(2026, 1, 2)),  # New Year's Day skipped
        (at(2026, 4, 2), dt.date(2026, 4, 7)),  # Good Friday 3 Apr, Easter Monday 6 Apr
        (at(2026, 4, 3), dt.date(2026, 4, 7)),  # received on Good Friday itself
        (at(2026, 4, 6, 23, 59), dt.date(2026, 4, 7)),  # Easter Monday, late
        (at(2026, 3, 10), dt.date(2026, 3, 11)),  # an ordinary Tuesday
    ],
)
def test_the_decision_is_due_by_5pm_on_the_next_working_day(received, due):
    moment = decision_due_at(received)
    assert moment.date() == due
    assert (moment.hour, moment.minute) == (17, 0)


def test_the_day_of_receipt_is_the_day_in_england_not_in_utc():
    # 00:30 BST on Friday 3 July 2026 is 23:30 UTC on Thursday: received Friday, due Monday.
    received = dt.datetime(2026, 7, 2, 23, 30, tzinfo=dt.UTC)
    assert decision_due_at(received).date() == dt.date(2026, 7, 6)


def test_a_contact_on_the_eve_of_a_bank_holiday_weekend_is_due_after_it(make_contact, police):
    contact = make_contact(police, received_at=at(2026, 8, 28, 16, 0))  # Fri before 31 Aug
    assert contact.decision_due_at.astimezone(LONDON).date() == dt.date(2026, 9, 1)
