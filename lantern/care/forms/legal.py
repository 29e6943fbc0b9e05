"""Forms for pre-proceedings, court applications and orders, and section 20 consent."""

from django import forms

from lantern.care.models import (
    CourtApplication,
    CourtOrder,
    PeriodOfCare,
    PreProceedings,
)
from lantern.casework.actions.base import today
from lantern.casework.forms.base import CaseworkForm, DateField, VersionedForm, long_text
from lantern.ids import RecordChoiceField


def _choose(choices):
    return [("", "Choose"), *choices]


def period_field(required: bool = False):
    return RecordChoiceField(
        label="Period of care",
        queryset=PeriodOfCare.objects.none(),
        required=required,
        error_messages={"required": "There is no open period of care"},
    )


class _ForChild(CaseworkForm):
    """Offers this child's periods of care (the open one first) where the form has one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "period" in self.fields:
            self.fields["period"].queryset = PeriodOfCare.objects.filter(person=self.person)


class PLOLetterForm(_ForChild):
    letter_sent_on = DateField("Date the letter before proceedings was sent", initial=today)
    letter_sent_to = forms.CharField(
        label="Sent to (parents and others with parental responsibility)", max_length=300
    )
    period = period_field()


class PreProceedingsMeetingForm(CaseworkForm):
    pre_proceedings = RecordChoiceField(
        label="Pre-proceedings",
        queryset=PreProceedings.objects.none(),
        empty_label=None,
        error_messages={"required": "Record the letter before proceedings first"},
    )
    held_on = DateField("Date of the meeting", initial=today)
    attendees = long_text("Who attended (name and role)", required=True, rows=3)
    outcome = long_text("Outcome", required=True, rows=4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pre_proceedings"].queryset = PreProceedings.objects.filter(
            person=self.person, decided_on__isnull=True
        )


class PreProceedingsDecisionForm(VersionedForm):
    decision = forms.ChoiceField(label="Decision", choices=_choose(PreProceedings.Decision.choices))
    decided_on = DateField("Date of the decision", initial=today)


class CourtApplicationForm(_ForChild):
    kind = forms.ChoiceField(
        label="Application for", choices=_choose(CourtApplication.Kind.choices)
    )
    issued_on = DateField("Date issued", initial=today)
    court = forms.CharField(label="Court", max_length=120)
    case_number = forms.CharField(label="Case number", max_length=40, required=False)
    next_hearing_on = DateField("Next hearing", required=False)
    period = period_field()


class NextHearingForm(VersionedForm):
    next_hearing_on = DateField("Next hearing", required=False)


class ExtensionForm(CaseworkForm):
    granted_on = DateField("Date the court granted the extension", initial=today)
    weeks = forms.IntegerField(label="Extended by (weeks, at most 8)", min_value=1, max_value=8)
    reason = long_text("The court's reason", required=True, rows=4)


class EndProceedingsForm(VersionedForm):
    concluded_on = DateField("Date the proceedings ended (withdrawn or dismissed)", initial=today)


class CourtOrderForm(CaseworkForm):
    kind = forms.ChoiceField(label="Order made", choices=_choose(CourtOrder.Kind.choices))
    made_on = DateField("Date made", initial=today)
    ends_on = DateField("Date it ends (interim orders and EPOs)", required=False)
    court = forms.CharField(label="Court", max_length=120)
    judge = forms.CharField(label="Judge", max_length=120, required=False)
    application = RecordChoiceField(
        label="On the application", queryset=CourtApplication.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = CourtApplication.objects.filter(person=self.person)


class Section20ConsentForm(_ForChild):
    period = period_field(required=True)
    given_by = forms.CharField(label="Consent given by", max_length=200)
    relationship = forms.CharField(label="Their relationship to the child", max_length=100)
    given_on = DateField("Date consent was given", initial=today)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = self.fields["period"].queryset.filter(
            end_date__isnull=True
        )


class ReviewConsentForm(VersionedForm):
    reviewed_on = DateField("Date reviewed", initial=today)
    still_consenting = forms.TypedChoiceField(
        label="Does the parent still consent?",
        choices=[("yes", "Yes, still consents"), ("no", "No, consent is withdrawn")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
