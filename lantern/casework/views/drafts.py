"""The autosave endpoint: the form page posts what has been typed every few seconds."""

import re

from django.http import Http404, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from lantern.access.roles import RECORD_CASEWORK, VIEW_RECORD
from lantern.access.rules import requires
from lantern.casework import actions
from lantern.casework.kinds import BY_SLUG
from lantern.casework.views.common import ReasonRequired, access_person

FORM_KEY = re.compile(r"^(?P<kind>[a-z0-9-]+?)-(?:new|(?P<id>\d+)-(?P<step>[a-z]+))$")


def autosaved(form_key: str) -> bool:
    match = FORM_KEY.match(form_key)
    kind = BY_SLUG.get(match["kind"]) if match else None
    if kind is None:
        return False
    if match["step"] is None:
        return kind.autosave
    step = kind.step(match["step"])
    return step is not None and step.autosave


@requires(VIEW_RECORD, RECORD_CASEWORK)
@require_POST
def autosave(request, person_id: int, form_key: str):
    if not autosaved(form_key):
        return JsonResponse({"error": "not a form with drafts"}, status=404)
    try:
        person = access_person(request.user, person_id, for_write=True)
    except (Http404, ReasonRequired):
        return JsonResponse({"error": "not found"}, status=404)
    if request.POST.get("discard"):
        actions.discard_draft(request.user, person, form_key)
        return JsonResponse({"discarded": True})
    data = {
        name: values if len(values) > 1 else values[0]
        for name, values in request.POST.lists()
        if name != "csrfmiddlewaretoken"
    }
    draft = actions.save_draft(request.user, person, form_key, data, request=request)
    return JsonResponse({"saved_at": timezone.localtime(draft.updated_at).strftime("%H:%M:%S")})
