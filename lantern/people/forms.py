"""Forms for the person index. Every error names the field, in the Design System's words."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from lantern.people import codes
from lantern.people.identifiers import validate_nhs_number, validate_upn
from lantern.people.models import Identifier
from lantern.web.forms import GovukForm


def date_part(label: str, width: int) -> forms.IntegerField:
    """One box of a GOV.UK date input (day, month or year)."""
    return forms.IntegerField(
        label=label,
        required=False,
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "class": f"govuk-input govuk-date-input__input govuk-input--width-{width}",
            }
        ),
    )


class DateOfBirthForm(GovukForm):
    """A date of birth as three boxes, with the Design System's error messages."""

    dob_day = date_part("Day", 2)
    dob_month = date_part("Month", 2)
    dob_year = date_part("Year", 4)

    def dob_fields(self):
        return [self["dob_day"], self["dob_month"], self["dob_year"]]

    def clean_date_of_birth(self, data: dict) -> dt.date | None:
        """The date, or None when left blank; adds an error to the day box if it is wrong."""
        return self.date_from_boxes(data, "dob", "Date of birth")

    def date_from_boxes(
        self, data: dict, prefix: str, what: str, *, future: bool = False
    ) -> dt.date | None:
        parts = [data.get(f"{prefix}_day"), data.get(f"{prefix}_month"), data.get(f"{prefix}_year")]
        day = f"{prefix}_day"
        if all(p is None for p in parts) or day in self.errors:
            return None
        if None in parts:
            # The Design System's words, as every other date (lantern.web.forms.DateField).
            names = ("day", "month", "year")
            missing = [name for name, part in zip(names, parts, strict=True) if part is None]
            self.add_error(day, f"{what} must include a {' and '.join(missing)}")
            return None
        try:
            when = dt.date(parts[2], parts[1], parts[0])
        except (ValueError, OverflowError):
            self.add_error(day, f"{what} must be a real date")
            return None
        if when > timezone.localdate() and not future:
            self.add_error(day, f"{what} must be today or in the past")
            return None
        if when.year < 1900:
            self.add_error(day, f"{what} must be after 1900")
            return None
        return when


class AddPersonForm(DateOfBirthForm):
    first_name = forms.CharField(
        max_length=100, error_messages={"required": "Enter the person's first name"}
    )
    last_name = forms.CharField(
        max_length=100, error_messages={"required": "Enter the person's last name"}
    )
    date_of_birth_estimated = forms.BooleanField(
        required=False, label="The date of birth is an estimate"
    )
    sex = forms.ChoiceField(choices=codes.SEX, initial="U")
    ethnicity = forms.ChoiceField(choices=codes.ETHNICITY, initial="NOBT")
    nhs_number = forms.CharField(
        label="NHS number (optional)",
        required=False,
        max_length=14,
        help_text="10 digits, like 943 476 5919",
    )
    upn = forms.CharField(label="Unique pupil number (optional)", required=False, max_length=13)

    def clean_nhs_number(self) -> str:
        value = self.cleaned_data["nhs_number"].strip()
        if not value:
            return ""
        number = validate_nhs_number(value)
        if Identifier.objects.filter(scheme=Identifier.Scheme.NHS, value=number).exists():
            raise ValidationError(
                "A person with this NHS number is already in the index: search for them instead"
            )
        return number

    def clean_upn(self) -> str:
        value = self.cleaned_data["upn"].strip()
        if not value:
            return ""
        upn = validate_upn(value)
        if Identifier.objects.filter(scheme=Identifier.Scheme.UPN, value=upn).exists():
            raise ValidationError(
                "A person with this UPN is already in the index: search for them instead"
            )
        return upn

    def clean(self):
        data = super().clean()
        data["date_of_birth"] = self.clean_date_of_birth(data)
        return data

    def person_details(self) -> dict:
        d = self.cleaned_data
        return {
            "first_name": d["first_name"],
            "last_name": d["last_name"],
            "date_of_birth": d.get("date_of_birth"),
            "date_of_birth_estimated": d["date_of_birth_estimated"],
            "sex": d["sex"],
            "ethnicity": d["ethnicity"],
            "nhs_number": d["nhs_number"],
            "upn": d["upn"],
        }


class CorrectDetailsForm(DateOfBirthForm):
    """The person's own details, filled in as they are now; only what differs is changed,
    and the history of changes keeps the old value."""

    first_name = forms.CharField(
        max_length=100, error_messages={"required": "Enter the person's first name"}
    )
    middle_names = forms.CharField(max_length=100, required=False)
    last_name = forms.CharField(
        max_length=100, error_messages={"required": "Enter the person's last name"}
    )
    date_of_birth_estimated = forms.BooleanField(
        required=False, label="The date of birth is an estimate"
    )
    sex = forms.ChoiceField(choices=codes.SEX)
    gender = forms.ChoiceField(choices=codes.GENDER, required=False)
    ethnicity = forms.ChoiceField(choices=codes.ETHNICITY)

    DETAILS = ("first_name", "middle_names", "last_name", "date_of_birth_estimated", "sex")
    DETAILS += ("gender", "ethnicity")
    # Date of death: the CIN census needs it for closure reason RC2 (rule 8585Q), and the
    # record is kept from the death, not the 18th birthday (access.retention).
    dod_day = date_part("Day", 2)
    dod_month = date_part("Month", 2)
    dod_year = date_part("Year", 4)
    # An unborn child's expected date of birth (CIN census ExpectedPersonBirthDate).
    edd_day = date_part("Day", 2)
    edd_month = date_part("Month", 2)
    edd_year = date_part("Year", 4)

    @classmethod
    def for_person(cls, person, data=None):
        initial = {name: getattr(person, name) for name in cls.DETAILS}
        dates = (
            ("dob", person.date_of_birth),
            ("dod", person.date_of_death),
            ("edd", person.expected_date_of_birth),
        )
        for prefix, when in dates:
            if when:
                initial |= {f"{prefix}_day": when.day, f"{prefix}_month": when.month}
                initial[f"{prefix}_year"] = when.year
        return cls(data, initial=initial)

    def dod_fields(self):
        return [self["dod_day"], self["dod_month"], self["dod_year"]]

    def edd_fields(self):
        return [self["edd_day"], self["edd_month"], self["edd_year"]]

    def clean(self):
        data = super().clean()
        data["date_of_birth"] = self.clean_date_of_birth(data)
        data["date_of_death"] = self.date_from_boxes(data, "dod", "Date of death")
        data["expected_date_of_birth"] = self.date_from_boxes(
            data, "edd", "Expected date of birth", future=True
        )
        return data

    def details(self) -> dict:
        d = self.cleaned_data
        dates = ("date_of_birth", "date_of_death", "expected_date_of_birth")
        return {name: d[name] for name in (*self.DETAILS, *dates)}


def uasc_initial(person) -> dict:
    initial = {}
    for prefix, when in (("uasc", person.uasc_since), ("duc", person.uasc_ceased)):
        if when:
            initial |= {f"{prefix}_day": when.day, f"{prefix}_month": when.month}
            initial[f"{prefix}_year"] = when.year
    return initial


class CensusDetailsForm(DateOfBirthForm):
    """What the CIN census asks that is recorded nowhere else: why there is no UPN, a
    former UPN, UASC status and disabilities (or none)."""

    upn_unknown = forms.ChoiceField(
        label="Reason the UPN is not known",
        choices=[("", "Not applicable: the child has a UPN, or none recorded"), *codes.UPN_UNKNOWN],
        required=False,
        help_text="Only when the child has no unique pupil number (CIN census UPNunknown)",
    )
    former_upn = forms.CharField(
        label="Add a former UPN (optional)",
        required=False,
        max_length=20,
        help_text="13 characters: a check letter, 11 digits, then a digit or letter",
    )
    uasc_day = date_part("Day", 2)
    uasc_month = date_part("Month", 2)
    uasc_year = date_part("Year", 4)
    duc_day = date_part("Day", 2)
    duc_month = date_part("Month", 2)
    duc_year = date_part("Year", 4)
    disabilities = forms.MultipleChoiceField(
        label="Disabilities",
        choices=codes.DISABILITY,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The DfE list. Choose ‘No disability’ on its own.",
    )

    @classmethod
    def for_person(cls, person, data=None):
        initial = uasc_initial(person) | {
            "upn_unknown": person.upn_unknown,
            "disabilities": list(person.disabilities.values_list("code", flat=True)),
        }
        return cls(data, initial=initial)

    def uasc_fields(self):
        return [self["uasc_day"], self["uasc_month"], self["uasc_year"]]

    def duc_fields(self):
        return [self["duc_day"], self["duc_month"], self["duc_year"]]

    def clean_former_upn(self) -> str:
        value = self.cleaned_data["former_upn"].strip()
        return validate_upn(value) if value else ""

    def clean(self):
        data = super().clean()
        data["uasc_since"] = self.date_from_boxes(data, "uasc", "The date UASC status began")
        data["uasc_ceased"] = self.date_from_boxes(data, "duc", "The date UASC status ceased")
        return data

    def details(self) -> dict:
        d = self.cleaned_data
        names = ("upn_unknown", "former_upn", "uasc_since", "uasc_ceased", "disabilities")
        return {name: d[name] for name in names}


class RecordBirthForm(DateOfBirthForm):
    """The birth of a child recorded while unborn: the same record, now with a date of
    birth, sex and the child's name."""

    first_name = forms.CharField(
        max_length=100, error_messages={"required": "Enter the child's first name"}
    )
    middle_names = forms.CharField(max_length=100, required=False)
    last_name = forms.CharField(
        max_length=100, error_messages={"required": "Enter the child's last name"}
    )
    sex = forms.ChoiceField(choices=codes.SEX)

    @classmethod
    def for_person(cls, person, data=None):
        initial = {"last_name": person.last_name, "sex": person.sex}
        return cls(data, initial=initial)

    def clean(self):
        data = super().clean()
        data["date_of_birth"] = self.clean_date_of_birth(data)
        if data["date_of_birth"] is None and "dob_day" not in self.errors:
            self.add_error("dob_day", "Enter the date of birth")
        return data

    def details(self) -> dict:
        d = self.cleaned_data
        names = ("date_of_birth", "sex", "first_name", "middle_names", "last_name")
        return {name: d[name] for name in names}
