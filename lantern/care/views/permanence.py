"""The permanence tracker and the stability view (managers), and the care-leaver caseload
(personal advisers). Each lists children the way casework's team view does: only children
of the user's own teams or caseload, a restricted record the user is not named on listed
without its name, and only the children named audited as seen."""

from django.conf import settings
from django.shortcuts import render

from lantern.access import audit, policy
from lantern.access.models import AuditEntry
from lantern.access.roles import VIEW_MY_WORK, VIEW_TEAM_WORK
from lantern.access.rules import requires
from lantern.care.queries import leaving_care, permanence, stability
from lantern.casework.views.common import today
from lantern.workforce.models import Team


def listed(request, people, page: str) -> set[int]:
    """Audit the page and each child named on it; return the ids shown without a name."""
    hidden = policy.closed_restricted(request.user, {p.pk for p in people})
    audit.record(request, AuditEntry.Action.VIEW_RECORD, detail=f"{page}: {len(people)} listed")
    named = {p.pk: p for p in people if p.pk not in hidden}
    audit.record_each(request, AuditEntry.Action.LISTED, named.values(), detail=f"listed in {page}")
    return hidden


@requires(VIEW_TEAM_WORK)
def tracker(request):
    day = today()
    teams = list(Team.objects.filter(manager=request.user))
    rows = permanence.permanence_tracker(stability.looked_after_in_teams(teams), day)
    hidden = listed(request, [r.person for r in rows], "permanence tracker")
    return render(
        request,
        "care/permanence.html",
        {
            "teams": teams,
            "rows": rows,
            "hidden": hidden,
            "today": day,
            "placed_threshold": permanence.PLACED_THRESHOLD,
            "match_threshold": permanence.MATCH_THRESHOLD,
        },
    )


@requires(VIEW_TEAM_WORK)
def team_stability(request):
    day = today()
    teams, rows = stability.team_stability(request.user, day)
    hidden = listed(request, [r.person for r in rows], "stability view")
    return render(
        request,
        "care/stability.html",
        {
            "teams": teams,
            "rows": rows,
            "hidden": hidden,
            "today": day,
            "placements": settings.LANTERN_STABILITY_PLACEMENTS,
            "workers": settings.LANTERN_STABILITY_WORKERS,
        },
    )


@requires(VIEW_MY_WORK)
def leavers(request):
    day = today()
    rows = leaving_care.caseload(request.user, day)
    hidden = listed(request, [r.person for r in rows], "care leavers")
    return render(request, "care/leavers.html", {"rows": rows, "hidden": hidden, "today": day})
