"""What the director, the performance analyst, the DPO and the administrator see first on
their home page, from insight. Each adds only what the other domains' sections do not
already show (the analyst's returns come from returns, the DPO's reviews from access, the
administrator's accounts from workforce)."""

import datetime as dt

from django.utils import timezone

from lantern.access.models import AuditEntry
from lantern.access.roles import (
    MANAGE_STAFF,
    SET_TARGETS,
    VIEW_AUDIT,
    VIEW_CHILDREN_BEHIND_FIGURES,
    VIEW_INSIGHT,
)
from lantern.insight import queries
from lantern.insight.forms import period_query
from lantern.insight.measures import REGISTRY, Better, Period
from lantern.returns.forms import twelve_months_to
from lantern.web.home import Section

HEADLINES = 8
RECENT_DAYS = 7
LISTED_BEHIND = "behind the figure "
EXPORTED = "insight table: "


def untargeted() -> list:
    set_ = queries.targets()
    return [f for f in REGISTRY.values() if f.better != Better.NEITHER and f.code not in set_]


def headlines(request) -> Section | None:
    """The director's and the analyst's: the figures with a target, worst first, over the
    last twelve months; the analyst also sees which figures still have no target."""
    user = request.user
    if not user.has_perm(VIEW_INSIGHT):
        return None
    today = timezone.localdate()
    period = Period(twelve_months_to(today), today)
    lines = queries.worst_first(period)
    return Section(
        "insight/home_headlines.html",
        {
            "lines": lines[:HEADLINES],
            "more": max(len(lines) - HEADLINES, 0),
            "period": period,
            "query": period_query(period),
            "untargeted": untargeted() if user.has_perm(SET_TARGETS) else None,
            "may_name": user.has_perm(VIEW_CHILDREN_BEHIND_FIGURES),
        },
    )


def dpo_names_behind_figures(request) -> Section | None:
    """The DPO's: how many children's names the figures' lists showed this week, to whom,
    and how many insight tables were downloaded."""
    if not request.user.has_perm(VIEW_AUDIT):
        return None
    since = timezone.now() - dt.timedelta(days=RECENT_DAYS)
    recent = AuditEntry.objects.filter(at__gte=since)
    listed = recent.filter(action=AuditEntry.Action.LISTED, detail__startswith=LISTED_BEHIND)
    return Section(
        "insight/home_dpo.html",
        {
            "listed": listed.count(),
            "viewers": listed.values("user_id").distinct().count(),
            "exports": recent.filter(
                action=AuditEntry.Action.EXPORT, detail__startswith=EXPORTED
            ).count(),
            "days": RECENT_DAYS,
            "since": (timezone.localdate() - dt.timedelta(days=RECENT_DAYS)).isoformat(),
        },
    )


def admin_targets(request) -> Section | None:
    """The administrator's: figures that still have no target the council set."""
    user = request.user
    if not (user.has_perm(MANAGE_STAFF) and user.has_perm(SET_TARGETS)):
        return None
    return Section("insight/home_admin.html", {"untargeted": untargeted()})
