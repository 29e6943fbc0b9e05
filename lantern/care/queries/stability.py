"""Stability: how often a looked-after child's social worker and home have changed in the
last 12 months.

A change of social worker is a new allocation to a different worker after the child's
first (``workforce.Allocation`` history); re-allocating the same worker is no change. A
placement move is a placement starting in the window, not counting the first placement of
a period of care (that is coming into care, not a move) nor temporary placements (T0 to
T4: a hospital stay or a carer's holiday is not a move). Three or more placements in a
year is the DfE's short-term stability measure; both thresholds are council settings
(``LANTERN_STABILITY_PLACEMENTS``, ``LANTERN_STABILITY_WORKERS``).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings

from lantern.care.models import PeriodOfCare
from lantern.care.queries.placements import moves_by_child
from lantern.clocks.calendar import add_months
from lantern.workforce.models import Allocation, Team

TEMPORARY = ("T0", "T1", "T2", "T3", "T4")


def window_start(today: dt.date) -> dt.date:
    """The first day of the 12 months ending today."""
    return add_months(today, -12) + dt.timedelta(days=1)


def worker_changes(child_ids, today: dt.date) -> dict[int, int]:
    """Changes of social worker in the 12 months to ``today``, by child id."""
    since = window_start(today)
    rows = Allocation.objects.filter(child_id__in=child_ids, start__lte=today).order_by(
        "child_id", "start", "id"
    )
    changes: dict[int, int] = defaultdict(int)
    last_worker: dict[int, int] = {}
    for child_id, worker_id, start in rows.values_list("child_id", "worker_id", "start"):
        before = last_worker.get(child_id)
        if before is not None and worker_id != before and start >= since:
            changes[child_id] += 1
        last_worker[child_id] = worker_id
    return dict(changes)


@dataclass
class Stability:
    person: object
    worker_changes: int
    placement_moves: int
    placements: int  # placements lived in during the year (moves + 1): the DfE measure

    @property
    def too_many_placements(self) -> bool:
        return self.placements >= settings.LANTERN_STABILITY_PLACEMENTS

    @property
    def too_many_workers(self) -> bool:
        return self.worker_changes + 1 >= settings.LANTERN_STABILITY_WORKERS

    @property
    def flagged(self) -> bool:
        return self.too_many_placements or self.too_many_workers


def stability_of(people, today: dt.date) -> list[Stability]:
    ids = [p.pk for p in people]
    workers, moves = worker_changes(ids, today), moves_by_child(ids, today)
    return [
        Stability(p, workers.get(p.pk, 0), moves.get(p.pk, 0), moves.get(p.pk, 0) + 1)
        for p in people
    ]


def looked_after_in_teams(teams) -> list:
    """The looked-after children allocated to ``teams`` today, by name."""
    from lantern.people.models import Person

    looked_after = PeriodOfCare.objects.filter(end_date__isnull=True).values("person_id")
    allocated = Allocation.objects.filter(team__in=teams, end__isnull=True).values("child_id")
    return list(
        Person.objects.filter(pk__in=looked_after)
        .filter(pk__in=allocated)
        .order_by("last_name", "first_name", "pk")
    )


def team_stability(manager, today: dt.date) -> tuple[list[Team], list[Stability]]:
    """For the teams ``manager`` manages: each looked-after child's changes, the children
    over a threshold first."""
    teams = list(Team.objects.filter(manager=manager))
    rows = stability_of(looked_after_in_teams(teams), today)
    rows.sort(key=lambda s: (not s.flagged, -s.placements, -s.worker_changes))
    return teams, rows
