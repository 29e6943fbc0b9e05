"""Forms for the referral and episode, the assessment and the CIN plan."""

from django import forms

from lantern.casework import codes
from lantern.casework.actions.base import today
from lantern.casework.forms.base import (
    CaseworkForm,
    DateField,
    VersionedForm,
    late_reason_fields,
    long_text,
)
from lantern.casework.models import Assessment, CINPlan, CINPlanReview
from lantern.ids import RecordChoiceField


def factor_field():
    return forms.MultipleChoiceField(
        label="Factors identified at assessment",
        choices=codes.ASSESSMENT_FACTORS.choices(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The DfE list. Choose ‘21: No factors identified’ on its own.",
    )


class ReferralForm(CaseworkForm):
    referral_date = DateField("Referral date", initial=today)
    referral_source = forms.ChoiceField(
        label="Who referred", choices=[("", "Choose"), *codes.REFERRAL_SOURCE.choices()]
    )
    referral_reason = long_text("Why the child was referred", required=True, rows=5)
    primary_need = forms.ChoiceField(
        label="Primary need (if known)",
        choices=[("", "Not yet known"), *codes.PRIMARY_NEED.choices()],
        required=False,
    )
    harm_suspected = forms.BooleanField(
        label="There is reasonable cause to suspect significant harm", required=False
    )


class EpisodeForm(VersionedForm):
    referral_source = ReferralForm.base_fields["referral_source"]
    referral_reason = ReferralForm.base_fields["referral_reason"]
    primary_need = ReferralForm.base_fields["primary_need"]

    def initial_from(self, record) -> dict:
        fields = ("referral_source", "referral_reason", "primary_need")
        return {**super().initial_from(record), **{f: getattr(record, f) for f in fields}}


class CloseEpisodeForm(VersionedForm):
    close_date = DateField("Closure date", initial=today)
    reason_for_closure = forms.ChoiceField(
        label="Reason for closure",
        choices=[("", "Choose"), *codes.REASON_FOR_CLOSURE.choices()],
        error_messages={"required": "Choose the reason for closure"},
    )


class AssessmentForm(CaseworkForm):
    start_date = DateField("Start date", initial=today)
    analysis = long_text(
        "Analysis",
        rows=14,
        help_text="What is happening for the child, what it means, and what needs to change.",
    )
    child_views = long_text(
        "The child's views, in their words",
        rows=6,
        help_text="Write what the child said as they said it; do not paraphrase.",
    )
    factors = factor_field()
    outcome = forms.ChoiceField(
        label="Outcome (when known)",
        choices=[("", "Not yet decided"), *Assessment.Outcome.choices],
        required=False,
    )


class AssessmentEditForm(VersionedForm):
    start_date = AssessmentForm.base_fields["start_date"]
    analysis = AssessmentForm.base_fields["analysis"]
    child_views = AssessmentForm.base_fields["child_views"]
    factors = factor_field()
    outcome = AssessmentForm.base_fields["outcome"]

    def initial_from(self, record) -> dict:
        fields = ("start_date", "analysis", "child_views", "factors", "outcome")
        return {**super().initial_from(record), **{f: getattr(record, f) for f in fields}}


@late_reason_fields
class AuthoriseForm(VersionedForm):
    authorised_date = DateField("Date authorised", initial=today)


class CINPlanForm(CaseworkForm):
    start_date = DateField("Start date", initial=today)


class CINPlanReviewForm(CaseworkForm):
    plan = RecordChoiceField(
        label="Child in need plan",
        queryset=CINPlan.objects.none(),
        empty_label=None,
        error_messages={"required": "There is no open child in need plan"},
    )
    held_on = DateField("Date held", initial=today)
    attendees = long_text("Who attended (name and role)", rows=3)
    decision = forms.ChoiceField(
        label="Decision", choices=[("", "Choose"), *CINPlanReview.Decision.choices]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = CINPlan.objects.filter(
            person=self.person, end_date__isnull=True
        )


class EndPlanForm(VersionedForm):
    end_date = DateField("End date", initial=today)
