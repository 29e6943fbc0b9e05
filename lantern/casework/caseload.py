"""A worker's caseload: each child allocated to them, with what a worker or their manager
looks for first (status, the next thing due, when the child was last visited and last seen
alone). My work lists only what is due; a child with nothing due must not drop out of sight.

The same few queries whatever the size of the caseload: the children with their last visits
(two subqueries), their open clocks, and the restricted records among them.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import OuterRef, Q, Subquery
from django.http import Http404

from lantern.access import policy
from lantern.casework.models import Visit
from lantern.clocks.queries import DueItem, due_items, open_for_worker
from lantern.ids import parse_id
from lantern.people.models import Person
from lantern.prepared import prepared
from lantern.signals.queries import live_headlines
from lantern.workforce.models import Allocation, Team


@dataclass
class CaseloadRow:
    child: Person  # with ``last_visit`` and ``last_seen_alone`` read alongside
    next_due: DueItem | None
    overdue: int
    # A restricted record the viewer may not open now: listed without a name or anything
    # else about the child, and not audited as seen (as search results and the team page).
    restricted: bool
    signals: list[str]  # live safeguarding signals, as headlines


def caseload(worker, viewer, today: dt.date, *, teams=None) -> list[CaseloadRow]:
    """The children allocated to ``worker`` now, by surname, as ``viewer`` may see them.
    ``teams`` limits it to allocations in those teams: a manager sees a worker's children
    in the teams they manage, the children the access policy lets them open as manager."""
    if teams is None:
        children, deadlines = _children(worker.pk), _deadlines(worker.pk)
    else:
        in_teams = frozenset(t.pk for t in teams)
        children, deadlines = _children_in(worker.pk, in_teams), _deadlines_in(worker.pk, in_teams)
    first, overdue = {}, Counter()
    for item in due_items(deadlines, today):
        first.setdefault(item.deadline.person_id, item)  # most urgent first
        overdue[item.deadline.person_id] += item.overdue
    hidden = policy.closed_restricted(viewer, [c.pk for c in children])
    signals = live_headlines(c.pk for c in children if c.pk not in hidden)
    return [
        CaseloadRow(c, first.get(c.pk), overdue[c.pk], c.pk in hidden, signals.get(c.pk, []))
        for c in children
    ]


# Each read is built from its arguments alone, its SQL written once per process
# (``prepared``): a manager opens one worker's caseload after another.
def _allocations(worker_id, team_ids=None):
    allocations = Allocation.objects.filter(worker_id=worker_id, end__isnull=True)
    if team_ids is not None:
        allocations = allocations.filter(team_id__any=team_ids)
    return allocations.values("child_id")


def _children_of(allocations):
    visits = Visit.objects.filter(person=OuterRef("pk")).order_by("-visited_on", "-id")
    return (
        Person.objects.filter(pk__in=allocations)
        .annotate(
            last_visit=Subquery(visits.values("visited_on")[:1]),
            last_seen_alone=Subquery(visits.filter(seen_alone=True).values("visited_on")[:1]),
        )
        .order_by("last_name", "first_name", "pk")
    )


@prepared
def _children(worker_id):
    return _children_of(_allocations(worker_id))


@prepared
def _children_in(worker_id, team_ids):
    return _children_of(_allocations(worker_id, team_ids))


@prepared
def _deadlines(worker_id):
    return open_for_worker(_allocations(worker_id))


@prepared
def _deadlines_in(worker_id, team_ids):
    return open_for_worker(_allocations(worker_id, team_ids))


def members_of(team_ids: frozenset[int]):
    """Everyone a manager sees on the team page: the teams' active staff and anyone with a
    child allocated in them (a worker from another team covering a case)."""
    allocated = Allocation.objects.filter(team_id__any=team_ids, end__isnull=True)
    return User.objects.filter(
        Q(staff__team_id__any=team_ids, is_active=True) | Q(pk__in=allocated.values("worker_id"))
    ).distinct()


@prepared
def teams_managed(manager_id):
    return Team.objects.filter(manager_id=manager_id)


@prepared
def _member(team_ids, worker_id):
    return members_of(team_ids).filter(pk=worker_id)


def team_worker(manager, worker_id) -> tuple[list[Team], User]:
    """The manager's teams and the worker, if the worker is on their team page; the same
    404 for a worker elsewhere and for no such worker."""
    teams = teams_managed(manager.pk)
    team_ids = frozenset(team.pk for team in teams)
    wanted = parse_id(worker_id)
    found = _member(team_ids, wanted) if teams and wanted is not None else []
    worker = found[0] if found else None
    if worker is None:
        raise Http404("No such worker in your teams")
    return teams, worker
