"""The officer's answer to "who is this?": the same person, not the same person, or someone new.

Nothing is joined automatically. Confirming a match keeps the referrer's spelling as a name
of the person (attributed to the agency) and adds the identifiers they supplied, so the
next contact about the child is found at once; then the contact enters her chronology.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.chronology.actions import record_entry
from lantern.clocks.actions import apply_event
from lantern.frontdoor import clock
from lantern.frontdoor.models import ContactSubject
from lantern.frontdoor.queries import incoming
from lantern.people import actions as people_actions
from lantern.people import names
from lantern.people.matching.actions import record_not_same_person
from lantern.people.models import Identifier, NotSamePerson, Person


def _locked(subject: ContactSubject) -> ContactSubject:
    subject = (
        # The subject and its contact (ordering this against the decision), not the agency.
        ContactSubject.objects.select_for_update(of=("self", "contact"))
        .select_related("contact__agency")
        .get(pk=subject.pk)
    )
    if not subject.contact.is_awaiting:
        raise ValidationError("A decision has been made on this contact; it can no longer change")
    if subject.resolution != ContactSubject.Resolution.PENDING:
        raise ValidationError(f"{subject.full_name} has already been matched")
    return subject


def _check_identifiers(subject: ContactSubject, person: Person) -> list[tuple[str, str]]:
    """The referrer's identifiers the person lacks; refuse a match they contradict."""
    to_add = []
    for scheme, value in (
        (Identifier.Scheme.NHS, subject.nhs_number),
        (Identifier.Scheme.UPN, subject.upn),
    ):
        if not value:
            continue
        holder = Identifier.objects.filter(scheme=scheme, value=value).first()
        if holder is not None and holder.person_id != person.pk:
            raise ValidationError(
                f"The {holder.get_scheme_display()} given by the referrer belongs to another "
                "person in the index: check the match"
            )
        held = set(person.identifiers.filter(scheme=scheme).values_list("value", flat=True))
        if scheme == Identifier.Scheme.NHS and held and value not in held:
            raise ValidationError(
                "The referrer's NHS number differs from the one this person has: check the match"
            )
        if value not in held:
            to_add.append((scheme, value))
    return to_add


def refuse_contradicted_match(subject: ContactSubject, person: Person) -> None:
    """What ``confirm_match`` would refuse (identifiers that contradict it), said before the
    officer is asked to check a weak match: never a box to tick and then a refusal."""
    _check_identifiers(subject, person)


def _known_spellings(person: Person) -> set[tuple[str, ...]]:
    spellings = {tuple(names.tokens(person.first_name, person.last_name))}
    for first, last in person.names.values_list("first_name", "last_name"):
        spellings.add(tuple(names.tokens(first, last)))
    return spellings


# What a contact reports about the child itself: an adult named in it (the mother of the
# baby with the bruise) gets a plain contact entry, not an injury of their own, which the
# safeguarding signals would otherwise read as theirs.
ABOUT_THE_CHILD = {
    "injury",
    "ae_attendance",
    "not_brought",
    "missing",
    "school_concern",
    "school_attendance_concern",
}


def _resolve(subject, person, resolution, *, acting_user, request, detail):
    subject.person = person
    subject.resolution = resolution
    subject.resolved_by = acting_user
    subject.resolved_at = timezone.now()
    subject.save(update_fields=["person", "resolution", "resolved_by", "resolved_at"])
    contact = subject.contact
    if subject.is_child:
        # The 1-working-day decision clock runs on a known child from the day the contact
        # was received, however late the officer found her in the index.
        apply_event(
            person, "contact_received", clock.received_on(contact.received_at), source=contact
        )
    who = ", ".join(p for p in (contact.referrer_name, contact.referrer_role) if p)
    kind = contact.kind
    if not subject.is_child and kind in ABOUT_THE_CHILD:
        kind = "contact"
    record_entry(
        person,
        kind=kind,
        when=contact.occurred_at or contact.received_at,
        agency=contact.agency,
        author=who[:150],
        summary=f"Contact {contact.reference} ({contact.get_channel_display().lower()}): "
        f"{contact.concern}",
        source=contact,
    )
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        person=person,
        obj=subject,
        detail=f"{detail} (contact {contact.reference})",
    )
    return subject


@transaction.atomic
def confirm_match(
    subject: ContactSubject, person: Person, *, acting_user, request=None
) -> ContactSubject:
    subject = _locked(subject)
    agency = subject.contact.agency
    for scheme, value in _check_identifiers(subject, person):
        people_actions.add_identifier(
            person,
            acting_user=acting_user,
            scheme=scheme,
            value=value,
            agency=agency,
            request=request,
        )
    spelling = tuple(names.tokens(subject.first_name, subject.last_name))
    if spelling and spelling not in _known_spellings(person):
        people_actions.add_name(
            person,
            acting_user=acting_user,
            kind="variant",
            first_name=subject.first_name,
            last_name=subject.last_name,
            agency=agency,
            request=request,
        )
    return _resolve(
        subject,
        person,
        ContactSubject.Resolution.MATCHED,
        acting_user=acting_user,
        request=request,
        detail="confirmed the person named in a contact",
    )


@transaction.atomic
def add_as_new_person(subject: ContactSubject, *, acting_user, request=None) -> ContactSubject:
    """Nobody in the index is this person: register them with the referrer's details."""
    subject = _locked(subject)
    try:
        with transaction.atomic():
            person = people_actions.register_person(
                acting_user=acting_user,
                request=request,
                first_name=subject.first_name,
                last_name=subject.last_name,
                date_of_birth=subject.date_of_birth,
                sex=subject.sex or "U",
                agency=subject.contact.agency,
                nhs_number=subject.nhs_number,
                upn=subject.upn,
            )
    except IntegrityError:
        raise ValidationError(
            "Someone in the index already has this NHS number or UPN: match them instead"
        ) from None
    return _resolve(
        subject,
        person,
        ContactSubject.Resolution.NEW_PERSON,
        acting_user=acting_user,
        request=request,
        detail="added a person named in a contact",
    )


@transaction.atomic
def rule_out(
    subject: ContactSubject, person: Person, *, acting_user, request=None
) -> NotSamePerson:
    """Remember that ``subject`` is not ``person`` in the person index's own record of such
    decisions, so no later contact describing the subject the same way is offered ``person``.
    """
    subject = _locked(subject)
    return record_not_same_person(
        person,
        acting_user=acting_user,
        incoming=incoming(subject),
        reason=f"Not {subject.full_name} named in contact {subject.contact.reference} "
        f"from {subject.contact.agency.name}",
        request=request,
    )
