"""The shapes that cross the matching interface."""

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from lantern.people import names


@dataclass
class IncomingPerson:
    """A person as a partner agency knows them. Any field may be missing."""

    first_name: str = ""
    last_name: str = ""
    other_names: list[str] = field(default_factory=list)
    date_of_birth: dt.date | None = None
    sex: str = ""
    postcode: str = ""
    nhs_number: str = ""
    date_of_birth_estimated: bool = False  # e.g. an age assessment: compared within a year


@dataclass
class FieldComparison:
    # "first_name", "last_name", "name_order", "date_of_birth", "sex", "postcode",
    # "nhs_number", "household" (the twins-and-siblings correction)
    field: str
    outcome: str  # "agrees", "close", "differs", "missing"
    detail: str  # words for the officer: "surname matches an alias used by Metropolitan Police"
    weight: float = 0.0  # the evidence it added: log2 of the likelihood ratio


@dataclass
class Candidate:
    person_id: int
    score: float  # probability that this is the incoming person's record
    comparisons: list[FieldComparison] = field(default_factory=list)

    @property
    def explanation(self) -> str:
        return "; ".join(c.detail for c in self.comparisons)


def fingerprint(incoming: IncomingPerson) -> str:
    """What identifies an incoming record for "not the same person" decisions: its first
    and last name tokens (in any order) and date of birth, normalised and hashed.

    The NHS number and other names are left out on purpose: the next contact about the same
    child often carries one and not the other, and must still meet the officer's decision.
    (An NHS number that agrees with the ruled-out person is an exact match, found first.)
    """
    tokens = sorted(names.tokens(incoming.first_name, incoming.last_name))
    born = incoming.date_of_birth.isoformat() if incoming.date_of_birth else ""
    text = "|".join([" ".join(tokens), born])
    return hashlib.sha256(text.encode()).hexdigest()
