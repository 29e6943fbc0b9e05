"""The clocks a period of care starts and stops, with dated examples over the Christmas bank
holidays (Fri 25 Dec 2026, Mon 28 Dec 2026 for Boxing Day, Fri 1 Jan 2027)."""

import datetime as dt

import pytest

from conftest import LONDON
from lantern.care.actions.periods import end_care, record_care_plan
from lantern.care.actions.placements import move_placement, record_placement_notified
from lantern.care.tests.factories import foster_carers, start_care
from lantern.clocks.models import Deadline

pytestmark = pytest.mark.django_db
D = dt.date
AFTER_CHRISTMAS = pytest.mark.time_machine(dt.datetime(2027, 1, 4, 10, tzinfo=LONDON), tick=False)


def running(child, code):
    return [
        (d.started_on, d.due_on, d.state)
        for d in Deadline.objects.filter(person=child, rule__code=code).order_by("id")
    ]


@AFTER_CHRISTMAS
def test_the_first_review_and_health_assessment_are_due_20_working_days_after_care_starts(
    child, social_worker
):
    """Thu 10 Dec 2026 + 20 working days skips 25 and 28 Dec and 1 Jan: Tue 12 Jan 2027."""
    start_care(child, social_worker, D(2026, 12, 10))
    assert running(child, "first_lac_review") == [(D(2026, 12, 10), D(2027, 1, 12), "open")]
    assert running(child, "initial_health_assessment") == [
        (D(2026, 12, 10), D(2027, 1, 12), "open")
    ]
    # Care Planning Regs reg 28(2)(a): the first visit within a week of the placement.
    assert running(child, "cla_visit") == [(D(2026, 12, 10), D(2026, 12, 17), "open")]


@AFTER_CHRISTMAS
def test_the_care_plan_is_due_10_working_days_after_the_first_placement(child, social_worker):
    period = start_care(child, social_worker, D(2026, 12, 10))
    assert running(child, "care_plan") == [(D(2026, 12, 10), D(2026, 12, 24), "open")]
    period = record_care_plan(period, acting_user=social_worker, on=D(2026, 12, 22))
    assert running(child, "care_plan") == [(D(2026, 12, 10), D(2026, 12, 24), "met")]
    assert period.care_plan_date == D(2026, 12, 22)


@AFTER_CHRISTMAS
def test_an_emergency_placement_is_notified_within_5_working_days(in_care, child, social_worker):
    """Wed 23 Dec 2026 + 5 working days: 24, 29, 30, 31 Dec and Mon 4 Jan 2027."""
    placement = move_placement(
        in_care,
        acting_user=social_worker,
        on=D(2026, 12, 23),
        carer=foster_carers("Emergency carers"),
        placement_type="U6",
        reason_changed="ALLEG",
        emergency=True,
    )
    assert running(child, "placement_notification") == [(D(2026, 12, 23), D(2027, 1, 4), "open")]
    record_placement_notified(placement, D(2026, 12, 29), acting_user=social_worker)
    assert running(child, "placement_notification")[0][2] == "met"


def test_a_move_ends_the_old_placement_s_visits_and_starts_the_new_one(
    in_care, child, social_worker
):
    move_placement(
        in_care,
        acting_user=social_worker,
        on=D(2026, 11, 16),
        carer=foster_carers("B"),
        placement_type="U6",
        reason_changed="CHILD",
    )
    assert running(child, "cla_visit") == [
        (D(2026, 10, 5), D(2026, 10, 12), "cancelled"),
        (D(2026, 11, 16), D(2026, 11, 23), "open"),
    ]


def test_leaving_care_stops_the_looked_after_clocks(in_care, child, social_worker):
    end_care(in_care, acting_user=social_worker, on=D(2026, 11, 20), reason_ceased="E13")
    assert not Deadline.objects.filter(
        person=child,
        state="open",
        rule__code__in=["first_lac_review", "initial_health_assessment", "cla_visit"],
    ).exists()
