"""Forms for a looked-after child's health records: each names its fields as the action
does, so a refusal lands on the field the worker typed."""

from django import forms

from lantern.care import codes
from lantern.care.models import HealthAssessment
from lantern.casework.actions.base import today
from lantern.casework.forms.base import CaseworkForm, DateField, long_text

YES_NO = [("yes", "Yes"), ("no", "No")]


def yes_no(label: str, *, blank: str = ""):
    """A yes/no question; ``blank`` offers a third answer that leaves it unanswered."""
    choices = ([("", blank)] if blank else []) + YES_NO
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=not blank,
        widget=forms.RadioSelect,
        error_messages={"required": f"Answer: {label[0].lower()}{label[1:]}"},
    )


class HealthAssessmentForm(CaseworkForm):
    kind = forms.ChoiceField(label="Assessment", choices=HealthAssessment.Kind.choices)
    assessed_on = DateField("Date of the assessment", initial=today)
    assessed_by = forms.CharField(
        label="Assessed by (name and role)",
        max_length=120,
        error_messages={"required": "Enter who carried out the assessment"},
    )
    by_doctor = forms.BooleanField(label="By a registered medical practitioner", required=False)
    health_plan = long_text("Health plan: needs and actions", rows=6)


class DentalCheckForm(CaseworkForm):
    checked_on = DateField("Date of the dental check", initial=today)


class ImmunisationsForm(CaseworkForm):
    as_at = DateField("As at", initial=today)
    up_to_date = yes_no("Immunisations up to date")


class SDQForm(CaseworkForm):
    completed_on = DateField("Date", initial=today)
    score = forms.IntegerField(
        label="SDQ score (0 to 40)",
        required=False,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input govuk-input--width-3"}
        ),
        error_messages={"invalid": "The SDQ score is a whole number from 0 to 40"},
    )
    reason = forms.ChoiceField(
        label="If there is no score: why",
        choices=[("", "There is a score"), *codes.SDQ_REASON.choices()],
        required=False,
    )

    def action_kwargs(self) -> dict:
        return {**self.cleaned_data, "reason": self.cleaned_data.get("reason") or ""}


class SubstanceMisuseForm(CaseworkForm):
    identified_on = DateField("Date the problem was identified", initial=today)
    intervention_received = yes_no("The child received an intervention")
    intervention_offered = yes_no(
        "If not received: an intervention was offered", blank="Not applicable: received"
    )
    notes = long_text("About the problem and the help given", rows=5)


class ConvictionForm(CaseworkForm):
    convicted_on = DateField("Date of the conviction, final warning or reprimand", initial=today)
    offence = forms.CharField(
        label="Offence", max_length=200, error_messages={"required": "Enter the offence"}
    )
