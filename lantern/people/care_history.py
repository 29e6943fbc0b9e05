"""Whether a child was ever looked after: one test, for every rule that depends on the
child's history rather than today's status (the record of a child once in care is kept to
their 75th birthday however their case ends; CPPCR Regulations 2010, reg 50).

Today the evidence is the care status (looked after, care leaver) and the chronology's care
entries (became looked after, placements). When periods of care are recorded (issue 10),
they are read here too, and every caller follows.
"""

from collections.abc import Iterable

from lantern.chronology.models import ChronologyEntry
from lantern.people.models import Person

CARE_STATUSES = (Person.CareStatus.LOOKED_AFTER, Person.CareStatus.CARE_LEAVER)
CARE_ENTRIES = ("looked_after", "placement")


def ever_looked_after_ids(person_ids: Iterable[int] | None = None) -> set[int]:
    """The ids (of ``person_ids``, or of everyone) of people ever looked after."""
    people = Person.objects.filter(care_status__in=CARE_STATUSES)
    entries = ChronologyEntry.objects.filter(kind__in=CARE_ENTRIES)
    if person_ids is not None:
        ids = list(person_ids)
        people, entries = people.filter(pk__in=ids), entries.filter(person_id__in=ids)
    found = set(people.values_list("pk", flat=True))
    return found | set(entries.values_list("person_id", flat=True).distinct())


def ever_looked_after(person: Person) -> bool:
    return person.pk in ever_looked_after_ids([person.pk])
