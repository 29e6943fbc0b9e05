"""The England working-day calendar (DESIGN.md §3, statutory.md Table 6)."""

import datetime as dt

import pytest

from lantern.clocks.calendar import OutsideCalendar, WorkingDayCalendar, add_months

D = dt.date
CAL = WorkingDayCalendar()


@pytest.mark.parametrize(
    "day",
    [
        D(2025, 12, 25),  # Christmas Day
        D(2025, 12, 26),  # Boxing Day
        D(2026, 1, 1),  # New Year's Day
        D(2026, 4, 3),  # Good Friday
        D(2026, 4, 6),  # Easter Monday
        D(2026, 5, 4),  # early May
        D(2026, 5, 25),  # spring
        D(2026, 8, 31),  # August bank holiday
        D(2026, 12, 28),  # Boxing Day substitute (26th is a Saturday)
        D(2023, 5, 8),  # coronation of Charles III, a one-off
        D(2028, 1, 3),  # New Year substitute
        D(2026, 3, 7),  # a Saturday
        D(2026, 3, 8),  # a Sunday
    ],
)
def test_bank_holidays_and_weekends_are_not_working_days(day):
    assert not CAL.is_working_day(day)


def test_an_ordinary_weekday_is_a_working_day():
    assert CAL.is_working_day(D(2026, 3, 4))


def test_the_start_day_is_not_counted():
    assert CAL.add_working_days(D(2026, 3, 2), 1) == D(2026, 3, 3)


def test_one_working_day_from_a_friday_is_the_monday():
    assert CAL.add_working_days(D(2025, 12, 19), 1) == D(2025, 12, 22)


def test_counting_from_a_weekend_starts_on_the_monday():
    assert CAL.add_working_days(D(2026, 3, 7), 1) == D(2026, 3, 9)


def test_christmas_and_new_year_are_skipped():
    # 24 Dec 2025 (Wed): 25, 26 holidays, 27-28 weekend, 29 is day 1, 1 Jan holiday.
    assert CAL.add_working_days(D(2025, 12, 24), 1) == D(2025, 12, 29)
    assert CAL.add_working_days(D(2025, 12, 24), 4) == D(2026, 1, 2)


def test_easter_is_skipped():
    # Thu 2 Apr 2026: Good Friday 3rd, weekend, Easter Monday 6th.
    assert CAL.add_working_days(D(2026, 4, 2), 1) == D(2026, 4, 7)


def test_a_declared_closure_day_is_skipped():
    closed = WorkingDayCalendar([D(2026, 12, 24)])
    assert CAL.add_working_days(D(2026, 12, 23), 1) == D(2026, 12, 24)
    assert closed.add_working_days(D(2026, 12, 23), 1) == D(2026, 12, 29)


def test_working_days_between_counts_like_adding():
    start = D(2025, 12, 19)
    assert CAL.working_days_between(start, CAL.add_working_days(start, 45)) == 45
    assert CAL.working_days_between(D(2026, 3, 9), D(2026, 3, 6)) == -1
    assert CAL.working_days_between(D(2026, 3, 6), D(2026, 3, 8)) == 0


@pytest.mark.parametrize(
    "start,months,due",
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),  # clamped to month end
        (D(2028, 1, 31), 1, D(2028, 2, 29)),  # leap year
        (D(2026, 1, 30), 1, D(2026, 2, 28)),
        (D(2026, 3, 31), 6, D(2026, 9, 30)),
        (D(2026, 11, 30), 3, D(2027, 2, 28)),  # across a year end
        (D(2026, 2, 28), 1, D(2026, 3, 28)),  # not pushed to month end
        (D(2026, 1, 3), 1, D(2026, 2, 3)),  # a Tuesday from a Saturday: not moved
    ],
)
def test_months_are_the_same_day_clamped_to_the_month_end(start, months, due):
    assert add_months(start, months) == due


def test_dates_outside_the_calendar_are_refused_not_guessed():
    with pytest.raises(OutsideCalendar):
        CAL.add_working_days(D(2080, 12, 30), 10)
