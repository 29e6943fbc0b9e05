"""Writes about staff: allocation of workers and messages to them."""

import datetime as dt

from django.db import transaction
from django.urls import reverse

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.chronology.actions import record_entry
from lantern.workforce.models import Allocation, Notification


def notify(recipient, subject: str, *, body: str = "", link: str = "", person=None):
    """Queue a message for one member of staff (shown on their home page)."""
    return Notification.objects.create(
        recipient=recipient, subject=subject[:200], body=body, link=link, person=person
    )


@transaction.atomic
def allocate_worker(child, worker, *, acting_user, start: dt.date, request=None) -> Allocation:
    """Allocate ``worker`` from ``start``, closing the current allocation (history is kept)."""
    current = Allocation.objects.select_for_update().filter(child=child, end__isnull=True).first()
    if current is not None:
        if current.worker_id == worker.pk:
            return current
        current.end = max(start, current.start)
        current.save(update_fields=["end"])
    allocation = Allocation(child=child, worker=worker, team=worker.staff.team, start=start)
    allocation.full_clean()
    allocation.save()
    record_entry(
        child,
        kind="allocation",
        when=start,
        acting_user=acting_user,
        summary=f"Allocated to {worker.get_full_name()} ({allocation.team.name}).",
        source=allocation,
    )
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        person=child,
        obj=allocation,
        detail=f"allocated to {worker.get_username()}",
    )
    if worker != acting_user:
        notify(
            worker,
            f"{child.full_name} has been allocated to you",
            person=child,
            link=reverse("people:record", args=[child.pk]),
        )
    return allocation
