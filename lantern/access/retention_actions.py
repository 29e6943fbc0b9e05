"""The DPO's decision on a record due for retention review: a named, audited write.

Approving destruction records the decision only: destroying a record is a separate step,
taken and audited on its own, so that an approval given by mistake can still be replaced by
a later decision (an inquiry's hold on destruction, proceedings that need the file).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.access import audit
from lantern.access.actions import WORD, cleaned_reason
from lantern.access.models import AuditEntry, RetentionDecision
from lantern.access.retention_review import review_of

Outcome = RetentionDecision.Outcome
MIN_REASON = 10
LONGEST_EXTENSION_YEARS = 100


def _long(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _refuse(message: str, field: str | None = None):
    raise ValidationError({field: message} if field else message)


def _check_reason(reason: str, *, required: bool) -> None:
    if not reason and not required:
        return
    if len(reason) < MIN_REASON or len(WORD.findall(reason)) < 2:
        _refuse(
            f"Enter the reason for the decision in words (at least {MIN_REASON} characters), "
            "for example “subject of the inquiry’s hold on destruction”",
            "reason",
        )


def _check_extension(until: dt.date | None, ends: dt.date, today: dt.date) -> None:
    if until is None:
        _refuse("Enter the date to keep the record until", "keep_until")
    if until <= max(ends, today):
        _refuse(
            f"The date to keep the record until must be after {_long(max(ends, today))}",
            "keep_until",
        )
    if until.year - today.year > LONGEST_EXTENSION_YEARS:
        _refuse(
            f"The date to keep the record until must be within {LONGEST_EXTENSION_YEARS} years",
            "keep_until",
        )


@transaction.atomic
def record_retention_decision(
    person,
    *,
    acting_user,
    outcome: str,
    reason: str = "",
    keep_until: dt.date | None = None,
    request=None,
) -> RetentionDecision:
    """Keep ``person``'s record (a reason is required), extend it to ``keep_until`` (a reason
    and a later date are required), or approve its destruction once its period has ended.
    Refused, with nothing saved, for a record not due for review or on bad input."""
    today = timezone.localdate()
    if outcome not in Outcome.values:
        _refuse("Choose keep, extend or approve destruction", "outcome")
    review = review_of(person.pk, today)
    if review is None:
        _refuse("This record is not due for retention review")
    reason = cleaned_reason(reason)
    _check_reason(reason, required=outcome != Outcome.DESTROY)
    if outcome == Outcome.EXTEND:
        _check_extension(keep_until, review.ends, today)
    else:
        keep_until = None
    if outcome == Outcome.DESTROY and review.ends >= today:
        _refuse(
            f"Destruction can be approved only once the retention period has ended: the "
            f"record is kept until {_long(review.ends)}",
            "outcome",
        )
    decision = RetentionDecision.objects.create(
        person=person,
        outcome=outcome,
        reason=reason,
        keep_until=keep_until,
        rule=review.due.rule.code,
        period_ends=review.ends,
        decided_by=acting_user,
    )
    audit.record(
        request,
        AuditEntry.Action.CREATE,
        user=acting_user,
        person=person,
        obj=decision,
        purpose=reason[:200],
        detail=f"retention review: {decision.get_outcome_display().lower()}"
        + (f" until {keep_until:%Y-%m-%d}" if keep_until else "")
        + f" ({review.due.rule.code}, period ends {review.ends:%Y-%m-%d})",
    )
    return decision
