"""Who the borough's people are: ethnicity, disability and the national identifiers.

The shares are London-like rather than any real borough's figures: enough White British,
other White, Black African and Caribbean, mixed and Asian children, and some "refused" and
"not yet obtained", for the returns and the equality figures to have something to show.
"""

import datetime as dt
import random

from lantern.demo.partners import GPS, PRIMARY, SECONDARY
from lantern.people.identifiers import make_nhs_number, make_upn

ETHNICITY_WEIGHTS = {
    "WBRI": 24,
    "WOTH": 16,
    "WIRI": 2,
    "WIRT": 0.4,
    "WROM": 1.2,
    "MWBC": 5,
    "MWBA": 2,
    "MWAS": 1.5,
    "MOTH": 3,
    "AIND": 1.5,
    "APKN": 1,
    "ABAN": 2,
    "AOTH": 3,
    "BCRB": 9,
    "BAFR": 12,
    "BOTH": 4,
    "CHNE": 0.6,
    "OOTH": 5,
    "REFU": 1.5,
    "NOBT": 3,
}
_ETHNICITIES = list(ETHNICITY_WEIGHTS)
_ETHNICITY_CUM = []
_total = 0.0
for _code in _ETHNICITIES:
    _total += ETHNICITY_WEIGHTS[_code]
    _ETHNICITY_CUM.append(_total)

# Unaccompanied asylum-seeking children arrive mostly from East Africa, the Middle East
# and Central Asia; their recorded ethnicity follows.
UASC_ETHNICITIES = ["BAFR", "BAFR", "OOTH", "OOTH", "AOTH", "AOTH", "BOTH", "NOBT"]

# Recorded disabilities among children in need: autism and learning disability dominate.
DISABILITY_WEIGHTS = {
    "AUT": 30,
    "LD": 20,
    "COMM": 15,
    "BEH": 12,
    "MOB": 6,
    "DDA": 5,
    "HEAR": 4,
    "VIS": 3,
    "PC": 3,
    "INC": 1,
    "HAND": 1,
    "CON": 1,
}


def ethnicity(rng: random.Random) -> str:
    return rng.choices(_ETHNICITIES, cum_weights=_ETHNICITY_CUM)[0]


WHITE = {"WBRI", "WIRI", "WOTH"}
UNRECORDED = {"REFU", "NOBT"}


def child_ethnicity(rng: random.Random, mother: str, father: str | None) -> str:
    """A child of a White parent and a Black or Asian one is usually recorded as mixed."""
    if father is None or father == mother or father in UNRECORDED or rng.random() < 0.2:
        return mother
    pair = {mother, father}
    if pair & WHITE and not pair <= WHITE:
        other = (pair - WHITE).pop()
        mixed = {"BCRB": "MWBC", "BAFR": "MWBA", "AIND": "MWAS", "APKN": "MWAS", "ABAN": "MWAS"}
        return mixed.get(other) or ("MOTH" if rng.random() < 0.4 else mother)
    return mother if rng.random() < 0.7 else father


def disabilities(rng: random.Random) -> list[str]:
    codes = list(DISABILITY_WEIGHTS)
    weights = list(DISABILITY_WEIGHTS.values())
    picked = {rng.choices(codes, weights)[0] for _ in range(1 if rng.random() < 0.75 else 2)}
    return sorted(picked)


class Numbers:
    """Issues identifiers that are valid and never repeat within one demo borough.

    NHS numbers are drawn from the 999 range that NHS England reserves for test data, so
    a demo number can never be a real patient's.
    """

    def __init__(self, rng: random.Random, establishments: dict[str, str]):
        self.rng = rng
        self.nhs_used: set[str] = set()
        self.establishments = establishments  # school agency code -> 4-digit DfE number
        self.upn_serials: dict[tuple[str, str], int] = {}
        self.police_serial = 0
        self.housing_serial = 0

    def nhs(self) -> str:
        while True:
            number = make_nhs_number(f"999{self.rng.randrange(1_000_000):06d}")
            if number and number not in self.nhs_used:
                self.nhs_used.add(number)
                return number

    def upn(self, school: str, dob: dt.date) -> str | None:
        """LA code 309, the school's DfE number, the year the UPN was issued, a serial.

        Issued in the reception year (the September after the fourth birthday). None once
        a school's serials for a year run out, which only happens at very large scales.
        """
        establishment = self.establishments[school]
        year = f"{(dob.year + 4 + (dob.month >= 9)) % 100:02d}"
        serial = self.upn_serials.get((establishment, year), 0) + 1
        if serial > 999:
            return None
        self.upn_serials[(establishment, year)] = serial
        return make_upn(f"309{establishment}{year}{serial:03d}")

    def police(self, year: int) -> str:
        """A Police National Computer style reference: year, serial and a check letter."""
        self.police_serial += 1
        letter = "ABCDEFGHJKLMNPQRTUVWXYZ"[self.police_serial % 23]
        return f"{year % 100:02d}/{self.police_serial:06d}{letter}"

    def housing(self) -> str:
        self.housing_serial += 1
        return f"HSG{self.housing_serial:07d}"


def enrol(rng: random.Random, families, today: dt.date) -> None:
    """Schools and a GP for each family (siblings share them), disabilities for ~8%, and
    "NONE" recorded for the other children social care has known (CIN census 8790)."""
    for family in families:
        primary, secondary, gp = rng.choice(PRIMARY), rng.choice(SECONDARY), rng.choice(GPS)
        for person in family.children + family.adults:
            person.gp = gp
            if not person.is_child or person.dob is None:
                continue
            age = person.age_on(today)
            person.schools = (primary if age >= 4 else "", secondary if age >= 11 else "")
            if person.role in ("child", "uasc") and rng.random() < 0.08:
                person.disabilities = disabilities(rng)
            if not person.disabilities and person.status not in ("not_open", "contact"):
                person.disabilities = ["NONE"]  # the census asks of every child in need
