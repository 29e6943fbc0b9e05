"""Periods of care through the actions: moves, legal status changes, the end of care, the
child's care status and chronology."""

import datetime as dt

import pytest

from lantern.care.actions.periods import change_legal_status, end_care
from lantern.care.actions.placements import move_placement
from lantern.care.models import CareEpisode, PeriodOfCare, Placement
from lantern.care.queries.placements import current_placement, looked_after_on, placement_moves
from lantern.care.tests.factories import foster_carers, start_care
from lantern.casework.actions.episodes import open_episode
from lantern.chronology.models import ChronologyEntry
from lantern.people.care_history import ever_looked_after
from lantern.people.models import Person

pytestmark = pytest.mark.django_db
D = dt.date


def episodes(period):
    return [
        (
            e.start_date,
            e.reason_new,
            e.legal_status,
            e.end_date,
            e.reason_ceased,
            e.reason_place_change,
        )
        for e in CareEpisode.objects.filter(period=period)
    ]


def move(period, worker, on, carer=None, placement_type="U6", reason="CREQB", **fields):
    return move_placement(
        period,
        acting_user=worker,
        on=on,
        carer=carer or foster_carers("The Begum household"),
        placement_type=placement_type,
        reason_changed=reason,
        **fields,
    )


def test_starting_care_makes_the_child_looked_after(in_care, child):
    child.refresh_from_db()
    assert child.care_status == Person.CareStatus.LOOKED_AFTER
    assert episodes(in_care) == [(D(2026, 10, 5), "S", "C1", None, "", "")]
    assert current_placement(child).carer.name == "The Okafor household"
    assert list(looked_after_on(D(2026, 10, 5))) == [child]
    assert list(looked_after_on(D(2026, 10, 4))) == []
    entry = ChronologyEntry.objects.get(person=child, kind="placement")
    assert entry.summary == (
        "Placed with The Okafor household (U6: Foster placement with other foster carer(s): "
        "not long-term or fostering for adoption)."
    )


def test_a_move_the_same_day_keeps_one_continuous_period(in_care, child, social_worker):
    move(in_care, social_worker, D(2026, 11, 2))
    assert PeriodOfCare.objects.filter(person=child).count() == 1
    old, new = Placement.objects.filter(period=in_care)
    assert old.end_date == new.start_date == D(2026, 11, 2)
    assert old.reason_changed == "CREQB"
    assert episodes(in_care) == [
        (D(2026, 10, 5), "S", "C1", D(2026, 11, 2), "X1", "CREQB"),
        (D(2026, 11, 2), "P", "C1", None, "", ""),
    ]
    assert list(looked_after_on(D(2026, 11, 2))) == [child]
    assert current_placement(child).carer.name == "The Begum household"
    assert current_placement(child, D(2026, 11, 1)).carer.name == "The Okafor household"
    assert list(
        ChronologyEntry.objects.filter(person=child, kind="placement")
        .order_by("occurred_at", "id")
        .values_list("summary", flat=True)
    )[1] == (
        "Placement with The Okafor household ended: Carer(s) requested placement end due to "
        "child's behaviour."
    )


def test_a_move_with_the_same_carers_is_a_change_of_placement_only(in_care, social_worker):
    carer = in_care.placements.get().carer
    move(in_care, social_worker, D(2026, 11, 2), carer=carer, placement_type="U4", reason="CARPL")
    assert [e[1] for e in episodes(in_care)] == ["S", "T"]


def test_status_and_placement_changing_on_one_day(in_care, social_worker):
    change_legal_status(in_care, acting_user=social_worker, on=D(2026, 11, 9), code="C2")
    move(in_care, social_worker, D(2026, 11, 9))
    assert [e[:3] for e in episodes(in_care)] == [
        (D(2026, 10, 5), "S", "C1"),
        (D(2026, 11, 9), "B", "C2"),
    ]


def test_a_legal_status_change_and_the_end_of_care(in_care, child, social_worker):
    change_legal_status(in_care, acting_user=social_worker, on=D(2026, 11, 9), code="C2")
    end_care(in_care, acting_user=social_worker, on=D(2026, 11, 20), reason_ceased="E13")
    assert episodes(in_care) == [
        (D(2026, 10, 5), "S", "C1", D(2026, 11, 9), "X1", ""),
        (D(2026, 11, 9), "L", "C2", D(2026, 11, 20), "E13", ""),
    ]
    child.refresh_from_db()
    assert child.care_status == Person.CareStatus.CLOSED
    assert ever_looked_after(child)
    assert current_placement(child) is None
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


def test_leaving_care_returns_the_child_to_their_open_casework(child, social_worker):
    open_episode(
        child,
        acting_user=social_worker,
        referral_date=D(2026, 9, 1),
        referral_source="6",
        referral_reason="Police protection",
    )
    period = start_care(child, social_worker, D(2026, 10, 5))
    end_care(period, acting_user=social_worker, on=D(2026, 11, 20), reason_ceased="E4A")
    child.refresh_from_db()
    assert child.care_status == Person.CareStatus.ASSESSMENT


def test_a_child_of_16_looked_after_13_weeks_since_14_leaves_as_a_care_leaver(
    make_person, social_worker
):
    sam = make_person("Sam", "Ng", D(2010, 6, 1))
    period = start_care(sam, social_worker, D(2026, 5, 1), legal_status="V2")
    end_care(period, acting_user=social_worker, on=D(2026, 11, 20), reason_ceased="E4A")
    sam.refresh_from_db()
    assert sam.care_status == Person.CareStatus.CARE_LEAVER


def test_a_16_year_old_looked_after_only_a_month_is_not_a_care_leaver(make_person, social_worker):
    sam = make_person("Sam", "Ng", D(2010, 6, 1))
    period = start_care(sam, social_worker, D(2026, 10, 19), legal_status="V2")
    end_care(period, acting_user=social_worker, on=D(2026, 11, 20), reason_ceased="E4A")
    sam.refresh_from_db()
    assert sam.care_status == Person.CareStatus.CLOSED


def test_placement_moves_in_the_last_12_months_leave_out_the_first_and_temporary_ones(
    make_person, social_worker
):
    ben = make_person("Ben", "Ade", D(2012, 3, 3))
    home = foster_carers("The Ade-Lewis household")
    period = start_care(ben, social_worker, D(2025, 6, 2), carer=home)
    move(period, social_worker, D(2025, 9, 1), carer=foster_carers("A"))  # over a year ago
    move(period, social_worker, D(2026, 1, 5), carer=foster_carers("B"))
    respite = foster_carers("Respite carers", provider="", urn="")
    move(period, social_worker, D(2026, 7, 20), carer=respite, placement_type="T3", reason="")
    back = Placement.objects.get(period=period, carer__name="B")
    move(period, social_worker, D(2026, 7, 27), carer=back.carer, reason="")
    move(period, social_worker, D(2026, 10, 12), carer=foster_carers("C"))
    assert placement_moves(ben, D(2026, 11, 24)) == 2
    assert placement_moves(ben, D(2026, 1, 4)) == 1
