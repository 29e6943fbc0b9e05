"""The child's care on their casework page: legal status, placement, the SSDA903 episodes
as the return will show them, and any DfE duration
limit passed (``care.rules.duration_warnings``)."""

from django.urls import reverse

from lantern.access.roles import RECORD_CASEWORK
from lantern.care import codes, rules
from lantern.care.models import CareEpisode
from lantern.care.queries.placements import periods_of


def placement_label(code: str) -> str:
    kind = codes.PLACEMENT_TYPE.get(code)
    return f"{code}: {kind.label}" if kind else code


def care_panel(person, user, today) -> dict | None:
    periods = periods_of(person)
    can_write = user.has_perm(RECORD_CASEWORK)
    if not periods and not can_write:
        return None
    current = next((p for p in periods if p.end_date is None), None)
    status = placement = None
    warnings = []
    if current is not None:
        statuses = list(current.statuses.all())
        placements = list(current.placements.select_related("carer"))
        status = next((s for s in statuses if s.end_date is None), None)
        placement = next((p for p in placements if p.end_date is None), None)
        warnings = rules.duration_warnings(statuses, placements, today)
    episodes = CareEpisode.objects.filter(person=person).select_related("placement__carer")
    episodes = episodes.order_by("start_date", "pk") if periods else []  # never in care
    return {
        "periods": periods,
        "current": current,
        "status": status,
        "status_label": codes.LEGAL_STATUS.label(status.code) if status else "",
        "placement": placement,
        "placement_label": placement_label(placement.placement_type) if placement else "",
        "episodes": [
            (e, placement_label(e.placement.placement_type) if e.placement else "")
            for e in episodes
        ],
        "warnings": warnings,
        "start_url": reverse("casework:new", args=[person.pk, "period-of-care"])
        if can_write and current is None
        else "",
    }
