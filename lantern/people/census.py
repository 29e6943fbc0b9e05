"""What the CIN census asks of the person record and a worker records by hand: why there is
no UPN, a former UPN, UASC status, disabilities (or none), and the birth of an unborn child.

Each write is atomic and audited, and a change to the person's own fields keeps the old and
new values in the history of changes, as a correction does (``actions.correct_details``).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.people import actions, ages, codes
from lantern.people.actions import save_person_fields
from lantern.people.models import Disability, Identifier, Person, PersonName

NO_DISABILITY = "NONE"
SCHOOL_AGE = 5


def _refuse(field: str | None, message: str):
    raise ValidationError({field: message} if field else message)


def has_upn(person: Person) -> bool:
    return person.identifiers.filter(scheme=Identifier.Scheme.UPN).exists()


def school_age_on(person: Person, day: dt.date) -> bool:
    """Of school age: 5 or over on the 31 August before ``day`` (SSDA903 209; CIN 8770Q)."""
    august = dt.date(day.year if day >= dt.date(day.year, 8, 31) else day.year - 1, 8, 31)
    age = person.age_on(august)
    return age is not None and age >= SCHOOL_AGE


def check_upn_unknown(person: Person, reason: str) -> None:
    if not reason:
        return
    if reason not in dict(codes.UPN_UNKNOWN):
        _refuse("upn_unknown", "Choose a reason from the list")
    if has_upn(person):
        _refuse(
            "upn_unknown",
            "The child has a UPN recorded: a reason the UPN is not known cannot be recorded too",
        )
    if reason == "UN1" and school_age_on(person, timezone.localdate()):
        _refuse(
            "upn_unknown",
            "UN1 is for a child not yet of school age: choose the reason this child, who is "
            "of school age, has no UPN",
        )


def check_uasc(person: Person, since: dt.date | None, ceased: dt.date | None) -> None:
    """SSDA903 303 (ceased needs the status) and 304 (it ceases by the 18th birthday)."""
    today = timezone.localdate()
    if ceased is not None and since is None:
        _refuse("uasc_since", "Enter the date the child became an unaccompanied asylum seeker")
    if since is not None:
        if since > today:
            _refuse("uasc_since", "The date UASC status began must be today or in the past")
        if person.date_of_birth and since < person.date_of_birth:
            _refuse(
                "uasc_since",
                "The date UASC status began cannot be before the child was born "
                f"({ages.long_date(person.date_of_birth)})",
            )
    if ceased is not None:
        if ceased > today:
            _refuse("uasc_ceased", "The date UASC status ceased must be today or in the past")
        if ceased < since:
            _refuse("uasc_ceased", "The date UASC status ceased cannot be before it began")
        if person.date_of_birth:
            eighteenth = _birthday(person.date_of_birth, 18)
            if ceased > eighteenth:
                _refuse(
                    "uasc_ceased",
                    "UASC status ceases by the 18th birthday "
                    f"({ages.long_date(eighteenth)}; SSDA903 rule 304)",
                )


def _birthday(born: dt.date, years: int) -> dt.date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # 29 February
        return born.replace(year=born.year + years, day=28)


def check_disabilities(chosen: list[str]) -> list[str]:
    """CIN census 8790 (NONE stands alone) and 8794 (no code twice)."""
    if len(set(chosen)) != len(chosen):
        _refuse("disabilities", "Each disability can be chosen once")
    unknown = [c for c in chosen if c not in dict(codes.DISABILITY)]
    if unknown:
        _refuse("disabilities", f"Not a disability on the DfE list: {', '.join(unknown)}")
    if NO_DISABILITY in chosen and len(chosen) > 1:
        _refuse(
            "disabilities",
            "‘No disability’ cannot be chosen with a disability (CIN census rule 8790)",
        )
    return chosen


@transaction.atomic
def set_disabilities(person: Person, chosen: list[str], *, acting_user, request=None) -> list[str]:
    """Replace the child's disabilities with ``chosen``; ``["NONE"]`` records none."""
    chosen = check_disabilities(list(chosen))
    had = sorted(person.disabilities.values_list("code", flat=True))
    if sorted(chosen) == had:
        return chosen
    person.disabilities.exclude(code__in=chosen).delete()
    Disability.objects.bulk_create(
        [Disability(person=person, code=c) for c in chosen if c not in had]
    )
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        person=person,
        obj=person,
        detail=f"disabilities: {', '.join(had) or 'none recorded'} → "
        f"{', '.join(sorted(chosen)) or 'none recorded'}",
    )
    return chosen


KEEP = object()  # a detail not given is left as it is


@transaction.atomic
def record_census_details(
    person: Person,
    *,
    acting_user,
    upn_unknown=KEEP,
    former_upn: str = "",
    uasc_since=KEEP,
    uasc_ceased=KEEP,
    disabilities: list[str] | None = None,
    request=None,
) -> Person:
    """The census details page (or any caller giving some of them): everything given is
    checked before anything is saved; what is not given is left as it is."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    given = {
        name: value
        for name, value in (
            ("upn_unknown", upn_unknown),
            ("uasc_since", uasc_since),
            ("uasc_ceased", uasc_ceased),
        )
        if value is not KEEP
    }
    if "upn_unknown" in given:
        check_upn_unknown(person, given["upn_unknown"])
    if {"uasc_since", "uasc_ceased"} & set(given):
        check_uasc(
            person,
            given.get("uasc_since", person.uasc_since),
            given.get("uasc_ceased", person.uasc_ceased),
        )
    if disabilities is not None:
        check_disabilities(disabilities)
    save_person_fields(
        person,
        acting_user=acting_user,
        request=request,
        detail="recorded census details (UPN unknown reason, UASC status)",
        **given,
    )
    if former_upn.strip():
        actions.add_identifier(
            person,
            acting_user=acting_user,
            scheme=Identifier.Scheme.FORMER_UPN,
            value=former_upn,
            request=request,
        )
    if disabilities is not None:
        set_disabilities(person, disabilities, acting_user=acting_user, request=request)
    return person


@transaction.atomic
def record_birth(
    person: Person,
    *,
    acting_user,
    date_of_birth: dt.date,
    sex: str,
    first_name: str,
    last_name: str,
    middle_names: str = "",
    request=None,
) -> Person:
    """An unborn child is born: the date of birth, sex and name are recorded on the same
    record, so the pre-birth casework, clocks and chronology stay the child's. The expected
    date is kept (the census reports both), and the unborn name is kept as a previous name."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.date_of_birth is not None:
        _refuse(None, f"The birth is already recorded: {ages.long_date(person.date_of_birth)}")
    if person.expected_date_of_birth is None:
        _refuse(
            None, "Only an unborn child's birth is recorded here: correct their details instead"
        )
    if date_of_birth > timezone.localdate():
        _refuse("date_of_birth", "The date of birth must be today or in the past")
    earliest = ages.pre_birth_from(person)
    if date_of_birth < earliest:
        _refuse(
            "date_of_birth",
            f"The date of birth cannot be more than {ages.PRE_BIRTH_MONTHS} months before the "
            f"expected date ({ages.long_date(person.expected_date_of_birth)})",
        )
    if sex not in dict(codes.SEX):
        _refuse("sex", "Choose the child's sex")
    first_name, last_name = first_name.strip(), last_name.strip()
    if not first_name:
        _refuse("first_name", "Enter the child's first name")
    if not last_name:
        _refuse("last_name", "Enter the child's last name")
    renamed = (first_name, middle_names.strip(), last_name) != (
        person.first_name,
        person.middle_names,
        person.last_name,
    )
    if renamed:
        person.names.filter(kind=PersonName.Kind.LEGAL).update(kind=PersonName.Kind.PREVIOUS)
        PersonName.objects.create(
            person=person,
            kind=PersonName.Kind.LEGAL,
            first_name=first_name,
            middle_names=middle_names.strip(),
            last_name=last_name,
        )
    save_person_fields(
        person,
        acting_user=acting_user,
        request=request,
        detail=f"recorded the birth ({ages.long_date(date_of_birth)})",
        date_of_birth=date_of_birth,
        sex=sex,
        first_name=first_name,
        middle_names=middle_names.strip(),
        last_name=last_name,
    )
    if renamed:
        actions.refresh_name_keys(person)
    return person
