"""Whether each child's case is watched: how long since it was discussed in supervision and
since a manager recorded oversight on it, and which children have had many social workers.

Ofsted asks, child by child, when a manager last looked at the case; a child whose case
has drifted for months is the pattern serious case reviews keep finding. The children are
those allocated to a worker on the day. Tables hold counts, and child ids for the
drill-down (``child_ids`` keys, not columns), never names.
"""

import datetime as dt

from django.db.models import Count, OuterRef, Q, Subquery

from lantern.care.queries.stability import window_start, worker_changes
from lantern.casework.models import ManagementOversight
from lantern.clocks.calendar import add_months
from lantern.insight.measures import Column, Table, Unit
from lantern.workforce.models import Allocation, CaseSupervision

MANY_CHANGES = 3  # changes of social worker in 12 months (issue 14)
BANDS = [
    ("month", "Within 1 month"),
    ("quarter", "1 to 3 months"),
    ("older", "Over 3 months"),
    ("never", "Never"),
]


def allocated_on(day: dt.date, team=None):
    rows = Allocation.objects.filter(start__lte=day).filter(Q(end__isnull=True) | Q(end__gt=day))
    return rows.filter(team=team) if team is not None else rows


def band(last: dt.date | None, day: dt.date) -> str:
    """ "Within 1 month" is on or after the same date a month before (24 Oct for 24 Nov);
    "1 to 3 months" on or after the same date three months before."""
    if last is None:
        return "never"
    if last >= add_months(day, -1):
        return "month"
    return "quarter" if last >= add_months(day, -3) else "older"


def _latest(model, field: str, day: dt.date, child_key: str):
    rows = model.objects.filter(**{child_key: OuterRef("child_id"), f"{field}__lte": day})
    return Subquery(rows.order_by(f"-{field}").values(field)[:1])


def recency_by_child(day: dt.date, *, team=None) -> list[dict]:
    """Each allocated child's last supervision and last management oversight on or before
    ``day``, and the days since each, longest first."""
    rows = (
        allocated_on(day, team)
        .annotate(
            supervised=_latest(CaseSupervision, "held_on", day, "child_id"),
            overseen=_latest(ManagementOversight, "recorded_on", day, "person_id"),
        )
        .values("child_id", "team__name", "supervised", "overseen")
    )
    out = []
    for row in rows:
        sup, ov = row["supervised"], row["overseen"]
        out.append(
            {
                "child_id": row["child_id"],
                "team": row["team__name"],
                "supervised": sup,
                "days_since_supervision": (day - sup).days if sup else None,
                "overseen": ov,
                "days_since_oversight": (day - ov).days if ov else None,
            }
        )
    never = 10**6
    out.sort(
        key=lambda r: (
            -(r["days_since_oversight"] if r["days_since_oversight"] is not None else never),
            r["child_id"],
        )
    )
    return out


def oversight_by_child(day: dt.date, *, team=None) -> Table:
    """The drill-down behind the bands: one row per allocated child, by child id."""
    return Table(
        f"Supervision and management oversight by child on {day:%-d %B %Y}",
        [
            Column("child_id", "Child (record id)"),
            Column("team", "Team"),
            Column("supervised", "Last discussed in supervision"),
            Column("days_since_supervision", "Days since", Unit.DAYS),
            Column("overseen", "Last management oversight"),
            Column("days_since_oversight", "Days since", Unit.DAYS),
        ],
        recency_by_child(day, team=team),
    )


def oversight_recency(day: dt.date, *, team=None) -> Table:
    """Allocated children by how long since their case was discussed in supervision, and
    since a manager recorded oversight on it."""
    rows = {key: {"band": label, "supervision": 0, "oversight": 0} for key, label in BANDS}
    ids = {key: {"supervision": [], "oversight": []} for key, _ in BANDS}
    for child in recency_by_child(day, team=team):
        for measure, last in (
            ("supervision", child["supervised"]),
            ("oversight", child["overseen"]),
        ):
            key = band(last, day)
            rows[key][measure] += 1
            ids[key][measure].append(child["child_id"])
    for key, row in rows.items():
        row["supervision_child_ids"] = sorted(ids[key]["supervision"])
        row["oversight_child_ids"] = sorted(ids[key]["oversight"])
    return Table(
        f"Supervision and management oversight on {day:%-d %B %Y}",
        [
            Column("band", "Last recorded"),
            Column("supervision", "Children: case discussed in supervision", Unit.COUNT),
            Column("oversight", "Children: management oversight recorded", Unit.COUNT),
        ],
        list(rows.values()),
        caption="Children allocated to a worker on the day.",
    )


def many_worker_changes(day: dt.date, *, team=None) -> Table:
    """Children allocated on ``day`` with 3 or more changes of social worker in the 12 months
    to ``day``, by team. A change is counted as the care stability page counts it
    (``care.queries.stability.worker_changes``: a new allocation to a different worker);
    only children with 3 or more allocations starting in the window can qualify, so the
    database narrows them first."""
    allocated = dict(allocated_on(day, team).values_list("child_id", "team__name"))
    candidates = (
        Allocation.objects.filter(
            child_id__in=allocated_on(day, team).values("child_id"), start__gte=window_start(day)
        )
        .filter(start__lte=day)
        .values("child_id")
        .annotate(n=Count("id"))
        .filter(n__gte=MANY_CHANGES)
        .values_list("child_id", flat=True)
    )
    changes = worker_changes(list(candidates), day)
    many = {child for child, n in changes.items() if n >= MANY_CHANGES}
    by_team: dict[str, dict] = {}
    for child_id, team_name in allocated.items():
        row = by_team.setdefault(
            team_name, {"team": team_name, "children": 0, "many": 0, "child_ids": []}
        )
        row["children"] += 1
        if child_id in many:
            row["many"] += 1
            row["child_ids"].append(child_id)
    rows = sorted(by_team.values(), key=lambda r: r["team"])
    for row in rows:
        row["percent"] = round(row["many"] * 100 / row["children"], 1)
        row["child_ids"].sort()
    return Table(
        "Children with 3 or more changes of social worker in 12 months",
        [
            Column("team", "Team"),
            Column("children", "Children allocated", Unit.COUNT),
            Column("many", "3 or more changes of worker", Unit.COUNT),
            Column("percent", "Share of children", Unit.PERCENT),
        ],
        rows,
        caption=f"Changes of allocated worker from {window_start(day):%-d %B %Y} to "
        f"{day:%-d %B %Y}; the child's current team.",
    )
