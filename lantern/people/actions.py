"""Writes to the person index. Each is atomic and audited; views and imports call these."""

import datetime as dt
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.chronology import listeners
from lantern.chronology.describe import occurred
from lantern.chronology.models import ChronologyEntry
from lantern.history.actions import record_revision, stored_values
from lantern.history.queries import latest_version
from lantern.people import names
from lantern.people.ages import ADULT
from lantern.people.identifiers import validate_nhs_number, validate_upn
from lantern.people.models import (
    Household,
    HouseholdMembership,
    Identifier,
    NameKey,
    Person,
    PersonName,
    Relationship,
)
from lantern.people.relationships import INVERSE


def council_id_for(person: Person) -> str:
    """The council's own child ID (DfE LAchildID: alphanumeric, at most 20 characters).

    Made from the database's own key once the row exists, so two people registered at the
    same moment can never be given the same ID.
    """
    return f"{settings.LANTERN_COUNCIL_ID_PREFIX}{person.pk:08d}"


def refresh_name_keys(person: Person) -> None:
    wanted: set[str] = set()
    for first, middle, last in person.names.values_list("first_name", "middle_names", "last_name"):
        wanted |= names.name_keys(first, middle, last)
    wanted |= names.name_keys(person.first_name, person.middle_names, person.last_name)
    NameKey.objects.filter(person=person).exclude(key__in=wanted).delete()
    have = set(NameKey.objects.filter(person=person).values_list("key", flat=True))
    NameKey.objects.bulk_create([NameKey(person=person, key=k) for k in wanted - have])


@transaction.atomic
def register_person(
    *,
    acting_user,
    first_name: str,
    last_name: str,
    request=None,
    agency=None,
    nhs_number: str = "",
    upn: str = "",
    **details,
) -> Person:
    """Add a person to the index with their legal name and any national identifiers."""
    person = Person(first_name=first_name.strip(), last_name=last_name.strip(), **details)
    person.council_id = f"new-{uuid.uuid4().hex[:16]}"  # unique until the key is known
    person.full_clean(exclude=["council_id"])
    person.save()
    person.council_id = council_id_for(person)
    person.save(update_fields=["council_id"])
    PersonName.objects.create(
        person=person,
        kind=PersonName.Kind.LEGAL,
        agency=agency,
        first_name=person.first_name,
        middle_names=person.middle_names,
        last_name=person.last_name,
    )
    if nhs_number:
        Identifier.objects.create(
            person=person,
            scheme=Identifier.Scheme.NHS,
            value=validate_nhs_number(nhs_number),
            agency=agency,
        )
    if upn:
        Identifier.objects.create(
            person=person, scheme=Identifier.Scheme.UPN, value=validate_upn(upn), agency=agency
        )
    refresh_name_keys(person)
    audit.record(
        request,
        AuditEntry.Action.CREATE,
        user=acting_user,
        person=person,
        obj=person,
        detail="registered in the person index",
    )
    return person


# The person's own details a worker may correct in place. Names, identifiers, addresses and
# households are not edited: each is a further dated row (``add_name``, ``move_into_household``).
CORRECTABLE = (
    "first_name",
    "middle_names",
    "last_name",
    "date_of_birth",
    "date_of_birth_estimated",
    "expected_date_of_birth",
    "date_of_death",
    "sex",
    "gender",
    "ethnicity",
)


def _check_death(person: Person) -> None:
    """A date of death in the future or before the birth would make the retention date and
    the census's closure reason RC2 (8585Q) wrong."""
    died = person.date_of_death
    if died is None:
        return
    if died > timezone.localdate():
        raise ValidationError({"date_of_death": "Date of death must be today or in the past"})
    if person.date_of_birth and died < person.date_of_birth:
        raise ValidationError(
            {"date_of_death": "Date of death must be on or after the date of birth"}
        )


def _check_unborn(person: Person) -> None:
    """An unborn child has no sex recorded yet (CIN census 8750: sex U), and is expected
    no more than a pregnancy ahead."""
    if person.date_of_birth is not None or person.expected_date_of_birth is None:
        return
    if person.sex != "U":
        raise ValidationError(
            {"sex": "An unborn child's sex is ‘Not known’ until the birth is recorded"}
        )
    if person.expected_date_of_birth > timezone.localdate() + dt.timedelta(weeks=43):
        raise ValidationError(
            {"expected_date_of_birth": "The expected date of birth must be within 10 months"}
        )


def save_person_fields(
    person: Person, *, acting_user, request, detail: str = "", check=None, **changes
) -> Person:
    """Change the person's own fields, with field history and audit. ``check`` sees the
    person as changed, before the save, to refuse what does not fit together (a death
    before the birth); ``detail`` defaults to the fields corrected."""
    before = stored_values(Person, changes, pk=person.pk)
    changes = {k: v for k, v in changes.items() if before[k] != v}
    if not changes:
        return person
    for name, value in changes.items():
        setattr(person, name, value)
    if check is not None:
        check(person)
    person.full_clean()
    person.save(update_fields=[*changes, "updated_at"])
    record_revision(
        person,
        version=latest_version(person) + 1,
        acting_user=acting_user,
        at=timezone.now(),
        before=before,
        after={name: getattr(person, name) for name in changes},
    )
    if {"first_name", "middle_names", "last_name"} & set(changes):
        refresh_name_keys(person)
    if "date_of_birth" in changes:  # the age rules read it
        listeners.changed({person.pk}, {listeners.PERSON_DETAILS})
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        person=person,
        obj=person,
        detail=detail or f"corrected {', '.join(sorted(changes))}",
    )
    return person


@transaction.atomic
def correct_details(person: Person, *, acting_user, request=None, **changes) -> Person:
    """Correct the person's own details (a date of birth entered wrongly, a name misspelt),
    keeping the old and new value of each field in the person's history of changes."""
    if set(changes) - set(CORRECTABLE):
        raise ValueError(f"cannot change {sorted(set(changes) - set(CORRECTABLE))} here")
    person = Person.objects.select_for_update().get(pk=person.pk)
    changes = {k: v.strip() if isinstance(v, str) else v for k, v in changes.items()}
    if all(getattr(person, k) == v for k, v in changes.items()):
        raise ValidationError("Nothing was changed: correct a detail, or go back to the record")

    def check(changed: Person) -> None:
        _check_death(changed)
        _check_unborn(changed)

    return save_person_fields(
        person, acting_user=acting_user, request=request, check=check, **changes
    )


@transaction.atomic
def add_name(
    person: Person,
    *,
    acting_user,
    kind: str,
    first_name: str,
    last_name: str,
    middle_names: str = "",
    agency=None,
    request=None,
) -> PersonName:
    name = PersonName(
        person=person,
        kind=kind,
        first_name=first_name.strip(),
        middle_names=middle_names.strip(),
        last_name=last_name.strip(),
        agency=agency,
    )
    name.full_clean()
    name.save()
    refresh_name_keys(person)
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        person=person,
        obj=name,
        detail=f"added {name.get_kind_display().lower()}",
    )
    return name


@transaction.atomic
def add_identifier(
    person: Person, *, acting_user, scheme: str, value: str, agency=None, request=None
) -> Identifier:
    """A further identifier. A UPN or former UPN is checked as a UPN (its check letter);
    a UPN replaces any recorded reason the UPN was not known (CIN census UPNunknown)."""
    if scheme == Identifier.Scheme.NHS:
        value = validate_nhs_number(value)
    elif scheme in (Identifier.Scheme.UPN, Identifier.Scheme.FORMER_UPN):
        value = validate_upn(value)
        other = Identifier.Scheme.UPN if scheme != Identifier.Scheme.UPN else "former_upn"
        if person.identifiers.filter(scheme=other, value=value).exists():
            raise ValidationError(
                {"value": "A child's former UPN and UPN cannot be the same: check the number"}
            )
    identifier = Identifier(person=person, scheme=scheme, value=value.strip(), agency=agency)
    identifier.full_clean()
    identifier.save()
    if scheme == Identifier.Scheme.UPN:
        stored = Person.objects.select_for_update().get(pk=person.pk)
        if stored.upn_unknown:
            person.upn_unknown = ""
            save_person_fields(
                stored,
                acting_user=acting_user,
                request=request,
                detail="UPN recorded: the reason it was not known is cleared",
                upn_unknown="",
            )
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        person=person,
        obj=identifier,
        detail=f"added {identifier.get_scheme_display()}",
    )
    return identifier


@transaction.atomic
def record_relationship(
    person: Person,
    relative: Person,
    kind: str,
    *,
    acting_user,
    start: dt.date | None = None,
    agency=None,
    request=None,
) -> Relationship:
    """Record that ``relative`` is ``kind`` to ``person``, and the reverse on theirs."""
    inverse = INVERSE[kind]
    if inverse == Relationship.Kind.PARENT and person.sex in ("F", "M"):
        inverse = Relationship.Kind.MOTHER if person.sex == "F" else Relationship.Kind.FATHER
    rel = Relationship(person=person, relative=relative, kind=kind, start=start, agency=agency)
    rel.full_clean()
    rel.save()
    Relationship.objects.get_or_create(
        person=relative, relative=person, kind=inverse, defaults={"start": start, "agency": agency}
    )
    for who in (person, relative):
        audit.record(
            request,
            AuditEntry.Action.UPDATE,
            user=acting_user,
            person=who,
            obj=rel,
            detail=f"recorded relationship: {rel.get_kind_display().lower()}",
        )
    return rel


@transaction.atomic
def move_into_household(
    person: Person, household: Household, *, acting_user, start: dt.date, agency, request=None
) -> HouseholdMembership:
    """Someone joins a household from ``start``. Every child already there gets a chronology
    entry: an adult moving in is exactly the fact that was missed for Peter Connelly."""
    membership = HouseholdMembership(household=household, person=person, start=start, agency=agency)
    membership.full_clean()
    membership.save()
    others = (
        HouseholdMembership.objects.filter(household=household, start__lte=start)
        .exclude(person=person)
        .exclude(end__lt=start)
        .select_related("person")
    )
    when = occurred(start)  # the day is known, not the hour
    # Someone whose age no agency knows is taken for an adult: the unknown man in the house.
    age = person.age_on(start)
    joined = "adult_joined" if age is None or age >= ADULT else ""
    entries = []
    for other in others:
        entries.append(
            ChronologyEntry(
                person=other.person,
                occurred_at=when,
                time_known=False,
                agency=agency,
                kind="household_change",
                author=acting_user.get_full_name() if acting_user else "",
                author_user=acting_user,
                summary=f"{person.full_name} moved into the household.",
                source_type="people.HouseholdMembership",
                source_ref=str(membership.pk),
                signal_event=joined,
            )
        )
    ChronologyEntry.objects.bulk_create(entries)
    listeners.changed({entry.person_id for entry in entries}, {"household_change"})
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        person=person,
        obj=membership,
        detail=f"joined household {household.pk}",
    )
    return membership


@transaction.atomic
def leave_household(
    membership: HouseholdMembership, *, acting_user, end: dt.date, request=None
) -> HouseholdMembership:
    membership.end = end
    membership.full_clean()
    membership.save(update_fields=["end"])
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        person=membership.person,
        obj=membership,
        detail=f"left household {membership.household_id}",
    )
    return membership
