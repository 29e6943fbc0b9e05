"""Forms for a council's own timescale policy: local intervals and closure days."""

from django import forms

from lantern.clocks.models import ClockRule, LookAhead
from lantern.ids import RecordChoiceField
from lantern.web.forms import DateField


class RuleChoiceField(RecordChoiceField):
    """Each local rule by its name and current interval, never its code."""

    def label_from_instance(self, obj) -> str:
        return f"{obj.label} (now {obj.interval})"


class IntervalForm(forms.Form):
    rule = RuleChoiceField(
        label="Timescale",
        queryset=ClockRule.objects.filter(local_policy=True, retired=False),
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    amount = forms.IntegerField(
        label="Interval",
        min_value=1,
        max_value=365,
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-3"}),
    )


class ClosureDayForm(forms.Form):
    day = DateField("Date the council is closed")
    reason = forms.CharField(
        label="Reason",
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input"}),
    )

    def __init__(self, *args, withdraw: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.withdraw = withdraw

    def clean(self):
        # A reason is asked for when declaring a closure; withdrawing one needs only the date.
        cleaned = super().clean()
        if not self.withdraw and not cleaned.get("reason", "").strip():
            self.add_error("reason", "Give the reason the council is closed")
        return cleaned


class LookAheadForm(forms.Form):
    working_days = forms.IntegerField(
        label="Working days My work looks ahead",
        help_text=f"From 1 to {LookAhead.MAXIMUM}: 5 shows the next working week whatever the day",
        min_value=1,
        max_value=LookAhead.MAXIMUM,
        error_messages={
            "required": "Enter how many working days My work looks ahead",
            "invalid": "Enter a whole number of working days, like 5",
            "min_value": "My work looks ahead at least 1 working day",
            "max_value": f"My work looks ahead at most {LookAhead.MAXIMUM} working days",
        },
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-3"}),
    )
