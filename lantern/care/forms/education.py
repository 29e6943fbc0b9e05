"""Forms for a looked-after child's PEP meetings and education settings."""

from django import forms

from lantern.care.models import EducationSetting
from lantern.casework.actions.base import today
from lantern.casework.forms.base import CaseworkForm, DateField, VersionedForm, long_text


class PEPForm(CaseworkForm):
    held_on = DateField("Date of the PEP meeting", initial=today)
    virtual_school_attendee = forms.CharField(
        label="From the virtual school (name and role)",
        max_length=120,
        required=False,
        help_text="Who from the virtual school head's team took part.",
    )
    designated_teacher = forms.CharField(label="Designated teacher", max_length=120, required=False)
    targets = long_text("Targets and the support to meet them", rows=8)


class EducationSettingForm(CaseworkForm):
    kind = forms.ChoiceField(label="Type of setting", choices=EducationSetting.Kind.choices)
    name = forms.CharField(
        label="Name of the setting",
        max_length=200,
        error_messages={"required": "Enter the name of the setting"},
    )
    urn = forms.CharField(
        label="URN or DfE number (schools)",
        max_length=8,
        required=False,
        help_text="The school's 6-digit URN, or its DfE number such as 309/2001.",
    )
    start_date = DateField("Started", initial=today)
    move_reason = forms.ChoiceField(
        label="If the child moved here from another setting: why",
        choices=[("", "Not a move"), *EducationSetting.MoveReason.choices],
        required=False,
    )


class EndSettingForm(VersionedForm):
    end_date = DateField("Left", initial=today)
