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
    else:  # by team: not prepared (``awaiting_allocation`` says why)
        allocations = _allocations(worker.pk).filter(team__in=teams)
        children = list(_children_of(allocations))
        deadlines = open_for_worker(allocations.values("child_id"))
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


# A worker's own caseload is read by SQL written once per process (``prepared``).
def _allocations(worker_id):
    return Allocation.objects.filter(worker_id=worker_id, end__isnull=True)


def _children_of(allocations):
    visits = Visit.objects.filter(person=OuterRef("pk")).order_by("-visited_on", "-id")
    return (
        Person.objects.filter(pk__in=allocations.values("child_id"))
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
def _deadlines(worker_id):
    return open_for_worker(_allocations(worker_id).values("child_id"))


def members_of(teams):
    """Everyone a manager sees on the team page: the teams' active staff and anyone with a
    child allocated in them (a worker from another team covering a case)."""
    allocated = Allocation.objects.filter(team__in=teams, end__isnull=True).values("worker_id")
    return User.objects.filter(
        Q(staff__team__in=teams, is_active=True) | Q(pk__in=allocated)
    ).distinct()


@prepared
def teams_managed(manager_id):
    return Team.objects.filter(manager_id=manager_id)


def team_worker(manager, worker_id) -> tuple[list[Team], User]:
    """The manager's teams and the worker, if the worker is on their team page; the same
    404 for a worker elsewhere and for no such worker."""
    teams = teams_managed(manager.pk)
    worker = members_of(teams).filter(pk=parse_id(worker_id)).first() if teams else None
    if worker is None:
        raise Http404("No such worker in your teams")
    return teams, worker
