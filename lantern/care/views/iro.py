"""The IRO's caseload: the looked-after children they review and when each review is due."""

from django.shortcuts import render

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.access.roles import VIEW_IRO_CASELOAD
from lantern.access.rules import requires
from lantern.care.queries.iro import iro_caseload
from lantern.casework.actions.base import today


@requires(VIEW_IRO_CASELOAD)
def iro_reviews(request):
    day = today()
    rows = iro_caseload(request.user, day)
    overdue = sum(1 for r in rows if r.due and r.due.overdue)
    audit.record(
        request,
        AuditEntry.Action.VIEW_RECORD,
        detail=f"IRO caseload: {len(rows)} child(ren), {overdue} review(s) overdue",
    )
    # Each child named on the page is in their own audit trail as listed.
    audit.record_each(
        request,
        AuditEntry.Action.VIEW_RECORD,
        [r.person for r in rows],
        detail="listed in IRO caseload",
    )
    return render(
        request, "care/iro_reviews.html", {"rows": rows, "today": day, "overdue": overdue}
    )
