"""Reads from the person index. Records are handed out only by ``access_person``."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q

from lantern.access import policy
from lantern.access.refusals import NOT_ALLOWED, ReasonRequired, Refused
from lantern.access.roles import VIEW_RECORD
from lantern.history.presenting import Shown
from lantern.ids import parse_id
from lantern.people.models import (
    Disability,
    HouseholdMembership,
    Identifier,
    Person,
    PersonAddress,
    PersonName,
    Relationship,
    age_on,
)
from lantern.prepared import prepared
from lantern.workforce.models import Allocation


@prepared
def _person(person_id):
    return Person.objects.filter(pk=person_id)


def access_person(user, person_id, *, for_write: bool = False) -> Person:
    """The person, if ``user`` may see (or change) their record, by ``access.policy``.

    The same 404 for absent and forbidden, so the URL space says nothing; ``ReasonRequired``
    when the record exists and the user may open it only by stating a reason. A refusal
    carries the person it was about, for the audit row the access gate writes
    (``access.refusals``).
    """
    found = parse_id(person_id)
    person = next(iter(_person(found)), None) if found else None
    if person is None:
        raise Refused("No such person")
    if not user.is_authenticated or not user.has_perm(VIEW_RECORD):
        raise Refused("No such person", why=NOT_ALLOWED, person=person)
    decision = policy.decide(user, person, for_write=for_write)
    if decision.allowed:
        # Why this user may see it, recorded as the purpose of the look in the audit log.
        person.access_basis = decision.basis
        person.access_decision = (user.pk, decision)  # for ``policy.may_write`` on the page
        return person
    if decision.needs_reason:
        raise ReasonRequired(person)
    raise Refused("No such person", why=NOT_ALLOWED, person=person)


# The record page's details, each read with SQL written once (``lantern.prepared``).
@prepared
def names_of(person_id):
    return PersonName.objects.filter(person_id=person_id).select_related("agency")


@prepared
def identifiers_of(person_id):
    return Identifier.objects.filter(person_id=person_id).select_related("agency")


@prepared
def disabilities_of(person_id):
    return Disability.objects.filter(person_id=person_id)


RESTRICTED_NAME = "A restricted record"
# What a list of housemates or relatives shows of each: a name and an age, no more.
NAMED_WITH_AGE = ("first_name", "last_name", "date_of_birth")


@dataclass
class HouseholdMember:
    person: Person
    since: dt.date
    until: dt.date | None
    relationship: str
    restricted: bool = False  # the viewer may not open this person's restricted record

    @property
    def name(self) -> str:
        return RESTRICTED_NAME if self.restricted else self.person.full_name


def household_of(
    person: Person, day: dt.date, *, viewer
) -> tuple[list[HouseholdMember], list[HouseholdMember]]:
    """Who lives with ``person`` on ``day``, and who has lived with them before.

    Three queries whatever the size of the household: their relationships (for the
    labels), every membership of the households they were in, and which of them
    are restricted from ``viewer`` (``policy.closed_restricted``: their names are not shown).
    """
    labels = dict(Relationship.objects.filter(person=person).values_list("relative_id", "kind"))
    current, previous = _household_members(person, day, labels)
    _mark_restricted(viewer, current + previous, [])
    return current, previous


@prepared
def _relatives_named(person_id):
    return (
        Relationship.objects.filter(person_id=person_id)
        .select_related("relative")
        .only("person", "relative", "kind", *(f"relative__{f}" for f in NAMED_WITH_AGE))
        .order_by("kind", "relative__date_of_birth")
    )


@prepared
def _memberships_around(person_id):
    """Every membership of every household the person was ever in, theirs included."""
    return (
        HouseholdMembership.objects.filter(
            household_id__in=HouseholdMembership.objects.filter(person_id=person_id).values(
                "household_id"
            )
        )
        .select_related("person")
        .only("household", "person", "start", "end", *(f"person__{f}" for f in NAMED_WITH_AGE))
        .order_by("start", "id")
    )


def household_and_relationships(
    person: Person, day: dt.date, *, viewer
) -> tuple[list[HouseholdMember], list[HouseholdMember], list[Relationship]]:
    """``household_of`` and ``relationships_of`` together, as the record page shows them:
    the relationships read once (they label the household too) and one restriction check
    for everyone named."""
    relationships = _relatives_named(person.pk)
    labels = {r.relative_id: r.kind for r in relationships}
    current, previous = _household_members(person, day, labels)
    _mark_restricted(viewer, current + previous, relationships)
    return current, previous, relationships


def _household_members(
    person: Person, day: dt.date, labels: dict[int, str]
) -> tuple[list[HouseholdMember], list[HouseholdMember]]:
    rows = _memberships_around(person.pk)  # one statement, split here
    mine = [m for m in rows if m.person_id == person.pk]
    if not mine:
        return [], []
    kind_label = dict(Relationship.Kind.choices)
    current, previous = [], []
    others = [m for m in rows if m.person_id != person.pk]
    for other in others:
        overlaps = [
            m
            for m in mine
            if (other.end is None or other.end >= m.start)
            and (m.end is None or m.end >= other.start)
            and m.household_id == other.household_id
        ]
        if not overlaps:
            continue
        member = HouseholdMember(
            other.person, other.start, other.end, kind_label.get(labels.get(other.person_id), "")
        )
        now = other.current_on(day) and any(m.current_on(day) for m in overlaps)
        (current if now else previous).append(member)
    return current, previous


def _mark_restricted(viewer, members: list[HouseholdMember], relationships: list) -> None:
    """Marks whom ``viewer`` may not see named, in one query for the whole page."""
    ids = [m.person.pk for m in members] + [r.relative_id for r in relationships]
    closed = policy.closed_restricted(viewer, ids) if ids else set()
    for member in members:
        member.restricted = member.person.pk in closed
    for relationship in relationships:
        relationship.relative_restricted = relationship.relative_id in closed


def relationships_of(person: Person, *, viewer) -> list[Relationship]:
    """The person's relatives; a relative on a restricted record ``viewer`` may not open is
    marked ``relative_restricted`` and shown without a name."""
    relationships = list(
        Relationship.objects.filter(person=person)
        .select_related("relative")
        .order_by("kind", "relative__date_of_birth")
    )
    _mark_restricted(viewer, [], relationships)
    return relationships


def current_address(person: Person, day: dt.date) -> PersonAddress | None:
    return next(iter(_address_on(person.pk, day)), None)


@prepared
def _address_on(person_id, day):
    return (
        PersonAddress.objects.filter(person_id=person_id, start__lte=day)
        .filter(Q(end__isnull=True) | Q(end__gte=day))
        .select_related("address")[:1]  # the latest start first (Meta.ordering)
    )


def allocated_worker(person: Person) -> Allocation | None:
    return policy.current_allocation(person)  # already read by the access policy, mostly


@dataclass
class SearchSummary:
    """What tells two similar people apart in a list of search results. For a restricted
    record the searcher may not open, only that it matches (``restricted``): no name,
    council ID, status, address, household or agencies."""

    address: str = ""
    household: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    restricted: bool = False


def search_summaries(user, people: list[Person], day: dt.date) -> dict[int, SearchSummary]:
    """Address, household and agencies for a page of results, in a fixed number of queries.

    The access policy applies to every line: a restricted record ``user`` may not open is
    summarised as restricted and nothing else, and a restricted housemate is not named.
    """
    closed = policy.closed_restricted(user, [p.pk for p in people])
    out = {p.pk: SearchSummary(restricted=True) for p in people if p.pk in closed}
    ids = frozenset(p.pk for p in people if p.pk not in closed)
    out.update({pid: SearchSummary() for pid in ids})
    for row in _addresses_on(ids, day):
        out[row.person_id].address = str(row.address)
    homes = dict(_homes_on(ids, day))
    by_household: dict[int, list[tuple]] = {}
    for household_id, *housemate in _housemates_on(frozenset(homes.values()), day):
        by_household.setdefault(household_id, []).append(housemate)
    hidden = policy.closed_restricted(
        user, {row[0] for members in by_household.values() for row in members}
    )
    for pid, hid in homes.items():
        out[pid].household = [
            RESTRICTED_NAME.lower() if mate_id in hidden else _named_with_age(*named, day)
            for mate_id, *named in by_household.get(hid, [])
            if mate_id != pid
        ]
    known = set(_agencies_recording(ids)) | set(_agencies_naming(ids))
    for pid, agency in sorted(known):
        out[pid].agencies.append(agency)
    return out


def people_by_id(ids) -> dict[int, Person]:
    """Whole records of a list's people (search's results, a contact's candidates), by id:
    the caller has applied the access policy to the list."""
    return {p.pk: p for p in _people_among(frozenset(ids))}


@prepared
def _people_among(ids):
    return Person.objects.filter(id__any=ids)


def _current(day) -> Q:
    return Q(start__lte=day) & (Q(end__isnull=True) | Q(end__gte=day))


@prepared
def _addresses_on(ids, day):
    return PersonAddress.objects.filter(_current(day), person_id__any=ids).select_related("address")


@prepared
def _homes_on(ids, day):
    return HouseholdMembership.objects.filter(_current(day), person_id__any=ids).values_list(
        "person_id", "household_id"
    )


def _named_with_age(first_name: str, last_name: str, born: dt.date | None, day) -> str:
    """``Person.full_name`` and its age on ``day``, from a row."""
    age = age_on(born, day)
    return f"{PersonName.spelled(first_name, '', last_name)} ({age if age is not None else '?'})"


@prepared
def _housemates_on(households, day):
    """Rows, not records: a page of results names a hundred housemates or more, and a
    person and a membership built for each was half of search's time at demo scale 10."""
    return HouseholdMembership.objects.filter(
        _current(day), household_id__any=households
    ).values_list("household_id", "person_id", *(f"person__{f}" for f in NAMED_WITH_AGE))


@prepared
def _agencies_recording(ids):
    from lantern.chronology.models import ChronologyEntry

    return (
        ChronologyEntry.objects.filter(person_id__any=ids)
        .values_list("person_id", "agency__name")
        .distinct()
        .order_by()
    )


@prepared
def _agencies_naming(ids):
    return (
        PersonName.objects.filter(person_id__any=ids, agency__isnull=False)
        .values_list("person_id", "agency__name")
        .distinct()
        .order_by()
    )


def shown_detail(person: Person, name: str) -> Shown:
    """One of the person's own details as the record page shows it, for the history of
    changes (a code as its label, a date in words)."""
    field = person._meta.get_field(name)
    value = getattr(person, name)
    if field.choices:
        return Shown(getattr(person, f"get_{name}_display")() or "—")
    if isinstance(value, bool):
        return Shown("Yes" if value else "No")
    if isinstance(value, dt.date):
        return Shown(f"{value.day} {value:%B %Y}")
    return Shown("—" if value in (None, "") else str(value))
