"""Setting the council's target for a figure: refused whole, with the field named, or saved
and audited with the old and the new thresholds and the reason."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.insight.measures import Better, figure
from lantern.insight.models import Target

REASON_MIN = 10


def _refuse(message: str, field: str | None = None):
    raise ValidationError({field: message} if field else message)


def _number(text, label: str, field: str) -> Decimal:
    try:
        value = Decimal(str(text).strip().removesuffix("%").strip())
    except InvalidOperation:
        _refuse(f"{label} must be a number, like 85 or 12.5", field)
    if not value.is_finite() or abs(value) >= Decimal("1e10"):
        _refuse(f"{label} must be a number, like 85 or 12.5", field)
    return value.quantize(Decimal("0.01"))


@transaction.atomic
def set_target(code: str, *, green, amber, reason: str, acting_user, request=None) -> Target:
    """Green and amber are the thresholds a value must reach (higher is better) or stay
    within (lower is better); amber lies between green and red, so it is the looser one."""
    found = figure(code)
    if found is None:
        _refuse(f"There is no figure {code!r}", "figure")
    if found.better == Better.NEITHER:
        _refuse(f"{found.title} is read in context: it takes no target", "figure")
    green = _number(green, "Green", "green")
    amber = _number(amber, "Amber", "amber")
    if found.better == Better.HIGHER and amber > green:
        _refuse("Higher is better here: amber must be at or below green", "amber")
    if found.better == Better.LOWER and amber < green:
        _refuse("Lower is better here: amber must be at or above green", "amber")
    reason = " ".join(str(reason).split())
    if len(reason) < REASON_MIN:
        _refuse(
            f"Say why the council sets this target, in at least {REASON_MIN} characters", "reason"
        )
    target = Target.objects.select_for_update().filter(figure=code).first()
    before = f"green {target.green}, amber {target.amber}" if target else "no target"
    if target is None:
        target = Target(figure=code)
    target.green, target.amber, target.reason = green, amber, reason[:500]
    target.set_by, target.set_at = acting_user, timezone.now()
    target.save()
    audit.record(
        request,
        AuditEntry.Action.UPDATE if before != "no target" else AuditEntry.Action.CREATE,
        user=acting_user,
        obj=target,
        detail=f"target for {code}: {before} → green {green}, amber {amber}; why: {reason}",
    )
    return target
