"""The permanence and leaving-care records through casework's generic pages: every form
opens, refuses empty and bad input with a message and no 500, and saves good input."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.care.kinds.permanence import KINDS
from lantern.care.models import AdoptionPlan, PermanencePlan

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, social_worker, in_care):
    client.login(username="alice", password=PASSWORD)
    return client


@pytest.mark.parametrize("slug", [k.slug for k in KINDS])
def test_every_form_opens_and_refuses_empty_input(signed_in, child, slug):
    url = reverse("casework:new", args=[child.pk, slug])
    assert signed_in.get(url).status_code == 200
    response = signed_in.post(url, {})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


def test_a_plan_is_saved_and_bad_input_is_refused_naming_the_field(signed_in, child):
    url = reverse("casework:new", args=[child.pk, "permanence-plan"])
    response = signed_in.post(
        url, {"plan": "adoption", "agreed_on": "2026-11-02", "contingency": "adoption"}
    )
    assert "The contingency plan must differ from the plan" in response.content.decode()
    assert not PermanencePlan.objects.exists()
    response = signed_in.post(
        url, {"plan": "adoption", "agreed_on": "2026-11-02", "contingency": "ltf"}
    )
    plan = PermanencePlan.objects.get()
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    assert "Adoption" in signed_in.get(plan.get_absolute_url()).content.decode()


def test_adoption_milestones_through_the_step_page(signed_in, child):
    signed_in.post(
        reverse("casework:new", args=[child.pk, "adoption"]), {"decided_on": "2026-11-02"}
    )
    adoption = AdoptionPlan.objects.get()
    url = reverse("casework:change", args=[child.pk, "adoption", adoption.pk, "milestones"])
    response = signed_in.post(
        url,
        {"version": adoption.version, "placement_order_on": "2026-10-20"},
    )
    assert "cannot be before the decision" in response.content.decode()
    response = signed_in.post(
        url, {"version": adoption.version, "placement_order_on": "2026-11-20"}
    )
    assert response.status_code == 302
    assert AdoptionPlan.objects.get().placement_order_on == dt.date(2026, 11, 20)
