"""Opening and closing a CIN episode, and the guards on closure."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lantern.access.models import AuditEntry
from lantern.casework import actions
from lantern.casework.models import CINEpisode
from lantern.chronology.models import ChronologyEntry
from lantern.clocks.models import Deadline

D = dt.date
pytestmark = pytest.mark.django_db


def close(episode, user, reason="RC7", on=None):
    return actions.close_episode(
        episode,
        acting_user=user,
        close_date=on or D(2026, 6, 1),
        reason_for_closure=reason,
        expected_version=CINEpisode.objects.get(pk=episode.pk).version,
    )


def test_a_referral_opens_the_episode_and_starts_the_45_day_clock(journey, child, social_worker):
    episode = journey.refer(D(2025, 12, 19))
    deadline = Deadline.objects.get(person=child)
    assert (deadline.rule.code, deadline.due_on) == ("assessment", D(2026, 2, 25))
    child.refresh_from_db()
    assert child.care_status == "assessment"
    entry = ChronologyEntry.objects.get(person=child, kind="referral")
    assert entry.source_ref == str(episode.pk) and "Schools" in entry.summary
    audit = AuditEntry.objects.filter(person=child, action="create").latest("id")
    assert audit.object_type == "casework.CINEpisode" and audit.user == social_worker


def test_significant_harm_at_referral_starts_the_strategy_discussion_clock(journey, child):
    journey.refer(D(2026, 4, 2), harm_suspected=True)
    deadline = Deadline.objects.get(person=child, rule__code="strategy_discussion")
    assert deadline.due_on == D(2026, 4, 7)


def test_a_second_open_episode_is_refused(journey):
    journey.refer()
    with pytest.raises(ValidationError, match="already has an open episode"):
        journey.refer(D(2026, 3, 9))


def test_a_referral_dated_tomorrow_is_refused(journey):
    with pytest.raises(ValidationError, match="today or in the past"):
        journey.refer(timezone.localdate() + dt.timedelta(days=1))


def test_closing_with_an_open_cp_plan_is_refused_with_the_reason(journey, social_worker):
    journey.to_plan()
    with pytest.raises(ValidationError, match="child protection plan from 20 March 2026 is still"):
        close(journey.episode, social_worker)


def test_closing_with_an_open_cin_plan_is_refused(journey, social_worker):
    episode = journey.refer()
    actions.start_cin_plan(journey.child, acting_user=social_worker, start_date=D(2026, 4, 1))
    with pytest.raises(ValidationError, match="child in need plan from 1 April 2026"):
        close(episode, social_worker)


def test_closing_with_an_enquiry_still_open_is_refused(journey, social_worker):
    journey.refer()
    journey.strategy()
    journey.s47()
    with pytest.raises(ValidationError, match="section 47 enquiry has no outcome"):
        close(journey.episode, social_worker)


def test_closing_with_an_unauthorised_assessment_is_refused(journey, social_worker):
    journey.refer()
    journey.assess()
    with pytest.raises(ValidationError, match="not yet authorised"):
        close(journey.episode, social_worker)


def test_closed_after_assessment_needs_an_assessment_and_no_enquiry(journey, social_worker):
    episode = journey.refer()
    with pytest.raises(ValidationError, match="8825Q"):
        close(episode, social_worker, reason="RC8")
    journey.strategy()
    journey.s47()
    actions.conclude_section47(
        journey.enquiry,
        acting_user=social_worker,
        outcome="unsubstantiated",
        end_date=D(2026, 3, 10),
        icpc_required=False,
        expected_version=1,
    )
    with pytest.raises(ValidationError, match="2990"):
        close(episode, social_worker, reason="RC8")


def test_a_reason_for_closure_not_on_the_dfe_list_is_refused(journey, social_worker):
    episode = journey.refer()
    with pytest.raises(ValidationError, match="from the list"):
        close(episode, social_worker, reason="RC99")


def test_died_needs_the_date_of_death_first(journey, social_worker):
    episode = journey.refer()
    with pytest.raises(ValidationError, match="date of death"):
        close(episode, social_worker, reason="RC2")


def test_closing_stops_the_clocks_and_records_it(journey, child, social_worker):
    episode = journey.refer(harm_suspected=True)
    close(episode, social_worker, on=D(2026, 3, 3))
    assert not Deadline.objects.filter(person=child, state="open").exists()
    assert set(Deadline.objects.filter(person=child).values_list("closed_by", flat=True)) == {
        "episode_closed"
    }
    child.refresh_from_db()
    assert child.care_status == "closed"
    entry = ChronologyEntry.objects.get(person=child, kind="case_closed")
    assert "Services ceased" in entry.summary


def test_a_new_referral_after_closure_opens_a_new_episode(journey, social_worker):
    first = journey.refer()
    close(first, social_worker, on=D(2026, 3, 3))
    with pytest.raises(ValidationError, match="before the last episode closed"):
        journey.refer(D(2026, 3, 2))
    second = journey.refer(D(2026, 5, 1))
    assert second.pk != first.pk


def test_ending_a_cin_plan_ends_it_and_refreshes_the_care_status(journey, child, social_worker):
    journey.refer()
    plan = actions.start_cin_plan(child, acting_user=social_worker, start_date=D(2026, 4, 1))
    child.refresh_from_db()
    assert child.care_status == "child_in_need"
    actions.end_cin_plan(
        plan, acting_user=social_worker, end_date=D(2026, 4, 20), expected_version=plan.version
    )
    plan.refresh_from_db()
    child.refresh_from_db()
    assert (plan.end_date, child.care_status) == (D(2026, 4, 20), "assessment")
    assert AuditEntry.objects.filter(detail="ended CIN plan", person=child).exists()


def test_a_cin_plan_cannot_be_ended_twice(journey, child, social_worker):
    journey.refer()
    plan = actions.start_cin_plan(child, acting_user=social_worker, start_date=D(2026, 4, 1))
    actions.end_cin_plan(
        plan, acting_user=social_worker, end_date=D(2026, 4, 20), expected_version=plan.version
    )
    plan.refresh_from_db()
    with pytest.raises(ValidationError, match="already ended on 20 April 2026"):
        actions.end_cin_plan(
            plan, acting_user=social_worker, end_date=D(2026, 4, 21), expected_version=plan.version
        )
    plan.refresh_from_db()
    assert plan.end_date == D(2026, 4, 20)


def test_the_end_plan_page_ends_the_plan_then_is_no_longer_offered(
    client, journey, child, social_worker
):
    from django.urls import reverse

    from conftest import PASSWORD

    journey.refer()
    plan = actions.start_cin_plan(child, acting_user=social_worker, start_date=D(2026, 4, 1))
    client.login(username="alice", password=PASSWORD)
    url = reverse("casework:change", args=[child.pk, "cin-plan", plan.pk, "end"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"end_date": "2026-04-20", "version": str(plan.version)})
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.care_status == "assessment"
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
