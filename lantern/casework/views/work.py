"""My work (a social worker's) and the team view (a manager's)."""

from django.shortcuts import render

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.access.roles import VIEW_MY_WORK, VIEW_TEAM_WORK
from lantern.access.rules import requires
from lantern.casework import queries
from lantern.casework.views.common import today


@requires(VIEW_MY_WORK)
def my_work(request):
    day = today()
    items = queries.my_work(request.user, day)
    audit.record(request, AuditEntry.Action.VIEW_RECORD, detail=f"my work: {len(items)} item(s)")
    return render(
        request,
        "casework/my_work.html",
        {
            "overdue": [i for i in items if i.overdue],
            "this_week": [i for i in items if not i.overdue],
            "today": day,
            "week_end": queries.end_of_week(day),
        },
    )


@requires(VIEW_TEAM_WORK)
def team(request):
    day = today()
    teams, workers = queries.team_work(request.user, day)
    overdue = sum(len(w.overdue) for w in workers)
    audit.record(request, AuditEntry.Action.VIEW_RECORD, detail=f"team view: {overdue} overdue")
    return render(
        request,
        "casework/team.html",
        {"teams": teams, "workers": workers, "overdue": overdue, "today": day},
    )
