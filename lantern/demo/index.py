"""Write the generated people to the person index, in bulk.

The per-person actions in ``people.actions`` are right for casework, one audited change at
a time; for 40,000 synthetic people they would take an hour. Here each table is written
with ``bulk_create`` in batches, the search keys are computed with the same
``people.names.name_keys`` the actions use, and nothing is audited: nobody has looked at
or changed a real record.
"""

import datetime as dt
import random
from collections import defaultdict

from django.conf import settings

from lantern.agencies.models import Agency
from lantern.demo.characteristics import Numbers
from lantern.demo.partners import ESTABLISHMENTS
from lantern.demo.specs import Borough, FamilySpec, PersonSpec, Stay
from lantern.people import names
from lantern.people.census import school_age_on
from lantern.people.models import (
    Address,
    Disability,
    Household,
    HouseholdMembership,
    Identifier,
    NameKey,
    Person,
    PersonAddress,
    PersonName,
    Relationship,
)
from lantern.people.relationships import INVERSE

BATCH = 5000
DAY = dt.timedelta(days=1)


def bulk(model, rows: list) -> list:
    """Insert ``rows`` in batches; primary keys are set on the objects (SQLite, PostgreSQL)."""
    for i in range(0, len(rows), BATCH):
        model.objects.bulk_create(rows[i : i + BATCH])
    return rows


class Buffer:
    """Collects rows for one table and writes them every ``BATCH`` rows, to bound memory."""

    def __init__(self, model):
        self.model, self.rows, self.count = model, [], 0

    def add(self, row) -> None:
        self.rows.append(row)
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.model.objects.bulk_create(self.rows)
            self.count += len(self.rows)
            self.rows = []


def write_people(borough: Borough, agencies: dict[str, Agency], rng: random.Random, today):
    """Every person with their names, search keys, identifiers and disabilities."""
    prefix = settings.LANTERN_COUNCIL_ID_PREFIX
    rows = [
        Person(
            council_id=f"{prefix}{n:08d}",
            first_name=p.first,
            middle_names=p.middle,
            last_name=p.last,
            date_of_birth=p.dob,
            date_of_birth_estimated=p.dob_estimated,
            expected_date_of_birth=p.expected_dob,
            uasc_since=p.uasc_since,
            uasc_ceased=p.uasc_ceased,
            sex=p.sex,
            ethnicity=p.ethnicity,
            care_status=p.status,
        )
        for n, p in enumerate(borough.people, start=1)
    ]
    for spec, row in zip(borough.people, bulk(Person, rows), strict=True):
        spec.pk = row.pk
    name_rows, keys = Buffer(PersonName), Buffer(NameKey)
    for p in borough.people:
        wanted: set[str] = set()
        for n in p.names:
            name_rows.add(
                PersonName(
                    person_id=p.pk,
                    kind=n.kind,
                    first_name=n.first,
                    middle_names=n.middle,
                    last_name=n.last,
                    agency_id=agencies[n.agency].pk if n.agency else None,
                    recorded_on=n.recorded_on,
                )
            )
            wanted |= names.name_keys(n.first, n.middle, n.last)
        wanted |= names.name_keys(p.first, p.middle, p.last)
        for key in sorted(wanted):
            keys.add(NameKey(person_id=p.pk, key=key))
    name_rows.flush()
    keys.flush()
    identifiers, with_upn = Buffer(Identifier), set()
    for row in _identifiers(borough.people, agencies, rng, today):
        identifiers.add(row)
        if row.scheme == "upn":
            with_upn.add(row.person_id)
    identifiers.flush()
    _upn_unknown(borough.people, with_upn, rng, today)
    disabilities = bulk(
        Disability,
        [Disability(person_id=p.pk, code=c) for p in borough.people for c in p.disabilities],
    )
    return {
        "names": name_rows.count,
        "name keys": keys.count,
        "identifiers": identifiers.count,
        "disabilities": len(disabilities),
    }


# Young people keep the UPN they had at school (or the reason they had none) as care
# leavers: the SSDA903 reports them to 21, and their records are kept to 25.
UPN_UNTIL = 25


def _upn_unknown(people: list[PersonSpec], with_upn: set[int], rng, today: dt.date) -> None:
    """Why a child has no UPN (CIN census UPNunknown): not yet of school age (UN1); of school
    age, never at a school in England for a child who arrived alone (UN2), otherwise newly
    known (UN4), educated outside England (UN3) or unmatched (UN5). Never beside a UPN.
    Care leavers up to 25 keep theirs: the SSDA903 asks a UPN or a reason of every young
    person looked after in the year (rule 442), and UN4, "newly looked after", is not for a
    young adult."""
    reasons: dict[str, list[int]] = defaultdict(list)
    for p in people:
        if p.pk in with_upn or p.dob is None or not p.is_child or p.age_on(today) >= UPN_UNTIL:
            continue
        if not school_age_on(Person(date_of_birth=p.dob), today):
            reason = "UN1"
        elif p.role == "uasc" or p.uasc_since:
            reason = "UN2"
        elif p.age_on(today) >= 18 or p.care_start:
            # UN4 is for the newly looked after (SSDA903 210): not a young adult, nor a
            # child who has been in care.
            reason = rng.choices(["UN3", "UN5", "UN2"], [2, 2, 1])[0]
        else:
            reason = rng.choices(["UN4", "UN3", "UN5", "UN2"], [5, 2, 2, 1])[0]
        reasons[reason].append(p.pk)
    for reason, pks in reasons.items():
        for i in range(0, len(pks), 900):
            Person.objects.filter(pk__in=pks[i : i + 900]).update(upn_unknown=reason)


def _identifiers(people: list[PersonSpec], agencies, rng: random.Random, today: dt.date):
    numbers = Numbers(rng, ESTABLISHMENTS)
    nhs_agency = agencies["whittington"].pk
    for p in people:
        if p.dob is None:
            continue
        if rng.random() < (0.8 if p.role == "uasc" else 0.96):
            yield Identifier(
                person_id=p.pk, scheme="nhs", value=numbers.nhs(), agency_id=nhs_agency
            )
        school = next((s for s in p.schools if s), "")
        if school and 4 <= p.age_on(today) < UPN_UNTIL and rng.random() < 0.93:
            upn = numbers.upn(school, p.dob)
            if upn:
                yield Identifier(
                    person_id=p.pk, scheme="upn", value=upn, agency_id=agencies[school].pk
                )
        if p.police:
            year = rng.randint(max(p.dob.year + 14, today.year - 15), today.year)
            value = numbers.police(year)
            yield Identifier(
                person_id=p.pk, scheme="police", value=value, agency_id=agencies["police"].pk
            )
        if not p.is_child and rng.random() < 0.3:
            value = numbers.housing()
            yield Identifier(
                person_id=p.pk, scheme="housing", value=value, agency_id=agencies["housing"].pk
            )


def write_households(borough: Borough, agencies: dict[str, Agency]) -> dict[str, int]:
    """Addresses, households, dated memberships and the matching address history."""
    families = borough.families
    addresses = [f.address for f in families] + [
        f.previous_address for f in families if f.previous_address
    ]
    rows = bulk(
        Address,
        [
            Address(line_1=a.line_1, line_2=a.line_2, town="London", postcode=a.postcode)
            for a in addresses
        ],
    )
    for spec, row in zip(addresses, rows, strict=True):
        spec.pk = row.pk
    households = bulk(Household, [Household(address_id=f.address.pk) for f in families])
    csc = agencies["csc"].pk
    stays, memberships, moves = [], [], []
    for family, household in zip(families, households, strict=True):
        family.pk = household.pk
        for stay in family.stays:
            stays.append(stay)
            person, start, end = stay.person.pk, stay.start, stay.end
            memberships.append(
                HouseholdMembership(
                    household_id=household.pk, person_id=person, start=start, end=end, agency_id=csc
                )
            )
            moves.append(
                PersonAddress(
                    person_id=person,
                    address_id=family.address.pk,
                    start=start,
                    end=end,
                    agency_id=csc,
                )
            )
            moves += _previous_address(family, stay, agencies["housing"].pk)
    for stay, row in zip(stays, bulk(HouseholdMembership, memberships), strict=True):
        stay.pk = row.pk
    bulk(PersonAddress, moves)
    return {
        "addresses": len(addresses),
        "households": len(households),
        "memberships": len(memberships),
        "address history": len(moves),
    }


def _previous_address(family: FamilySpec, stay: Stay, agency: int) -> list[PersonAddress]:
    """Where those who moved in together lived before (housing knows the last address)."""
    before, since = family.previous_address, family.since
    if not before or stay.start != since or family.previous_since >= since - DAY:
        return []
    start = max(family.previous_since, stay.person.dob or family.previous_since)
    if start >= since:
        return []
    return [
        PersonAddress(
            person_id=stay.person.pk,
            address_id=before.pk,
            start=start,
            end=since - DAY,
            agency_id=agency,
        )
    ]


def write_relationships(borough: Borough, agencies: dict[str, Agency]) -> int:
    """Both directions of every relationship, as ``record_relationship`` would write them."""
    csc = agencies["csc"].pk
    seen: set[tuple[int, int, str]] = set()
    rows = Buffer(Relationship)
    for rel in borough.relations:
        inverse = INVERSE[rel.kind]
        if inverse == "parent" and rel.person.sex in ("F", "M"):
            inverse = "mother" if rel.person.sex == "F" else "father"
        for person, relative, kind in (
            (rel.person, rel.relative, rel.kind),
            (rel.relative, rel.person, inverse),
        ):
            key = (person.pk, relative.pk, kind)
            if key not in seen:
                seen.add(key)
                rows.add(
                    Relationship(
                        person_id=person.pk,
                        relative_id=relative.pk,
                        kind=kind,
                        start=rel.start,
                        agency_id=csc,
                    )
                )
    rows.flush()
    return rows.count
