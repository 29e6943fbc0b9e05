"""The manager's decision about a signal. Every field is optional here: ``actions.decide``
is the one place that says what a decision needs, and its refusals are shown on the form."""

from django import forms

from lantern.signals.models import Signal
from lantern.web.forms import GovukForm

OUTCOMES = [
    (Signal.Status.ACKNOWLEDGED, "Acknowledged: no new action, and this is why"),
    (Signal.Status.ACTIONED, "Action taken: give the link to where it is recorded"),
]


class DecisionForm(GovukForm):
    outcome = forms.ChoiceField(
        label="What was decided", choices=OUTCOMES, widget=forms.RadioSelect, required=False
    )
    reason = forms.CharField(
        label="What was decided and why",
        help_text="Joins the child's chronology, with your name",
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 5}),
        max_length=5000,
        required=False,
    )
    link = forms.CharField(
        label="Link to the action (for action taken)",
        help_text="A page in Lantern, starting with /: for example the strategy discussion",
        max_length=300,
        required=False,
    )

    def details(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in ("outcome", "reason", "link")}
