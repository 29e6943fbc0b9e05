"""The reason a statutory timescale was missed, asked for when, and only when, it was."""

import datetime as dt

from lantern.casework.actions.base import long_date, refuse
from lantern.clocks.lateness import LateReason, missed_deadline


def reason_if_late(
    person, event: str, on: dt.date, reason: str, detail: str, what: str
) -> tuple[str, str]:
    """The reason to store: refused if the clock ``event`` meets is past due and none is
    given; nothing stored if it is on time (a reason for a delay that did not happen would
    mislead the report)."""
    missed = missed_deadline(person, event, on)
    if missed is None:
        return "", ""
    rule = missed.rule
    if reason not in LateReason.values:
        refuse(
            f"{what} was due by {long_date(missed.due_on)} ({rule.label.lower()}, "
            f"{rule.interval} from {long_date(missed.started_on)}): choose the reason it is late",
            "late_reason",
        )
    if reason == LateReason.OTHER and not detail.strip():
        refuse("Say what delayed it", "late_reason_detail")
    return reason, detail.strip()
