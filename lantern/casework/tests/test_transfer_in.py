"""A child on another council's plan moves here: the notice starts a 15-working-day clock
for the transfer-in conference, which can start this council's plan without an s47
(Working Together 2023, chapter 4)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import LONDON, PASSWORD
from lantern.casework import actions
from lantern.casework.models import (
    ChildProtectionPlan,
    Conference,
    Section47Enquiry,
    TransferInNotice,
)
from lantern.casework.tests.journey import attendance, attendance_posted, with_reports
from lantern.chronology.models import ChronologyEntry
from lantern.clocks.models import Deadline

D = dt.date
pytestmark = pytest.mark.django_db


NOTICE = D(2026, 3, 2)


def notice(journey, on=NOTICE, council="Manchester City Council"):
    return actions.record_transfer_in_notice(
        journey.child,
        acting_user=journey.worker,
        transferring_council=council,
        notified_on=on,
        notes="Family moved to Tottenham; plan for neglect since January.",
    )


def conference(journey, notice, on, decision="plan", categories=("NEG",), **extra):
    return actions.record_transfer_in_conference(
        journey.child,
        acting_user=journey.worker,
        transfer_notice=notice,
        held_on=on,
        chair=journey.chair,
        decision=decision,
        categories=list(categories),
        **with_reports(on, attendance(**extra)),
    )


def refused_on(field, call, *args, **kwargs):
    with pytest.raises(ValidationError) as refusal:
        call(*args, **kwargs)
    assert list(refusal.value.message_dict) == [field]
    return refusal.value.message_dict[field][0]


def clock(child, code="transfer_in_conference"):
    return Deadline.objects.get(person=child, rule__code=code)


@pytest.mark.time_machine(dt.datetime(2025, 12, 22, 10, 0, tzinfo=LONDON))
def test_a_notice_on_friday_19_december_2025_is_due_after_the_bank_holidays(journey, child):
    journey.refer(D(2025, 12, 19))
    notice(journey, D(2025, 12, 19))
    # 15 working days, skipping 25 and 26 December and 1 January: Wednesday 14 January.
    assert clock(child).due_on == D(2026, 1, 14)


def test_the_transfer_in_conference_meets_the_clock_and_starts_a_plan_without_an_s47(
    journey, child
):
    journey.refer(D(2026, 3, 2))
    moved = notice(journey, D(2026, 3, 2))
    assert clock(child).due_on == D(2026, 3, 23)
    held = conference(journey, moved, D(2026, 3, 20), categories=("NEG", "EMO"))
    assert held.kind == Conference.Kind.TRANSFER_IN and held.section47 is None
    assert clock(child).state == "met"
    plan = ChildProtectionPlan.objects.get(person=child)
    assert (plan.icpc, plan.start_date, plan.initial_categories) == (
        held,
        D(2026, 3, 20),
        ["NEG", "EMO"],
    )
    assert not Section47Enquiry.objects.exists()
    assert clock(child, "first_rcpc").due_on == D(2026, 6, 20)
    entry = ChronologyEntry.objects.get(person=child, kind="conference")
    assert "moved from Manchester City Council" in entry.summary


def test_a_transfer_in_conference_deciding_no_plan_starts_none(journey, child):
    journey.refer()
    conference(journey, notice(journey), D(2026, 3, 16), decision="no_plan", categories=())
    assert not ChildProtectionPlan.objects.exists()


def test_the_notice_needs_the_council_and_a_date_on_or_after_the_referral(journey):
    journey.refer(D(2026, 3, 2))
    refused_on("transferring_council", notice, journey, council=" ")
    message = refused_on("notified_on", notice, journey, D(2026, 2, 27))
    assert message.startswith("The notice cannot be before the referral (2 March 2026)")


def test_a_second_notice_waits_for_the_first_conference(journey):
    journey.refer()
    notice(journey)
    message = refused_on("notified_on", notice, journey, D(2026, 3, 4))
    assert "recorded on 2 March 2026" in message


def test_no_notice_for_a_child_already_on_this_councils_plan(journey):
    journey.to_plan()
    refused_on("notified_on", notice, journey, D(2026, 4, 1))


def test_the_conference_cannot_be_before_the_notice_nor_held_twice(journey):
    journey.refer()
    moved = notice(journey, D(2026, 3, 5))
    message = refused_on("held_on", conference, journey, moved, D(2026, 3, 4))
    assert message.endswith("(5 March 2026)")
    conference(journey, moved, D(2026, 3, 20))
    refused_on("transfer_notice", conference, journey, moved, D(2026, 3, 21))
    assert Conference.objects.count() == 1


def test_the_transfer_in_conference_needs_an_independent_chair(journey):
    journey.refer()
    moved = notice(journey)
    with pytest.raises(ValidationError) as refusal:
        actions.record_transfer_in_conference(
            journey.child,
            acting_user=journey.worker,
            transfer_notice=moved,
            held_on=D(2026, 3, 20),
            chair=journey.worker,
            decision="no_plan",
            **with_reports(D(2026, 3, 20), attendance()),
        )
    assert list(refusal.value.message_dict) == ["chair"]


def test_a_plan_from_a_transfer_in_conference_is_reviewed_like_any_other(journey, child):
    journey.refer()
    held = conference(journey, notice(journey), D(2026, 3, 20))
    journey.plan = held.plan_started
    journey.review(D(2026, 6, 19))
    assert clock(child, "first_rcpc").state == "met"


def test_notice_and_conference_through_the_forms(client, journey, child, iro):
    journey.refer()
    client.login(username="alice", password=PASSWORD)
    overview = client.get(reverse("casework:overview", args=[child.pk])).content.decode()
    assert "Record notice of a move from another council" in overview
    response = client.post(
        reverse("casework:new", args=[child.pk, "transfer-in"]),
        {"transferring_council": "Manchester City Council", "notified_on": "2026-03-02"},
    )
    assert response.status_code == 302
    overview = client.get(reverse("casework:overview", args=[child.pk])).content.decode()
    assert "Record the transfer-in conference" in overview
    moved = TransferInNotice.objects.get(person=child)
    url = reverse("casework:new", args=[child.pk, "transfer-conference"])
    page = client.get(url).content.decode()
    assert "Notice of the move" in page and "Agencies invited" in page
    data = {
        "transfer_notice": moved.pk,
        "held_on": "2026-03-20",
        "chair": iro.pk,
        "decision": "plan",
        "categories": ["PHY"],
        **attendance_posted("2026-03-20"),
    }
    response = client.post(url, {**data, "held_on": "2026-02-27"})
    assert response.status_code == 200
    assert "before notice of the move" in response.context["form"].errors["held_on"][0]
    response = client.post(url, data)
    assert response.status_code == 302
    plan = ChildProtectionPlan.objects.get(person=child)
    assert plan.icpc.transfer_notice == moved
    page = client.get(plan.icpc.get_absolute_url()).content.decode()
    assert "Transfer-in child protection conference" in page
    assert "Manchester City Council" in page
