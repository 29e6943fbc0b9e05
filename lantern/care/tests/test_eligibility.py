"""Leaving-care categories from the periods of care alone, with dated examples.

Bea is born 10 March 2010: 14 on 10 March 2024, 16 on 10 March 2026, 18 on 10 March 2028.
"""

import datetime as dt

from lantern.care.eligibility import (
    ELIGIBLE,
    FORMER_RELEVANT,
    QUALIFYING,
    RELEVANT,
    category,
    eligible_from,
)

BORN = dt.date(2010, 3, 10)
D = dt.date


def test_looked_after_since_15_and_still_in_care_is_eligible_from_the_16th_birthday():
    periods = [(D(2025, 6, 2), None)]
    assert eligible_from(BORN, periods) == D(2026, 3, 10)
    assert category(BORN, periods, D(2026, 3, 9)) is None  # 15: not yet
    assert category(BORN, periods, D(2026, 3, 10)) == ELIGIBLE


def test_coming_into_care_after_16_is_eligible_after_13_weeks():
    periods = [(D(2026, 9, 1), None)]  # aged 16
    assert eligible_from(BORN, periods) == D(2026, 12, 1)  # 1 Sep + 91 days
    assert category(BORN, periods, D(2026, 11, 30)) is None
    assert category(BORN, periods, D(2026, 12, 1)) == ELIGIBLE


def test_13_weeks_add_up_over_periods_since_14_but_not_before():
    periods = [
        (D(2023, 1, 2), D(2024, 3, 10)),  # before 14: does not count
        (D(2025, 1, 6), D(2025, 2, 17)),  # 6 weeks at 14
        (D(2026, 4, 6), None),  # 7 more weeks from 6 Apr 2026
    ]
    assert eligible_from(BORN, periods) == D(2026, 5, 25)


def test_leaving_care_at_17_after_being_eligible_is_relevant_then_former_relevant_to_25():
    periods = [(D(2025, 6, 2), D(2027, 1, 15))]
    assert category(BORN, periods, D(2027, 1, 14)) == ELIGIBLE
    assert category(BORN, periods, D(2027, 1, 15)) == RELEVANT
    assert category(BORN, periods, D(2028, 3, 10)) == FORMER_RELEVANT  # 18th birthday
    assert category(BORN, periods, D(2035, 3, 9)) == FORMER_RELEVANT  # the day before 25
    assert category(BORN, periods, D(2035, 3, 10)) is None


def test_leaving_care_before_16_is_no_category():
    periods = [(D(2024, 6, 3), D(2026, 3, 9))]  # left the day before the 16th birthday
    assert eligible_from(BORN, periods) is None
    assert category(BORN, periods, D(2026, 6, 1)) is None


def test_too_short_a_time_after_16_is_qualifying_until_21():
    periods = [(D(2026, 9, 1), D(2026, 10, 1))]  # 30 days at 16
    assert category(BORN, periods, D(2026, 9, 15)) is None  # still looked after, not eligible
    assert category(BORN, periods, D(2026, 10, 1)) == QUALIFYING
    assert category(BORN, periods, D(2031, 3, 9)) == QUALIFYING
    assert category(BORN, periods, D(2031, 3, 10)) is None  # 21


def test_a_leap_day_birthday_turns_16_on_1_march():
    born = D(2012, 2, 29)
    assert eligible_from(born, [(D(2027, 1, 4), None)]) == D(2028, 2, 29)
    assert eligible_from(born, [(D(2026, 10, 5), None)]) == D(2028, 2, 29)
    assert eligible_from(D(2011, 2, 28), [(D(2026, 10, 5), None)]) == D(2027, 2, 28)
