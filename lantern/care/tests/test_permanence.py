"""The permanence tracker, the adoption milestones against the scorecard, and previous
permanence. Today is Tue 24 Nov 2026 unless a test says otherwise."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import LONDON, PASSWORD
from lantern.access.actions import restrict_record
from lantern.access.models import AuditEntry, RestrictedRecord
from lantern.care.actions.permanence import (
    agree_permanence_plan,
    decide_adoption,
    record_adoption_milestones,
    record_previous_permanence,
)
from lantern.care.models import AdoptionPlan, PreviousPermanence
from lantern.care.queries.permanence import Milestones, permanence_tracker, second_review_due
from lantern.care.tests.factories import start_care
from lantern.clocks.actions import apply_event

pytestmark = pytest.mark.django_db

# From Monday 10 Aug 2026 the first review is due 20 working days later, skipping the
# August bank holiday (31 Aug): Tuesday 8 Sep 2026; the second 3 months on, 8 Dec 2026.
START = dt.date(2026, 8, 10)


def test_the_second_review_is_counted_like_the_clock_before_there_is_one(child, social_worker):
    period = start_care(child, social_worker, START)
    assert second_review_due(period) == dt.date(2026, 12, 8)


def test_the_second_review_is_read_from_the_clocks_when_they_run(child, social_worker):
    period = start_care(child, social_worker, START)
    apply_event(child, "became_looked_after", START)
    apply_event(child, "lac_review_held", dt.date(2026, 9, 15))
    apply_event(child, "first_lac_review_held", dt.date(2026, 9, 15))  # a week late
    assert second_review_due(period) == dt.date(2026, 12, 15)


@pytest.mark.time_machine(dt.datetime(2026, 12, 9, 10, tzinfo=LONDON), tick=False)
def test_a_child_with_no_plan_after_the_second_review_is_flagged(
    child, social_worker, make_person, allocate
):
    start_care(child, social_worker, START)
    ben = make_person("Ben", "Doyle", dt.date(2014, 2, 1))
    allocate(ben, social_worker)
    start_care(ben, social_worker, START)
    agree_permanence_plan(
        ben, acting_user=social_worker, plan="ltf", agreed_on=dt.date(2026, 11, 30)
    )
    rows = {r.person: r for r in permanence_tracker([child, ben], dt.date(2026, 12, 9))}
    assert rows[child].no_plan_after_second_review
    assert rows[child].overdue == ["No permanence plan: the second review was due 8 Dec 2026"]
    assert not rows[ben].no_plan_after_second_review and rows[ben].overdue == []
    assert rows[ben].plan_label == "Long-term fostering"


def test_no_plan_is_not_flagged_before_the_second_review_is_due(child, social_worker):
    start_care(child, social_worker, START)
    (row,) = permanence_tracker([child], dt.date(2026, 12, 8))
    assert not row.no_plan_after_second_review and row.days_in_care == 120


def _adoption(child, worker):
    start_care(child, worker, dt.date(2025, 6, 2))
    return decide_adoption(child, acting_user=worker, decided_on=dt.date(2025, 12, 1))


def test_adoption_days_between_against_the_scorecard(child, social_worker):
    adoption = _adoption(child, social_worker)
    adoption = record_adoption_milestones(
        adoption,
        acting_user=social_worker,
        expected_version=adoption.version,
        placement_order_on=dt.date(2026, 3, 2),
        matched_on=dt.date(2026, 7, 2),
        number_of_adopters="2",
        sex_adopter="FF",
        legal_status_adopter="L12",
        foster_carers_adopting="0",
        placed_on=dt.date(2026, 7, 20),
    )
    milestones = Milestones(adoption, dt.date(2025, 6, 2))
    assert milestones.care_to_placed == 413  # A1: within 426
    assert milestones.order_to_match == 122  # A2: one day over 121
    assert milestones.decision_to_order == 91
    assert milestones.overdue(dt.date(2026, 11, 24)) == [
        "Not matched within 121 days of the placement order"
    ]


def test_waiting_past_426_days_unplaced_is_overdue(child, social_worker):
    adoption = _adoption(child, social_worker)
    assert Milestones(adoption, dt.date(2025, 6, 2)).overdue(dt.date(2026, 8, 3)) == [
        "Not placed for adoption within 426 days of entering care"
    ]
    assert Milestones(adoption, dt.date(2025, 6, 2)).overdue(dt.date(2026, 8, 2)) == []  # day 426


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"number_of_adopters": "1", "sex_adopter": "MF", "legal_status_adopter": "L0"},
         "sex_adopter"),  # 511
        ({"number_of_adopters": "2", "sex_adopter": "MM", "legal_status_adopter": "L3"},
         "sex_adopter"),  # 517
        ({"number_of_adopters": "2", "sex_adopter": "MF", "legal_status_adopter": ""},
         "legal_status_adopter"),  # 151: all or none
        ({"placement_order_on": dt.date(2025, 11, 3)}, "placement_order_on"),  # before decision
        ({"placement_order_on": dt.date(2026, 12, 1)}, "placement_order_on"),  # future
        ({"reversed_on": dt.date(2026, 3, 2)}, "reason_reversed"),  # 119
        ({"reason_reversed": "RD9", "reversed_on": dt.date(2026, 3, 2)}, "reason_reversed"),
    ],
)  # fmt: skip
def test_bad_milestones_are_refused_naming_the_field_and_nothing_is_saved(
    child, social_worker, changes, field
):
    adoption = _adoption(child, social_worker)
    full = {"matched_on": dt.date(2026, 7, 2), "foster_carers_adopting": "0"}
    if "number_of_adopters" not in changes:
        full = {}
    with pytest.raises(ValidationError) as refused:
        record_adoption_milestones(
            adoption,
            acting_user=social_worker,
            expected_version=adoption.version,
            **{**full, **changes},
        )
    assert field in refused.value.message_dict
    saved = AdoptionPlan.objects.get(pk=adoption.pk)
    assert saved.version == adoption.version and saved.matched_on is None


def test_a_permanence_plan_for_a_child_not_in_care_is_refused(child, social_worker):
    with pytest.raises(ValidationError) as refused:
        agree_permanence_plan(
            child, acting_user=social_worker, plan="adoption", agreed_on=dt.date(2026, 11, 2)
        )
    assert "agreed_on" in refused.value.message_dict


def test_previous_permanence_follows_rules_630_to_635(in_care, child, social_worker):
    with pytest.raises(ValidationError) as refused:
        record_previous_permanence(child, acting_user=social_worker, option="P2", council="309")
    assert "arranged_on" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        record_previous_permanence(
            child, acting_user=social_worker, option="P2", council="999X", arranged_on="ZZ/05/2019"
        )
    assert "council" in refused.value.message_dict
    assert not PreviousPermanence.objects.exists()
    record = record_previous_permanence(
        child, acting_user=social_worker, option="P2", council="309", arranged_on="ZZ/05/2019"
    )
    assert (record.option, record.council, record.arranged_on) == ("P2", "309", "ZZ/05/2019")


def test_the_tracker_page_lists_the_team_and_hides_a_restricted_name(
    client, manager, child, social_worker, make_person, allocate
):
    start_care(child, social_worker, dt.date(2026, 3, 2))
    zara = make_person("Zara", "Quinlan", dt.date(2015, 2, 9))
    allocate(zara, social_worker)
    start_care(zara, social_worker, dt.date(2026, 3, 2))
    restrict_record(zara, acting_user=social_worker, why=RestrictedRecord.Why.STAFF_CHILD)
    client.login(username="mo", password=PASSWORD)
    page = client.get(reverse("care:permanence")).content.decode()
    assert "Amy Carter" in page and "No plan" in page
    assert "Quinlan" not in page and "A restricted record" in page
    seen = AuditEntry.objects.filter(user=manager, detail="listed in permanence tracker")
    assert set(seen.values_list("person_id", flat=True)) == {child.pk}


def test_a_special_guardianship_order_is_a_permanence_outcome(in_care, child):
    from lantern.care.models import PeriodOfCare
    from lantern.care.queries.permanence import outcome_of

    period = PeriodOfCare.objects.get(person=child)
    assert outcome_of(period) == ""
    period.end_date, period.reason_ceased = dt.date(2026, 11, 20), "E47"
    assert outcome_of(period) == "Special guardianship order"
