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


def _reason_problem(reason: str, *, required: bool) -> str | None:
    if not reason and not required:
        return None
    if len(reason) < MIN_REASON or len(WORD.findall(reason)) < 2:
        return (
            f"Enter the reason for the decision in words (at least {MIN_REASON} characters), "
            "for example “subject of the inquiry’s hold on destruction”"
        )
    return None


def _extension_problem(until: dt.date | None, ends: dt.date, today: dt.date) -> str | None:
    if until is None:
        return "Enter the date to keep the record until"
    if until <= max(ends, today):
        return f"The date to keep the record until must be after {_long(max(ends, today))}"
    if until.year - today.year > LONGEST_EXTENSION_YEARS:
        return f"The date to keep the record until must be within {LONGEST_EXTENSION_YEARS} years"
    return None


def _check(reason: str, outcome: str, keep_until: dt.date | None, review, today) -> None:
    """Every problem with the decision at once, each on its own field."""
    problems = {
        "reason": _reason_problem(reason, required=outcome != Outcome.DESTROY),
        "keep_until": (
            _extension_problem(keep_until, review.ends, today)
            if outcome == Outcome.EXTEND
            else None
        ),
    }
    if outcome == Outcome.DESTROY and review.ends >= today:
        problems["outcome"] = (
            "Destruction can be approved only once the retention period has ended: the "
            f"record is kept until {_long(review.ends)}"
        )
    problems = {field: message for field, message in problems.items() if message}
    if problems:
        raise ValidationError(problems)


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
    _check(reason, outcome, keep_until, review, today)
    if outcome != Outcome.EXTEND:
        keep_until = None
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
