"""Workforce (issue 14 item 2): caseloads, agency against employed staff and their cost,
vacancies, children with many changes of social worker, and how recently each child's case
was discussed in supervision and had management oversight recorded.

Tables name staff (staff are not children) but never a child: where a table counts
children it carries their ids under ``child_ids`` (not a column) for the drill-down, which
applies the access policy before it shows a name.
"""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.contrib.auth.models import User
from django.db.models import Count, OuterRef, Subquery

from lantern.insight.measures import Column, Period, Table, Unit
from lantern.insight.oversight import allocated_on, many_worker_changes, oversight_recency
from lantern.insight.spend import contracts_in, staff_spend
from lantern.workforce.models import Contract, Establishment, Team

KIND_LABELS = dict(Contract.Kind.choices)
HUNDREDTH = Decimal("0.01")


def _contracts_on(day: dt.date) -> dict[int, Contract]:
    return {c.staff_id: c for c in contracts_in(Period(day, day))}


def _name(user: User) -> str:
    return user.get_full_name() or user.get_username()


def caseload_by_worker(day: dt.date, *, team=None) -> Table:
    """Children allocated to each worker on ``day``, with the worker's contract and FTE."""
    counts = list(
        allocated_on(day, team)
        .values("worker_id", "team__name")
        .annotate(children=Count("child_id", distinct=True))
        .order_by("team__name", "worker_id")
    )
    users = User.objects.in_bulk([row["worker_id"] for row in counts])
    contracts = _contracts_on(day)
    rows = []
    for row in counts:
        contract = contracts.get(row["worker_id"])
        fte = contract.fte if contract else None
        rows.append(
            {
                "worker": _name(users[row["worker_id"]]),
                "team": row["team__name"],
                "contract": KIND_LABELS[contract.kind] if contract else "Not recorded",
                "fte": fte,
                "children": row["children"],
                "per_fte": round(row["children"] / float(fte), 1) if fte else None,
            }
        )
    rows.sort(key=lambda r: (r["team"], -r["children"], r["worker"]))
    return Table(
        f"Caseload by worker on {day:%-d %B %Y}",
        [
            Column("worker", "Worker"),
            Column("team", "Team"),
            Column("contract", "Contract"),
            Column("fte", "FTE"),
            Column("children", "Children allocated", Unit.COUNT),
            Column("per_fte", "Children per FTE"),
        ],
        rows,
    )


def caseload_by_team(day: dt.date, *, team=None) -> Table:
    rows = [
        {
            "team": row["team__name"],
            "workers": row["workers"],
            "children": row["children"],
            "average": round(row["children"] / row["workers"], 1),
        }
        for row in allocated_on(day, team)
        .values("team__name")
        .annotate(workers=Count("worker_id", distinct=True), children=Count("child_id"))
        .order_by("team__name")
    ]
    return Table(
        f"Caseload by team on {day:%-d %B %Y}",
        [
            Column("team", "Team"),
            Column("workers", "Workers with children allocated", Unit.COUNT),
            Column("children", "Children allocated", Unit.COUNT),
            Column("average", "Average per worker"),
        ],
        rows,
    )


def _staff_of(team) -> list[int] | None:
    if team is None:
        return None
    return list(User.objects.filter(staff__team=team).values_list("pk", flat=True))


def contracts_table(period: Period, *, team=None) -> Table:
    """Agency against employed staff: headcount and FTE on the period's last day, and what
    each kind of contract cost over the period."""
    staff_ids = _staff_of(team)
    on_day = contracts_in(Period(period.end, period.end), staff_ids=staff_ids)
    heads = defaultdict(lambda: [0, Decimal(0)])
    for kind, fte in on_day.values_list("kind", "fte"):
        heads[kind][0] += 1
        heads[kind][1] += fte
    spend = staff_spend(period, staff_ids=staff_ids)
    all_fte = sum((fte for _, fte in heads.values()), Decimal(0))
    rows = [
        {
            "kind": label,
            "headcount": heads[kind][0],
            "fte": heads[kind][1],
            "fte_percent": round(float(heads[kind][1] * 100 / all_fte), 1) if all_fte else None,
            "spend": spend[kind],
        }
        for kind, label in Contract.Kind.choices
    ]
    return Table(
        "Agency and employed staff",
        [
            Column("kind", "Contract"),
            Column("headcount", f"Staff on {period.end:%-d %b %Y}", Unit.COUNT),
            Column("fte", "FTE"),
            Column("fte_percent", "Share of FTE", Unit.PERCENT),
            Column("spend", "Cost in the period", Unit.MONEY),
        ],
        rows,
    )


def vacancies(day: dt.date, *, team=None) -> Table:
    """Each team's funded posts on ``day`` against its employed staff in post. As in the
    DfE's children's social work workforce statistics, a post filled by an agency worker
    is still a vacancy (shown as covered by agency); the vacancy rate is vacancies over
    funded posts."""
    latest = (
        Establishment.objects.filter(team=OuterRef("pk"), effective_from__lte=day)
        .order_by("-effective_from")
        .values("funded_fte")[:1]
    )
    teams = Team.objects.annotate(funded=Subquery(latest)).filter(funded__isnull=False)
    if team is not None:
        teams = teams.filter(pk=team.pk)
    in_post = defaultdict(lambda: defaultdict(Decimal))
    for team_id, kind, fte in (
        contracts_in(Period(day, day))
        .filter(staff__staff__team__in=teams)
        .values_list("staff__staff__team_id", "kind", "fte")
    ):
        in_post[team_id]["agency" if kind == Contract.Kind.AGENCY else "employed"] += fte
    rows = []
    for t in teams.order_by("name"):
        employed, agency = in_post[t.pk]["employed"], in_post[t.pk]["agency"]
        t.funded = Decimal(str(t.funded)).quantize(HUNDREDTH)  # SQLite: a float
        vacant = max(t.funded - employed, Decimal(0))
        rows.append(
            {
                "team": t.name,
                "funded": t.funded,
                "employed": employed,
                "vacancies": vacant,
                "agency": agency,
                "uncovered": max(vacant - agency, Decimal(0)),
                "rate": round(float(vacant * 100 / t.funded), 1) if t.funded else None,
            }
        )
    if len(rows) > 1:
        total = {k: sum((r[k] for r in rows), Decimal(0)) for k in list(rows[0])[1:-1]}
        rate = (
            round(float(total["vacancies"] * 100 / total["funded"]), 1) if total["funded"] else None
        )
        rows.append({"team": "All teams", **total, "rate": rate})
    return Table(
        f"Vacancies on {day:%-d %B %Y}",
        [
            Column("team", "Team"),
            Column("funded", "Funded posts (FTE)"),
            Column("employed", "Employed staff in post (FTE)"),
            Column("vacancies", "Vacancies (FTE)"),
            Column("agency", "Covered by agency (FTE)"),
            Column("uncovered", "Not covered (FTE)"),
            Column("rate", "Vacancy rate", Unit.PERCENT),
        ],
        rows,
    )


def workforce_tables(period: Period, *, team=None) -> list[Table]:
    """Every workforce table for ``period``: counts on its last day (caseloads, vacancies,
    oversight), costs over the whole period. Caseload by worker only for one team: the
    whole service's is ``caseload_by_worker`` on its own."""
    day = period.end
    by_worker = [caseload_by_worker(day, team=team)] if team is not None else []
    return [
        caseload_by_team(day, team=team),
        *by_worker,
        contracts_table(period, team=team),
        vacancies(day, team=team),
        many_worker_changes(day, team=team),
        oversight_recency(day, team=team),
    ]
