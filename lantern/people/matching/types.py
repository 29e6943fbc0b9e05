"""The shapes that cross the matching interface."""

import datetime as dt
from dataclasses import dataclass, field


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


@dataclass
class FieldComparison:
    field: str  # "name", "date_of_birth", "sex", "postcode", "nhs_number"
    outcome: str  # "agrees", "close", "differs", "missing"
    detail: str  # words for the officer: "surname matches an alias used by the police"
    weight: float = 0.0  # the evidence it added (log-odds or similar), for ordering


@dataclass
class Candidate:
    person_id: int
    score: float
    comparisons: list[FieldComparison] = field(default_factory=list)

    @property
    def explanation(self) -> str:
        return "; ".join(c.detail for c in self.comparisons)
