"""Guards on conferences and the s47 outcome that practitioners expect (issue 9, section 4):
each refusal names the field, saves nothing, and the form shows it on that field."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import PASSWORD
from lantern.casework import actions
from lantern.casework.models import Conference, Section47Enquiry
from lantern.casework.tests.journey import attendance_posted

D = dt.date
pytestmark = pytest.mark.django_db


def review(journey, on, chair=None):
    return journey.review(on, chair=chair)


def conclude(enquiry, user, outcome, icpc_required):
    return actions.conclude_section47(
        enquiry,
        acting_user=user,
        outcome=outcome,
        end_date=D(2026, 3, 18),
        icpc_required=icpc_required,
        expected_version=Section47Enquiry.objects.get(pk=enquiry.pk).version,
    )


def refused_on(field, call, *args, **kwargs):
    with pytest.raises(ValidationError) as refusal:
        call(*args, **kwargs)
    assert list(refusal.value.message_dict) == [field]
    return refusal.value.message_dict[field][0]


# A review conference follows the conference before it.


def test_a_second_review_cannot_be_dated_before_the_first(journey):
    journey.to_plan()  # ICPC 20 March 2026
    review(journey, D(2026, 6, 19))
    message = refused_on("held_on", review, journey, D(2026, 6, 1))
    assert message.endswith("previous review conference (19 June 2026)")
    assert Conference.objects.filter(kind="review").count() == 1


def test_a_review_on_or_after_the_previous_one_is_recorded(journey):
    journey.to_plan()
    review(journey, D(2026, 6, 19))
    review(journey, D(2026, 11, 20))
    assert Conference.objects.filter(kind="review").count() == 2


# The s47 outcome and the ICPC decision.


def test_no_conference_needed_cannot_follow_a_conference_already_held(journey, social_worker):
    journey.to_plan()  # the ICPC on 20 March 2026 was held before the outcome was recorded
    message = refused_on(
        "icpc_required", conclude, journey.enquiry, social_worker, "no_risk", False
    )
    assert "held on 20 March 2026" in message
    assert Section47Enquiry.objects.get(pk=journey.enquiry.pk).outcome == ""


def test_continuing_risk_with_no_conference_is_refused(journey, social_worker):
    journey.refer()
    journey.strategy()
    enquiry = journey.s47()
    refused_on("icpc_required", conclude, enquiry, social_worker, "risk", False)
    refused_on("icpc_required", conclude, enquiry, social_worker, "unsubstantiated", True)
    refused_on("icpc_required", conclude, enquiry, social_worker, "risk", None)
    assert Section47Enquiry.objects.get(pk=enquiry.pk).icpc_required is None
    conclude(enquiry, social_worker, "risk", True)
    assert Section47Enquiry.objects.get(pk=enquiry.pk).icpc_required is True


def outcome_url(journey, enquiry):
    return reverse("casework:change", args=[journey.child.pk, "section-47", enquiry.pk, "outcome"])


def test_the_outcome_form_asks_yes_or_no_and_an_unanswered_question_is_sent_back(client, journey):
    journey.refer()
    journey.strategy()
    enquiry = journey.s47()
    client.login(username="alice", password=PASSWORD)
    url = outcome_url(journey, enquiry)
    page = client.get(url).content.decode()
    assert 'type="radio" name="icpc_required" value="yes"' in page
    assert 'type="radio" name="icpc_required" value="no"' in page
    data = {"outcome": "no_risk", "end_date": "2026-03-18", "version": enquiry.version}
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors["icpc_required"] == [
        "Say whether an initial child protection conference is needed"
    ]
    assert Section47Enquiry.objects.get(pk=enquiry.pk).outcome == ""
    response = client.post(url, {**data, "icpc_required": "no"})
    assert response.status_code == 302
    assert Section47Enquiry.objects.get(pk=enquiry.pk).icpc_required is False


def test_the_outcome_form_shows_a_disagreement_on_the_conference_question(client, journey):
    journey.refer()
    journey.strategy()
    enquiry = journey.s47()
    client.login(username="alice", password=PASSWORD)
    response = client.post(
        outcome_url(journey, enquiry),
        {
            "outcome": "unsubstantiated",
            "end_date": "2026-03-18",
            "icpc_required": "yes",
            "version": enquiry.version,
        },
    )
    assert response.status_code == 200
    assert "continuing risk" in response.context["form"].errors["icpc_required"][0]
    assert Section47Enquiry.objects.get(pk=enquiry.pk).outcome == ""


# The chair is independent of the child's line management.


def test_the_allocated_worker_cannot_chair(journey, social_worker):
    journey.refer()
    journey.strategy()
    journey.s47()
    journey.chair = social_worker
    message = refused_on("chair", journey.icpc)
    assert "allocated worker" in message
    assert not Conference.objects.exists()


def test_the_allocated_workers_team_manager_cannot_chair_a_review(journey, manager):
    journey.to_plan()
    message = refused_on("chair", review, journey, D(2026, 6, 19), chair=manager)
    assert "manager of the allocated worker's team" in message
    assert not Conference.objects.filter(kind="review").exists()


def test_a_manager_who_does_not_manage_the_allocated_worker_may_chair(journey, make_staff):
    from lantern.access import roles

    other = make_staff("olu", roles.TEAM_MANAGER)
    journey.to_plan()
    assert review(journey, D(2026, 6, 19), chair=other).chair == other


def test_the_conference_form_shows_the_chair_refusal_on_the_chair(client, journey, manager):
    journey.refer()
    journey.strategy()
    enquiry = journey.s47()
    client.login(username="alice", password=PASSWORD)
    response = client.post(
        reverse("casework:new", args=[journey.child.pk, "icpc"]),
        {
            "section47": enquiry.pk,
            "held_on": "2026-03-20",
            "chair": manager.pk,
            "decision": "no_plan",
            **attendance_posted("2026-03-20"),
        },
    )
    assert response.status_code == 200
    assert "manager of the allocated worker's team" in response.context["form"].errors["chair"][0]
    assert not Conference.objects.exists()
