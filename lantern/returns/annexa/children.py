"""What every Annex A list says about the child, and who the child is allocated to.

Every list opens with the same five columns (Child Unique ID, Gender, Ethnicity, Date of
Birth, Age of Child (Years)) in the answers Ofsted's template offers ("a) Male", "a) WBRI").
The Child Unique ID is the council's own id (``Person.council_id``), as in the DfE returns,
so an inspector can follow a child from list to list. Read in bulk: one query for the people
of a list, one for their disabilities, one for their allocations.
"""

import datetime as dt

from django.db.models import QuerySet

from lantern.people.models import Disability, Person
from lantern.returns.annexa.sheet import Period
from lantern.workforce.models import Allocation

CHILD_HEADERS = ("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)")
DISABILITY_HEADER = "Does the Child have a Disability"
ALLOCATED_HEADERS = ("Allocated Team", "Allocated Worker")

# Ofsted's Gender answers. Lantern records sex as the DfE returns do (M, F, U); "d) Neither"
# is for a child recorded as neither, which the DfE's sex list has no code for.
GENDER = {"M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded"}

# Ofsted's Ethnicity answers: the DfE codes lettered in the DfE's order.
ETHNICITY = {
    code: f"{letter}) {code}"
    for letter, code in zip(
        "abcdefghijklmnopqrst",
        ("WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN",
         "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"),
        strict=True,
    )
}  # fmt: skip

YES, NO, UNKNOWN = "a) Yes", "b) No", "c) Unknown"


def yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return YES if value else NO


def age_on(born: dt.date | None, day: dt.date) -> int | None:
    """Whole years on ``day``; none for an unborn child or one born after it."""
    if born is None or born > day:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class Children:
    """The people a list names, read once: their common columns, disability and allocation.

    Ages are given at the period's end, the day the lists describe.
    """

    def __init__(self, person_ids: QuerySet, period: Period):
        """``person_ids``: a query of the list's people (``values("person_id")``), read as
        a subquery so a national list is still three queries."""
        self.period = period
        people = Person.objects.filter(pk__in=person_ids)
        self.people = {
            row["pk"]: row
            for row in people.values(
                "pk", "council_id", "sex", "ethnicity", "date_of_birth", "uasc_since"
            )
        }
        self.disabled: dict[int, bool] = {}
        rows = Disability.objects.filter(person__in=people).values_list("person_id", "code")
        for person_id, code in rows:
            self.disabled[person_id] = self.disabled.get(person_id, False) or code != "NONE"
        self._allocations: dict[int, tuple] = {}
        rows = (
            Allocation.objects.filter(child__in=people, start__lte=period.end)
            .exclude(end__lt=period.start)  # an allocation that ended before is not news
            .order_by("child_id", "start", "pk")
            .values_list(
                "child_id", "team__name", "worker__first_name", "worker__last_name",
                "worker__username",
            )
        )  # fmt: skip
        for child_id, *allocation in rows:
            self._allocations[child_id] = tuple(allocation)  # the latest wins

    def columns(self, person_id: int) -> list:
        person = self.people[person_id]
        born = person["date_of_birth"]
        return [
            person["council_id"],
            GENDER.get(person["sex"], GENDER["U"]),
            ETHNICITY.get(person["ethnicity"], ETHNICITY["NOBT"]),
            born,
            age_on(born, self.period.end),
        ]

    def disability(self, person_id: int) -> str:
        """ "a) Yes" with a disability recorded, "b) No" when "no disability" is, "c) Unknown"
        when nothing is."""
        if person_id not in self.disabled:
            return UNKNOWN
        return YES if self.disabled[person_id] else NO

    def allocated(self, person_id: int, fallback_team: str = "") -> list[str]:
        """The team and worker the child was allocated to at the period's end or, for a
        child whose allocation ended in the period, last allocated to. None before it."""
        allocation = self._allocations.get(person_id)
        if allocation is None:
            return [fallback_team, ""]
        team, first, last, username = allocation
        return [team, " ".join(p for p in (first, last) if p) or username]
