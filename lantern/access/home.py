"""The data protection officer's home: what waits for them, counted, each with its page."""

import datetime as dt

from django.db.models import Count
from django.utils import timezone

from lantern.access import retention_review
from lantern.access.models import AuditEntry, BreakGlass, RestrictedRecord
from lantern.access.queries import REFUSALS
from lantern.access.roles import VIEW_AUDIT, VIEW_RETENTION
from lantern.web.home import Section

RECENT_DAYS = 7
SAR_DAYS = 30


def dpo_tasks(request) -> Section | None:
    user = request.user
    if not user.has_perm(VIEW_AUDIT):
        return None
    now, today = timezone.now(), timezone.localdate()
    week = now - dt.timedelta(days=RECENT_DAYS)
    restricted = RestrictedRecord.objects.values_list("person_id", flat=True)
    glass = BreakGlass.objects.filter(at__gte=week)
    recent = AuditEntry.objects.filter(at__gte=week)
    by_why = dict(
        RestrictedRecord.objects.values_list("why").annotate(n=Count("id")).values_list("why", "n")
    )
    return Section(
        "access/home_dpo.html",
        {
            "retention_waiting": (
                retention_review.waiting_count(today) if user.has_perm(VIEW_RETENTION) else None
            ),
            "glass": glass.count(),
            "glass_restricted": glass.filter(person_id__in=restricted).count(),
            "refusals": recent.filter(action__in=REFUSALS).count(),
            "sar_exports": AuditEntry.objects.filter(
                at__gte=now - dt.timedelta(days=SAR_DAYS),
                action=AuditEntry.Action.EXPORT,
                detail="subject access request export",
            ).count(),
            "restricted": [
                (label, by_why[code])
                for code, label in RestrictedRecord.Why.choices
                if code in by_why
            ],
            "since": (today - dt.timedelta(days=RECENT_DAYS)).isoformat(),
            "sar_since": (today - dt.timedelta(days=SAR_DAYS)).isoformat(),
            "days": RECENT_DAYS,
            "sar_days": SAR_DAYS,
        },
    )
