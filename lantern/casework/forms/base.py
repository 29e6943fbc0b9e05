"""What casework forms share: Design System widgets, dates, the version they were read at.

Every form is built for one child (``person``), so choices (this episode's enquiries, the open
plan, the agencies) come from what is already recorded and are never retyped.
"""

from django import forms
from django.contrib.auth.models import User

from lantern.agencies.models import Agency
from lantern.clocks.lateness import LateReason
from lantern.ids import RecordChoiceField, RecordsChoiceField
from lantern.web import forms as web_forms

WIDGET_CLASSES = {
    forms.TextInput: "govuk-input",
    forms.Select: "govuk-select",
    forms.Textarea: "govuk-textarea",
    forms.CheckboxInput: "govuk-checkboxes__input",
}


class DateField(web_forms.DateField):
    """The Design System's three-box date (lantern.web.forms), as on every other form."""


def long_text(label: str, *, required: bool = False, rows: int = 8, help_text: str = ""):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Enter {label[0].lower()}{label[1:]}"},
    )


def agencies_field(label: str = "Agencies present"):
    return RecordsChoiceField(
        label=label,
        queryset=Agency.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def chair_field():
    """Conferences are chaired by an independent reviewing officer (or a manager)."""
    from lantern.access.roles import IRO, TEAM_MANAGER

    chairs = User.objects.filter(groups__name__in=[IRO, TEAM_MANAGER], is_active=True)
    field = RecordChoiceField(
        label="Chair",
        queryset=chairs.distinct().order_by("last_name", "first_name"),
        error_messages={"required": "Choose who chaired the conference"},
    )
    field.label_from_instance = lambda user: user.get_full_name() or user.get_username()
    return field


class CaseworkForm(forms.Form):
    """A form for one child. ``action_kwargs`` is what the action is called with."""

    def __init__(self, *args, person=None, record=None, **kwargs):
        self.person, self.record = person, record
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = WIDGET_CLASSES.get(type(field.widget))
            if css:
                field.widget.attrs.setdefault("class", css)

    def action_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class VersionedForm(CaseworkForm):
    """Carries the version the record was read at (the optimistic lock)."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, record=None, **kwargs):
        kwargs["initial"] = {**self.initial_from(record), **(kwargs.get("initial") or {})}
        super().__init__(*args, record=record, **kwargs)

    def initial_from(self, record) -> dict:
        return {"version": record.version} if record is not None else {}

    def action_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["expected_version"] = data.pop("version")
        return data


def late_reason_fields(form_class):
    """Why the timescale was missed: asked on every form whose record can be late, and
    required by the action only when the child's clock says it is."""
    fields = {
        "late_reason": forms.ChoiceField(
            label="If late: the reason",
            choices=[("", "Not late"), *LateReason.choices],
            required=False,
            widget=forms.Select(attrs={"class": "govuk-select"}),
        ),
        "late_reason_detail": long_text("If late: about the delay", rows=3),
    }
    form_class.declared_fields.update(fields)
    form_class.base_fields.update(fields)
    return form_class
