"""What the CIN census asks of the person record, by the app's own guards
(``people.census``, ``people.actions``): UASC dates and factor 9A, disabilities or NONE, a
UPN or the reason there is none, and unborn children (sex U; a recorded birth no more than
9 months before the expected date)."""

from collections import defaultdict

from django.core.exceptions import ValidationError

from lantern.casework import models as cw
from lantern.demo.checks.registry import Violation, check
from lantern.people import ages
from lantern.people.census import check_disabilities, school_age_on
from lantern.people.models import Disability, Identifier, Person

UASC = "9A"


@check("uasc_factor_outside_uasc")
def uasc_factor_outside_uasc(today):
    """Factor 9A only on an assessment begun while the child was UASC."""
    uasc = Person.objects.filter(uasc_since__isnull=False).in_bulk()
    out = []
    for pid, day, factors in cw.Assessment.objects.values_list(
        "person_id", "start_date", "factors"
    ):
        if UASC in (factors or []) and not (pid in uasc and uasc[pid].uasc_on(day)):
            out.append(Violation("uasc_factor_outside_uasc", pid, f"9A at assessment of {day}"))
    return out


@check("uasc_dates")
def uasc_dates(today):
    """UASC from a day after birth; ceased only with a start, after it, by 18 (SSDA903
    303, 304)."""
    out = []
    rows = Person.objects.filter(uasc_since__isnull=False).values_list(
        "id", "date_of_birth", "uasc_since", "uasc_ceased"
    )
    for pid, dob, since, ceased in rows:
        eighteenth = dob and ages.months_before(dob, -12 * 18)
        if (dob and since < dob) or since > today:
            out.append(Violation("uasc_dates", pid, f"UASC since {since}, born {dob}"))
        if ceased and (ceased < since or (eighteenth and ceased > eighteenth) or ceased > today):
            out.append(Violation("uasc_dates", pid, f"UASC {since}–{ceased}, born {dob}"))
    return out


@check("disabilities")
def disabilities(today):
    """DfE codes only; NONE stands alone (CIN census 8790)."""
    chosen = defaultdict(list)
    for pid, code in Disability.objects.values_list("person_id", "code"):
        chosen[pid].append(code)
    out = []
    for pid, codes in chosen.items():
        try:
            check_disabilities(codes)
        except ValidationError as refused:
            out.append(Violation("disabilities", pid, f"{codes}: {refused.messages[0]}"))
    return out


@check("upn_unknown")
def upn_unknown(today):
    """A reason the UPN is not known never beside a UPN; UN1 only before school age."""
    with_upn = set(
        Identifier.objects.filter(scheme=Identifier.Scheme.UPN).values_list("person_id", flat=True)
    )
    out = []
    for person in Person.objects.exclude(upn_unknown="").only("id", "upn_unknown", "date_of_birth"):
        if person.pk in with_upn:
            out.append(Violation("upn_unknown", person.pk, f"{person.upn_unknown} and a UPN"))
        elif person.upn_unknown == "UN1" and school_age_on(person, today):
            out.append(Violation("upn_unknown", person.pk, "UN1 for a child of school age"))
    return out


@check("unborn_child")
def unborn_child(today):
    """An unborn child has sex U; a birth recorded for an expected child is no more than 9
    months before the expected date (``census.record_birth``)."""
    out = []
    expected = Person.objects.filter(expected_date_of_birth__isnull=False)
    for person in expected.only("id", "sex", "date_of_birth", "expected_date_of_birth"):
        if person.date_of_birth is None and person.sex != "U":
            out.append(Violation("unborn_child", person.pk, f"unborn, sex {person.sex}"))
        born, earliest = person.date_of_birth, ages.pre_birth_from(person)
        if born is not None and (born < earliest or born > today):
            what = f"born {born}, expected {person.expected_date_of_birth}"
            out.append(Violation("unborn_child", person.pk, what))
    return out
