"""A synthetic person index and incoming records with known truth, for training and the
benchmark (nothing here is anyone's real data).

**Population.** Households share a surname (some children carry a double or hyphenated
one) and an address; each has one or two adults and one to four children, a birth being
twins one time in thirty. Names are drawn with long-tailed frequencies from Faker's
English, Irish, Turkish, Spanish, Italian, French, German, Portuguese, Romanian, Polish,
Yoruba, Twi, Zulu and Pakistani lists (accents folded), so common names repeat
("namesakes") and rare ones do not. One person in ten has another name on record: a
previous surname, a "known as" nickname or an agency's spelling. Each person has a valid,
unique NHS number and one to three postcodes (current first).

**Incoming records.** ``match_share`` of them are copies of index people, corrupted as
listed in ``corrupt``; the rest have no record in the index and are chosen to be hard:
a twin or sibling of an index person left out of the index (same surname, address, and
for twins date of birth), a namesake (an index person's first and last name, another
birth date and address), or a stranger. ``truth`` maps incoming id to index id or "".
"""

import importlib
import random
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lantern.people.identifiers import make_nhs_number
from lantern.people.matching.vocabulary import nickname_groups

LOCALES = ["en_GB", "en_IE", "tr_TR", "es_ES", "it_IT", "fr_FR", "de_DE", "pt_PT", "ro_RO",
           "pl_PL", "yo_NG", "tw_GH", "zu_ZA", "en_PK"]  # fmt: skip
AREAS = (("N", 22), ("E", 18), ("SE", 28), ("NW", 11), ("W", 14), ("SW", 20), ("EN", 11),
         ("HA", 9), ("IG", 11), ("CR", 8))  # fmt: skip
DISTRICTS = [f"{area}{n}" for area, top in AREAS for n in range(1, top + 1)]
COLUMNS = ["id", "first_name", "last_name", "other_names", "dob", "sex", "postcode", "nhs_number"]
KEYBOARD = "qwertyuiopasdfghjklzxcvbnm"


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return folded if folded.replace("-", "").replace(" ", "").isalpha() else ""


def _names(attribute: str) -> list[str]:
    seen: dict[str, None] = {}
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for name in getattr(provider, attribute, ()) or ():
            folded = _fold(name)
            if folded and " " not in folded:
                seen.setdefault(folded)
    return list(seen)


class Pool:
    """Names with long-tailed frequencies: a few very common, many rare."""

    def __init__(self, names: list[str], rng: random.Random, bend: float) -> None:
        self.names = names
        weights = [1.0 / (rank + bend) ** 1.05 for rank in range(len(names))]
        self.cum = np.cumsum(weights) / sum(weights)
        self.rng = rng

    def draw(self) -> str:
        return self.names[int(np.searchsorted(self.cum, self.rng.random()))]


@dataclass
class Person:
    id: str
    first: str
    middle: str
    last: str
    sex: str
    dob: str
    postcodes: list[str]
    nhs: str
    other: str = ""
    family: int = 0
    twin_of: int = -1


class Population:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.male = Pool(_names("first_names_male"), self.rng, 40)
        self.female = Pool(_names("first_names_female"), self.rng, 40)
        self.surnames = Pool(_names("last_names"), self.rng, 90)
        self.nicknames = {n: g for g in nickname_groups() for n in g}
        self._issued: set[int] = set()

    def postcode(self, district: str | None = None) -> str:
        district = district or self.rng.choice(DISTRICTS)
        unit = self.rng.choice("ABDEFGHJLNPQRSTUWXYZ") + self.rng.choice("ABDEFGHJLNPQRSTUWXYZ")
        return f"{district} {self.rng.randint(1, 9)}{unit}"

    def nhs(self) -> str:
        while True:
            serial = self.rng.randrange(100_000_000, 999_999_999)
            number = make_nhs_number(str(serial)) if serial not in self._issued else None
            if number:
                self._issued.add(serial)
                return number

    def dob(self, low: int, high: int) -> str:
        day = self.rng.randint(0, 364)
        year = self.rng.randint(low, high)
        return (np.datetime64(f"{year}-01-01") + day).astype(str)

    def person(self, family: int, last: str, dob: str, sex: str | None, places: list[str]):
        sex = sex or self.rng.choice("MF")
        pool = self.male if sex == "M" else self.female
        middle = pool.draw() if self.rng.random() < 0.3 else ""
        return Person("", pool.draw(), middle, last, sex, dob, places, self.nhs(), family=family)

    def family(self, number: int) -> list[Person]:
        rng = self.rng
        last = self.surnames.draw()
        other_parent = self.surnames.draw()
        places = [self.postcode()] + [self.postcode() for _ in range(rng.choice((0, 0, 1, 2)))]
        adults = [self.person(number, last, self.dob(1960, 2001), "F", places)]
        if rng.random() < 0.55:
            adults.append(self.person(number, other_parent, self.dob(1955, 2000), "M", places))
        child_last = last
        if rng.random() < 0.08:
            child_last = (
                f"{other_parent}-{last}" if rng.random() < 0.6 else f"{other_parent} {last}"
            )
        kids: list[Person] = []
        for _ in range(rng.choice((1, 1, 2, 2, 2, 3, 3, 4))):
            kid = self.person(number, child_last, self.dob(2004, 2025), None, places)
            kids.append(kid)
            if rng.random() < 1 / 30:
                twin = self.person(number, child_last, kid.dob, None, places)
                twin.twin_of = len(kids) - 1
                kids.append(twin)
        for person in adults + kids:
            self.add_other_name(person, other_parent)
        return adults + kids

    def add_other_name(self, person: Person, other_last: str) -> None:
        roll = self.rng.random()
        if roll < 0.04:
            person.other = f"{person.first} {other_last}"
        elif roll < 0.07 and person.first.lower() in self.nicknames:
            choices = sorted(self.nicknames[person.first.lower()] - {person.first.lower()})
            person.other = self.rng.choice(choices).title()
        elif roll < 0.10:
            person.other = f"{typo(self.rng, person.first)} {person.last}"


def typo(rng: random.Random, word: str) -> str:
    """One keystroke wrong: a letter dropped, doubled, replaced or two swapped."""
    if len(word) < 3:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    if kind == 2:
        return word[:i] + rng.choice(KEYBOARD) + word[i + 1 :]
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]


def row(person: Person, pid: str) -> dict:
    first = f"{person.first} {person.middle}".strip()
    return {"id": pid, "first_name": first, "last_name": person.last,
            "other_names": person.other, "dob": person.dob, "sex": person.sex,
            "postcode": ";".join(person.postcodes), "nhs_number": person.nhs}  # fmt: skip


def people(index_size: int, seed: int = 1) -> tuple[pd.DataFrame, list[Person], Population]:
    """An index of ``index_size`` people, and the family members left out of it (about
    one in twenty, twins first), who make the hardest non-matches."""
    population = Population(seed)
    kept: list[Person] = []
    left_out: list[Person] = []
    number = 0
    while len(kept) < index_size:
        members = population.family(number)
        number += 1
        twins = [p for p in members if p.twin_of >= 0]
        if twins and population.rng.random() < 0.5:
            left_out.append(twins[0])
            members.remove(twins[0])
        elif len(members) > 2 and population.rng.random() < 0.05:
            left_out.append(members.pop())
        kept.extend(members)
    kept = kept[:index_size]
    rows = [row(p, f"P{i:07d}") for i, p in enumerate(kept)]
    return pd.DataFrame(rows, columns=COLUMNS), left_out, population
