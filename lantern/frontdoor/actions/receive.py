"""Receiving a contact: the one write behind the web form, the partner API and bulk files.

Whichever way a concern arrives it lands as the same ``Contact`` with its subjects, its
decision clock started and an audit row, so the MASH works one queue.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.casework.codes import REFERRAL_SOURCE
from lantern.chronology import kinds
from lantern.frontdoor import clock, codes
from lantern.frontdoor.identity import identity_key
from lantern.frontdoor.models import Contact, ContactSubject
from lantern.people.identifiers import validate_nhs_number, validate_upn


class IdempotencyConflict(Exception):
    """The key was used before for a different request: the caller must not reuse it."""

    def __init__(self, contact: Contact):
        super().__init__(contact)
        self.contact = contact


@dataclass
class SubjectDetails:
    first_name: str
    last_name: str
    role: str = ContactSubject.Role.CHILD
    other_names: str = ""
    date_of_birth: dt.date | None = None
    sex: str = "U"
    nhs_number: str = ""
    upn: str = ""
    address: str = ""
    postcode: str = ""


@dataclass
class ContactDetails:
    agency: object
    channel: str
    referrer_name: str
    concern: str
    consent: str
    urgency: str
    subjects: list[SubjectDetails] = field(default_factory=list)
    referrer_role: str = ""
    referrer_email: str = ""
    referrer_phone: str = ""
    referrer_user: object = None
    lawful_basis: str = ""
    agency_reference: str = ""
    source: str = ""
    kind: str = "contact"
    occurred_at: dt.datetime | None = None
    received_at: dt.datetime | None = None
    channel_detail: str = ""
    idempotency_key: str | None = None
    request_digest: str = ""
    intake_file: object = None


def _clean_subject(details: SubjectDetails) -> SubjectDetails:
    if not details.first_name.strip() and not details.last_name.strip():
        raise ValidationError("Each person needs a first or last name")
    if details.nhs_number:
        details.nhs_number = validate_nhs_number(details.nhs_number)
    if details.upn:
        details.upn = validate_upn(details.upn)
    return details


def _validate(details: ContactDetails) -> None:
    if not details.subjects:
        raise ValidationError("A contact must name at least one person")
    if not any(s.role == ContactSubject.Role.CHILD for s in details.subjects):
        raise ValidationError("A contact must name at least one child")
    if details.kind not in kinds.BY_CODE:
        raise ValueError(f"unknown chronology kind {details.kind!r}")
    if details.source and not REFERRAL_SOURCE.is_current(details.source):
        raise ValidationError(f"Unknown referral source {details.source!r}")
    if details.consent != Contact.Consent.GIVEN and not details.lawful_basis.strip():
        raise ValidationError("Say why the information is shared without the family's consent")
    for subject in details.subjects:
        _clean_subject(subject)


def _existing(details: ContactDetails) -> Contact | None:
    """A contact already made with this idempotency key, or raise if the request differs."""
    if not details.idempotency_key:
        return None
    found = Contact.objects.filter(
        agency=details.agency, idempotency_key=details.idempotency_key
    ).first()
    if found is not None and found.request_digest != details.request_digest:
        raise IdempotencyConflict(found)
    return found


@transaction.atomic
def receive_contact(details: ContactDetails, *, acting_user=None, request=None, audited=True):
    """Record a contact and its subjects; returns ``(contact, created)``.

    ``audited=False`` leaves the audit entry to the caller (``audit_received``): a bulk file
    writes all of its entries at the end, so the audit chain is not held for the whole load.

    A retry with the same idempotency key returns the first contact (``created`` False). Two
    racing retries both reach the insert; the unique constraint lets one win and the other
    reads the winner's row, so a retry can never create a duplicate.
    """
    found = _existing(details)
    if found is not None:
        return found, False
    _validate(details)
    received = details.received_at or timezone.now()
    contact = Contact(
        agency=details.agency,
        channel=details.channel,
        channel_detail=details.channel_detail[:200],
        source=details.source or codes.source_for_agency(details.agency),
        kind=details.kind,
        received_at=received,
        occurred_at=details.occurred_at,
        decision_due_at=clock.decision_due_at(received, details.urgency),
        referrer_name=details.referrer_name.strip()[:150],
        referrer_role=details.referrer_role.strip()[:150],
        referrer_email=details.referrer_email.strip(),
        referrer_phone=details.referrer_phone.strip()[:40],
        referrer_user=details.referrer_user,
        agency_reference=details.agency_reference.strip()[:100],
        concern=details.concern.strip(),
        consent=details.consent,
        lawful_basis=details.lawful_basis.strip()[:500],
        urgency=details.urgency,
        idempotency_key=details.idempotency_key or "",
        request_digest=details.request_digest,
        intake_file=details.intake_file,
    )
    # Constraints are left to the database: a racing retry must reach the IntegrityError below.
    contact.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            contact.save()
    except IntegrityError:
        if not details.idempotency_key:
            raise
        return _existing(details), False
    ContactSubject.objects.bulk_create(
        [
            ContactSubject(
                contact=contact,
                role=s.role,
                first_name=s.first_name.strip()[:100],
                last_name=s.last_name.strip()[:100],
                other_names=s.other_names.strip()[:200],
                date_of_birth=s.date_of_birth,
                sex=s.sex or "U",
                nhs_number=s.nhs_number,
                upn=s.upn,
                address=s.address.strip()[:200],
                postcode=s.postcode.strip().upper()[:10],
                identity_key=identity_key(s.first_name, s.last_name, s.date_of_birth),
            )
            for s in details.subjects
        ]
    )
    if audited:
        audit_received(contact, len(details.subjects), acting_user=acting_user, request=request)
    return contact, True


def audit_received(contact: Contact, named: int, *, acting_user=None, request=None) -> None:
    audit.record(
        request,
        AuditEntry.Action.CREATE,
        user=acting_user,
        obj=contact,
        detail=f"contact received from {contact.agency.name} by "
        f"{contact.get_channel_display().lower()} ({named} people named)",
    )
