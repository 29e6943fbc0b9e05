"""The person tables: ssd_person and what hangs off it (disability, immigration status,
mother, identifiers, address, family).

The cohort is every person the other tables name: a child in a contact, CIN episode, period
of care, missing episode, pre-proceedings or care leaver contact, or with a worker allocated.
The person id is ``Person.council_id``, the id every return uses. Tables are read whole and
filtered to the cohort here: thousands of ids as query parameters are far slower.
"""

import json

from lantern.care.models import (
    CareLeaverContact,
    MissingEpisode,
    PeriodOfCare,
    PersonalAdviser,
    PreProceedings,
)
from lantern.casework.models import CINEpisode
from lantern.frontdoor.models import ContactSubject
from lantern.people.models import (
    Disability,
    HouseholdMembership,
    Identifier,
    Person,
    PersonAddress,
    Relationship,
)
from lantern.returns.ssd.common import iso
from lantern.workforce.models import Allocation


def cohort() -> set[int]:
    ids = set(
        ContactSubject.objects.filter(role=ContactSubject.Role.CHILD, person__isnull=False)
        .values_list("person_id", flat=True)
        .distinct()
    )
    for model in (CINEpisode, PeriodOfCare, MissingEpisode, PreProceedings, CareLeaverContact,
                  PersonalAdviser):  # fmt: skip
        ids.update(model.objects.values_list("person_id", flat=True).distinct())
    ids.update(Allocation.objects.values_list("child_id", flat=True).distinct())
    return ids


def _upns(ids) -> dict[int, str]:
    found = (
        Identifier.objects.filter(scheme=Identifier.Scheme.UPN)
        .order_by("-pk")
        .values_list("person_id", "value")
    )
    return {person_id: value for person_id, value in found if person_id in ids}


def _mothers(ids) -> list[tuple[int, int, int]]:
    """(relationship pk, mother id, child id) where a person in the cohort is a mother."""
    found = (
        Relationship.objects.filter(kind=Relationship.Kind.MOTHER)
        .order_by("pk")
        .values_list("pk", "relative_id", "person_id")
    )
    return [(pk, mother, child) for pk, mother, child in found if mother in ids]


def person_rows(ids, council_ids) -> list[tuple]:
    upns = _upns(ids)
    mothers = {m for _, m, _ in _mothers(ids)}
    rows = []
    people = (
        Person.objects.order_by("council_id").values(
            "pk", "council_id", "first_name", "last_name", "sex", "ethnicity", "date_of_birth",
            "upn_unknown", "expected_date_of_birth", "date_of_death",
        )
    )  # fmt: skip
    for p in people:
        if p["pk"] not in ids:
            continue
        rows.append((
            "", p["council_id"], upns.get(p["pk"], ""), p["first_name"], p["last_name"],
            p["sex"], "", p["ethnicity"], iso(p["date_of_birth"]), "", p["upn_unknown"], "",
            iso(p["expected_date_of_birth"]), iso(p["date_of_death"]),
            "Y" if p["pk"] in mothers else "N", "",
        ))  # fmt: skip
    return rows


def disability_rows(ids, council_ids) -> list[tuple]:
    return [
        (pk, council_ids[person_id], code)
        for pk, person_id, code in Disability.objects.order_by("pk").values_list(
            "pk", "person_id", "code"
        )
        if person_id in ids
    ]


def immigration_rows(ids, council_ids) -> list[tuple]:
    """UASC status, the one immigration status Lantern keeps (on the person)."""
    people = (
        Person.objects.filter(uasc_since__isnull=False)
        .order_by("pk")
        .values_list("pk", "uasc_since", "uasc_ceased")
    )
    return [
        (pk, council_ids[pk], iso(since), iso(ceased), "UASC")
        for pk, since, ceased in people
        if pk in ids
    ]


def mother_rows(ids, council_ids) -> list[tuple]:
    pairs = _mothers(ids)
    babies = dict(
        Person.objects.filter(pk__in={c for _, _, c in pairs}).values_list("pk", "council_id")
    )
    born = dict(
        Person.objects.filter(pk__in={c for _, _, c in pairs}).values_list("pk", "date_of_birth")
    )
    return [(pk, council_ids[m], babies[c], iso(born[c])) for pk, m, c in pairs]


# Lantern's scheme -> the identifier type as the model's linked identifiers name it.
LINKED_TYPES = {
    Identifier.Scheme.NHS: "NHS Number",
    Identifier.Scheme.UPN: "Unique Pupil Number",
    Identifier.Scheme.FORMER_UPN: "Former Unique Pupil Number",
}


def identifier_rows(ids, council_ids) -> list[tuple]:
    found = (
        Identifier.objects.filter(scheme__in=list(LINKED_TYPES))
        .order_by("pk")
        .values_list("pk", "person_id", "scheme", "value")
    )
    return [
        (pk, council_ids[person_id], LINKED_TYPES[scheme], value, "", "")
        for pk, person_id, scheme, value in found
        if person_id in ids
    ]


def address_rows(ids, council_ids) -> list[tuple]:
    found = (
        PersonAddress.objects.order_by("pk").values(
            "pk", "person_id", "start", "end", "address__postcode", "address__line_1",
            "address__line_2", "address__town", "address__uprn",
        )
    )  # fmt: skip
    rows = []
    for a in found:
        if a["person_id"] not in ids:
            continue
        parts = {
            "STREET": ", ".join(x for x in (a["address__line_1"], a["address__line_2"]) if x),
            "TOWN": a["address__town"],
            "UPRN": a["address__uprn"],
        }
        rows.append((
            a["pk"], council_ids[a["person_id"]], "", iso(a["start"]), iso(a["end"]),
            a["address__postcode"], json.dumps(parts, ensure_ascii=False),
        ))  # fmt: skip
    return rows


def family_rows(ids, council_ids) -> list[tuple]:
    return [
        (pk, household_id, council_ids[person_id])
        for pk, household_id, person_id in HouseholdMembership.objects.order_by("pk").values_list(
            "pk", "household_id", "person_id"
        )
        if person_id in ids
    ]
