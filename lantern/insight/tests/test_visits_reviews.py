"""Visits and reviews on time, from the clocks on each child (written in the states the
clock engine leaves them in)."""

import pytest

from lantern.insight.figures import visits_reviews as vr
from lantern.insight.measures import Period
from lantern.insight.tests.builders import D, clock

pytestmark = pytest.mark.django_db
NOVEMBER = Period(D(2026, 11, 1), D(2026, 11, 30))  # today is Tuesday 24 November 2026


def test_visits_on_time_are_met_by_the_due_date(make_person, social_worker):
    amy, ben, cal, dan, eve, fay = (
        make_person(n) for n in ("Amy", "Ben", "Cal", "Dan", "Eve", "Fay")
    )
    clock(amy, "cp_visit", D(2026, 11, 10), "met", D(2026, 11, 10))  # on the due date: on time
    clock(ben, "cp_visit", D(2026, 11, 10), "met", D(2026, 11, 11))  # a day late
    clock(cal, "cp_visit", D(2026, 11, 12), "cancelled", D(2026, 11, 5))  # plan ended first
    clock(dan, "cp_visit", D(2026, 11, 12), "cancelled", D(2026, 11, 20))  # missed, then ended
    clock(eve, "cp_visit", D(2026, 11, 16))  # still open, past due: late
    clock(fay, "cp_visit", D(2026, 11, 27))  # not due yet: not measured
    clock(amy, "cp_visit", D(2026, 10, 30), "met", D(2026, 10, 29))  # October's
    clock(amy, "lac_review", D(2026, 11, 10), "met", D(2026, 11, 12))  # a review, not a visit
    value = vr.cp_visits_on_time(NOVEMBER)
    # measured in November: Amy, Ben, Dan, Eve; on time: Amy. 1 / 4 = 25 %
    assert (value.numerator, value.denominator, value.value) == (1, 4, 25.0)
    assert value.children == {ben.pk, dan.pk, eve.pk}
    reviews = vr.cla_reviews_on_time(NOVEMBER)
    # one looked-after review due in November, held 2 days late: 0 / 1
    assert (reviews.numerator, reviews.denominator, reviews.value) == (0, 1, 0.0)
