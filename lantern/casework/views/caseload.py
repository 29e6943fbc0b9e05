"""My children (a worker's caseload) and a worker's caseload opened by their manager from the
team page. Each lists only children the reader may open as allocated worker or manager: a
restricted record they are not named on is listed without its name, and every child named
is audited as seen, as on every list page."""

from django.shortcuts import render

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.access.roles import VIEW_MY_WORK, VIEW_TEAM_WORK
from lantern.access.rules import requires
from lantern.casework.caseload import caseload, team_worker
from lantern.casework.views.common import today


@requires(VIEW_MY_WORK)
def my_children(request):
    rows = caseload(request.user, request.user, today())
    listed(request, rows, "my children")
    return render(
        request, "casework/caseload.html", {"rows": rows, "worker": request.user, "mine": True}
    )


@requires(VIEW_TEAM_WORK)
def worker_caseload(request, worker_id):
    teams, worker = team_worker(request.user, worker_id)
    rows = caseload(worker, request.user, today(), teams=teams)
    listed(request, rows, f"caseload of {worker.get_username()}")
    return render(
        request,
        "casework/caseload.html",
        {"rows": rows, "worker": worker, "mine": worker == request.user, "teams": teams},
    )


def listed(request, rows, page: str) -> None:
    audit.record(request, AuditEntry.Action.VIEW_RECORD, detail=f"{page}: {len(rows)} listed")
    audit.record_each(
        request,
        AuditEntry.Action.LISTED,
        [r.child for r in rows if not r.restricted],
        detail=f"listed in {page}",
    )
