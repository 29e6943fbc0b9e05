"""The whole statutory path through the pages, as a worker, a manager and a chair use it."""

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.casework import models as cw
from lantern.casework.tests.journey import attendance_posted
from lantern.clocks.models import Deadline

pytestmark = pytest.mark.django_db


def post(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    return response


def test_referral_to_plan_to_review_through_the_forms(
    client, child, social_worker, manager, iro, police, hospital
):
    def new(slug):
        return reverse("casework:new", args=[child.pk, slug])

    client.login(username="alice", password=PASSWORD)
    post(
        client,
        new("episode"),
        {"referral_date": "2026-03-02", "referral_source": "2A", "referral_reason": "Bruising"},
    )
    post(
        client,
        new("assessment"),
        {
            "start_date": "2026-03-03",
            "analysis": "Worrying",
            "factors": ["16A", "3B"],
            "outcome": "strategy",
        },
    )
    post(
        client,
        new("strategy-discussion"),
        {
            "held_on": "2026-03-04",
            "decision": "s47",
            "agencies": [police.pk, hospital.pk],
            "attendees": "DC Smith, Dr Patel (paediatrician)",
        },
    )
    talk = cw.StrategyDiscussion.objects.get(person=child)
    assert set(talk.agencies.all()) == {police, hospital}
    post(client, new("section-47"), {"strategy_discussion": talk.pk, "start_date": "2026-03-04"})
    enquiry = cw.Section47Enquiry.objects.get(person=child)
    post(
        client,
        new("icpc"),
        {
            "section47": enquiry.pk,
            "held_on": "2026-03-20",
            "chair": iro.pk,
            "decision": "plan",
            "categories": ["NEG", "EMO"],
            **attendance_posted("2026-03-20"),
        },
    )
    plan = cw.ChildProtectionPlan.objects.get(person=child)
    assert plan.initial_categories == ["NEG", "EMO"]
    post(client, new("core-group"), {"plan": plan.pk, "held_on": "2026-03-27"})
    post(
        client,
        new("rcpc"),
        {
            "plan": plan.pk,
            "held_on": "2026-06-19",
            "chair": iro.pk,
            "decision": "end",
            "end_reason": "step_down",
            **attendance_posted("2026-06-19"),
        },
    )
    plan.refresh_from_db()
    assert plan.end_reason == "step_down" and plan.end_date.isoformat() == "2026-06-19"
    assert cw.CINPlan.objects.get(person=child, end_date=None)

    assessment = cw.Assessment.objects.get(person=child)
    url = reverse("casework:change", args=[child.pk, "assessment", assessment.pk, "authorise"])
    client.login(username="mo", password=PASSWORD)
    post(client, url, {"authorised_date": "2026-04-20", "version": 1})
    assessment.refresh_from_db()
    assert assessment.authorised_by == manager
    met = Deadline.objects.filter(person=child, state="met").values_list("rule__code", flat=True)
    assert {"assessment", "icpc", "first_core_group", "first_rcpc"} <= set(met)


def test_an_icpc_without_categories_for_a_plan_is_sent_back(client, journey, iro):
    journey.refer()
    journey.strategy()
    enquiry = journey.s47()
    client.login(username="alice", password=PASSWORD)
    response = client.post(
        reverse("casework:new", args=[journey.child.pk, "icpc"]),
        {"section47": enquiry.pk, "held_on": "2026-03-20", "chair": iro.pk, "decision": "plan"},
    )
    assert response.status_code == 200
    assert "Choose the categories of abuse for the plan" in response.content.decode()
    assert not cw.ChildProtectionPlan.objects.exists()


def test_closing_the_case_with_an_open_plan_shows_why(client, journey):
    journey.to_plan()
    client.login(username="alice", password=PASSWORD)
    url = reverse(
        "casework:change", args=[journey.child.pk, "episode", journey.episode.pk, "close"]
    )
    response = client.post(
        url,
        {
            "close_date": "2026-06-01",
            "reason_for_closure": "RC7",
            "version": journey.episode.version,
        },
    )
    assert response.status_code == 200
    assert "is still open: end it (at a review conference)" in response.content.decode()
