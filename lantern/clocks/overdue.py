"""The morning notice of work that has gone overdue, to the worker who holds the child.

My work shows what is overdue to whoever opens it; a visit that slipped past its date on
Friday must reach the worker before Monday's visits are planned, without relying on them to
look. One notice per worker a day lists each clock that went overdue since they were last
told (the child, what is due, the due date), most overdue first. Each clock is told once
for its due date (``Deadline.overdue_told_for``), so a second run the same day tells no
one anything; a clock on a child no one holds waits on the team page and is told when the
child is allocated.
"""

import datetime as dt
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from lantern.clocks.models import Deadline
from lantern.workforce.actions import notify
from lantern.workforce.models import Allocation

SHOWN = 20


def _line(deadline: Deadline) -> str:
    return f"{deadline.person.full_name}: {deadline.rule.label}, due {deadline.due_on:%-d %b %Y}"


@transaction.atomic
def tell_workers(today: dt.date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    late = list(
        Deadline.objects.select_for_update(of=("self",))
        .filter(state=Deadline.State.OPEN, rule__for_worker=True, due_on__lt=today)
        .exclude(overdue_told_for=F("due_on"))
        .select_related("rule", "person")
        .order_by("due_on", "id")
    )
    holders = dict(
        Allocation.objects.filter(
            child_id__in={d.person_id for d in late}, end__isnull=True
        ).values_list("child_id", "worker_id")
    )
    by_worker: dict[int, list[Deadline]] = defaultdict(list)
    for deadline in late:
        if deadline.person_id in holders:
            by_worker[holders[deadline.person_id]].append(deadline)
    for worker_id, items in sorted(by_worker.items()):
        lines = [_line(d) for d in items[:SHOWN]]
        if len(items) > SHOWN:
            lines.append(f"and {len(items) - SHOWN} more on My work.")
        n = len(items)
        notify(
            get_user_model()(pk=worker_id),
            f"{n} thing{'' if n == 1 else 's'} on your children went overdue",
            body="\n".join(lines),
            link=reverse("casework:my-work"),
        )
        Deadline.objects.filter(pk__in=[d.pk for d in items]).update(overdue_told_for=F("due_on"))
    told = sum(len(items) for items in by_worker.values())
    return {
        "workers told": len(by_worker),
        "clocks": told,
        "on unallocated children": len(late) - told,
    }
