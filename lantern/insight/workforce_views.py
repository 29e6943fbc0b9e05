"""Workforce and cost: the tables ``lantern.insight.workforce`` and ``cost`` compute, each
with its download, and the month-by-month spend as a chart over its table. No child is
named on either page; staff are."""

from django.http import Http404
from django.shortcuts import render

from lantern.access.roles import VIEW_INSIGHT
from lantern.access.rules import requires
from lantern.insight import cost as costs
from lantern.insight import downloads
from lantern.insight import workforce as staffing
from lantern.insight.charts import line_chart
from lantern.insight.measures import Column, Table, Unit
from lantern.insight.views import _base, _format, _period_form

PAGES = {"workforce": "Workforce", "cost": "Cost"}


def _tables(page: str, period) -> list[Table] | None:
    if page == "workforce":
        return staffing.workforce_tables(period)
    return costs.cost_tables(period)


def spend_table(series) -> Table:
    """The chart's numbers as a table: a row a month, a column a series."""
    labels = [label for label, _ in series[0].points] if series else []
    columns = [Column("month", "Month")] + [
        Column(f"s{i}", one.label, Unit.MONEY) for i, one in enumerate(series)
    ]
    rows = [
        {"month": label, **{f"s{i}": one.points[n][1] for i, one in enumerate(series)}}
        for n, label in enumerate(labels)
    ]
    return Table("Spend by month", columns, rows)


def _page(request, page: str):
    form = _period_form(request)
    context = _base(request, form)
    period = context["period"]
    context |= {"page": page, "heading": PAGES[page], "tables": _tables(page, period)}
    if page == "cost" and context["tables"] is not None:
        series = costs.spend_by_month(period) or []
        if series:
            context["spend"] = spend_table(series)
            context["chart"] = line_chart(
                series,
                chart_id="chart-spend",
                title="Spend by month",
                description="Spend each month by kind; the table below gives every month.",
                unit=Unit.MONEY,
            )
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "insight/tables.html", context, status=status)


@requires(VIEW_INSIGHT)
def workforce(request):
    return _page(request, "workforce")


@requires(VIEW_INSIGHT)
def cost(request):
    return _page(request, "cost")


@requires(VIEW_INSIGHT)
def tables_download(request, page: str, number: int, fmt: str):
    if page not in PAGES:
        raise Http404("No such page")
    period = _period_form(request).period()
    tables = list(_tables(page, period) or [])
    if page == "cost" and tables:
        series = costs.spend_by_month(period) or []
        if series:
            tables.append(spend_table(series))
    if not 1 <= number <= len(tables):
        raise Http404("No such table")
    return downloads.download(request, tables[number - 1], _format(fmt), period=period)
