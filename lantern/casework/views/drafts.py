"""The autosave endpoint: the form page posts what has been typed every few seconds."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from lantern.access import refusals
from lantern.access.roles import RECORD_CASEWORK, VIEW_RECORD
from lantern.access.rules import requires
from lantern.casework import actions
from lantern.casework.kinds import BY_SLUG
from lantern.casework.views.common import access_person

FORM_KEY = re.compile(r"^(?P<kind>[a-z0-9-]+?)-(?:new|(?P<id>\d+)-(?P<step>[a-z]+))$")


def autosaved(form_key: str) -> str | None:
    """The permission the form itself needs, if ``form_key`` names a form with drafts."""
    match = FORM_KEY.match(form_key)
    kind = BY_SLUG.get(match["kind"]) if match else None
    if kind is None:
        return None
    if match["step"] is None:
        return kind.permission if kind.autosave else None
    step = kind.step(match["step"])
    return step.permission if step is not None and step.autosave else None


@requires(VIEW_RECORD, RECORD_CASEWORK)
@require_POST
def autosave(request, person_id: int, form_key: str):
    permission = autosaved(form_key)
    if permission is None:
        return JsonResponse({"error": "not a form with drafts"}, status=404)
    if not request.user.has_perm(permission):
        # Refused and audited as the form page itself refuses (``require``).
        refusals.note(request, PermissionDenied())
        return JsonResponse({"error": "not allowed"}, status=403)
    try:
        person = access_person(request.user, person_id, for_write=True)
    except Http404 as refused:
        refusals.note(request, refused)
        return JsonResponse({"error": "not found"}, status=404)
    if request.POST.get("discard"):
        actions.discard_draft(request.user, person, form_key, request=request)
        return JsonResponse({"discarded": True})
    data = {
        name: values if len(values) > 1 else values[0]
        for name, values in request.POST.lists()
        if name != "csrfmiddlewaretoken"
    }
    try:
        draft = actions.save_draft(request.user, person, form_key, data, request=request)
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=400)
    return JsonResponse({"saved_at": timezone.localtime(draft.updated_at).strftime("%H:%M:%S")})
