"""Issue 9 §1: ReferralNFA is derived from the episode (one fact, one place), and assessment
factor 9A agrees with the UASC status recorded on the child."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from lantern.casework import actions
from lantern.casework.models import Assessment
from lantern.people.census import record_census_details

D = dt.date


def _close(journey, on, reason):
    episode = journey.episode.__class__.objects.get(pk=journey.episode.pk)
    return actions.close_episode(
        episode,
        acting_user=journey.worker,
        close_date=on,
        reason_for_closure=reason,
        expected_version=episode.version,
    )


def test_a_referral_closed_with_no_work_is_a_referral_nfa(journey):
    journey.refer(on=D(2026, 3, 2))
    assert not journey.episode.referral_nfa  # open: not decided yet
    episode = _close(journey, D(2026, 3, 3), "RC7")
    assert episode.referral_nfa


def test_closed_after_assessment_rc8_is_not_a_referral_nfa(journey):
    """RC8 needs an assessment (8825Q); ReferralNFA forbids one (8831): they never meet."""
    journey.refer(on=D(2026, 3, 2))
    assessment = journey.assess(on=D(2026, 3, 3), outcome="nfa")
    actions.authorise_assessment(
        assessment,
        acting_user=journey.manager,
        authorised_date=D(2026, 3, 10),
        expected_version=assessment.version,
    )
    episode = _close(journey, D(2026, 3, 11), "RC8")
    assert episode.reason_for_closure == "RC8" and not episode.referral_nfa


def test_factor_9a_needs_the_childs_uasc_status(journey, child):
    journey.refer(on=D(2026, 3, 2))
    with pytest.raises(ValidationError) as refused:
        journey.assess(on=D(2026, 3, 3), factors=("9A",))
    assert "needs the child's UASC status" in " ".join(refused.value.message_dict["factors"])
    assert not Assessment.objects.filter(person=child).exists()
    record_census_details(child, acting_user=journey.worker, uasc_since=D(2026, 2, 20))
    child.refresh_from_db()
    assert journey.assess(on=D(2026, 3, 3), factors=("9A",)).factors == ["9A"]


def test_factor_9a_is_refused_after_the_uasc_status_ceased(journey, child):
    record_census_details(
        child, acting_user=journey.worker, uasc_since=D(2025, 1, 6), uasc_ceased=D(2026, 1, 5)
    )
    child.refresh_from_db()
    journey.refer(on=D(2026, 3, 2))
    assessment = journey.assess(on=D(2026, 3, 3), factors=("1C",))
    with pytest.raises(ValidationError):
        actions.update_assessment(
            assessment,
            acting_user=journey.worker,
            expected_version=assessment.version,
            factors=["9A"],
        )
    assert Assessment.objects.get(pk=assessment.pk).factors == ["1C"]
