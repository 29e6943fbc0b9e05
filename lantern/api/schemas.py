"""What crosses the partner API, validated before anything is written.

Identifiers are checked here (NHS number modulus 11, UPN check letter) so a partner's typo is
refused with a message naming the field, instead of joining the wrong child later. Every body
refusal has one shape (``Invalid``), which the OpenAPI document declares.
"""

import datetime as dt
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from ninja import Field, Schema
from pydantic import AwareDatetime, field_validator, model_validator

from lantern.casework.codes import REFERRAL_SOURCE
from lantern.frontdoor import intake

Consent = Literal["given", "not_sought", "refused", "statutory"]
Urgency = Literal["immediate", "standard"]
Role = Literal["child", "parent_carer", "other_adult"]
# What a partner may say a contact reports: the chronology kind its entry gets once the MASH
# links the child (``lantern.chronology.kinds``), which is what the safeguarding signals
# read. A short explicit list: the kinds a partner itself sees, never the council's own.
ReportKind = Literal[
    "contact",
    "injury",
    "ae_attendance",
    "not_brought",
    "police_domestic_abuse",
    "police_incident",
    "missing",
    "school_concern",
    "school_attendance_concern",
]
REPORT_KINDS = (
    "What the contact reports, for the child's chronology and the safeguarding signals: "
    "`contact` (a concern; the default), `injury` (an injury a professional saw), "
    "`ae_attendance` (an A&E attendance), `not_brought` (a child not brought to a health "
    "appointment), `police_domestic_abuse` (a domestic abuse notification), `police_incident`, "
    "`missing` (a missing episode), `school_concern` (a welfare concern), "
    "`school_attendance_concern`. Give the date in `occurred_at`."
)


EARLIEST = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)


class Error(Schema):
    detail: str


class Problem(Schema):
    type: str = Field(..., description="What kind of problem, e.g. missing, value_error")
    loc: list[str | int] = Field(..., description="Where: e.g. body, payload, people, 0, upn")
    msg: str = Field(..., description="What to change, in words")


class Invalid(Schema):
    """The body of every 422: each problem found, naming its field."""

    detail: list[Problem]


def invalid(problems: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Ninja's validation errors as ``Invalid``: pydantic's extra keys (ctx, url) dropped."""
    return {
        "detail": [
            {
                "type": str(p.get("type", "value_error")),
                "loc": [part if isinstance(part, int) else str(part) for part in p.get("loc", [])],
                "msg": str(p.get("msg", "")).removeprefix("Value error, "),
            }
            for p in problems
        ]
    }


class Incoming(Schema):
    """What a partner sends. PostgreSQL cannot store a NUL character in text, so one in any
    field is refused here, by name, rather than failing the insert."""

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value):
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("Remove the NUL character (\\u0000) from this field")
        return value


class Referrer(Incoming):
    name: str = Field(..., min_length=1, max_length=150, description="The professional making it")
    role: str = Field("", max_length=150, description="Their job title")
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=40)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("Give the referrer's name")
        return value.strip()

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        if value.strip():
            try:
                validate_email(value.strip())
            except ValidationError:
                raise ValueError("Enter an email address like name@example.org") from None
        return value.strip()


class PersonIn(Incoming):
    """A person as the partner knows them; any detail may be missing except a name."""

    role: Role = "child"
    first_name: str = Field("", max_length=100)
    last_name: str = Field("", max_length=100)
    other_names: str = Field("", max_length=200, description="Aliases, previous names")
    date_of_birth: dt.date | None = None
    sex: Literal["M", "F", "U"] = "U"
    nhs_number: str = Field("", max_length=14, description="10 digits, spaces allowed")
    upn: str = Field("", max_length=13, description="Unique pupil number")
    address: str = Field("", max_length=200)
    postcode: str = Field("", max_length=10)

    @field_validator("nhs_number")
    @classmethod
    def _nhs(cls, value: str) -> str:
        return intake.NHS(value)

    @field_validator("upn")
    @classmethod
    def _upn(cls, value: str) -> str:
        return intake.UPN(value)

    @field_validator("date_of_birth")
    @classmethod
    def _born(cls, value: dt.date | None) -> dt.date | None:
        if value is not None and (value > timezone.localdate() or value.year < 1900):
            raise ValueError("A date of birth must be in the past and after 1900")
        return value

    @model_validator(mode="after")
    def _named(self):
        if not self.first_name.strip() and not self.last_name.strip():
            raise ValueError("Give each person a first or last name")
        return self


class ContactIn(Incoming):
    referrer: Referrer
    people: list[PersonIn] = Field(..., min_length=1, max_length=20)
    concern: str = Field(..., min_length=10, max_length=20000, description="What worries you")
    consent: Consent = Field(..., description="Whether the family agreed to this being shared")
    lawful_basis: str = Field(
        "", max_length=500, description="Required unless consent is 'given': why it is shared"
    )
    urgency: Urgency = "standard"
    agency_reference: str = Field("", max_length=100, description="Your own reference")
    occurred_at: AwareDatetime | None = Field(
        None, description="When the incident happened, with its UTC offset"
    )
    source: str = Field(
        "", max_length=3, description="DfE ReferralSource code; defaults by agency kind"
    )
    kind: ReportKind = Field("contact", description=REPORT_KINDS)

    @field_validator("occurred_at")
    @classmethod
    def _happened(cls, value: dt.datetime | None) -> dt.datetime | None:
        if value is None:
            return value
        try:  # 0001-01-01T00:00+14:00 is before year 1 in UTC, which no database can hold
            instant = value.astimezone(dt.UTC)
        except OverflowError:
            raise ValueError("The incident must be after 1900") from None
        if instant < EARLIEST:
            raise ValueError("The incident must be after 1900")
        if instant > timezone.now():
            raise ValueError("The incident cannot be in the future")
        return value

    @field_validator("source")
    @classmethod
    def _source(cls, value: str) -> str:
        if value and not REFERRAL_SOURCE.is_current(value):
            raise ValueError("Not a DfE ReferralSource code (CIN census N00152)")
        return value

    @model_validator(mode="after")
    def _rules(self):
        if not any(p.role == "child" for p in self.people):
            raise ValueError("Name at least one child")
        if self.consent != "given" and not self.lawful_basis.strip():
            raise ValueError("Give the lawful basis for sharing without the family's consent")
        return self


class Outcome(Schema):
    decision: str = Field(..., description="nfa, information_advice, early_help, assessment, …")
    label: str
    decided_at: dt.datetime
    message: str = Field(..., description="What children's social care tells the referrer")


class ContactOut(Schema):
    id: int
    reference: str
    status: Literal["awaiting_decision", "decided"]
    received_at: dt.datetime
    decision_due_at: dt.datetime
    outcome: Outcome | None = None


def contact_out(contact) -> ContactOut:
    decision = getattr(contact, "decision", None) if not contact.is_awaiting else None
    return ContactOut(
        id=contact.pk,
        reference=contact.reference,
        status=contact.status,
        received_at=contact.received_at,
        decision_due_at=contact.decision_due_at,
        outcome=Outcome(
            decision=decision.outcome,
            label=decision.get_outcome_display(),
            decided_at=decision.decided_at,
            message=contact.outcome_message,
        )
        if decision is not None
        else None,
    )
