from django import forms
from django.contrib.auth.models import User

from lantern.access.roles import ROLES
from lantern.agencies.models import Agency
from lantern.ids import RecordChoiceField
from lantern.web.forms import GovukForm
from lantern.workforce.models import Team

ROLE_CHOICES = [(r, r) for r in ROLES]


class StaffRoleForm(GovukForm):
    role = forms.ChoiceField(choices=ROLE_CHOICES)
    team = RecordChoiceField(queryset=Team.objects.all(), required=False, empty_label="No team")


class AddStaffForm(StaffRoleForm):
    username = forms.CharField(max_length=150)
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    email = forms.EmailField(required=False)
    job_title = forms.CharField(max_length=120, required=False)
    agency = RecordChoiceField(queryset=Agency.objects.all(), empty_label=None)
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"class": "govuk-input", "autocomplete": "new-password"}),
        help_text="At least 12 characters. To set up their authenticator at first sign-in "
        "they also need an enrolment code, issued on their page once the account exists.",
    )

    field_order = [
        "username",
        "first_name",
        "last_name",
        "email",
        "job_title",
        "agency",
        "role",
        "team",
        "password",
    ]

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("A member of staff with this username already exists")
        return username
