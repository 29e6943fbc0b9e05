"""The API's own gate: every operation needs ``Authorization: Bearer <partner token>``.

The NinjaAPI is built with this as its default ``auth`` so an endpoint cannot be anonymous
by forgetting; ``lantern/api/tests`` checks that no operation opts out.
"""

import datetime as dt
from functools import wraps

from django.http import JsonResponse
from django.utils import timezone
from ninja.security import HttpBearer

from lantern.access import refusals
from lantern.api.actions import revoked_token, token_from
from lantern.api.models import PartnerToken

TOUCH_EVERY = dt.timedelta(minutes=5)


class PartnerTokenAuth(HttpBearer):
    def __call__(self, request):
        # Ninja's own parser logs an unexpected header in DEBUG, which could write a
        # credential to the log; this one never logs the header.
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            refusals.note(request, why="partner API: no token")
            return None
        return self.authenticate(request, token.strip())

    def authenticate(self, request, token: str) -> PartnerToken | None:
        found = token_from(token)
        if found is None:
            _refuse_token(request, token)
            return None
        now = timezone.now()
        if found.last_used_at is None or now - found.last_used_at > TOUCH_EVERY:
            PartnerToken.objects.filter(pk=found.pk).update(last_used_at=now)
        return found


def _refuse_token(request, presented: str) -> None:
    """Audited without the token itself: a revoked token is named by its prefix and agency
    (not secret), anything else only as unrecognised (it may be a real token mistyped)."""
    revoked = revoked_token(presented)
    if revoked is None:
        refusals.note(request, why="partner API: unrecognised token")
        return
    why = f"partner API: revoked token {revoked.prefix} of {revoked.agency.name}"
    refusals.note(request, why=why, obj=revoked)


def token_required(view):
    """For the OpenAPI document, which ninja serves outside its operations."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if PartnerTokenAuth()(request) is None:
            return JsonResponse({"detail": "Unauthorized"}, status=401)
        return view(request, *args, **kwargs)

    return wrapper
