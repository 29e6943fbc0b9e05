"""One-time enrolment codes: the only way to set up an authenticator on an account.

A password alone must not be enough to enrol a phone: a leaked or guessed password would
then give a stranger a working second factor. An administrator issues a code (on the staff
member's page) and passes it on by a separate channel; the member of staff enters it before
the QR code is shown. Only a SHA-256 hash is stored: the code is random (60 bits), so it
needs no slow hash, and a copy of the database does not reveal a usable code.
"""

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from lantern.access import audit
from lantern.access.models import AuditEntry, EnrolmentCode

# No 0/O, 1/I/L: the code is read aloud or copied from a screen.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 12
MAX_ATTEMPTS = 5


class EnrolmentRefused(Exception):
    """The code was wrong, expired, used or cancelled; the message says which, for the user."""


def normalise(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())[:64]


def code_hash(code: str) -> str:
    return hashlib.sha256(normalise(code).encode()).hexdigest()


def _lifetime() -> dt.timedelta:
    return dt.timedelta(hours=settings.LANTERN_ENROLMENT_CODE_HOURS)


@transaction.atomic
def issue_enrolment_code(user, *, acting_user, request=None) -> str:
    """A new code for ``user``, returned once; any earlier unused code is cancelled."""
    if user.pk == acting_user.pk:
        raise PermissionError("You cannot issue an enrolment code for your own account")
    now = timezone.now()
    # Used codes too: a set-up still in progress with the old code stops.
    EnrolmentCode.objects.filter(user=user, cancelled_at__isnull=True).update(cancelled_at=now)
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    issued = EnrolmentCode.objects.create(
        user=user,
        code_hash=code_hash(raw),
        issued_by=acting_user,
        issued_at=now,
        expires_at=now + _lifetime(),
    )
    audit.record(
        request,
        AuditEntry.Action.CREATE,
        user=acting_user,
        obj=issued,
        detail=f"enrolment code issued for {user.get_username()}, "
        f"expires {issued.expires_at:%Y-%m-%d %H:%M}",
    )
    return "-".join(raw[i : i + 4] for i in range(0, LENGTH, 4))


def _latest_live(user) -> EnrolmentCode | None:
    return (
        EnrolmentCode.objects.select_for_update()
        .filter(user=user, used_at__isnull=True, cancelled_at__isnull=True)
        .order_by("-issued_at")
        .first()
    )


def redeem_enrolment_code(user, code: str, *, request=None) -> EnrolmentCode:
    """Use ``user``'s code, or raise EnrolmentRefused (audited; the fifth wrong try cancels it).

    The refusal is raised after the transaction commits, so the count of wrong tries and
    the audit entry are kept."""
    redeemed, problem = _redeem(user, code, request)
    if problem:
        raise EnrolmentRefused(problem)
    return redeemed


@transaction.atomic
def _redeem(user, code: str, request) -> tuple[EnrolmentCode | None, str]:
    live = _latest_live(user)
    now = timezone.now()
    if live is None:
        problem = (
            "There is no enrolment code waiting for your account. Ask an administrator for one"
        )
    elif live.expires_at <= now:
        problem = "Your enrolment code has expired. Ask an administrator for a new one"
    elif not normalise(code):
        problem = "Enter the enrolment code your administrator gave you"
    elif not secrets.compare_digest(code_hash(code), live.code_hash):
        live.failed_attempts += 1
        fields = ["failed_attempts"]
        problem = "The enrolment code is not right. Check it and try again"
        if live.failed_attempts >= MAX_ATTEMPTS:
            live.cancelled_at = now
            fields.append("cancelled_at")
            problem = "Too many wrong enrolment codes. Ask an administrator for a new one"
        live.save(update_fields=fields)
    else:
        live.used_at = now
        live.save(update_fields=["used_at"])
        audit.record(
            request, AuditEntry.Action.UPDATE, user=user, obj=live, detail="enrolment code used"
        )
        return live, ""
    audit.record(
        request,
        AuditEntry.Action.SIGN_IN_FAILED,
        user=user,
        obj=live,
        detail=f"enrolment code refused: {problem.split('.')[0].lower()}",
    )
    return live, problem


def still_valid(user, code_id) -> bool:
    """Whether this sign-in's redeemed code still allows enrolment (not cancelled or expired)."""
    return EnrolmentCode.objects.filter(
        pk=code_id,
        user=user,
        used_at__isnull=False,
        cancelled_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).exists()
