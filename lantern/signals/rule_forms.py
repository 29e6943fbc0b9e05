"""The form an administrator changes one rule with: its thresholds, on or off, and why.

Each rule's form carries the rule's code as its prefix, so the page can hold one form per rule
with every field id unique. The form checks only that each threshold is a whole number; the
ranges are the rule's own (``rules.Threshold``), refused by ``actions.change_rule``.
"""

from django import forms

from lantern.signals import rules as R
from lantern.web.forms import GovukForm

ON, OFF = "on", "off"


class RuleForm(GovukForm):
    enabled = forms.ChoiceField(
        label="Raise this signal",
        choices=[
            (ON, "On"),
            (OFF, "Off: raise no new signals of this kind; live ones lapse"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the rule is on or off"},
    )
    reason = forms.CharField(
        label="Why the council is changing this rule",
        help_text="Recorded in the audit log with the old and new values",
        max_length=500,
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 3}),
        error_messages={
            "required": "Say why the council is changing this rule",
            "max_length": "Keep the reason to 500 characters or fewer",
        },
    )

    def __init__(self, rule: R.Rule, *args, **kwargs):
        super().__init__(*args, prefix=rule.code, **kwargs)
        self.rule = rule
        for threshold in rule.thresholds:
            label = threshold.label
            self.fields[threshold.name] = forms.IntegerField(
                label=label,
                help_text=f"Default {threshold.default}; from {threshold.minimum} to "
                f"{threshold.maximum}",
                widget=forms.TextInput(
                    attrs={
                        "class": "govuk-input govuk-input--width-4",
                        "inputmode": "numeric",
                        "spellcheck": "false",
                    }
                ),
                error_messages={
                    "required": f"Enter {label[0].lower()}{label[1:]}",
                    "invalid": f"{label} must be a whole number, like {threshold.default}",
                },
            )
        self.order_fields([t.name for t in rule.thresholds] + ["enabled", "reason"])

    def thresholds(self) -> dict[str, int]:
        return {t.name: self.cleaned_data[t.name] for t in self.rule.thresholds}
