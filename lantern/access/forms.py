from django import forms
from django.contrib.auth.models import User

from lantern.access.models import AuditEntry, RestrictedRecord, RetentionDecision
from lantern.access.queries import ANY_REFUSAL
from lantern.people.forms import DateOfBirthForm, date_part
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
            "before_id": d["before"],
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

    name_allocated = forms.BooleanField(required=False)

    def __init__(self, *args, allocated=None, **kwargs):
        """``allocated``: the child's allocated worker, when restricting would shut them out
        (not the owner, not already named); the form offers to name them, ticked."""
        super().__init__(*args, **kwargs)
        self.allocated = allocated
        if allocated is None:
            del self.fields["name_allocated"]
        else:
            self.fields["name_allocated"].initial = True

    def clean_named(self):
        names = [n.strip() for n in self.cleaned_data["named"].split(",") if n.strip()]
        users = list(User.objects.filter(username__in=names, is_active=True))
        unknown = sorted(set(names) - {u.username for u in users})
        if unknown:
            raise forms.ValidationError(f"No active member of staff called: {', '.join(unknown)}")
        self.cleaned_data["named_users"] = users
        return names

    def clean(self):
        data = super().clean()
        named = data.get("named_users")
        wanted = self.allocated is not None and data.get("name_allocated") and named is not None
        if wanted and self.allocated.pk not in {u.pk for u in named}:
            data["named_users"] = [*named, self.allocated]
        return data


class RetentionDecisionForm(GovukForm):
    """What the form can tell by itself (a choice made, a real date); the rules of the
    decision (reasons, which dates) are the action's, so they hold whoever calls it."""

    outcome = forms.ChoiceField(
        label="Decision",
        choices=[
            (RetentionDecision.Outcome.KEEP, "Keep the record: it is still needed"),
            (RetentionDecision.Outcome.EXTEND, "Keep the record until a later date"),
            (RetentionDecision.Outcome.DESTROY, "Approve its destruction"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose keep, extend or approve destruction"},
    )
    until_day = date_part("Day", 2)
    until_month = date_part("Month", 2)
    until_year = date_part("Year", 4)
    reason = forms.CharField(
        label="Reason",
        required=False,
        max_length=2000,
        help_text="Required to keep or extend: why the record is still needed",
        widget=forms.Textarea(
            attrs={"class": "govuk-textarea", "rows": 3, "aria-describedby": "id_reason-hint"}
        ),
    )

    def until_fields(self):
        return [self["until_day"], self["until_month"], self["until_year"]]

    def clean(self):
        data = super().clean()
        # The same three-box rules and messages as every date; a later date is the point.
        data["keep_until"] = DateOfBirthForm.date_from_boxes(
            self, data, "until", "The date", future=True
        )
        return data
