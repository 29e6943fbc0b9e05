"""Forms for age assessments and National Transfer Scheme referrals."""

from django import forms

from lantern.care.models import AgeAssessment, TransferReferral
from lantern.casework.actions.base import today
from lantern.casework.forms.base import CaseworkForm, DateField, long_text


class AgeAssessmentForm(CaseworkForm):
    assessed_on = DateField("Date the assessment was completed", initial=today)
    outcome = forms.ChoiceField(
        label="Outcome", choices=[("", "Choose"), *AgeAssessment.Outcome.choices]
    )
    date_of_birth = DateField("Date of birth determined")
    merton_compliant = forms.BooleanField(
        label="The assessment was Merton-compliant", required=False
    )
    disputed = forms.BooleanField(label="The young person disputes the outcome", required=False)
    notes = long_text("Notes", rows=4)


class TransferReferralForm(CaseworkForm):
    referred_on = DateField("Date referred to the National Transfer Scheme", initial=today)
    outcome = forms.ChoiceField(label="Outcome", choices=TransferReferral.Outcome.choices)
    receiving_council = forms.CharField(
        label="Transferred to (council)", max_length=120, required=False
    )
    decided_on = DateField("Date transferred or accepted here", required=False)
