"""Forms for the IRO's allocation, the looked-after review and the IRO's formal concerns."""

from django import forms
from django.contrib.auth import get_user_model

from lantern.access.roles import IRO
from lantern.care import codes
from lantern.care.models import IROConcern, LookedAfterReview
from lantern.casework.actions.base import today
from lantern.casework.forms.base import (
    CaseworkForm,
    DateField,
    VersionedForm,
    late_reason_fields,
    long_text,
)
from lantern.ids import RecordChoiceField

User = get_user_model()


def iro_field(label: str) -> RecordChoiceField:
    field = RecordChoiceField(
        label=label,
        queryset=User.objects.filter(is_active=True, groups__name=IRO)
        .distinct()
        .order_by("last_name", "first_name"),
        error_messages={"required": f"Choose the {label[0].lower()}{label[1:]}"},
    )
    field.label_from_instance = lambda u: u.get_full_name() or u.username
    return field


class IROAllocationForm(CaseworkForm):
    iro = iro_field("Independent reviewing officer")
    start_date = DateField("Allocated from", initial=today)


@late_reason_fields
class LookedAfterReviewForm(CaseworkForm):
    held_on = DateField("Date of the review", initial=today)
    chair = iro_field("Chair (IRO)")
    participation = forms.ChoiceField(
        label="How the child took part",
        choices=[("", "Choose"), *codes.REVIEW_PARTICIPATION.choices()],
        error_messages={"required": "Choose how the child took part in the review"},
    )
    child_views = long_text("The child's views, in their words", rows=4)
    decisions = long_text("Decisions and recommendations", required=True, rows=6)
    care_plan_endorsed = forms.BooleanField(
        label="The IRO endorsed the care plan", required=False, initial=True
    )


class SignOffReviewForm(VersionedForm):
    iro_report = long_text("The IRO's record of the review", required=True, rows=10)
    signed_off_on = DateField("Signed off on", initial=today)

    def initial_from(self, record: LookedAfterReview) -> dict:
        return {**super().initial_from(record), "iro_report": record.iro_report}


class IROConcernForm(CaseworkForm):
    raised_on = DateField("Raised on", initial=today)
    concern = long_text("The concern", required=True, rows=6)
    stage = forms.ChoiceField(
        label="Raised at", choices=IROConcern.Stage.choices, initial=IROConcern.Stage.INFORMAL
    )
    review = RecordChoiceField(
        label="Review it arose from (if any)",
        queryset=LookedAfterReview.objects.none(),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review"].queryset = LookedAfterReview.objects.filter(person=self.person)


class EscalateConcernForm(VersionedForm):
    stage = forms.ChoiceField(label="Stage now reached", choices=IROConcern.Stage.choices)
    stage_reached_on = DateField("Reached on", initial=today)


class ResolveConcernForm(VersionedForm):
    resolved_on = DateField("Resolved on", initial=today)
    outcome = long_text("Outcome", required=True, rows=5)
