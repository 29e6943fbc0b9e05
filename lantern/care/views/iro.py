"""The IRO's caseload: the looked-after children they review and when each review is due,
listed as every care list is (``permanence.listed``): a restricted record the IRO is not
named on shows without its name, and only the children named are audited as seen."""

from django.shortcuts import render

from lantern.access.roles import VIEW_IRO_CASELOAD
from lantern.access.rules import requires
from lantern.care.queries.iro import iro_caseload
from lantern.care.views.permanence import listed
from lantern.casework.actions.base import today


@requires(VIEW_IRO_CASELOAD)
def iro_reviews(request):
    day = today()
    rows = iro_caseload(request.user, day)
    overdue = sum(1 for r in rows if r.due and r.due.overdue)
    hidden = listed(request, [r.person for r in rows], "IRO caseload")
    return render(
        request,
        "care/iro_reviews.html",
        {"rows": rows, "today": day, "overdue": overdue, "hidden": hidden},
    )
