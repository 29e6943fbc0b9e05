"""Forms for strategy discussions, section 47 enquiries, conferences and core groups."""

from django import forms
from django.core.exceptions import ValidationError

from lantern.casework import codes
from lantern.casework.actions.base import today
from lantern.casework.forms.attendance import AttendanceFields, yes_no
from lantern.casework.forms.base import (
    CaseworkForm,
    DateField,
    VersionedForm,
    agencies_field,
    chair_field,
    late_reason_fields,
    long_text,
)
from lantern.casework.models import (
    ChildProtectionPlan,
    Conference,
    Section47Enquiry,
    StrategyDiscussion,
    TransferInNotice,
)
from lantern.casework.models.protection import END_WITHOUT_REVIEW, REVIEW_ENDINGS
from lantern.ids import RecordChoiceField


def categories_field(label="Categories of abuse"):
    return forms.MultipleChoiceField(
        label=label,
        choices=codes.SINGLE_CATEGORIES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose every category that applies; the census records several as ‘Multiple’.",
    )


class MeetingForm(CaseworkForm):
    held_on = DateField("Date held", initial=today)
    agencies = agencies_field()
    attendees = long_text("Who attended (name and role)", rows=3)


class StrategyDiscussionForm(MeetingForm):
    agencies = agencies_field("Agencies that took part")
    why_not_police_and_health = long_text(
        "If police or health did not take part, why not",
        rows=2,
        help_text="Working Together 2023 expects children's social care, police and health "
        "in every strategy discussion.",
    )
    decision = forms.ChoiceField(
        label="Decision", choices=[("", "Choose"), *StrategyDiscussion.Decision.choices]
    )
    police_protection_on = DateField(
        "Police protection (section 46): date the child was taken into police protection",
        required=False,
    )
    emergency_protection_order_on = DateField(
        "Emergency protection order (section 44): date the order was made", required=False
    )
    notes = long_text("Information shared and reasons for the decision", rows=8)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"].required = True
        self.fields["agencies"].error_messages["required"] = (
            "Choose the agencies that took part in the discussion"
        )


class Section47Form(CaseworkForm):
    strategy_discussion = RecordChoiceField(
        label="Strategy discussion that decided on the enquiry",
        queryset=StrategyDiscussion.objects.none(),
        error_messages={"required": "Choose the strategy discussion"},
    )
    start_date = DateField("Start date", initial=today)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["strategy_discussion"].queryset = StrategyDiscussion.objects.filter(
            person=self.person, decision="s47", episode__close_date__isnull=True
        )


class Section47OutcomeForm(VersionedForm):
    outcome = forms.ChoiceField(
        label="Outcome", choices=[("", "Choose"), *Section47Enquiry.Outcome.choices]
    )
    end_date = DateField("Date concluded", initial=today)
    # Yes or no, both stated: an unticked box cannot tell "no" from "not answered", and the
    # answer stops the ICPC clock and goes to the census (ICPCnotRequired).
    icpc_required = yes_no(
        "Is an initial child protection conference needed?",
        "Say whether an initial child protection conference is needed",
    )


@late_reason_fields
class InitialConferenceForm(MeetingForm, AttendanceFields):
    section47 = RecordChoiceField(
        label="Section 47 enquiry", queryset=Section47Enquiry.objects.none()
    )
    chair = chair_field()
    decision = forms.ChoiceField(
        label="Decision",
        choices=[("", "Choose"), *Conference.Decision.choices[:2]],
    )
    categories = categories_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section47"].queryset = Section47Enquiry.objects.filter(
            person=self.person, episode__close_date__isnull=True
        ).exclude(icpc_required=False)

    def clean(self):
        data = super().clean()
        if data.get("decision") == Conference.Decision.PLAN and not data.get("categories"):
            self.add_error("categories", "Choose the categories of abuse for the plan")
        return data


def open_plan_field():
    return RecordChoiceField(
        label="Child protection plan",
        queryset=ChildProtectionPlan.objects.none(),
        empty_label=None,
        error_messages={"required": "There is no open child protection plan"},
    )


class PlanMeetingForm(MeetingForm):
    plan = open_plan_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = ChildProtectionPlan.objects.filter(
            person=self.person, end_date__isnull=True
        )


@late_reason_fields
class ReviewConferenceForm(PlanMeetingForm, AttendanceFields):
    chair = chair_field()
    decision = forms.ChoiceField(
        label="Decision", choices=[("", "Choose"), *Conference.Decision.choices[2:]]
    )
    categories = categories_field("Categories of abuse (if the plan continues)")
    end_reason = forms.ChoiceField(
        label="Why the plan ends (if it ends)",
        choices=[("", "Not ending"), *[(r.value, r.label) for r in REVIEW_ENDINGS]],
        required=False,
        help_text="A move to another council, an 18th birthday, a death or leaving the UK "
        "ends the plan without a conference: use ‘End the plan’ on the plan.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plan = self.fields["plan"].queryset.first()
        if plan is not None and not self.is_bound:
            self.initial.setdefault("categories", plan.latest_categories)

    def clean(self):
        data = super().clean()
        if data.get("decision") == Conference.Decision.END and not data.get("end_reason"):
            self.add_error("end_reason", "Say why the plan is ending")
        return data


class CoreGroupForm(PlanMeetingForm):
    notes = long_text("What was agreed", rows=8)


class EndCPPlanForm(VersionedForm):
    end_date = DateField("End date", initial=today)
    end_reason = forms.ChoiceField(
        label="Why the plan ends",
        choices=[("", "Choose"), *[(r.value, r.label) for r in END_WITHOUT_REVIEW]],
        help_text="A plan ends because the child is no longer at risk, or has become looked "
        "after, only by a review conference's decision: record the review conference.",
        error_messages={"required": "Say why the plan is ending"},
    )
    receiving_council = forms.CharField(
        label="Council the child moved to (if they moved)", required=False, max_length=120
    )
    receiving_conference_on = DateField(
        "Date the receiving council held its transfer-in conference (if they moved)",
        required=False,
    )

    def clean_end_date(self):
        day = self.cleaned_data["end_date"]
        if self.record is not None and day < self.record.start_date:
            raise ValidationError("The plan cannot end before it started")
        return day


class TransferInNoticeForm(CaseworkForm):
    transferring_council = forms.CharField(
        label="Council the child moved from",
        max_length=120,
        error_messages={"required": "Enter the council the child moved from"},
    )
    notified_on = DateField("Date notice of the move was received", initial=today)
    notes = long_text("What the transferring council told us", rows=6)


class TransferInConferenceForm(MeetingForm, AttendanceFields):
    transfer_notice = RecordChoiceField(
        label="Notice of the move",
        queryset=TransferInNotice.objects.none(),
        empty_label=None,
        error_messages={"required": "Record the notice of the move first"},
    )
    chair = chair_field()
    decision = forms.ChoiceField(
        label="Decision", choices=[("", "Choose"), *Conference.Decision.choices[:2]]
    )
    categories = categories_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["transfer_notice"].queryset = TransferInNotice.objects.filter(
            person=self.person, episode__close_date__isnull=True, conferences__isnull=True
        )

    def clean(self):
        data = super().clean()
        if data.get("decision") == Conference.Decision.PLAN and not data.get("categories"):
            self.add_error("categories", "Choose the categories of abuse for the plan")
        return data
