"""The demo borough's agencies, and the partner staff whose names appear on their records.

Hospitals, schools and GP surgeries are invented or generic; the two NHS trusts named are
the kind a north London borough works with. Partner staff are not Lantern users, so their
names are text on the chronology entry (see ``ChronologyEntry.author``).
"""

import random
from dataclasses import dataclass

from faker import Faker

from lantern.agencies.models import Agency

K = Agency.Kind

AGENCIES = [
    ("csc", "Children's social care", K.COUNCIL),
    ("police", "Metropolitan Police", K.POLICE),
    ("nmuh", "North Middlesex University Hospital A&E", K.HEALTH),
    ("whittington", "Whittington Health", K.HEALTH),
    ("health-visiting", "Health visiting service", K.HEALTH),
    ("gp-elm-tree", "Elm Tree Surgery", K.HEALTH),
    ("gp-riverside", "Riverside Medical Centre", K.HEALTH),
    ("housing", "Council housing services", K.HOUSING),
    ("probation", "Probation Service (north London)", K.PROBATION),
]
# Where each health agency works, so its contacts get the DfE source 3A–3F.
HEALTH_SETTINGS = {
    "nmuh": Agency.HealthSetting.EMERGENCY,
    "whittington": Agency.HealthSetting.OTHER,
    "health-visiting": Agency.HealthSetting.HEALTH_VISITOR,
    "gp-elm-tree": Agency.HealthSetting.GP,
    "gp-riverside": Agency.HealthSetting.GP,
}
# Code, name, DfE establishment number (primaries 2xxx, secondaries 4xxx).
PRIMARY_SCHOOLS = [
    ("school-broadwater", "Broadwater Primary School", "2031"),
    ("school-oakfield", "Oakfield Primary School", "2047"),
    ("school-willow-park", "Willow Park Primary School", "2058"),
    ("school-chestnut-grove", "Chestnut Grove Primary School", "2064"),
    ("school-hillside", "Hillside Primary School", "2072"),
    ("school-riverside", "Riverside Infant and Nursery School", "2089"),
]
SECONDARY_SCHOOLS = [
    ("school-northgate", "Northgate Academy", "4012"),
    ("school-elmwood", "Elmwood High School", "4025"),
    ("school-lantern-hill", "Lantern Hill School", "4033"),
    ("school-greenway", "Greenway Secondary School", "4046"),
]
PRIMARY = [code for code, _, _ in PRIMARY_SCHOOLS]
SECONDARY = [code for code, _, _ in SECONDARY_SCHOOLS]
GPS = ["gp-elm-tree", "gp-riverside"]
ESTABLISHMENTS = {code: number for code, _, number in PRIMARY_SCHOOLS + SECONDARY_SCHOOLS}

# Shown after the author's name so a reader knows who wrote a partner's entry.
JOB_TITLES = {
    "police": "PC",
    "nmuh": "Dr",
    "whittington": "Dr",
    "health-visiting": "Health visitor",
    "gp": "Dr",
    "housing": "Housing officer",
    "probation": "Probation officer",
    "school": "Designated safeguarding lead",
}
AUTHORS_PER_AGENCY = 40


def create_agencies() -> dict[str, Agency]:
    """Create (or reuse, by code) every agency; returns them by code."""
    rows = AGENCIES + [(c, n, K.EDUCATION) for c, n, _ in PRIMARY_SCHOOLS + SECONDARY_SCHOOLS]
    out = {}
    for code, name, kind in rows:
        out[code], _ = Agency.objects.update_or_create(
            code=code,
            defaults={"name": name, "kind": kind, "health_setting": HEALTH_SETTINGS.get(code, "")},
        )
    return out


@dataclass
class Authors:
    """Pools of invented partner staff, one pool per agency family."""

    pools: dict[str, list[str]]

    def pick(self, rng: random.Random, agency_code: str) -> str:
        family = agency_code.split("-")[0]
        return rng.choice(self.pools.get(agency_code) or self.pools[family])


def partner_authors(fake: Faker, rng: random.Random) -> Authors:
    pools: dict[str, list[str]] = {}
    for family, title in JOB_TITLES.items():
        pool = []
        for _ in range(AUTHORS_PER_AGENCY):
            first, last = fake.first_name(), fake.last_name()
            if title == "PC":
                pool.append(f"PC {first[0]} {last} {rng.randint(100, 9999)}")
            elif title == "Dr":
                pool.append(f"Dr {first[0]} {last}")
            else:
                pool.append(f"{first} {last}, {title}")
        pools[family] = pool
    return Authors(pools)
