from django import forms
from django.contrib.auth.models import User

from lantern.access.roles import ROLES
from lantern.agencies.models import Agency
from lantern.ids import RecordChoiceField
from lantern.web.forms import DateField, GovukForm
from lantern.workforce.models import BudgetLine, Contract, Team

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


class ContractForm(GovukForm):
    kind = forms.ChoiceField(label="Contract type", choices=Contract.Kind.choices)
    start = DateField("Contract starts")
    end = DateField("Contract ends (last day)", required=False)
    fte = forms.DecimalField(
        label="Full-time equivalent",
        max_digits=3,
        decimal_places=2,
        initial="1",
        help_text="1 for full time; 0.5 for half time.",
    )
    grade = forms.CharField(label="Grade or salary band", max_length=40, required=False)
    annual_cost = forms.DecimalField(
        label="Annual cost full-time, with on-costs (£)",
        max_digits=9,
        decimal_places=2,
        required=False,
        help_text="For employed staff: salary at full time plus employer's "
        "pension and national insurance.",
    )
    day_rate = forms.DecimalField(
        label="Agency day rate (£)",
        max_digits=7,
        decimal_places=2,
        required=False,
        help_text="For agency staff: what the agency charges a working day.",
    )


class EndContractForm(GovukForm):
    contract = RecordChoiceField(queryset=Contract.objects.none(), empty_label=None)
    end = DateField("Last day of the contract")

    def __init__(self, *args, staff_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contract"].queryset = Contract.objects.filter(staff=staff_user)


class EstablishmentForm(GovukForm):
    team = RecordChoiceField(queryset=Team.objects.all(), empty_label=None)
    funded_fte = forms.DecimalField(label="Funded posts (FTE)", max_digits=6, decimal_places=2)
    effective_from = DateField("Funded from")
    reason = forms.CharField(label="Reason for the change", max_length=300)


class BudgetForm(GovukForm):
    year = forms.IntegerField(
        label="Financial year starting in",
        min_value=2000,
        max_value=2100,
        help_text="2026 for April 2026 to March 2027.",
    )
    line = forms.ChoiceField(label="Budget line", choices=BudgetLine.Line.choices)
    amount = forms.DecimalField(label="Budget (£)", max_digits=12, decimal_places=2, min_value=0)
    reason = forms.CharField(label="Reason for the change", max_length=300)
