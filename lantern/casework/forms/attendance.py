"""The questions every child protection conference answers about who took part, asked in
the same words on the initial, review and transfer-in conference forms. The conditional
rules (a reason when a parent is absent, the child's words when they were heard, attending
agencies among those invited) are the action's, shown on the field they name."""

from django import forms

from lantern.casework.forms.base import DateField, agencies_field, long_text
from lantern.casework.models import Conference

ATTENDANCE = [
    "agencies_invited",
    "parents_attendance",
    "parents_absence_reason",
    "child_participation",
    "child_wishes",
    "advocate",
    "reports_shared",
    "reports_shared_on",
]


def yes_no(label: str, required_message: str):
    """Yes or no, both stated: an unticked box cannot tell "no" from "not answered"."""
    return forms.TypedChoiceField(
        label=label,
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda answer: answer == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": required_message},
    )


class AttendanceFields(forms.Form):
    agencies_invited = agencies_field("Agencies invited")
    parents_attendance = forms.ChoiceField(
        label="Did the parents attend?",
        choices=Conference.Parents.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the parents attended the conference"},
    )
    parents_absence_reason = long_text("Why a parent did not attend", rows=2)
    child_participation = forms.ChoiceField(
        label="How did the child take part?",
        choices=Conference.Child.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say how the child took part in the conference"},
    )
    child_wishes = long_text(
        "The child's wishes and feelings",
        rows=4,
        help_text="In the child's own words where they can give them, or say how their views "
        "were gathered (a drawing, an advocate, a direct work session).",
    )
    advocate = forms.CharField(
        label="Advocate (name and organisation), if the child or a parent had one",
        required=False,
        max_length=200,
    )
    reports_shared = yes_no(
        "Were reports shared with the parents before the conference?",
        "Say whether reports were shared with the parents before the conference",
    )
    reports_shared_on = DateField("Date reports were shared with the parents", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"].label = "Agencies that attended"
        self.order_fields([n for n in self.fields if n not in ATTENDANCE] + ATTENDANCE)
