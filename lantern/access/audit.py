"""Writing the audit log. Every view of a child's record and every change calls ``record``."""

from django.conf import settings
from django.http import HttpRequest

from lantern.access.models import AuditEntry


def source_address(request: HttpRequest) -> str | None:
    """The client's address, trusting only as many proxy hops as the council configured."""
    hops = settings.LANTERN_TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if hops and forwarded:
        chain = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(chain) >= hops:
            return chain[-hops]
    return request.META.get("REMOTE_ADDR") or None


def record(
    request: HttpRequest | None,
    action: str,
    *,
    user=None,
    person=None,
    obj=None,
    detail: str = "",
    purpose: str = "",
) -> AuditEntry:
    user = user if user is not None else getattr(request, "user", None)
    if user is not None and not user.is_authenticated:
        user = None
    return AuditEntry.objects.create(
        user=user,
        username=user.get_username() if user else "",
        action=action,
        person=person,
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        detail=detail[:2000],
        purpose=purpose,
        source_address=source_address(request) if request else None,
        path=request.get_full_path()[:300] if request else "",
    )
