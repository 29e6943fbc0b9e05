"""Every rule in the timescales table, with dated examples checked by hand against the
England & Wales bank holidays (statutory.md Table 6)."""

import datetime as dt

import pytest

from lantern.clocks import due_date, table
from lantern.clocks.models import ClockRule

D = dt.date

# (rule, start, due): each chosen to cross a weekend, a bank holiday or a month end.
EXAMPLES = [
    # DESIGN.md §3: a referral on Friday 19 Dec 2025 has its decision due Monday 22 Dec.
    ("referral_decision", D(2025, 12, 19), D(2025, 12, 22)),
    ("referral_decision", D(2025, 12, 24), D(2025, 12, 29)),  # Christmas, Boxing Day
    ("referral_decision", D(2023, 5, 5), D(2023, 5, 9)),  # coronation Monday
    # 45 working days skip 25-26 Dec and 1 Jan.
    ("assessment", D(2025, 12, 19), D(2026, 2, 25)),
    ("assessment", D(2026, 3, 20), D(2026, 5, 28)),  # Easter, both May bank holidays
    ("strategy_discussion", D(2026, 4, 2), D(2026, 4, 7)),  # Good Friday to Easter Monday
    ("icpc", D(2026, 8, 17), D(2026, 9, 8)),  # August bank holiday
    ("icpc_from_s47", D(2026, 12, 14), D(2027, 1, 7)),  # 25 Dec, 28 Dec substitute, 1 Jan
    # WT23 transfer-in: 15 working days from notice, over 25-26 Dec and 1 Jan.
    ("transfer_in_conference", D(2025, 12, 19), D(2026, 1, 14)),
    ("first_core_group", D(2026, 12, 18), D(2027, 1, 6)),
    ("first_rcpc", D(2026, 11, 30), D(2027, 2, 28)),  # clamped; a Sunday, not moved
    ("first_rcpc", D(2027, 11, 30), D(2028, 2, 29)),  # leap year
    ("rcpc", D(2026, 8, 31), D(2027, 2, 28)),
    ("rcpc", D(2026, 3, 31), D(2026, 9, 30)),
    ("cp_visit", D(2026, 8, 24), D(2026, 9, 8)),  # August bank holiday
    ("core_group", D(2026, 12, 18), D(2027, 1, 29)),  # calendar weeks: holidays stand
    ("cin_plan_review", D(2026, 11, 27), D(2027, 2, 27)),  # a Saturday, not moved
    ("cin_visit", D(2026, 12, 14), D(2027, 1, 14)),  # 25, 28 Dec and 1 Jan
    ("care_plan", D(2025, 4, 17), D(2025, 5, 6)),  # Easter 2025 and early May
    ("placement_notification", D(2025, 12, 24), D(2026, 1, 5)),
    ("first_lac_review", D(2025, 12, 1), D(2025, 12, 31)),
    ("second_lac_review", D(2025, 11, 30), D(2026, 2, 28)),
    ("lac_review", D(2027, 8, 31), D(2028, 2, 29)),
    ("cla_visit", D(2025, 12, 18), D(2025, 12, 25)),  # calendar week: Christmas Day stands
    ("cla_visit_weekly", D(2026, 12, 18), D(2026, 12, 25)),  # reg 28(4): Christmas Day stands
    ("cla_visit_4_weekly", D(2026, 12, 4), D(2027, 1, 1)),  # New Year's Day stands
    ("cla_visit_care_order_at_home", D(2026, 3, 30), D(2026, 4, 6)),  # Easter Monday stands
    ("short_break_first_visit", D(2026, 11, 30), D(2027, 2, 28)),  # clamped to February
    ("short_break_visit", D(2026, 8, 31), D(2027, 2, 28)),
    ("cla_visit_repeat", D(2026, 1, 31), D(2026, 3, 14)),
    ("cla_visit_long_term", D(2026, 5, 31), D(2026, 8, 31)),
    ("initial_health_assessment", D(2026, 8, 14), D(2026, 9, 14)),
    ("review_health_assessment", D(2028, 2, 29), D(2029, 2, 28)),
    ("review_health_assessment_under_5", D(2025, 12, 31), D(2026, 6, 30)),
    ("pep", D(2026, 3, 27), D(2026, 4, 14)),  # Good Friday and Easter Monday 2026
    ("pep_review", D(2026, 11, 30), D(2027, 2, 28)),  # clamped to the month's end
    ("pathway_plan", D(2026, 11, 30), D(2027, 2, 28)),  # 16th birthday + 3 months
    ("pathway_plan_review", D(2026, 3, 31), D(2026, 9, 30)),
    ("complaint_stage1", D(2027, 12, 17), D(2028, 1, 5)),  # 27, 28 Dec and 3 Jan 2028
    # s32(1)(a): issued Monday 6 Jul 2026, 26 weeks is Monday 4 Jan 2027 (1 Jan stands).
    ("care_proceedings", D(2026, 7, 6), D(2027, 1, 4)),
    ("return_home_interview", D(2026, 12, 24), D(2026, 12, 27)),  # Christmas counts
]


@pytest.mark.django_db
@pytest.mark.parametrize("code,start,due", EXAMPLES, ids=[f"{c}-{s}" for c, s, _ in EXAMPLES])
def test_each_rule_falls_due_on_the_date_worked_by_hand(code, start, due):
    assert due_date(code, start) == due


def test_every_rule_in_the_table_has_a_dated_example():
    assert {code for code, _, _ in EXAMPLES} == set(table.BY_CODE)


def test_the_codes_in_design_md_are_all_rules():
    design = {
        "referral_decision", "assessment", "strategy_discussion", "icpc", "first_core_group",
        "first_rcpc", "rcpc", "cp_visit", "care_plan", "placement_notification",
        "first_lac_review", "second_lac_review", "lac_review", "cla_visit",
        "initial_health_assessment", "review_health_assessment", "pathway_plan",
        "complaint_stage1",
    }  # fmt: skip
    assert design <= set(table.BY_CODE)


def test_every_event_a_rule_names_is_declared():
    named = {e for r in table.RULES for e in (*r.starts_on, *r.met_by, *r.cancelled_by)}
    assert named <= set(table.EVENTS)


def test_every_rule_says_where_it_comes_from_and_what_stops_it():
    for rule in table.RULES:
        assert rule.source and rule.applies_to and rule.starts_on and rule.met_by, rule.code


@pytest.mark.django_db
def test_the_table_is_in_the_database_after_migrate():
    rows = {r.code: r for r in ClockRule.objects.all()}
    assert set(rows) == set(table.BY_CODE)
    assert rows["cp_visit"].amount == 10 and rows["cp_visit"].local_policy
    assert rows["icpc"].met_by == ["icpc_held"]


@pytest.mark.django_db
def test_the_cp_visit_interval_is_the_councils_setting():
    ClockRule.objects.filter(code="cp_visit").update(amount=5)
    assert due_date("cp_visit", D(2026, 8, 24)) == D(2026, 9, 1)


@pytest.mark.django_db
def test_a_rule_missing_from_the_database_falls_back_to_the_table():
    ClockRule.objects.filter(code="complaint_stage1").delete()
    assert due_date("complaint_stage1", D(2027, 12, 17)) == D(2028, 1, 5)
