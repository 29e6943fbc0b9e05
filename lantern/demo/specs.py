"""The demo borough as plain Python objects, before anything touches the database.

Generation fills these in; ``index`` and ``chronology`` write them in bulk afterwards.
Keeping the shape of the borough out of the ORM makes it cheap to build 40,000 people and
easy to see, in one place, what a family is made of.
"""

import datetime as dt
from dataclasses import dataclass, field

# Roles counted as the index's "children": under-18s, the unborn and care leavers to 25.
CHILD_ROLES = {"child", "unborn", "care_leaver", "uasc"}


@dataclass(eq=False)
class NameSpec:
    kind: str
    first: str
    last: str
    agency: str | None
    recorded_on: dt.date
    middle: str = ""


@dataclass(eq=False)
class PersonSpec:
    role: str
    first: str
    last: str
    sex: str
    dob: dt.date | None
    ethnicity: str
    middle: str = ""
    dob_estimated: bool = False
    expected_dob: dt.date | None = None
    # Unaccompanied asylum-seeking child: from arrival, ceasing at 18 (SSDA903 UASC, DUC).
    uasc_since: dt.date | None = None
    uasc_ceased: dt.date | None = None
    status: str = "not_open"
    police: bool = False  # known to police: arrests, warnings, domestic abuse perpetrator
    names: list[NameSpec] = field(default_factory=list)
    disabilities: list[str] = field(default_factory=list)
    episode_start: dt.date | None = None  # the current or last involvement of CSC
    episode_end: dt.date | None = None
    cp_start: dt.date | None = None
    care_start: dt.date | None = None
    care_end: dt.date | None = None  # a period of care that ended before the day
    care_left: str = ""  # why it ended (SSDA903 REC), for a child who left care under 18
    care_final: str = ""  # the kind of placement at the end of care or today (``placements``)
    schools: tuple[str, str] = ("", "")  # primary, secondary agency codes
    gp: str = ""
    family: "FamilySpec | None" = None
    # Allocation history: (worker, team kind, start, end), oldest first; see ``allocations``.
    spells: list = field(default_factory=list)
    showcase: bool = False
    pk: int | None = None

    @property
    def is_child(self) -> bool:
        return self.role in CHILD_ROLES

    def age_on(self, day: dt.date) -> int | None:
        if self.dob is None:
            return None
        born = self.dob
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@dataclass(eq=False)
class AddressSpec:
    line_1: str
    line_2: str
    postcode: str
    pk: int | None = None


@dataclass(eq=False)
class Stay:
    """One spell of one person in one household (a HouseholdMembership)."""

    person: PersonSpec
    start: dt.date
    end: dt.date | None = None
    pk: int | None = None


@dataclass(eq=False)
class FamilySpec:
    kind: str
    address: AddressSpec
    since: dt.date
    previous_address: AddressSpec | None = None
    previous_since: dt.date | None = None
    stays: list[Stay] = field(default_factory=list)
    children: list[PersonSpec] = field(default_factory=list)
    adults: list[PersonSpec] = field(default_factory=list)
    pk: int | None = None

    @property
    def police(self) -> bool:
        """Whether an adult known to police has ever lived here."""
        return any(s.person.police and not s.person.is_child for s in self.stays)

    def stay_of(self, person: PersonSpec) -> Stay | None:
        return next((s for s in self.stays if s.person is person), None)


@dataclass
class Relation:
    """On ``person``'s record ``relative`` is their ``kind``; the inverse is written too."""

    person: PersonSpec
    relative: PersonSpec
    kind: str
    start: dt.date | None


@dataclass
class Borough:
    people: list[PersonSpec] = field(default_factory=list)
    families: list[FamilySpec] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
