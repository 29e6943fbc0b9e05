"""Age and birth, in one place: what a referral and the casework dated on a day may be, given
when the child was (or is expected to be) born.

Pre-birth work is real work (WT2023: pre-birth assessments and conferences), so an unborn
child may be referred, assessed and conferenced from nine months before the expected birth;
but nobody can see a child who is not yet born, and a record dated before a birth no one
expected is a typo in the year. Casework actions call these; the front door reaches them
through the casework action that opens the episode.
"""

import datetime as dt

from django.core.exceptions import ValidationError

from lantern.people.models import Person

PRE_BIRTH_MONTHS = 9
ADULT = 18


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` earlier (the last day when it has none)."""
    month0 = day.month - 1 - months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def is_unborn(person: Person) -> bool:
    return person.date_of_birth is None and person.expected_date_of_birth is not None


def before_birth(person: Person, day: dt.date) -> bool:
    """Whether ``day`` is before the child was born: always, for a child not yet born."""
    if person.date_of_birth is not None:
        return day < person.date_of_birth
    return person.expected_date_of_birth is not None


def pre_birth_from(person: Person) -> dt.date | None:
    """The earliest day pre-birth work may be dated: nine months before the expected birth,
    or None if the child was never recorded as expected."""
    if person.expected_date_of_birth is None:
        return None
    return months_before(person.expected_date_of_birth, PRE_BIRTH_MONTHS)


def _refuse(field: str, message: str):
    raise ValidationError({field: message})


def check_referral_age(person: Person, day: dt.date, field: str = "referral_date") -> None:
    """A referral is for a child: refused for a person 18 or over on the referral date
    (care leavers aside: the council stays their corporate parent), and for an unborn child
    more than nine months before the expected birth."""
    age = person.age_on(day)
    if age is not None and age >= ADULT and person.care_status != Person.CareStatus.CARE_LEAVER:
        _refuse(
            field,
            f"{person.full_name} was {age} on {long_date(day)}: a referral to children's "
            "social care is for a child under 18 (or a care leaver); refer to adult services",
        )
    check_not_before_birth(person, day, "The referral", field)


def check_not_before_birth(person: Person, day: dt.date, what: str, field: str) -> None:
    """Work dated before the birth is refused unless it is pre-birth work: the child was
    recorded as expected, and the day is no more than nine months before the expected birth."""
    if not before_birth(person, day):
        return
    earliest = pre_birth_from(person)
    if earliest is None:
        _refuse(
            field,
            f"{what} cannot be dated before {person.full_name} was born "
            f"({long_date(person.date_of_birth)})",
        )
    if day < earliest:
        _refuse(
            field,
            f"{what} cannot be dated more than {PRE_BIRTH_MONTHS} months before the expected "
            f"birth ({long_date(person.expected_date_of_birth)}): the earliest is "
            f"{long_date(earliest)}",
        )


def check_child_seen(person: Person, day: dt.date, child_seen: bool) -> None:
    """Before the birth a worker visits the expectant parent; the child cannot be seen."""
    if not child_seen or not before_birth(person, day):
        return
    if person.date_of_birth is None:
        _refuse(
            "child_seen",
            "The child is not born yet: untick ‘The child was seen’ and tick ‘The "
            "expectant parent was seen’ if they were",
        )
    _refuse(
        "child_seen",
        f"The child was born on {long_date(person.date_of_birth)}: a child cannot be seen "
        f"on a visit dated {long_date(day)}",
    )
