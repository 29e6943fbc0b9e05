"""A child protection plan ends by a review conference's decision, or because the child
turned 18, died, left the UK, or moved to a council that has held its transfer-in
conference (issue 9 §4). Each other ending is refused on the field that is wrong."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import LONDON, PASSWORD
from lantern.casework import actions
from lantern.casework.models import ChildProtectionPlan
from lantern.chronology.models import ChronologyEntry
from lantern.clocks.models import Deadline
from lantern.people.models import Person

D = dt.date
pytestmark = pytest.mark.django_db


def end(journey, on, reason, **extra):
    plan = ChildProtectionPlan.objects.get(pk=journey.plan.pk)
    return actions.end_cp_plan(
        plan,
        acting_user=journey.worker,
        end_date=on,
        end_reason=reason,
        expected_version=plan.version,
        **extra,
    )


def refused_on(field, call, *args, **kwargs):
    with pytest.raises(ValidationError) as refusal:
        call(*args, **kwargs)
    assert list(refusal.value.message_dict) == [field]
    return refusal.value.message_dict[field][0]


def still_open(journey):
    return ChildProtectionPlan.objects.get(pk=journey.plan.pk).end_date is None


@pytest.mark.parametrize("reason", ["step_down", "no_services", "looked_after"])
def test_only_a_review_conference_ends_a_plan_for_risk_or_care(journey, reason):
    journey.to_plan()  # ICPC 20 March 2026
    message = refused_on("end_reason", end, journey, D(2026, 5, 1), reason)
    assert message.startswith("Only a review conference can end a plan")
    assert still_open(journey)


def test_an_unknown_reason_is_refused(journey):
    journey.to_plan()
    assert refused_on("end_reason", end, journey, D(2026, 5, 1), "bored") == (
        "Say why the plan is ending"
    )


def test_a_plan_ends_at_18_only_on_or_after_the_birthday(journey, child):
    Person.objects.filter(pk=child.pk).update(date_of_birth=D(2008, 4, 10))
    journey.to_plan()  # ICPC 20 March 2026, aged 17
    message = refused_on("end_date", end, journey, D(2026, 4, 9), "adult")
    assert message.startswith("The child turns 18 on 10 April 2026")
    assert still_open(journey)
    plan = end(journey, D(2026, 4, 10), "adult")
    assert (plan.end_date, plan.end_reason) == (D(2026, 4, 10), "adult")


@pytest.mark.time_machine(dt.datetime(2030, 3, 5, 10, 0, tzinfo=LONDON))
def test_a_child_born_on_29_february_is_18_on_1_march(journey, child):
    Person.objects.filter(pk=child.pk).update(date_of_birth=D(2012, 2, 29))
    journey.refer(D(2030, 2, 1))
    journey.strategy(D(2030, 2, 1))
    journey.s47(D(2030, 2, 4))
    journey.icpc(D(2030, 2, 20))
    journey.plan = journey.conference.plan_started
    message = refused_on("end_date", end, journey, D(2030, 2, 28), "adult")
    assert "turns 18 on 1 March 2030" in message
    assert end(journey, D(2030, 3, 1), "adult").end_date == D(2030, 3, 1)


def test_a_plan_ends_on_death_only_once_the_date_of_death_is_recorded(journey, child):
    journey.to_plan()
    message = refused_on("end_reason", end, journey, D(2026, 5, 2), "died")
    assert "date of death" in message
    Person.objects.filter(pk=child.pk).update(date_of_death=D(2026, 5, 1))
    message = refused_on("end_date", end, journey, D(2026, 4, 30), "died")
    assert message == "The plan cannot end before the child died (1 May 2026)"
    assert end(journey, D(2026, 5, 1), "died").end_reason == "died"


def test_a_plan_ends_when_the_child_leaves_the_uk(journey, child):
    journey.to_plan()
    plan = end(journey, D(2026, 7, 6), "left_uk")
    assert plan.get_end_reason_display() == "Left the UK"
    assert not Deadline.objects.filter(person=child, state="open", rule__code="cp_visit")


def test_a_move_needs_the_receiving_council_and_its_transfer_in_conference(journey, child):
    journey.to_plan()
    refused_on("receiving_council", end, journey, D(2026, 7, 6), "transferred")
    message = refused_on(
        "receiving_conference_on",
        end,
        journey,
        D(2026, 7, 6),
        "transferred",
        receiving_council="Enfield",
    )
    assert "the plan stays open until then" in message
    message = refused_on(
        "end_date",
        end,
        journey,
        D(2026, 7, 6),
        "transferred",
        receiving_council="Enfield",
        receiving_conference_on=D(2026, 7, 8),
    )
    assert message == (
        "The plan cannot end before the receiving council's transfer-in conference (8 July 2026)"
    )
    assert still_open(journey)
    plan = end(
        journey,
        D(2026, 7, 8),
        "transferred",
        receiving_council="Enfield",
        receiving_conference_on=D(2026, 7, 8),
    )
    assert (plan.receiving_council, plan.receiving_conference_on) == ("Enfield", D(2026, 7, 8))
    entry = ChronologyEntry.objects.filter(person=child, kind="plan").latest("id")
    assert "moved to Enfield (its transfer-in conference held 8 July 2026)" in entry.summary


def test_a_receiving_conference_before_the_plan_started_is_refused(journey):
    journey.to_plan()  # started 20 March 2026
    refused_on(
        "receiving_conference_on",
        end,
        journey,
        D(2026, 7, 8),
        "transferred",
        receiving_council="Enfield",
        receiving_conference_on=D(2026, 3, 1),
    )


@pytest.mark.parametrize("reason", ["transferred", "adult", "died", "left_uk"])
def test_a_review_conference_does_not_end_a_plan_for_a_fact(journey, reason):
    journey.to_plan()
    message = refused_on("end_reason", journey.review, D(2026, 6, 19), "end", end_reason=reason)
    assert "is recorded with ‘End the plan’" in message
    assert still_open(journey)


def test_a_review_conference_ends_a_plan_when_the_child_is_looked_after(journey):
    journey.to_plan()
    journey.review(D(2026, 6, 19), "end", end_reason="looked_after")
    assert not still_open(journey)


def end_page(client, journey, **data):
    client.login(username="alice", password=PASSWORD)
    url = reverse("casework:change", args=[journey.child.pk, "cp-plan", journey.plan.pk, "end"])
    return client.post(url, {"version": journey.plan.version, **data})


def test_the_end_plan_form_offers_only_endings_without_a_conference(client, journey):
    journey.to_plan()
    response = end_page(client, journey, end_date="2026-05-01", end_reason="step_down")
    assert response.status_code == 200
    assert "Select a valid choice" in response.context["form"].errors["end_reason"][0]
    page = response.content.decode()
    assert "Left the UK" in page and "stepped down to a child in need plan" not in page
    assert still_open(journey)


def test_the_end_plan_form_shows_a_move_without_its_conference_on_the_field(client, journey):
    journey.to_plan()
    response = end_page(
        client,
        journey,
        end_date="2026-07-06",
        end_reason="transferred",
        receiving_council="Enfield",
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "the plan stays open until then" in errors["receiving_conference_on"][0]
    assert still_open(journey)


def test_the_end_plan_form_records_a_move_and_the_plan_page_shows_it(client, journey):
    journey.to_plan()
    response = end_page(
        client,
        journey,
        end_date="2026-07-08",
        end_reason="transferred",
        receiving_council="London Borough of Enfield",
        receiving_conference_on="2026-07-08",
    )
    assert response.status_code == 302
    page = client.get(journey.plan.get_absolute_url()).content.decode()
    assert "London Borough of Enfield" in page and "8 July 2026" in page
