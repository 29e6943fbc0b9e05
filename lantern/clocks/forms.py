"""Forms for a council's own timescale policy: local intervals and closure days."""

from django import forms

from lantern.clocks.models import ClockRule
from lantern.ids import RecordChoiceField
from lantern.web.forms import DateField


class IntervalForm(forms.Form):
    rule = RecordChoiceField(
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
