"""The building blocks of a generated household: people, addresses and dated stays.

``families`` composes these into the family shapes social workers meet; keeping the
primitives apart keeps each family shape short enough to read as a story.
"""

import datetime as dt
import random

from faker import Faker

from lantern.demo import characteristics as traits
from lantern.demo import postcodes
from lantern.demo.specs import (
    AddressSpec,
    Borough,
    FamilySpec,
    NameSpec,
    PersonSpec,
    Relation,
    Stay,
)
from lantern.demo.spelling import maybe_accented

DAY = dt.timedelta(days=1)
# How old the youngest child in a family is: social care sees far more babies and toddlers.
YOUNGEST_AGE_WEIGHTS = [14, 11, 9, 8, 7, 6, 6, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 1]
SIBLING_GAPS = [1, 1, 2, 2, 2, 3, 3, 4, 5]
POSTCODE_DISTRICTS = {"N17": 25, "N15": 25, "N22": 18, "N4": 10, "N8": 10, "N10": 6, "N6": 6}
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


class Builder:
    def __init__(self, rng: random.Random, fake: Faker, today: dt.date):
        self.rng, self.fake, self.today = rng, fake, today
        self.borough = Borough()

    def between(self, start: dt.date, end: dt.date) -> dt.date:
        """A day in [start, end]; ``start`` itself when the range is empty."""
        span = (end - start).days
        return start if span <= 0 else start + dt.timedelta(days=self.rng.randint(0, span))

    def born(self, age: int) -> dt.date:
        days = round(age * 365.25) + self.rng.randrange(365)
        return self.today - dt.timedelta(days=days)

    def address(self) -> AddressSpec:
        street = self.fake.street_address().split("\n")
        district = self.rng.choices(list(POSTCODE_DISTRICTS), list(POSTCODE_DISTRICTS.values()))[0]
        digit, letters = self.rng.randint(1, 9), "".join(self.rng.choices(INWARD_LETTERS, k=2))
        postcode = postcodes.real(district, digit, letters)
        return AddressSpec(street[0], street[1] if len(street) > 1 else "", postcode)

    def person(self, role: str, sex: str, dob: dt.date | None, last: str, eth: str) -> PersonSpec:
        young = role in ("child", "uasc")
        first = self.fake.first_name_female() if sex == "F" else self.fake.first_name_male()
        first = maybe_accented(self.rng, first)
        middle = ""
        if self.rng.random() < (0.35 if young else 0.2):
            middle = self.fake.first_name_female() if sex == "F" else self.fake.first_name_male()
        spec = PersonSpec(role, first, last, sex, dob, eth, middle=middle)
        self.borough.people.append(spec)
        return spec

    def adult(self, sex: str, age: int, last: str, eth: str, police: float = 0.0) -> PersonSpec:
        spec = self.person("adult", sex, self.born(age), last, eth)
        spec.police = self.rng.random() < police
        return spec

    def relate(self, person: PersonSpec, relative: PersonSpec, kind: str, start=None) -> None:
        self.borough.relations.append(Relation(person, relative, kind, start))

    def previous_name(self, person: PersonSpec, last: str, changed: dt.date) -> None:
        """Record the surname someone used before marriage or a parent's remarriage."""
        since = person.dob or changed
        person.names.append(
            NameSpec("previous", person.first, last, None, self.between(since, changed))
        )

    def family(self, kind: str) -> FamilySpec:
        since = self.today - dt.timedelta(days=self.rng.randint(120, 12 * 365))
        fam = FamilySpec(kind, self.address(), since)
        if self.rng.random() < 0.35:
            fam.previous_address = self.address()
            fam.previous_since = since - dt.timedelta(days=self.rng.randint(300, 6 * 365))
        self.borough.families.append(fam)
        return fam

    def live(self, fam: FamilySpec, person: PersonSpec, start: dt.date | None = None, end=None):
        start = max(start or fam.since, person.dob or fam.since)
        fam.stays.append(Stay(person, start, end))
        person.family = fam
        (fam.children if person.is_child else fam.adults).append(person)

    def children(self, fam, ages, last, mother, father_eth=None) -> list[PersonSpec]:
        kids = []
        for age in ages:
            sex = "M" if self.rng.random() < 0.51 else "F"
            eth = traits.child_ethnicity(self.rng, mother.ethnicity, father_eth)
            kid = self.person("child", sex, self.born(age), last, eth)
            self.live(fam, kid)
            self.relate(kid, mother, "mother", kid.dob)
            kids.append(kid)
        self.siblings(kids)
        return kids

    def siblings(self, kids: list[PersonSpec], kind: str = "sibling", others=()) -> None:
        pairs = [(a, b) for i, a in enumerate(kids) for b in kids[i + 1 :]]
        pairs += [(a, b) for a in kids for b in others]
        for a, b in pairs:
            start = max(a.dob or self.today, b.dob or self.today)
            self.relate(a, b, kind, start)

    def child_ages(self, count: int) -> list[int]:
        ages = [self.rng.choices(range(18), YOUNGEST_AGE_WEIGHTS)[0]]
        for _ in range(count - 1):
            ages.append(ages[-1] + self.rng.choice(SIBLING_GAPS))
        # An older sibling past 17 is an adult, not in the index: keep the family's size.
        return [a if a <= 17 else self.rng.randint(ages[0], 17) for a in ages]

    def mother_of(self, ages: list[int], eth: str) -> PersonSpec:
        return self.adult(
            "F", max(ages) + self.rng.randint(16, 34), self.fake.last_name(), eth, 0.04
        )

    def joins(self, fam: FamilySpec, adult: PersonSpec, after: dt.date, leaves: float) -> dt.date:
        """An adult moves in after the children; some move out again."""
        latest = self.today - 14 * DAY
        start = max(after, self.between(min(after + 60 * DAY, latest), latest))
        end = None
        if self.rng.random() < leaves:
            end = self.between(start + 30 * DAY, self.today - 7 * DAY)
            end = end if end < self.today else None
        self.live(fam, adult, start, end)
        return start
