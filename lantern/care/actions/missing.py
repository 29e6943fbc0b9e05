"""Missing and away from placement: episodes, returns and return home interviews.

A return starts the return-home-interview clock (statutory guidance on children who run
away or go missing from home or care, 2014: offered within 72 hours); the offer meets it,
whatever the child answers. An episode is recorded for any child, looked after or not, and
is tied to the period of care it began in, which is what puts it in the SSDA903 return.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Q

from lantern.care import codes
from lantern.care.models import MissingEpisode, PeriodOfCare
from lantern.casework.actions.base import (
    check_not_before_birth,
    create,
    in_the_past,
    lock,
    lock_child,
    long_date,
    refuse,
    save_versioned,
    written,
)
from lantern.clocks.actions import apply_event


def period_on(person, day: dt.date) -> PeriodOfCare | None:
    """The period of care the child was in on ``day``, if any."""
    return (
        PeriodOfCare.objects.filter(person=person, start_date__lte=day)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .first()
    )


def _check_dates(person, start_date, end_date, *, excluding=None) -> None:
    if start_date is None:
        refuse("Enter the date the child went missing", "start_date")
    in_the_past(start_date, "The date the child went missing", "start_date")
    check_not_before_birth(person, start_date, "The date the child went missing", "start_date")
    if end_date is not None:
        in_the_past(end_date, "The date the child returned", "end_date")
        if end_date < start_date:
            refuse("The child cannot return before going missing", "end_date")
    others = MissingEpisode.objects.filter(person=person)
    if excluding is not None:
        others = others.exclude(pk=excluding.pk)
    # Touching is allowed (back in the morning, gone again that night); overlapping is not.
    mine_end = end_date or dt.date.max
    for other in others.order_by("start_date"):
        other_end = other.end_date or dt.date.max
        if other.start_date == start_date or (
            other.start_date < mine_end and start_date < other_end
        ):
            field = "end_date" if other.start_date > start_date else "start_date"
            refuse(f"This overlaps another episode: {other}", field)


@transaction.atomic
def record_missing_episode(
    person, *, acting_user, kind, start_date, end_date=None, circumstances="", request=None
) -> MissingEpisode:
    if kind not in codes.MISSING:
        refuse("Choose missing (M) or away from placement without authorisation (A)", "kind")
    lock_child(person)
    _check_dates(person, start_date, end_date)
    episode = create(
        MissingEpisode,
        person,
        acting_user,
        kind=kind,
        start_date=start_date,
        end_date=end_date,
        period=period_on(person, start_date),
        circumstances=circumstances,
    )
    if end_date is not None:
        apply_event(person, "returned_from_missing", end_date, source=episode)
    written(
        request,
        episode,
        acting_user=acting_user,
        detail="recorded missing episode",
    )
    return episode


@transaction.atomic
def record_return(
    episode, *, acting_user, expected_version, end_date, circumstances="", request=None
) -> MissingEpisode:
    lock_child(episode.person_id)  # before the episode: the care lock order (``actions``)
    episode = lock(episode)
    if episode.end_date is not None:
        refuse(f"The child returned on {long_date(episode.end_date)}", "end_date")
    if end_date is None:
        refuse("Enter the date the child returned", "end_date")
    _check_dates(episode.person, episode.start_date, end_date, excluding=episode)
    save_versioned(
        episode,
        expected_version=expected_version,
        acting_user=acting_user,
        end_date=end_date,
        circumstances=circumstances or episode.circumstances,
    )
    apply_event(episode.person, "returned_from_missing", end_date, source=episode)
    written(
        request,
        episode,
        acting_user=acting_user,
        created=False,
        detail="recorded return",
    )
    return episode


@transaction.atomic
def record_return_interview(
    episode,
    *,
    acting_user,
    expected_version,
    rhi_offered_on,
    rhi_response="",
    rhi_done_on=None,
    rhi_by="",
    child_said="",
    request=None,
) -> MissingEpisode:
    lock_child(episode.person_id)
    episode = lock(episode)
    if episode.end_date is None:
        refuse("Record the child's return first", "rhi_offered_on")
    if rhi_offered_on is None:
        refuse("Enter the date the interview was offered", "rhi_offered_on")
    in_the_past(rhi_offered_on, "The date the interview was offered", "rhi_offered_on")
    if rhi_offered_on < episode.end_date:
        refuse("The interview is offered after the child returns", "rhi_offered_on")
    if rhi_response and rhi_response not in MissingEpisode.Interview.values:
        refuse("Say whether the child accepted or declined", "rhi_response")
    if rhi_done_on is not None:
        in_the_past(rhi_done_on, "The date of the interview", "rhi_done_on")
        if rhi_response != MissingEpisode.Interview.ACCEPTED:
            refuse("An interview is held only when the child accepted it", "rhi_response")
        if rhi_done_on < rhi_offered_on:
            refuse("The interview cannot be before it was offered", "rhi_done_on")
        if not (rhi_by or "").strip():
            refuse("Enter who held the interview", "rhi_by")
    first_offer = episode.rhi_offered_on is None
    save_versioned(
        episode,
        expected_version=expected_version,
        acting_user=acting_user,
        rhi_offered_on=rhi_offered_on,
        rhi_response=rhi_response,
        rhi_done_on=rhi_done_on,
        rhi_by=rhi_by,
        child_said=child_said,
    )
    if first_offer:
        apply_event(episode.person, "return_interview_offered", rhi_offered_on, source=episode)
    written(
        request,
        episode,
        acting_user=acting_user,
        created=False,
        detail="recorded return home interview",
    )
    return episode
