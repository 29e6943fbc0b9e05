"""A casework record's history of changes: every version, who made it, and each field's old
and new value. Read exactly as the record itself is read, and audited as a look at it."""

from django.shortcuts import render

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.access.roles import VIEW_RECORD
from lantern.access.rules import requires
from lantern.casework import queries
from lantern.casework.views.common import access_person, kind_named, require
from lantern.history.presenting import history_of


@requires(VIEW_RECORD)
def record_history(request, person_id: int, kind: str, record_id: int):
    kind = kind_named(kind)
    require(request, kind.read_permission)
    person = access_person(request.user, person_id)  # the gate asks for a reason if needed
    record = queries.record_of(person, kind, record_id)
    audit.record(
        request,
        AuditEntry.Action.VIEW_RECORD,
        person=person,
        obj=record,
        detail=f"{kind.slug}: viewed history",
        purpose=person.access_basis,
    )
    created_by = record.created_by
    return render(
        request,
        "history/history.html",
        {
            "person": person,
            "title": f"History of changes: {record}",
            "versions": history_of(record, queries.shown_value),
            "first_by": created_by.get_full_name() or created_by.get_username(),
            "first_at": record.created_at,
            "back": record.get_absolute_url(),
            "back_label": f"Back to {record}",
        },
    )
