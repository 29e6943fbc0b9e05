"""The Header table: one row per child in the return.

Who: every child looked after in the year, and every care leaver in OC3 or child in the
adoption tables (the validator's INT01-INT09 want each of those in the Header too).
MOTHER is asked of girls looked after in the year (rules 165, 393): 1 when the record shows
a child of hers born by the end of the year or the day she left care (rule 625), with the
first child's date of birth (MC_DOB, rules 611, 612); blank for boys (174) and for care
leavers who were not looked after in the year (165, 1012).
SEX is 1/2 up to 2023/24 and M/F/U from 2024/25 (``care.queries.uasc.OLD_SEX``).
"""

import datetime as dt

from lantern.care.queries.uasc import OLD_SEX
from lantern.people.models import Identifier, Person, Relationship
from lantern.returns.ssda903.scope import episodes_in
from lantern.returns.years import CollectionYear

UPN_UNKNOWN = ("UN1", "UN2", "UN3", "UN4", "UN5")  # the 903's codes (rule 104)


def sex_of(person: Person, year: CollectionYear) -> str:
    return OLD_SEX.get(person.sex, "") if year.year <= 2024 else person.sex


def _upns(ids) -> dict[int, str]:
    found = Identifier.objects.filter(person_id__in=ids, scheme=Identifier.Scheme.UPN)
    return dict(found.order_by("pk").values_list("person_id", "value"))


def _first_children(ids) -> dict[int, list[dt.date]]:
    """Each person's children's dates of birth, oldest first."""
    found: dict[int, list[dt.date]] = {}
    rows = Relationship.objects.filter(
        person_id__in=ids, kind=Relationship.Kind.CHILD, relative__date_of_birth__isnull=False
    ).values_list("person_id", "relative__date_of_birth")
    for pid, born in rows:
        found.setdefault(pid, []).append(born)
    return {pid: sorted(days) for pid, days in found.items()}


def _left_care(year: CollectionYear) -> dict[int, dt.date]:
    """The day each child left care in the year, where the last period ended in it."""
    last: dict[int, dt.date | None] = {}
    for pid, end in episodes_in(year).order_by("start_date").values_list("person_id", "end_date"):
        last[pid] = end
    return {pid: end for pid, end in last.items() if end is not None and end <= year.end}


def header_rows(year: CollectionYear, children: set[int], looked_after: set[int]) -> list[dict]:
    people = list(Person.objects.filter(pk__in=children).order_by("council_id"))
    upns = _upns(children)
    born = _first_children(looked_after)
    left = _left_care(year)
    rows = []
    for person in people:
        mother = mc_dob = None
        if person.pk in looked_after and person.sex == "F":
            by = left.get(person.pk, year.end)
            first = next((d for d in born.get(person.pk, ()) if d <= by), None)
            mother, mc_dob = ("1", first) if first else ("0", None)
        upn = upns.get(person.pk) or (
            person.upn_unknown if person.upn_unknown in UPN_UNKNOWN else ""
        )
        rows.append(
            {
                "CHILD": person.council_id,
                "SEX": sex_of(person, year),
                "DOB": person.date_of_birth,
                "ETHNIC": person.ethnicity,
                "UPN": upn,
                "MOTHER": mother,
                "MC_DOB": mc_dob,
            }
        )
    return rows
