"""Whether a child was ever looked after: one test, for every rule that depends on the
child's history rather than today's status (the record of a child once in care is kept to
their 75th birthday however their case ends; CPPCR Regulations 2010, reg 50).

The evidence is a period of care (the care app's record), the care status (looked after,
care leaver) and the chronology's care entries (became looked after, placements: older
records and entries from other councils' files). The care app sits above this layer, so its
table is looked up by name.
"""

from collections.abc import Iterable

from django.apps import apps

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
    found |= set(entries.values_list("person_id", flat=True).distinct())
    if apps.is_installed("lantern.care"):
        periods = apps.get_model("care", "PeriodOfCare").objects.all()
        if person_ids is not None:
            periods = periods.filter(person_id__in=ids)
        found |= set(periods.values_list("person_id", flat=True).distinct())
    return found


def ever_looked_after(person: Person) -> bool:
    return person.pk in ever_looked_after_ids([person.pk])
