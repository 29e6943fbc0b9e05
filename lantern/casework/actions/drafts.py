"""Keeping what a worker types before they save it (DESIGN.md §1b: never lose typed work).

Only the first save of a draft and its deletion are audited: the draft is the worker's own
unsubmitted text, saved every few seconds, and the record it becomes is audited when it is
saved. Drafts are
capped in size and keyed by form, so one worker has at most one draft per form per child.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.casework.models import Draft

MAX_FIELDS = 40
MAX_CHARS = 200_000


@transaction.atomic
def save_draft(user, person, form_key: str, data: dict, *, request=None) -> Draft:
    clean = {
        str(k)[:60]: [str(x) for x in v] if isinstance(v, list) else str(v)
        for k, v in list(data.items())[:MAX_FIELDS]
    }
    clean.pop("csrfmiddlewaretoken", None)
    if sum(len(str(v)) for v in clean.values()) > MAX_CHARS:
        raise ValidationError("The draft is too long to keep")
    draft, created = Draft.objects.update_or_create(
        user=user, person=person, form_key=form_key[:60], defaults={"data": clean}
    )
    if created:
        audit.record(
            request,
            AuditEntry.Action.CREATE,
            user=user,
            person=person,
            obj=draft,
            detail=f"started a draft ({form_key})",
        )
    return draft


@transaction.atomic
def discard_draft(user, person, form_key: str, *, request=None) -> None:
    """The worker threw away what they typed: recorded, since it is their text gone."""
    deleted, _ = Draft.objects.filter(user=user, person=person, form_key=form_key).delete()
    if deleted:
        audit.record(
            request,
            AuditEntry.Action.UPDATE,
            user=user,
            person=person,
            detail=f"discarded draft ({form_key})",
        )
