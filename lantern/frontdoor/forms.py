"""Forms for the front door, with errors in the GOV.UK Design System's words."""

from django import forms
from django.core.exceptions import ValidationError

from lantern.agencies.models import Agency
from lantern.casework import codes as casework_codes
from lantern.frontdoor import codes
from lantern.frontdoor.actions import SubjectDetails
from lantern.frontdoor.models import Contact, ContactSubject
from lantern.ids import RecordChoiceField
from lantern.people import codes as people_codes
from lantern.people.forms import DateOfBirthForm
from lantern.people.identifiers import validate_nhs_number, validate_upn
from lantern.web.forms import GovukForm
from lantern.workforce.models import Team


def _textarea(rows: int = 5) -> forms.Textarea:
    return forms.Textarea(attrs={"class": "govuk-textarea", "rows": rows})


class SubjectForm(DateOfBirthForm):
    """One person named in a referral. Optional forms left blank are skipped."""

    role = forms.ChoiceField(choices=ContactSubject.Role.choices, widget=forms.HiddenInput)
    first_name = forms.CharField(max_length=100, required=False)
    last_name = forms.CharField(max_length=100, required=False)
    other_names = forms.CharField(
        max_length=200, required=False, label="Other names or spellings used (optional)"
    )
    sex = forms.ChoiceField(choices=people_codes.SEX, initial="U", label="Sex")
    nhs_number = forms.CharField(max_length=14, required=False, label="NHS number (optional)")
    upn = forms.CharField(max_length=13, required=False, label="Unique pupil number (optional)")
    address = forms.CharField(max_length=200, required=False, label="Address (optional)")
    postcode = forms.CharField(max_length=10, required=False, label="Postcode (optional)")

    def __init__(self, *args, required: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.required = required

    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        keys = ("first_name", "last_name", "nhs_number", "upn", "dob_year", "address", "postcode")
        return not any(data.get(k) for k in keys)

    def clean_nhs_number(self) -> str:
        value = self.cleaned_data["nhs_number"].strip()
        return validate_nhs_number(value) if value else ""

    def clean_upn(self) -> str:
        value = self.cleaned_data["upn"].strip()
        return validate_upn(value) if value else ""

    def clean(self):
        data = super().clean()
        if not self.required and self.is_blank():
            return data
        if not data.get("first_name") and not data.get("last_name"):
            self.add_error("first_name", "Enter the person's first name or last name")
        data["date_of_birth"] = self.clean_date_of_birth(data)
        return data

    def details(self) -> SubjectDetails:
        d = self.cleaned_data
        return SubjectDetails(
            role=d["role"],
            first_name=d["first_name"],
            last_name=d["last_name"],
            other_names=d["other_names"],
            date_of_birth=d.get("date_of_birth"),
            sex=d["sex"],
            nhs_number=d["nhs_number"],
            upn=d["upn"],
            address=d["address"],
            postcode=d["postcode"],
        )


# The people a referral form asks about: (prefix, role, heading, required).
SUBJECT_SLOTS = [
    ("child", ContactSubject.Role.CHILD, "The child", True),
    ("sibling", ContactSubject.Role.CHILD, "Another child in the family (optional)", False),
    ("carer", ContactSubject.Role.PARENT_CARER, "A parent or carer (optional)", False),
]


def subject_forms(data=None) -> list[tuple[str, SubjectForm]]:
    return [
        (
            heading,
            SubjectForm(data, prefix=prefix, required=required, initial={"role": role}),
        )
        for prefix, role, heading, required in SUBJECT_SLOTS
    ]


class ReferralForm(GovukForm):
    referrer_role = forms.CharField(
        max_length=150,
        label="Your job title",
        error_messages={"required": "Enter your job title"},
    )
    referrer_phone = forms.CharField(
        max_length=40,
        label="Your phone number",
        error_messages={"required": "Enter a phone number we can reach you on today"},
    )
    referrer_email = forms.EmailField(label="Your email address", required=False)
    concern = forms.CharField(
        widget=_textarea(8),
        min_length=20,
        label="What are you worried about?",
        help_text="What happened, when, what the child said, and what you have done so far",
        error_messages={
            "required": "Enter what you are worried about",
            "min_length": "Tell us more about what you are worried about",
        },
    )
    consent = forms.ChoiceField(
        choices=Contact.Consent.choices[:3],
        widget=forms.RadioSelect,
        label="Does the family know about and agree to this referral?",
        error_messages={"required": "Select whether the family agreed"},
    )
    lawful_basis = forms.CharField(
        widget=_textarea(3),
        required=False,
        label="If not, why are you sharing without consent?",
        help_text="For example: asking would put the child at risk of significant harm",
    )
    urgency = forms.ChoiceField(
        choices=Contact.Urgency.choices,
        widget=forms.RadioSelect,
        label="How urgent is this?",
        error_messages={"required": "Select how urgent this is"},
    )

    def clean(self):
        data = super().clean()
        shared_without_consent = data.get("consent") not in (None, "", Contact.Consent.GIVEN)
        if shared_without_consent and not data.get("lawful_basis", "").strip():
            self.add_error("lawful_basis", "Say why you are sharing without consent")
        return data


class RateForm(GovukForm):
    rag = forms.ChoiceField(
        choices=Contact.Rag.choices[1:], widget=forms.RadioSelect, label="Rating"
    )
    reason = forms.CharField(max_length=500, required=False, label="Why (optional)")


class CheckForm(GovukForm):
    agency = RecordChoiceField(
        queryset=Agency.objects.exclude(kind=Agency.Kind.COUNCIL),
        label="Partner agency",
        empty_label=None,
    )
    question = forms.CharField(widget=_textarea(3), label="What are you asking them?")


class AnswerForm(GovukForm):
    answer = forms.CharField(widget=_textarea(3), label="Their answer")
    answered_by_name = forms.CharField(max_length=150, required=False, label="Who answered")


class DecisionForm(GovukForm):
    outcome = forms.ChoiceField(
        choices=codes.OUTCOMES,
        widget=forms.RadioSelect,
        label="What happens next",
        error_messages={"required": "Select a decision"},
    )
    reasons = forms.CharField(
        widget=_textarea(4),
        label="Reasons for the decision",
        error_messages={"required": "Enter the reasons for the decision"},
    )
    message_to_referrer = forms.CharField(
        widget=_textarea(3),
        required=False,
        label="Message to the referrer (optional)",
        help_text="Added to the standard outcome message the referrer sees",
    )
    team = RecordChoiceField(
        queryset=Team.objects.filter(
            kind__in=[Team.Kind.ASSESSMENT, Team.Kind.CHILD_PROTECTION]
        ).order_by("name"),
        required=False,
        label="Team the referral goes to (referrals only)",
        help_text="Its manager allocates the child. Left empty: the assessment team",
        error_messages={"invalid_choice": "Choose a team from the list"},
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    primary_need = forms.ChoiceField(
        choices=[("", "Choose"), *casework_codes.PRIMARY_NEED.choices()],
        required=False,
        label="Primary need of the children referred (referrals only)",
        help_text="The main reason they are in need; the assessment can revise it",
        error_messages={"invalid_choice": "Choose a primary need from the list"},
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") in codes.REFERRAL_OUTCOMES and not cleaned.get("primary_need"):
            self.add_error("primary_need", "Choose the primary need of the children referred")
        return cleaned


def first_error(problem: ValidationError) -> str:
    return problem.messages[0] if problem.messages else "Something went wrong"
