"""The daily reminder to the data protection officer that records wait for a retention
decision.

Lantern never destroys a record on its own (``retention``): a period that ends puts the
record on the DPO's review list, and a list nobody opens keeps data longer than the law
allows (UK GDPR Article 5(1)(e)). One reminder stays on each DPO's home page until read;
while it is unread no second one is sent, so the daily run, or a second run the same day,
never piles them up. Counts only: the reminder names no child.
"""

from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from lantern.access.retention_review import waiting_count
from lantern.access.roles import DATA_PROTECTION_OFFICER
from lantern.workforce.actions import notify
from lantern.workforce.models import Notification

SUBJECT = "Retention review: {n} record{s} waiting for your decision"
MARK = "Retention review:"


def remind() -> dict[str, int]:
    waiting = waiting_count(timezone.localdate())
    if not waiting:
        return {"waiting": 0, "reminded": 0}
    officers = User.objects.filter(is_active=True, groups__name=DATA_PROTECTION_OFFICER)
    unread = set(
        Notification.objects.filter(
            recipient__in=officers, subject__startswith=MARK, read_at__isnull=True
        ).values_list("recipient_id", flat=True)
    )
    reminded = 0
    for officer in officers.exclude(pk__in=unread).order_by("pk"):
        notify(
            officer,
            SUBJECT.format(n=waiting, s="" if waiting == 1 else "s"),
            body="Their retention period has ended or ends within 90 days. Keep, extend "
            "with a reason, or approve destruction on the retention review page.",
            link=reverse("access:retention"),
        )
        reminded += 1
    return {"waiting": waiting, "reminded": reminded}
