"""Recording which children's cases a worker discussed in supervision with their manager.

Supervision is where a manager tests the worker's thinking about each child; serious case
reviews keep finding cases that drifted because nobody had discussed them for months. The
record is one row per child discussed, so how long since each child's case was last
discussed can be read straight off it (``lantern.insight.workforce``).
"""

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.workforce.models import Allocation, CaseSupervision
from lantern.workforce.resources import refuse


@transaction.atomic
def record_supervision(
    worker, *, supervisor, held_on: dt.date, children, acting_user, request=None
) -> list[CaseSupervision]:
    """The cases of ``children`` discussed in ``worker``'s supervision on ``held_on``. Each
    child must have been allocated to the worker that day: supervision is of the worker's
    own cases."""
    children = list(children)
    if not children:
        refuse("Choose the children whose cases were discussed", "children")
    if supervisor.pk == worker.pk:
        refuse("A worker cannot supervise themselves", "supervisor")
    if held_on > timezone.localdate():
        refuse("Supervision must be dated today or in the past", "held_on")
    theirs = set(
        Allocation.objects.filter(worker=worker, start__lte=held_on)
        .filter(Q(end__isnull=True) | Q(end__gt=held_on))
        .values_list("child_id", flat=True)
    )
    if any(child.pk not in theirs for child in children):
        refuse("Every child discussed must have been allocated to the worker that day", "children")
    # Recording the same session again replaces it rather than counting it twice.
    CaseSupervision.objects.filter(worker=worker, held_on=held_on, child__in=children).delete()
    rows = CaseSupervision.objects.bulk_create(
        CaseSupervision(
            child=child,
            worker=worker,
            supervisor=supervisor,
            held_on=held_on,
            recorded_by=acting_user,
        )
        for child in children
    )
    audit.record_each(
        request,
        AuditEntry.Action.CREATE,
        children,
        user=acting_user,
        detail=f"case discussed in {worker.get_username()}'s supervision with "
        f"{supervisor.get_username()} on {held_on}",
    )
    return rows
