"""Every refused look or write leaves an audit row (issue 8 §3).

The ``access_*`` functions refuse by raising: ``Refused`` (answered as a plain 404, so the URL
space says nothing, but carrying for the audit the person or record it was about),
``ReasonRequired`` (the record opens only after a stated reason) or ``PermissionDenied``. They
do not write the row themselves: a refusal raised inside ``transaction.atomic`` (an action's
block, or the whole view under ``ATOMIC_REQUESTS``) would roll its own audit row back with
it. The access gate's ``process_exception`` writes the row instead, after the view and its
transactions have unwound; a view that catches a refusal to answer it itself (the autosave
endpoint, the partner API) calls ``note``. Either way one row per request: the second
``note`` for the same request writes nothing.

Rows name no one in ``detail``: the person foreign key says whose record it was, ``path``
which address was tried.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from lantern.access import audit
from lantern.access.models import AuditEntry

NO_SUCH_RECORD = "no such record"
NOT_ALLOWED = "not allowed for this record"
ROLE_MAY_NOT = "the role may not"
REASON_ASKED = "asked to state a reason"


class Refused(Http404):
    """A 404 that says only "no such record" to the user, and to the audit log whose record
    (``person``, or every linked person of ``obj``) was refused and why."""

    def __init__(self, message: str = "Not found", *, why=NO_SUCH_RECORD, person=None, obj=None):
        super().__init__(message)
        self.why = why
        self.person = person
        self.obj = obj


class ReasonRequired(Exception):
    """The user may open this record only after stating why (break the glass). The gate
    answers it by sending the user to the reason page, and records that they were asked."""

    def __init__(self, person):
        super().__init__(person)
        self.person = person


def _people_of(obj) -> list:
    """The people in the index a refused contact is about, so the refusal shows on their
    "who has seen" page; none when no subject has been matched yet."""
    subjects = getattr(obj, "subjects", None)
    if subjects is None:
        return []
    return [s.person for s in subjects.select_related("person") if s.person_id]


def _person_in_url(request):
    """The person the refused address names, if they exist: a refusal by role (the gate, a
    per-kind permission) then shows on that child's "who has seen" too. Looked up through the
    audit log's own link to the person index, so the gate needs nothing above it."""
    people = AuditEntry._meta.get_field("person").related_model

    match = getattr(request, "resolver_match", None)
    person_id = match.kwargs.get("person_id") if match else None
    if not isinstance(person_id, int) or not 0 < person_id < 2**63:
        return None
    return people.objects.filter(pk=person_id).first()


def note(request, refusal: Exception | None = None, *, why: str = "", obj=None, user=None) -> None:
    """Write the audit row for a refused request, once per request. Without ``refusal``
    (a refused API token), ``why`` is the whole detail."""
    if request is not None:
        if getattr(request, "_lantern_refusal_noted", False):
            return
        request._lantern_refusal_noted = True
    action = AuditEntry.Action.DENIED
    person = getattr(refusal, "person", None)
    obj = getattr(refusal, "obj", None) or obj
    if isinstance(refusal, ReasonRequired):
        action, why = AuditEntry.Action.REASON_ASKED, why or REASON_ASKED
    elif isinstance(refusal, PermissionDenied):
        why = why or ROLE_MAY_NOT
    else:
        why = why or getattr(refusal, "why", "") or NO_SUCH_RECORD
    status = "403" if isinstance(refusal, PermissionDenied) else "404"
    detail = f"refused ({status}): {why}" if refusal is not None else why
    if action == AuditEntry.Action.REASON_ASKED:
        detail = why
    if person is None and obj is None and request is not None:
        person = _person_in_url(request)
    people = [person] if person is not None else _people_of(obj)
    if people:
        audit.record_each(request, action, people, detail=detail, obj=obj, user=user)
    else:
        audit.record(request, action, obj=obj, detail=detail, user=user)
