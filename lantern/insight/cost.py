"""Cost (issue 14 item 3): placement spend by type and month, the budget against spend,
agency staff spend, and the cost per child in care by placement type.

Every pound comes from ``lantern.insight.spend`` (placements by the night, contracts by the
day), so the budget table, the monthly chart and the per-child costs add up to each other.
No table here names a child.
"""

from decimal import Decimal

from django.db.models import Q

from lantern.care.models import Placement
from lantern.insight.measures import Column, Period, Series, Table, Unit
from lantern.insight.spend import (
    EMPLOYED,
    ONE_DAY,
    PENNY,
    PLACEMENT_GROUPS,
    financial_year,
    line_of,
    placement_spend,
    placements_in,
    staff_spend,
    staff_spend_by_period,
)
from lantern.workforce.models import BudgetLine, Contract

L = BudgetLine.Line
LABELS = dict(L.choices)
MONEY = Unit.MONEY


def _month(period: Period) -> str:
    return period.start.strftime("%b %Y")


def _share(part: Decimal, whole: Decimal) -> float | None:
    return round(float(part * 100 / whole), 1) if whole else None


def placement_spend_table(period: Period) -> Table:
    """Placement spend by month and placement type (the budget lines placements fall in)."""
    columns = [Column("month", "Month")]
    columns += [
        Column(line, LABELS[line].removeprefix("Placements: "), MONEY) for line in PLACEMENT_GROUPS
    ]
    columns.append(Column("total", "Total", MONEY))
    rows = []
    for month in period.months():
        spend = placement_spend(month)
        rows.append({"month": _month(month), **spend, "total": sum(spend.values())})
    total = {
        line: sum((r[line] for r in rows), Decimal(0)) for line in [*PLACEMENT_GROUPS, "total"]
    }
    rows.append({"month": "Total", **total})
    return Table(
        "Placement spend by month",
        columns,
        rows,
        caption="Each placement's weekly cost for each night the child was there.",
    )


def spend_by_month(period: Period) -> list[Series]:
    """One series per placement type, and one for agency staff, in pounds by month."""
    months = period.months()
    placements = [placement_spend(month) for month in months]
    series = [
        Series(
            LABELS[line].removeprefix("Placements: ").capitalize(),
            [(_month(m), float(s[line])) for m, s in zip(months, placements, strict=True)],
        )
        for line in PLACEMENT_GROUPS
    ]
    staff = staff_spend_by_period(months)
    agency = [
        (_month(m), float(s[Contract.Kind.AGENCY])) for m, s in zip(months, staff, strict=True)
    ]
    return [*series, Series("Agency staff", agency)]


def _spend_by_line(period: Period) -> dict[str, Decimal]:
    staff = staff_spend(period)
    return {
        **placement_spend(period),
        L.STAFFING.value: sum((staff[kind] for kind in EMPLOYED), Decimal(0)),
        L.AGENCY.value: staff[Contract.Kind.AGENCY],
    }


def budget_table(period: Period) -> Table:
    """The financial year's budget against spend to the end of ``period`` and a forecast to
    the year end: spend so far plus what the placements and contracts open on the last
    day will cost to 31 March if nothing changes (how councils forecast committed spend).
    Other spend is budgeted but not recorded in Lantern, so it has no spend."""
    year = financial_year(period.end)
    to_date = _spend_by_line(Period(year.start, period.end))
    rest = _spend_by_line(Period(period.end + ONE_DAY, year.end)) if period.end < year.end else {}
    budgets = dict(BudgetLine.objects.filter(year=year.start.year).values_list("line", "amount"))
    rows, totals = [], {"budget": Decimal(0), "to_date": Decimal(0), "forecast": Decimal(0)}
    for line in L.values:
        budget, spent = budgets.get(line), to_date.get(line)
        forecast = None if spent is None else spent + rest.get(line, Decimal(0))
        rows.append(
            {
                "line": LABELS[line],
                "budget": budget,
                "to_date": spent,
                "spent_percent": _share(spent, budget) if spent is not None else None,
                "forecast": forecast,
                "variance": None if None in (budget, forecast) else forecast - budget,
            }
        )
        for key, value in (("budget", budget), ("to_date", spent), ("forecast", forecast)):
            totals[key] += value or 0
    measured = sum((budgets.get(line, 0) for line in to_date), Decimal(0))
    rows.append(
        {
            "line": "Total",
            **totals,
            "spent_percent": _share(totals["to_date"], totals["budget"]),
            "variance": totals["forecast"] - measured,
        }
    )
    label = f"{year.start.year}-{(year.start.year + 1) % 100:02d}"
    return Table(
        f"Budget {label} against spend to {period.end:%-d %B %Y}",
        [
            Column("line", "Budget line"),
            Column("budget", "Budget", MONEY),
            Column("to_date", "Spent to date", MONEY),
            Column("spent_percent", "Budget spent to date", Unit.PERCENT),
            Column("forecast", "Forecast to year end", MONEY),
            Column("variance", "Forecast over (+) or under (-) budget", MONEY),
        ],
        rows,
        caption="The total's variance compares the forecast with the budget of the lines "
        "Lantern measures (other spend has a budget but no recorded spend).",
    )


def agency_spend_table(period: Period) -> Table:
    """Agency staff spend by month beside employed staff, and agency's share of the two."""
    rows, months = [], [*period.months(), period]
    for month, staff in zip(months, staff_spend_by_period(months), strict=True):
        agency = staff[Contract.Kind.AGENCY]
        employed = sum((staff[kind] for kind in EMPLOYED), Decimal(0))
        rows.append(
            {
                "month": "Total" if month is period else _month(month),
                "agency": agency,
                "employed": employed,
                "agency_percent": _share(agency, agency + employed),
            }
        )
    return Table(
        "Agency staff spend",
        [
            Column("month", "Month"),
            Column("agency", "Agency staff", MONEY),
            Column("employed", "Employed staff", MONEY),
            Column("agency_percent", "Agency share of staff spend", Unit.PERCENT),
        ],
        rows,
        caption="Agency staff at their day rate for each working day; employed staff at "
        "their annual cost with on-costs, by the day.",
    )


def cost_per_child_table(period: Period) -> Table:
    """For each placement type: the children placed in the period, what their placements
    cost, the cost per child, and the average weekly cost (spend per 7 nights)."""
    acc = {line: {"children": 0, "nights": 0, "cost": Decimal(0)} for line in PLACEMENT_GROUPS}
    for row in placements_in(period):
        group = acc[line_of(row["placement_type"])]
        group["nights"] += row["nights"] or 0
        group["cost"] += Decimal(str(row["cost"] or 0))
    for line, children in _children_by_group(period).items():
        acc[line]["children"] = children
    rows = []
    for line in PLACEMENT_GROUPS:
        a = acc[line]
        spend = (a["cost"] / 7).quantize(PENNY)
        rows.append(
            {
                "type": LABELS[line].removeprefix("Placements: ").capitalize(),
                "children": a["children"],
                "spend": spend,
                "per_child": (spend / a["children"]).quantize(PENNY) if a["children"] else None,
                "weekly": (a["cost"] / a["nights"]).quantize(PENNY) if a["nights"] else None,
            }
        )
    return Table(
        "Cost per child in care by placement type",
        [
            Column("type", "Placement type"),
            Column("children", "Children placed", Unit.COUNT),
            Column("spend", "Spend", MONEY),
            Column("per_child", "Cost per child", MONEY),
            Column("weekly", "Average weekly cost", MONEY),
        ],
        rows,
        caption="Children with a costed placement of the type at any time in the period; "
        "a child in two types is counted in each.",
    )


def _children_by_group(period: Period) -> dict[str, int]:
    """Children counted once per group: the distinct (type, child) pairs come from the
    database, and are few (a child has a handful of placements a year)."""
    pairs = (
        Placement.objects.filter(weekly_cost__isnull=False, start_date__lte=period.end)
        .filter(Q(end_date__isnull=True) | Q(end_date__gt=period.start))
        .values_list("placement_type", "person_id")
        .distinct()
    )
    seen: dict[str, set[int]] = {line: set() for line in PLACEMENT_GROUPS}
    for placement_type, person_id in pairs:
        seen[line_of(placement_type)].add(person_id)
    return {line: len(ids) for line, ids in seen.items()}


def cost_tables(period: Period) -> list[Table]:
    return [
        placement_spend_table(period),
        budget_table(period),
        agency_spend_table(period),
        cost_per_child_table(period),
    ]
