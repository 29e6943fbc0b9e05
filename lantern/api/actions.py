"""Issuing, checking and revoking partner API tokens."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.api.models import PartnerToken

TOKEN_START = "lnt_"  # noqa: S105 (a marker that tells a token apart, not a secret)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def issue_token(
    agency, *, name: str, acting_user=None, operator: str = ""
) -> tuple[PartnerToken, str]:
    """A new token for ``agency``; the plain token is returned once and never stored."""
    prefix = secrets.token_hex(4)
    while PartnerToken.objects.filter(prefix=prefix).exists():
        prefix = secrets.token_hex(4)
    token = f"{TOKEN_START}{prefix}_{secrets.token_urlsafe(32)}"
    record = PartnerToken.objects.create(
        agency=agency, name=name.strip(), prefix=prefix, token_hash=token_hash(token)
    )
    audit.record(
        None,
        AuditEntry.Action.CREATE,
        user=acting_user,
        obj=record,
        detail=f"issued partner API token {prefix} to {agency.name}"
        + (f" (by {operator})" if operator else ""),
    )
    return record, token


@transaction.atomic
def revoke_token(prefix: str, *, acting_user=None, operator: str = "") -> PartnerToken:
    """``operator`` names who ran the command when there is no signed-in user."""
    record = PartnerToken.objects.select_for_update().get(prefix=prefix)
    if record.revoked_at is None:
        record.revoked_at = timezone.now()
        record.save(update_fields=["revoked_at"])
        audit.record(
            None,
            AuditEntry.Action.UPDATE,
            user=acting_user,
            obj=record,
            detail=f"revoked partner API token {prefix} of {record.agency.name}"
            + (f" (by {operator})" if operator else ""),
        )
    return record


def token_from(presented: str) -> PartnerToken | None:
    """The active token presented, or None; the comparison is of hashes, in the database."""
    if not presented or not presented.startswith(TOKEN_START):
        return None
    return (
        PartnerToken.objects.filter(token_hash=token_hash(presented), revoked_at__isnull=True)
        .select_related("agency")
        .first()
    )


def revoked_token(presented: str) -> PartnerToken | None:
    """The revoked token presented, if it is one: its use is refused and audited by name."""
    if not presented or not presented.startswith(TOKEN_START):
        return None
    return (
        PartnerToken.objects.filter(token_hash=token_hash(presented), revoked_at__isnull=False)
        .select_related("agency")
        .first()
    )
