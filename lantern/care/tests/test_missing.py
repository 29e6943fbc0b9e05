"""Missing and away from placement: episodes, the return-home-interview clock, the repeat
prompt and the guards."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from conftest import LONDON
from lantern.care.actions.missing import (
    record_missing_episode,
    record_return,
    record_return_interview,
)
from lantern.care.models import MissingEpisode
from lantern.care.queries.missing import missing_rows, repeat_missing
from lantern.clocks.models import Deadline

D = dt.date
pytestmark = pytest.mark.django_db


def missing(child, worker, start, end=None, kind="M"):
    return record_missing_episode(
        child, acting_user=worker, kind=kind, start_date=start, end_date=end
    )


def rhi(child):
    return [
        (d.started_on, d.due_on, d.state)
        for d in Deadline.objects.filter(person=child, rule__code="return_home_interview")
    ]


def refused(field, call, *args, **kwargs):
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    assert field in caught.value.message_dict, caught.value.message_dict


@pytest.mark.time_machine(dt.datetime(2027, 1, 4, 10, 0, tzinfo=LONDON), tick=False)
def test_a_return_on_christmas_eve_has_its_interview_due_by_sunday_27_december(
    in_care, child, social_worker
):
    episode = missing(child, social_worker, D(2026, 12, 22), D(2026, 12, 24))
    assert rhi(child) == [(D(2026, 12, 24), D(2026, 12, 27), "open")]
    record_return_interview(
        episode, acting_user=social_worker, expected_version=episode.version,
        rhi_offered_on=D(2026, 12, 26), rhi_response="accepted", rhi_done_on=D(2026, 12, 29),
        rhi_by="Sam (Missing Children Service)", child_said="Went to a friend's in Croydon",
    )  # fmt: skip
    assert rhi(child) == [(D(2026, 12, 24), D(2026, 12, 27), "met")]


def test_the_return_recorded_later_starts_the_clock_then(in_care, child, social_worker):
    episode = missing(child, social_worker, D(2026, 11, 20))
    assert rhi(child) == []
    record_return(
        episode, acting_user=social_worker, expected_version=episode.version,
        end_date=D(2026, 11, 21),
    )  # fmt: skip
    assert rhi(child) == [(D(2026, 11, 21), D(2026, 11, 24), "open")]
    assert MissingEpisode.objects.get().looked_after


def test_each_return_has_its_own_interview_whatever_order_they_are_recorded_in(
    in_care, child, social_worker
):
    """An earlier episode written up after a later one still owes its child an interview;
    and one episode's interview does not answer for another's."""
    later = missing(child, social_worker, D(2026, 11, 16), D(2026, 11, 17))
    earlier = missing(child, social_worker, D(2026, 11, 9), D(2026, 11, 10))
    assert sorted(rhi(child)) == [
        (D(2026, 11, 10), D(2026, 11, 13), "open"),
        (D(2026, 11, 17), D(2026, 11, 20), "open"),
    ]
    record_return_interview(
        earlier, acting_user=social_worker, expected_version=earlier.version,
        rhi_offered_on=D(2026, 11, 18), rhi_response="declined",
    )  # fmt: skip
    assert sorted(rhi(child)) == [
        (D(2026, 11, 10), D(2026, 11, 13), "met"),
        (D(2026, 11, 17), D(2026, 11, 20), "open"),  # the later return is still owed one
    ]
    record_return_interview(
        later, acting_user=social_worker, expected_version=later.version,
        rhi_offered_on=D(2026, 11, 19), rhi_response="declined",
    )  # fmt: skip
    assert [state for *_, state in sorted(rhi(child))] == ["met", "met"]


def test_a_third_episode_in_90_days_prompts_a_strategy_discussion(in_care, child, social_worker):
    missing(child, social_worker, D(2026, 10, 6), D(2026, 10, 7))
    missing(child, social_worker, D(2026, 10, 30), D(2026, 10, 31), kind="A")
    assert repeat_missing(child, D(2026, 11, 24)) is None
    missing(child, social_worker, D(2026, 11, 22), D(2026, 11, 23))
    assert len(repeat_missing(child, D(2026, 11, 24))) == 3


def test_three_episodes_over_120_days_do_not(child, social_worker):
    missing(child, social_worker, D(2026, 7, 27), D(2026, 7, 28))
    missing(child, social_worker, D(2026, 9, 25), D(2026, 9, 26))
    missing(child, social_worker, D(2026, 11, 24))
    assert repeat_missing(child, D(2026, 11, 24)) is None


@pytest.mark.parametrize(
    "start,end,field",
    [
        (D(2026, 11, 20), D(2026, 11, 19), "end_date"),  # back before gone
        (D(2026, 11, 25), None, "start_date"),  # tomorrow
        (D(2026, 11, 2), D(2026, 11, 4), "start_date"),  # inside the 1-5 Nov episode
        (D(2026, 10, 30), D(2026, 11, 2), "end_date"),  # runs into it
        (D(2026, 10, 30), None, "end_date"),  # open, from before it
    ],
)
def test_bad_episodes_are_refused_naming_the_field(child, social_worker, start, end, field):
    missing(child, social_worker, D(2026, 11, 1), D(2026, 11, 5))
    refused(field, missing, child, social_worker, start, end)
    assert MissingEpisode.objects.count() == 1


def test_an_episode_touching_another_is_accepted(child, social_worker):
    missing(child, social_worker, D(2026, 11, 1), D(2026, 11, 5))
    missing(child, social_worker, D(2026, 11, 5), D(2026, 11, 6))
    assert MissingEpisode.objects.count() == 2


def test_an_interview_before_the_return_is_refused(in_care, child, social_worker):
    episode = missing(child, social_worker, D(2026, 11, 20), D(2026, 11, 22))
    refused(
        "rhi_offered_on", record_return_interview, episode, acting_user=social_worker,
        expected_version=episode.version, rhi_offered_on=D(2026, 11, 21),
    )  # fmt: skip
    refused(
        "rhi_response", record_return_interview, episode, acting_user=social_worker,
        expected_version=episode.version, rhi_offered_on=D(2026, 11, 22),
        rhi_response="declined", rhi_done_on=D(2026, 11, 23), rhi_by="Sam",
    )  # fmt: skip
    episode.refresh_from_db()
    assert episode.rhi_offered_on is None
    assert rhi(child)[0][2] == "open"


def test_missing_while_not_looked_after_is_recorded_but_not_returned(in_care, child, social_worker):
    missing(child, social_worker, D(2026, 9, 1), D(2026, 9, 2))  # before care began
    missing(child, social_worker, D(2026, 10, 10), D(2026, 10, 11), kind="A")
    episodes = MissingEpisode.objects.order_by("start_date")
    assert [e.looked_after for e in episodes] == [False, True]
    assert missing_rows(D(2026, 4, 1), D(2027, 3, 31)) == [
        {"CHILD": child.council_id, "DOB": "04/05/2016", "MISSING": "A",
         "MIS_START": "10/10/2026", "MIS_END": "11/10/2026"},
    ]  # fmt: skip
