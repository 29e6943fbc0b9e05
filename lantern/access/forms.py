from django import forms
from django.contrib.auth.models import User

from lantern.access.models import AuditEntry, RestrictedRecord
from lantern.access.queries import ANY_REFUSAL
from lantern.web.forms import DateField, GovukForm


class AuditSearchForm(GovukForm):
    username = forms.CharField(required=False, max_length=150, label="Member of staff (username)")
    council_id = forms.CharField(required=False, max_length=20, label="Person (council ID)")
    action = forms.ChoiceField(
        required=False,
        choices=[("", "Any"), (ANY_REFUSAL, "Any refusal"), *AuditEntry.Action.choices],
    )
    since = DateField("From", required=False)
    until = DateField("To", required=False)
    before = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", "The end date must be on or after the start date")
        return data

    def filters(self) -> dict:
        d = self.cleaned_data
        return {
            "username": d["username"],
            "council_id": d["council_id"],
            "action": d["action"],
            "since": d["since"],
            "until": d["until"],
            "before_seq": d["before"],
        }

    def describe(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in self.cleaned_data.items() if v)


class RestrictForm(GovukForm):
    why = forms.ChoiceField(choices=RestrictedRecord.Why.choices, label="Why is it restricted?")
    named = forms.CharField(
        required=False,
        label="Who else may open it (usernames, separated by commas)",
        help_text="You, as the owner, can always open it.",
        widget=forms.TextInput(attrs={"class": "govuk-input"}),
    )

    def clean_named(self):
        names = [n.strip() for n in self.cleaned_data["named"].split(",") if n.strip()]
        users = list(User.objects.filter(username__in=names, is_active=True))
        unknown = sorted(set(names) - {u.username for u in users})
        if unknown:
            raise forms.ValidationError(f"No active member of staff called: {', '.join(unknown)}")
        self.cleaned_data["named_users"] = users
        return names
