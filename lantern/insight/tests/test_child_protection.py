"""Children in need and on plans on the day, plans by category, repeat plans and plans
lasting 2 years, on hand-built plans (a plan that ended years ago cannot be recorded
through today's actions, so the plans are written straight into the tables)."""

import pytest

from lantern.insight.figures import child_protection as cp
from lantern.insight.tests.builders import YEAR_2025, D, cp_plan, refer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _population(settings):
    settings.LANTERN_CHILD_POPULATION = 10_000


def test_a_plan_ending_on_the_last_day_is_not_open_on_it(make_person, social_worker):
    cp_plan(make_person("Amy"), social_worker, D(2026, 1, 5))  # open
    cp_plan(make_person("Ben"), social_worker, D(2025, 9, 1), end=D(2026, 3, 31))  # ends that day
    cp_plan(make_person("Cal"), social_worker, D(2026, 4, 1))  # starts the day after
    value = cp.cp_plans_per_10k(YEAR_2025)
    # only Amy is on a plan at 31 March 2026: 1 × 10,000 / 10,000 = 1.0 per 10,000
    assert (value.numerator, value.value) == (1, 1.0)


def test_a_child_in_need_is_counted_once_across_two_episodes(make_person, social_worker):
    amy, ben = make_person("Amy"), make_person("Ben")
    refer(amy, social_worker, D(2025, 5, 1), closed=D(2025, 8, 1))
    refer(amy, social_worker, D(2025, 10, 1))  # Amy's second episode, open on 31 March
    refer(ben, social_worker, D(2025, 6, 2), closed=D(2026, 3, 31))  # closed on the day
    refer(make_person("Cal"), social_worker, D(2025, 7, 1))
    value = cp.children_in_need_per_10k(YEAR_2025)
    # Amy (once, though she had two episodes) and Cal: 2 × 10,000 / 10,000 = 2.0
    assert (value.numerator, value.value) == (2, 2.0)


def test_plans_started_are_shared_by_initial_category(make_person, social_worker):
    plan = lambda name, cats: cp_plan(make_person(name), social_worker, D(2025, 6, 2), None, cats)  # noqa: E731
    plan("Amy", ["NEG"])
    plan("Ben", ["NEG"])
    plan("Cal", ["NEG", "EMO"])  # more than one category: MUL
    plan("Dan", ["SAB"])
    cp_plan(make_person("Eve"), social_worker, D(2025, 3, 3), categories=["PHY"])  # before
    shares = {code: cp._category_share(YEAR_2025, code) for code, *_ in cp.CATEGORIES}
    # 4 plans started in the year: neglect 2 / 4 = 50 %, multiple 1 / 4 = 25 %, sexual
    # abuse 1 / 4 = 25 %, physical abuse (Eve's plan began before the year) 0 / 4 = 0 %
    assert {code: v.value for code, v in shares.items()} == {
        "NEG": 50.0, "MUL": 25.0, "SAB": 25.0, "PHY": 0.0, "EMO": 0.0,
    }  # fmt: skip


def test_second_plans_ever_and_within_2_years_of_the_last(make_person, social_worker):
    amy, ben, cal, dan = (make_person(n) for n in ("Amy", "Ben", "Cal", "Dan"))
    w = social_worker
    cp_plan(amy, w, D(2019, 1, 7), D(2020, 1, 6))  # long ago
    cp_plan(ben, w, D(2022, 6, 1), D(2023, 6, 1))  # ended 2 years to the day before
    cp_plan(cal, w, D(2022, 5, 31), D(2023, 5, 31))  # ended 2 years and a day before
    for child in (amy, ben, cal, dan):
        cp_plan(child, w, D(2025, 6, 1))
    ever = cp.second_cp_plans_ever(YEAR_2025)
    # 4 plans started in the year; Amy, Ben and Cal had one before: 3 / 4 = 75 %
    assert (ever.numerator, ever.denominator, ever.value) == (3, 4, 75.0)
    recent = cp.second_cp_plans_in_2_years(YEAR_2025)
    # only Ben's last plan ended within 2 years (on the same date 2 years before): 1 / 4
    assert (recent.numerator, recent.value, recent.children) == (1, 25.0, {ben.pk})


def test_plans_lasting_2_years_count_a_plan_ending_on_the_period_end(make_person, social_worker):
    w = social_worker
    amy, ben, cal = make_person("Amy"), make_person("Ben"), make_person("Cal")
    cp_plan(amy, w, D(2023, 4, 1), D(2025, 4, 1))  # exactly 2 years, ended on the first day
    cp_plan(ben, w, D(2023, 4, 2), D(2025, 4, 1))  # a day short of 2 years
    cp_plan(cal, w, D(2024, 1, 8), D(2026, 3, 31))  # ended on the year's last day: 2+ years
    cp_plan(make_person("Dan"), w, D(2022, 1, 10), D(2025, 3, 31))  # ended the year before
    value = cp.cp_plans_lasting_2_years(YEAR_2025)
    # 3 plans ended in the year (Amy, Ben, Cal), 2 lasted 2 years or more: 2 / 3 = 66.7 %
    assert (value.numerator, value.denominator) == (2, 3)
    assert round(value.value, 1) == 66.7
    assert value.children == {amy.pk, cal.pk}
