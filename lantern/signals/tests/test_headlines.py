"""A signal's one line, as the record and the lists show it."""

import datetime as dt

from lantern.signals.headlines import headline
from lantern.signals.rules import BY_CODE

D = dt.date


def test_a_count_rule_gives_the_count_the_span_and_the_dates():
    ae = [(D(2025, 3, 2), "ae_attendance"), (D(2025, 6, 14), "ae_attendance")]
    ae.append((D(2025, 12, 30), "ae_attendance"))
    assert (
        headline(BY_CODE["repeat_ae"], ae, None)
        == "3 A&E attendances in 10 months: 2 Mar, 14 Jun, 30 Dec 2025"
    )


def test_dates_across_years_each_carry_their_year():
    missing = [(D(2025, 12, 2), "missing"), (D(2026, 1, 14), "missing")]
    missing.append((D(2026, 1, 30), "missing"))
    assert (
        headline(BY_CODE["repeat_missing"], missing, None)
        == "3 missing episodes in 60 days: 2 Dec 2025, 14 Jan 2026, 30 Jan 2026"
    )


def test_an_injury_to_a_baby_gives_the_age_and_a_plan_its_start():
    injury = headline(BY_CODE["injury_non_mobile"], [(D(2026, 11, 2), "injury")], D(2026, 7, 1))
    assert injury == "An injury at 4 months old: 2 Nov 2026"
    joined = [(D(2026, 1, 10), "plan_started"), (D(2026, 3, 1), "adult_joined")]
    assert headline(BY_CODE["adult_joined_on_plan"], joined, None) == (
        "An adult joined the household on the plan started 10 Jan 2026: 1 Mar 2026"
    )
