"""SSDA903 episodes, derived from what workers record: never typed.

An episode is the span of a period of care over which neither the legal status nor the
placement changes (SSDA903 guidance: "a new episode starts on every change of legal status,
placement or carer"). ``derive`` is a pure function over a period's legal statuses and
placements, so every case can be tested without a database; ``rebuild`` writes its rows.

The reason for a new episode (RNE, rule 143) says what changed: S the first, L legal status
only, P placement and carer, T placement with the same carer, U legal status and placement
with the same carer, B all three. A move into or out of a temporary placement (T0–T4) is a
change of carer: rules 380 and 383 want RNE P or B on and after a temporary episode.
Each episode but the last ends the day the next starts with REC X1; the last carries the
period's reason for ceasing. REASON_PLACE_CHANGE (rule 1009) is copied from the placement
that ended onto the episode it ended, blank on open episodes (rule 233, 2025/26) and on a
temporary placement and the episode before it (rule 226).
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from lantern.care.codes import TEMPORARY_PLACEMENTS

X1 = "X1"


@dataclass(frozen=True)
class Episode:
    start_date: dt.date
    reason_new: str
    legal_status: str
    placement: object  # a Placement (or any object with the fields read here), or None
    end_date: dt.date | None = None
    reason_ceased: str = ""
    reason_place_change: str = ""


def _current(rows, day: dt.date):
    """The row in force on ``day``: the latest started on or before it (rows never overlap;
    one ending on ``day`` gives way to one starting on ``day``)."""
    found = None
    for row in sorted(rows, key=lambda r: (r.start_date, r.pk or 0)):
        if row.start_date > day:
            break
        if row.end_date is None or row.end_date > day or row.start_date == day:
            found = row
    return found


def _temporary(placement) -> bool:
    return placement is not None and placement.placement_type in TEMPORARY_PLACEMENTS


def _reason_new(before: Episode | None, status, placement) -> str:
    if before is None:
        return "S"
    status_changed = status != before.legal_status
    if placement is before.placement:
        return "L"
    same_carer = (
        placement is not None
        and before.placement is not None
        and placement.carer_id == before.placement.carer_id
        and not _temporary(placement)
        and not _temporary(before.placement)
    )
    if status_changed:
        return "U" if same_carer else "B"
    return "T" if same_carer else "P"


def derive(
    *,
    start_date: dt.date,
    end_date: dt.date | None,
    reason_ceased: str,
    statuses,
    placements,
) -> list[Episode]:
    statuses, placements = list(statuses), list(placements)
    days = sorted(
        {start_date}
        | {s.start_date for s in statuses if s.start_date >= start_date}
        | {p.start_date for p in placements if p.start_date >= start_date}
    )
    if end_date is not None:
        days = [d for d in days if d < end_date or d == start_date]
    episodes: list[Episode] = []
    for day in days:
        status, placement = _current(statuses, day), _current(placements, day)
        code = status.code if status is not None else ""
        before = episodes[-1] if episodes else None
        if before is not None and code == before.legal_status and placement is before.placement:
            continue  # a "change" to the same status and placement is no new episode
        episodes.append(Episode(day, _reason_new(before, code, placement), code, placement))
    result = []
    for index, episode in enumerate(episodes):
        following = episodes[index + 1] if index + 1 < len(episodes) else None
        if following is not None:
            moved = following.placement is not episode.placement
            change = ""
            if moved and not _temporary(episode.placement) and not _temporary(following.placement):
                change = getattr(episode.placement, "reason_changed", "") or ""
            result.append(
                Episode(
                    episode.start_date,
                    episode.reason_new,
                    episode.legal_status,
                    episode.placement,
                    following.start_date,
                    X1,
                    change,
                )
            )
        elif end_date is not None:
            result.append(
                Episode(
                    episode.start_date,
                    episode.reason_new,
                    episode.legal_status,
                    episode.placement,
                    end_date,
                    reason_ceased,
                )
            )
        else:
            result.append(episode)
    return result


def of_period(period) -> list[Episode]:
    return derive(
        start_date=period.start_date,
        end_date=period.end_date,
        reason_ceased=period.reason_ceased,
        statuses=period.statuses.all(),
        placements=period.placements.all(),
    )


def rows(period, derived) -> list:
    """The episode rows of ``period`` for episodes ``derived`` from it, unsaved: written by
    ``rebuild`` and by bulk writers (the demo) alike."""
    from lantern.care.models import CareEpisode

    return [
        CareEpisode(
            person_id=period.person_id,
            period=period,
            start_date=e.start_date,
            reason_new=e.reason_new,
            legal_status=e.legal_status,
            placement=e.placement,
            end_date=e.end_date,
            reason_ceased=e.reason_ceased,
            reason_place_change=e.reason_place_change,
        )
        for e in derived
    ]


@transaction.atomic
def rebuild(period) -> list:
    """Replace the period's episode rows with those its statuses and placements imply."""
    from lantern.care.models import CareEpisode

    CareEpisode.objects.filter(period=period).delete()
    return CareEpisode.objects.bulk_create(rows(period, of_period(period)))
