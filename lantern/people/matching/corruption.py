"""How a partner agency's record of a child differs from the council's (the corruption
model of the synthetic incoming records; ``synthetic`` builds the people).

Each incoming record starts from a person's true details and each change below is drawn
independently with the probability given:

============================  ==========================================================
first name                    nickname 10% (where the name has one), typo 8%, middle
                              name used instead 2%, initial only 1%; middle names
                              dropped 50%
surname                       typo 8%; one part only of a double surname 50%; the
                              surname of an alias the index holds 50% (where one is held)
order                         first and last names swapped 6%
date of birth                 day and month swapped 4% (when the day is 12 or less),
                              one year out 3%, another day of the same month 3%, another
                              month 1%, missing 3%, a different date altogether 1%
sex                           missing 10%, wrong 0.5%
postcode                      moved 25% (half within the same district), missing 5%,
                              a previous address given 5%
NHS number                    missing 60%, one digit mistyped 1%
other names                   the index's other name passed on 20%
============================  ==========================================================

On top of that, two hard cases are forced so each is measured: 2% of matched records have
names swapped *and* a typo, and 2% a changed birth date *and* a moved address with no NHS
number. A typo is one keystroke: a letter dropped, doubled, replaced or two swapped.
"""

import random

import numpy as np
import pandas as pd

from lantern.people.matching.synthetic import COLUMNS, Person, Population, typo


def _dob(rng: random.Random, dob: str, population: Population, force: bool = False) -> str:
    year, month, day = (int(p) for p in dob.split("-"))
    roll = rng.random() if not force else rng.uniform(0, 0.14)
    if roll < 0.04 and day <= 12 and day != month:
        month, day = day, month
    elif roll < 0.07:
        year += rng.choice((-1, 1))
    elif roll < 0.10:
        day = rng.choice([d for d in range(1, 29) if d != day])
    elif roll < 0.11:
        month = rng.choice([m for m in range(1, 13) if m != month])
    elif roll < 0.14:
        return "" if not force else population.dob(year - 3, year + 3)
    elif roll < 0.15:
        return population.dob(year - 10, min(year + 10, 2025))
    day = min(day, 28) if month == 2 else min(day, 30 if month in (4, 6, 9, 11) else 31)
    return f"{year:04d}-{month:02d}-{day:02d}"


def corrupt(rng: random.Random, person: Person, population: Population, hard: str = "") -> dict:
    first, middle, last = person.first, person.middle, person.last
    nicks = population.nicknames.get(first.lower())
    roll = rng.random()
    if roll < 0.10 and nicks:
        first = rng.choice(sorted(nicks - {first.lower()})).title()
    elif roll < 0.18 or hard == "swap":
        first = typo(rng, first)
    elif roll < 0.20 and middle:
        first, middle = middle, ""
    elif roll < 0.21:
        first = first[0]
    if rng.random() < 0.5:
        middle = ""
    parts = last.replace("-", " ").split()
    alias_last = person.other.split()[-1] if len(person.other.split()) > 1 else ""
    if len(parts) > 1 and rng.random() < 0.5:
        last = rng.choice(parts)
    elif alias_last and rng.random() < 0.5:
        last = alias_last
    elif rng.random() < 0.08:
        last = typo(rng, last)
    if rng.random() < 0.06 or hard == "swap":
        first, last = last, first
    dob = _dob(rng, person.dob, population, force=hard == "moved") if person.dob else ""
    sex = person.sex
    roll = rng.random()
    if roll < 0.10:
        sex = ""
    elif roll < 0.105:
        sex = "F" if sex == "M" else "M"
    postcode = person.postcodes[0]
    roll = rng.random()
    if roll < 0.25 or hard == "moved":
        same = rng.random() < 0.5
        postcode = population.postcode(postcode.split()[0] if same else None)
    elif roll < 0.30:
        postcode = ""
    elif roll < 0.35 and len(person.postcodes) > 1:
        postcode = person.postcodes[1]
    nhs = person.nhs
    roll = rng.random()
    if roll < 0.60 or hard == "moved":
        nhs = ""
    elif roll < 0.61:
        at = rng.randrange(10)
        nhs = nhs[:at] + str((int(nhs[at]) + rng.randint(1, 9)) % 10) + nhs[at + 1 :]
    other = person.other if rng.random() < 0.2 else ""
    full_first = f"{first} {middle}".strip()
    return {"first_name": full_first, "last_name": last, "other_names": other, "dob": dob,
            "sex": sex, "postcode": postcode, "nhs_number": nhs}  # fmt: skip


def incoming(
    index: pd.DataFrame,
    left_out: list[Person],
    population: Population,
    size: int,
    *,
    match_share: float = 0.85,
    seed: int = 2,
) -> tuple[pd.DataFrame, dict[str, str], list[str]]:
    """``size`` incoming records, the truth (incoming id -> index id or ""), and the kind
    of each record ("match", "swap", "moved", "twin/sibling", "namesake", "stranger")."""
    rng = random.Random(seed)
    matched = int(size * match_share)
    picks = rng.sample(range(len(index)), matched)
    rows, truth, kinds = [], {}, []
    for n, at in enumerate(picks):
        source = _person(index.iloc[at])
        hard = "swap" if n % 50 == 0 else "moved" if n % 50 == 1 else ""
        rows.append(corrupt(rng, source, population, hard))
        truth[f"R{n:07d}"] = index.iloc[at]["id"]
        kinds.append(hard or "match")
    for n in range(matched, size):
        roll = rng.random()
        if roll < 0.4 and left_out:
            source, kind = left_out.pop(rng.randrange(len(left_out))), "twin/sibling"
        elif roll < 0.7:
            source = population.person(
                -1, "", population.dob(1960, 2025), None, [population.postcode()]
            )
            namesake = index.iloc[rng.randrange(len(index))]
            source.first, source.last = namesake["first_name"].split()[0], namesake["last_name"]
            kind = "namesake"
        else:
            source = population.family(-1)[-1]
            kind = "stranger"
        rows.append(corrupt(rng, source, population))
        truth[f"R{n:07d}"] = ""
        kinds.append(kind)
    frame = pd.DataFrame(rows)
    frame.insert(0, "id", [f"R{n:07d}" for n in range(size)])
    return frame[COLUMNS], truth, kinds


def _person(series: pd.Series) -> Person:
    first, _, middle = series["first_name"].partition(" ")
    return Person(
        id=series["id"],
        first=first,
        middle=middle,
        last=series["last_name"],
        sex=series["sex"],
        dob=series["dob"],
        postcodes=series["postcode"].split(";"),
        nhs=series["nhs_number"],
        other=series["other_names"],
    )


def shuffled(frame: pd.DataFrame, seed: int) -> pd.DataFrame:
    order = np.random.default_rng(seed).permutation(len(frame))
    return frame.iloc[order].reset_index(drop=True)
