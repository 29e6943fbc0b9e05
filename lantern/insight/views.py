"""The insight pages: the dashboard, a figure, the children behind it, and their downloads.

Thin shells over ``queries``: every number is the figure's own query. The children behind
a figure are named only as ``policy.named_behind_figures`` allows, and each name shown is
audited as listed; everyone else with the figures sees the count.
"""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.access.roles import VIEW_CHILDREN_BEHIND_FIGURES, VIEW_INSIGHT
from lantern.access.rules import requires
from lantern.insight import downloads, queries
from lantern.insight.charts import line_chart, show
from lantern.insight.forms import PeriodForm, period_query
from lantern.insight.measures import Figure, Series, figure

TABLES = ("trend", "comparators")


def _period_form(request) -> PeriodForm:
    asked = any(k.startswith(("year", "start", "end")) for k in request.GET)
    data = request.GET if asked else None
    return PeriodForm(data, today=timezone.localdate())


def _figure(code: str) -> Figure:
    found = figure(code)
    if found is None:
        raise Http404("No such figure")
    return found


def _format(fmt: str) -> str:
    if fmt not in downloads.FORMATS:
        raise Http404("No such format")
    return fmt


def _base(request, form: PeriodForm) -> dict:
    period = form.period()
    return {
        "form": form,
        "period": period,
        "query": period_query(period),
        "year": form.year_of(period),
    }


@requires(VIEW_INSIGHT)
def dashboard(request):
    form = _period_form(request)
    context = _base(request, form)
    context["sections"] = queries.dashboard(context["period"])
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "insight/dashboard.html", context, status=status)


@requires(VIEW_INSIGHT)
def dashboard_download(request, fmt: str):
    period = _period_form(request).period()
    table = queries.dashboard_table(queries.dashboard(period), period)
    return downloads.download(request, table, _format(fmt), period=period)


def chart_for(fig: Figure, table, target) -> str:
    points = [(row["month"], row["value"]) for row in table.rows]
    known = [(label, v) for label, v in points if v is not None]
    if known:
        low = min(known, key=lambda p: p[1])
        high = max(known, key=lambda p: p[1])
        about = (
            f"Lowest {show(low[1], fig.unit)} in {low[0]}, highest {show(high[1], fig.unit)} "
            f"in {high[0]}."
        )
    else:
        about = "No month has a value."
    if target is not None:
        about += f" The dashed line is the council's green target, {show(target.green, fig.unit)}."
    return line_chart(
        [Series(fig.title, points)],
        chart_id=f"chart-{fig.code}",
        title=f"{fig.title} by month",
        description=f"{about} The table below the chart gives every month.",
        unit=fig.unit,
        target=float(target.green) if target is not None else None,
    )


@requires(VIEW_INSIGHT)
def figure_page(request, code: str):
    fig = _figure(code)
    form = _period_form(request)
    context = _base(request, form)
    period = context["period"]
    target = queries.targets().get(fig.code)
    line = queries.line(fig, period, target)
    trend = queries.trend(fig, period)
    context |= {
        "figure": fig,
        "line": line,
        "trend": trend,
        "chart": chart_for(fig, trend, target),
        "comparators": queries.comparators(fig, line.value),
        "behind": len(line.value.children) if line.value.children is not None else None,
        "may_name": request.user.has_perm(VIEW_CHILDREN_BEHIND_FIGURES),
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "insight/figure.html", context, status=status)


@requires(VIEW_INSIGHT)
def figure_download(request, code: str, table: str, fmt: str):
    fig = _figure(code)
    if table not in TABLES:
        raise Http404("No such table")
    period = _period_form(request).period()
    if table == "trend":
        chosen = queries.trend(fig, period)
    else:
        chosen = queries.comparators(fig, fig.compute(period))
    return downloads.download(request, chosen, _format(fmt), period=period)


def _behind(request, fig: Figure, period):
    value = fig.compute(period)
    if value.children is None:
        raise Http404("This figure has no children behind it")
    seen = queries.behind(request.user, fig, value)
    return value, seen, queries.children_table(fig, seen, period)


@requires(VIEW_INSIGHT, VIEW_CHILDREN_BEHIND_FIGURES)
def children(request, code: str):
    fig = _figure(code)
    form = _period_form(request)
    context = _base(request, form)
    value, seen, table = _behind(request, fig, context["period"])
    if seen.named:
        audit.record_each(
            request,
            AuditEntry.Action.LISTED,
            seen.named,
            detail=f"behind the figure {fig.title}, {table.caption}",
        )
    context |= {"figure": fig, "value": value, "seen": seen, "table": table}
    return render(request, "insight/children.html", context)


@requires(VIEW_INSIGHT, VIEW_CHILDREN_BEHIND_FIGURES)
def children_download(request, code: str, fmt: str):
    fig = _figure(code)
    period = _period_form(request).period()
    _, seen, table = _behind(request, fig, period)
    return downloads.download(request, table, _format(fmt), period=period, children=len(seen.named))
