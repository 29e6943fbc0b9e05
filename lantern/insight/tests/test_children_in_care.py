"""Children looked after on the day and the stability of their homes, on periods of care
started through the care actions (moves written as the care app's own stability tests
write them)."""

import pytest

from lantern.care.actions.periods import end_care
from lantern.care.models import Placement
from lantern.care.tests.factories import foster_carers, start_care
from lantern.insight.figures import children_in_care as cla
from lantern.insight.tests.builders import YEAR_2025, D

pytestmark = pytest.mark.django_db


def move(period, on, placement_type="U6"):
    last = period.placements.order_by("-start_date").first()
    Placement.objects.filter(pk=last.pk).update(end_date=on, reason_changed="CARPL")
    return Placement.objects.create(
        person=period.person, period=period, carer=foster_carers(f"Carers from {on}"),
        placement_type=placement_type, start_date=on, created_by=period.created_by,
        updated_by=period.created_by,
    )  # fmt: skip


def test_three_placements_count_a_child_once_across_two_periods_of_care(
    make_person, social_worker, settings
):
    settings.LANTERN_CHILD_POPULATION = 10_000
    w = social_worker
    amy, ben, cal = make_person("Amy"), make_person("Ben"), make_person("Cal")
    first = start_care(amy, w, D(2025, 6, 2))
    move(first, D(2025, 7, 1))
    end_care(first, acting_user=w, on=D(2025, 9, 1), reason_ceased="E13")
    again = start_care(amy, w, D(2025, 11, 3))  # Amy's second period of care
    move(again, D(2026, 1, 5))  # 2 moves in the year: 3 placements
    move(start_care(ben, w, D(2025, 6, 2)), D(2025, 8, 4))  # 1 move: 2 placements
    left = start_care(cal, w, D(2025, 6, 2))
    move(left, D(2025, 7, 1))
    move(left, D(2025, 8, 1))
    end_care(left, acting_user=w, on=D(2026, 3, 31), reason_ceased="E13")  # left on the day
    value = cla.placements_3_or_more(YEAR_2025)
    # looked after on 31 March: Amy (once) and Ben; Amy had 3 or more placements: 1 / 2
    assert (value.numerator, value.denominator, value.value) == (1, 2, 50.0)
    assert value.children == {amy.pk}
    rate = cla.children_looked_after_per_10k(YEAR_2025)
    # Cal ceased on 31 March: 2 × 10,000 / 10,000 = 2.0 per 10,000
    assert (rate.numerator, rate.value) == (2, 2.0)


def test_long_term_stability_is_under_16s_in_care_2_and_a_half_years(make_person, social_worker):
    w = social_worker
    amy, ben, cal = make_person("Amy"), make_person("Ben"), make_person("Cal")
    dan = make_person("Dan", born=D(2010, 1, 10))  # 16 on 10 January 2026
    start_care(amy, w, D(2023, 9, 1))  # same carers since: settled
    move(start_care(ben, w, D(2023, 9, 1)), D(2024, 5, 1))  # 23 months with these carers
    start_care(cal, w, D(2023, 11, 1))  # in care 2 years 5 months: not yet counted
    start_care(dan, w, D(2023, 9, 1))  # 16 by 31 March: not counted
    value = cla.long_term_stability(YEAR_2025)
    # 2 under-16s looked after 2.5 years+ on 31 March 2026 (since 30 Sep 2023 or before),
    # Amy in the same placement 2 years+ (since 31 Mar 2024 or before): 1 / 2 = 50 %
    assert (value.numerator, value.denominator, value.value) == (1, 2, 50.0)
    assert value.children == {ben.pk}
