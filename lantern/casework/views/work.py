"""My work (a social worker's) and the team view (a manager's)."""

from django.shortcuts import render

from lantern.access import audit, policy
from lantern.access.models import AuditEntry
from lantern.access.roles import VIEW_MY_WORK, VIEW_TEAM_WORK
from lantern.access.rules import requires
from lantern.casework import queries
from lantern.casework.views.common import today
from lantern.signals import queries as signal_queries


@requires(VIEW_MY_WORK)
def my_work(request):
    day = today()
    window = queries.window_after(day)
    items = queries.my_work(request.user, day, window)
    audit.record(request, AuditEntry.Action.VIEW_RECORD, detail=f"my work: {len(items)} item(s)")
    audit_listed(request, items, "listed in my work")
    signals = signals_listed(
        request, signal_queries.live_on_caseload(request.user.pk), "listed in my work: signal"
    )
    return render(
        request,
        "casework/my_work.html",
        {
            "overdue": [i for i in items if i.overdue],
            "days": queries.by_day(items, day, window),
            "due": sum(not i.overdue for i in items),
            "today": day,
            "window": window,
            "signals": signals,
        },
    )


@requires(VIEW_TEAM_WORK)
def team(request):
    day = today()
    work = queries.team_work(request.user, day)
    teams, workers = work.teams, work.workers
    waiting = queries.awaiting_allocation(teams, day)
    overdue = sum(len(w.overdue) for w in workers)
    since = queries.reporting_year_start(day)
    late = queries.late_work(since, day, person_ids=work.children)
    audit.record(request, AuditEntry.Action.VIEW_RECORD, detail=f"team view: {overdue} overdue")
    signals = signal_queries.live_for([*work.children, *{i.deadline.person_id for i in waiting}])
    listed = [item for w in workers for item in w.overdue] + late
    # A restricted record the manager is not named on is listed without its name, as in
    # search results: only the children named on the page are audited as seen. One look
    # at the restrictions for every child the page names.
    hidden = policy.closed_restricted(
        request.user,
        {item.deadline.person_id for item in listed + waiting} | {s.person_id for s in signals},
    )
    audit_listed(
        request, [i for i in listed if i.deadline.person_id not in hidden], "listed in team view"
    )
    audit_listed(
        request,
        [i for i in waiting if i.deadline.person_id not in hidden],
        "listed in team view: awaiting allocation",
    )
    audit_signals(request, signals, hidden, "listed in team view: signal")
    return render(
        request,
        "casework/team.html",
        {
            "teams": teams,
            "workers": workers,
            "overdue": overdue,
            "today": day,
            "late": late,
            "since": since,
            "waiting": waiting,
            "hidden": hidden,
            "signals": signals,
        },
    )


def audit_listed(request, items, detail: str) -> None:
    """One look per child named on the page, so a child's own audit trail shows every list
    that named them, not only the pages opened on them."""
    children = {item.deadline.person_id: item.deadline.person for item in items}
    audit.record_each(request, AuditEntry.Action.LISTED, children.values(), detail=detail)


def signals_listed(request, signals: list, detail: str) -> list:
    """The children's live safeguarding signals, each child named audited as listed; a
    restricted record the user may not open now is listed by its rule alone, unnamed."""
    hidden = policy.closed_restricted(request.user, {s.person_id for s in signals})
    return audit_signals(request, signals, hidden, detail)


def audit_signals(request, signals, hidden: set[int], detail: str) -> list:
    """Marks each signal ``hidden`` whose child is in ``hidden`` (``closed_restricted``),
    and audits the other children as listed."""
    named = {}
    for signal in signals:
        signal.hidden = signal.person_id in hidden
        if not signal.hidden:
            named[signal.person_id] = signal.person
    audit.record_each(request, AuditEntry.Action.LISTED, named.values(), detail=detail)
    return signals
