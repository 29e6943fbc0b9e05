"""Reasons a statutory timescale was missed: recorded when the assessment, the initial
conference or a review conference is late, and reported.

Working Together 2023 asks for them: "if it is exceeded, the social worker records the
reasons" (the assessment, statutory.md 1.4) and "record agreed reasons for any delay" (the
ICPC, 1.5). Whether the record is late is read from the child's clock (``Deadline``), the
same calculation "my work" and the returns use, never worked out again by the form.
"""

import datetime as dt

from django.db.models import TextChoices

from lantern.clocks.models import Deadline


class LateReason(TextChoices):
    FAMILY = "family", "Family unavailable, or did not engage"
    AGENCY = "agency", "Partner agency information or attendance delayed"
    COMPLEX = "complex", "Complexity: further enquiries or specialist assessment needed"
    CAPACITY = "capacity", "Social work capacity (caseload, absence)"
    SCHEDULING = "scheduling", "No chair, venue or date available in time"
    CHILD = "child", "The child's circumstances (unwell, moved, not yet born)"
    OTHER = "other", "Other (explain)"


# The records a late reason is asked for, and the worker clocks each one meets.
LATE_CLOCKS = {
    "assessment_authorised": ("assessment",),
    "icpc_held": ("icpc",),
    "rcpc_held": ("first_rcpc", "rcpc"),
    "lac_review_held": ("first_lac_review", "second_lac_review", "lac_review"),
}


def missed_deadline(person, event: str, on: dt.date) -> Deadline | None:
    """The running clock ``event`` on ``on`` would meet late, if any."""
    rows = Deadline.objects.filter(
        person=person,
        rule__code__in=LATE_CLOCKS[event],
        state=Deadline.State.OPEN,
        started_on__lte=on,
    ).select_related("rule")
    return next((d for d in rows.order_by("due_on") if d.late_if_done_on(on)), None)
