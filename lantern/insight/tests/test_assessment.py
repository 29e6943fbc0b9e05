"""Assessments in 45 working days, section 47 enquiries and initial conferences in 15, on
records made through the casework actions. Working days skip weekends and bank holidays,
the start day not counted."""

import pytest

from lantern.casework import actions
from lantern.casework.tests.journey import Journey
from lantern.insight.figures import assessment
from lantern.insight.measures import Period
from lantern.insight.tests.builders import D, refer

pytestmark = pytest.mark.django_db
FEBRUARY = Period(D(2026, 2, 1), D(2026, 2, 28))
APRIL = Period(D(2026, 4, 1), D(2026, 4, 30))


def _assessed(child, worker, manager, start, authorised, **late):
    refer(child, worker, start)
    started = actions.start_assessment(
        child, acting_user=worker, start_date=start, factors=["16A"], outcome="nfa"
    )
    return actions.authorise_assessment(
        started, acting_user=manager, authorised_date=authorised,
        expected_version=started.version, **late,
    )  # fmt: skip


def test_assessments_over_45_working_days_are_counted_across_christmas(
    make_person, social_worker, manager
):
    amy, ben, cal = make_person("Amy"), make_person("Ben"), make_person("Cal")
    late = {"late_reason": "capacity"}
    # From Friday 19 Dec 2025, 45 working days skip 25-26 Dec and 1 Jan: the 45th is
    # Wednesday 25 Feb 2026 (in time); Thursday 26 Feb is the 46th (late).
    _assessed(amy, social_worker, manager, D(2025, 12, 19), D(2026, 2, 25))
    _assessed(ben, social_worker, manager, D(2025, 12, 19), D(2026, 2, 26), **late)
    _assessed(cal, social_worker, manager, D(2025, 12, 19), D(2026, 3, 2), **late)  # March
    value = assessment.assessments_in_45_working_days(FEBRUARY)
    # 2 assessments completed in February, 1 within 45 working days: 1 / 2 = 50 %
    assert (value.numerator, value.denominator, value.value) == (1, 2, 50.0)
    assert value.children == {ben.pk}  # the drill-down: assessments over 45 working days


def _conference(child, worker, manager, chair, s47_on, icpc_on):
    journey = Journey(child, worker, manager, chair)
    journey.refer(on=s47_on)
    journey.strategy(on=s47_on)
    journey.s47(on=s47_on)
    journey.icpc(on=icpc_on, late_reason="scheduling")
    return journey


def test_initial_conferences_over_15_working_days_of_the_s47_across_easter(
    make_person, social_worker, manager, iro, settings
):
    settings.LANTERN_CHILD_POPULATION = 20_000
    amy, ben = make_person("Amy"), make_person("Ben")
    # s47 started Wednesday 25 Mar 2026; Good Friday 3 Apr and Easter Monday 6 Apr are not
    # working days, so the 15th working day is Friday 17 Apr and the 16th Monday 20 Apr.
    _conference(amy, social_worker, manager, iro, D(2026, 3, 25), D(2026, 4, 17))
    _conference(ben, social_worker, manager, iro, D(2026, 3, 25), D(2026, 4, 20))
    value = assessment.icpcs_in_15_working_days(APRIL)
    # 2 conferences in April, 1 within 15 working days: 1 / 2 = 50 %
    assert (value.numerator, value.denominator, value.value) == (1, 2, 50.0)
    assert value.children == {ben.pk}
    # Both enquiries started in March, none in April: 2 × 10,000 / 20,000 = 1.0 in March
    march = assessment.section47s_per_10k(Period(D(2026, 3, 1), D(2026, 3, 31)))
    assert (march.numerator, march.value) == (2, 1.0)
    assert assessment.section47s_per_10k(APRIL).numerator == 0
