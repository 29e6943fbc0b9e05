"""Guards on closing the case and on visits that practitioners expect (issue 9, section 4):
each refusal names the field, saves nothing, and the form shows it on that field."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import PASSWORD
from lantern.casework import actions
from lantern.casework.models import CINEpisode, Visit
from lantern.chronology.models import ChronologyEntry

D = dt.date
pytestmark = pytest.mark.django_db


def close(episode, user, on):
    return actions.close_episode(
        episode,
        acting_user=user,
        close_date=on,
        reason_for_closure="RC7",
        expected_version=CINEpisode.objects.get(pk=episode.pk).version,
    )


def refused_on(field, call, *args, **kwargs):
    with pytest.raises(ValidationError) as refusal:
        call(*args, **kwargs)
    assert list(refusal.value.message_dict) == [field]
    return refusal.value.message_dict[field][0]


def still_open(episode):
    return CINEpisode.objects.get(pk=episode.pk).close_date is None


# The case closes only after its plans, enquiries and assessments have ended.


def test_the_case_cannot_close_before_its_cin_plan_ended(journey, child, social_worker):
    episode = journey.refer()
    plan = actions.start_cin_plan(child, acting_user=social_worker, start_date=D(2026, 4, 1))
    actions.end_cin_plan(
        plan, acting_user=social_worker, end_date=D(2026, 5, 1), expected_version=plan.version
    )
    message = refused_on("close_date", close, episode, social_worker, D(2026, 4, 20))
    assert message.endswith("(the last on 1 May 2026)")
    assert still_open(episode)
    close(episode, social_worker, D(2026, 5, 1))
    assert not still_open(episode)


def test_the_case_cannot_close_before_its_assessment_was_authorised(
    journey, social_worker, manager
):
    episode = journey.refer()
    assessment = journey.assess(D(2026, 3, 3), outcome="nfa")
    actions.authorise_assessment(
        assessment, acting_user=manager, authorised_date=D(2026, 4, 14), expected_version=1
    )
    refused_on("close_date", close, episode, social_worker, D(2026, 4, 13))
    assert still_open(episode)


def test_the_case_cannot_close_while_an_initial_conference_is_awaited(journey, social_worker):
    episode = journey.refer()
    journey.strategy()
    enquiry = journey.s47()
    actions.conclude_section47(
        enquiry,
        acting_user=social_worker,
        outcome="risk",
        end_date=D(2026, 3, 18),
        icpc_required=True,
        expected_version=enquiry.version,
    )
    message = refused_on("close_date", close, episode, social_worker, D(2026, 3, 19))
    assert "initial conference is needed and none is recorded" in message
    assert still_open(episode)


def test_the_closure_form_shows_open_work_on_the_closure_date(client, journey):
    journey.refer()
    journey.strategy()
    journey.s47()
    client.login(username="alice", password=PASSWORD)
    url = reverse(
        "casework:change", args=[journey.child.pk, "episode", journey.episode.pk, "close"]
    )
    response = client.post(
        url,
        {"close_date": "2026-06-01", "reason_for_closure": "RC7", "version": 1},
    )
    assert response.status_code == 200
    assert "has no outcome yet" in response.context["form"].errors["close_date"][0]
    assert still_open(journey.episode)


# Visits.


def test_a_cp_visit_needs_a_plan_open_on_the_day(journey):
    journey.to_plan()  # the plan starts on 20 March 2026
    message = refused_on("kind", journey.visit, D(2026, 3, 19))
    assert "child protection plan open on the day" in message
    assert not Visit.objects.exists()
    assert journey.visit(D(2026, 3, 20)).kind == "cp"


def test_a_cp_visit_after_the_plan_ended_is_refused(journey):
    journey.to_plan()
    journey.review(D(2026, 6, 19), "end", end_reason="no_services")
    refused_on("kind", journey.visit, D(2026, 6, 22))
    assert journey.visit(D(2026, 6, 22), kind="cin").kind == "cin"


def test_seen_but_not_alone_needs_the_reason(journey, child):
    journey.to_plan()
    refused_on(
        "reason_not_seen_alone",
        journey.visit,
        D(2026, 3, 27),
        alone=False,
        reason_not_seen_alone="  ",
    )
    assert not Visit.objects.exists()
    visit = journey.visit(D(2026, 3, 27), alone=False, reason_not_seen_alone="Baby, 4 weeks")
    assert visit.reason_not_seen_alone == "Baby, 4 weeks"
    entry = ChronologyEntry.objects.get(person=child, kind="visit")
    assert "Child seen, not alone (Baby, 4 weeks)." in entry.summary


def test_the_visit_form_shows_the_missing_reason_on_its_field(client, journey):
    journey.refer()
    client.login(username="alice", password=PASSWORD)
    url = reverse("casework:new", args=[journey.child.pk, "visit"])
    response = client.post(url, {"visited_on": "2026-03-05", "kind": "cp", "child_seen": "on"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["reason_not_seen_alone"]
    response = client.post(
        url,
        {
            "visited_on": "2026-03-05",
            "kind": "cp",
            "child_seen": "on",
            "reason_not_seen_alone": "Baby, asleep in mum's arms",
        },
    )
    assert response.status_code == 200
    assert "child protection plan" in response.context["form"].errors["kind"][0]
    assert not Visit.objects.exists()
