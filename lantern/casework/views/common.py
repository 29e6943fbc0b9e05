"""What the casework views share: fetching the child, refusing, and showing action errors."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from lantern.casework.actions.base import today
from lantern.casework.kinds import BY_SLUG, Kind
from lantern.people.queries import access_person

__all__ = ["access_person", "errors_onto", "kind_named", "require", "today"]


def kind_named(slug: str) -> Kind:
    kind = BY_SLUG.get(slug)
    if kind is None:
        raise Http404("No such record type")
    return kind


def require(request, permission: str) -> None:
    """A per-kind permission beyond the URL's own rule (case notes, oversight, authorising),
    refused and audited exactly as the gate refuses (the gate writes the row)."""
    if not request.user.has_perm(permission):
        raise PermissionDenied


def errors_onto(form, error: ValidationError) -> None:
    """An action's refusal, shown on the field it names (or above the form)."""
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            form.add_error(name if name in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
