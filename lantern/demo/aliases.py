"""Every name each person is known by, and which agency knows them by it.

Each person has their legal name; about 30% of children and 40% of adults are also held
by a partner agency under a different spelling, many have a nickname, and some adults
known to police have given them an alias. Search must find the child under all of them.
"""

import datetime as dt
import random

from faker import Faker

from lantern.demo import spelling
from lantern.demo.specs import NameSpec, PersonSpec

YEAR = dt.timedelta(days=365)


def agencies_knowing(person: PersonSpec, today: dt.date) -> list[str]:
    """The partner agencies likely to have keyed this person's name themselves."""
    if person.is_child:
        age = person.age_on(today) or 0
        known = ["nmuh", "whittington", person.gp or "gp-elm-tree"]
        if age < 5:
            known += ["health-visiting", "health-visiting"]
        known += [school for school in person.schools if school] * 2
        if person.family is not None and person.family.police:
            known.append("police")
        return known
    known = ["nmuh", "housing", person.gp or "gp-riverside"]
    if person.police:
        known += ["police", "police", "police", "probation"]
    return known


def first_known(person: PersonSpec, today: dt.date) -> dt.date:
    if person.dob is not None:
        return max(person.dob, today - 15 * YEAR)
    if person.family is not None:
        return person.family.since
    return today - 30 * dt.timedelta(days=1)


def add_names(rng: random.Random, fake: Faker, people: list[PersonSpec], today: dt.date):
    for person in people:
        since = first_known(person, today)
        legal = NameSpec("legal", person.first, person.last, "csc", since, person.middle)
        person.names.insert(0, legal)
        if person.role == "unborn":
            continue
        sources = agencies_knowing(person, today)
        share = 0.8 if person.role == "uasc" else 0.3 if person.is_child else 0.4
        if rng.random() < share:
            for _ in range(1 if rng.random() < 0.8 else 2):
                first, last = spelling.misspell(rng, person.first, person.last)
                if (first, last) != (person.first, person.last):
                    day = _day(rng, since, today)
                    person.names.append(NameSpec("variant", first, last, rng.choice(sources), day))
        nick = spelling.nickname(rng, person.first)
        if nick and rng.random() < (0.35 if person.is_child else 0.15):
            agency = rng.choice([s for s in person.schools if s] or ["csc"])
            person.names.append(NameSpec("known_as", nick, person.last, agency, since))
        if person.police and rng.random() < 0.5:
            first = fake.first_name_male() if person.sex == "M" else fake.first_name_female()
            last = person.last if rng.random() < 0.5 else fake.last_name()
            person.names.append(NameSpec("alias", first, last, "police", _day(rng, since, today)))


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    span = (end - start).days
    return start + dt.timedelta(days=rng.randint(0, span)) if span > 0 else start
