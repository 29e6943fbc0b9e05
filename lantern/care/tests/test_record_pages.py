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


def test_each_record_page_shows_the_record(client, make_person, social_worker, allocate):
    from lantern.care.actions import leaving_care as leaving
    from lantern.care.actions import permanence
    from lantern.care.models import PeriodOfCare
    from lantern.care.tests.factories import start_care

    dan = make_person("Dan", "Okoro", dt.date(2008, 6, 15))
    allocate(dan, social_worker)
    period = start_care(dan, social_worker, dt.date(2023, 1, 2))
    me = {"acting_user": social_worker}
    made = [
        permanence.record_previous_permanence(dan, option="Z1", **me),
        permanence.agree_permanence_plan(
            dan, plan="independence", agreed_on=dt.date(2023, 4, 3), **me
        ),
    ]
    PeriodOfCare.objects.filter(pk=period.pk).update(
        end_date=dt.date(2026, 6, 15), reason_ceased="E17"
    )
    carer = period.placements.get().carer
    made += [
        leaving.record_needs_assessment(
            dan, completed_on=dt.date(2024, 8, 1), summary="Housing", **me
        ),
        leaving.record_pathway_plan(dan, made_on=dt.date(2024, 9, 2), summary="Plan", **me),
        leaving.appoint_personal_adviser(
            dan, adviser=social_worker, start_date=dt.date(2026, 6, 1), **me
        ),
        leaving.record_care_leaver_contact(
            dan,
            contact_on=dt.date(2026, 7, 1),
            in_touch="YES",
            activity="F5",
            accommodation="Z1",
            **me,
        ),
        leaving.start_staying_put(dan, carer=carer, start_date=dt.date(2026, 6, 15), **me),
    ]
    client.login(username="alice", password=PASSWORD)
    for record in made:
        response = client.get(record.get_absolute_url())
        assert response.status_code == 200, record
        assert str(record) in response.content.decode()
