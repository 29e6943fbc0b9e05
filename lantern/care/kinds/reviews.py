"""The IRO's allocation, the looked-after review and the IRO's formal concerns as record
kinds: casework's generic pages serve them (and the access gate guards them)."""

from lantern.access.roles import ALLOCATE_WORKER
from lantern.care.actions.concerns import (
    escalate_iro_concern,
    raise_iro_concern,
    resolve_iro_concern,
)
from lantern.care.actions.iro import allocate_iro
from lantern.care.actions.reviews import record_lac_review, sign_off_review
from lantern.care.forms.reviews import (
    EscalateConcernForm,
    IROAllocationForm,
    IROConcernForm,
    LookedAfterReviewForm,
    ResolveConcernForm,
    SignOffReviewForm,
)
from lantern.care.models import IROAllocation, IROConcern, LookedAfterReview
from lantern.casework.kinds import Kind, Step


def _unresolved(concern) -> bool:
    return concern.resolved_on is None


KINDS = [
    Kind(
        "iro-allocation",
        IROAllocation,
        "an independent reviewing officer",
        IROAllocationForm,
        allocate_iro,
        ("iro", "start_date", "end_date"),
        permission=ALLOCATE_WORKER,
    ),
    Kind(
        "looked-after-review",
        LookedAfterReview,
        "a looked-after review",
        LookedAfterReviewForm,
        record_lac_review,
        ("held_on", "chair", "participation", "child_views", "decisions",
         "care_plan_endorsed", "late_reason", "late_reason_detail", "iro_report",
         "signed_off_on"),
        autosave=True,
        steps=(
            Step("sign-off", "Write and sign off the IRO's record", SignOffReviewForm,
                 sign_off_review, autosave=True),
        ),
    ),
    Kind(
        "iro-concern",
        IROConcern,
        "an IRO's formal concern",
        IROConcernForm,
        raise_iro_concern,
        ("raised_on", "raised_by", "review", "concern", "stage", "stage_reached_on",
         "resolved_on", "outcome"),
        steps=(
            Step("escalate", "Escalate the concern", EscalateConcernForm,
                 escalate_iro_concern, _unresolved),
            Step("resolve", "Record the resolution", ResolveConcernForm,
                 resolve_iro_concern, _unresolved),
        ),
    ),
]  # fmt: skip

# The record that meets each review and reg 28 visit clock, for "my work" links.
FOR_CLOCK = {
    "first_lac_review": "looked-after-review",
    "second_lac_review": "looked-after-review",
    "lac_review": "looked-after-review",
    **{
        code: "visit"
        for code in (
            "cla_visit", "cla_visit_repeat", "cla_visit_long_term", "cla_visit_weekly",
            "cla_visit_4_weekly", "cla_visit_care_order_at_home", "short_break_first_visit",
            "short_break_visit",
        )
    },
}  # fmt: skip
