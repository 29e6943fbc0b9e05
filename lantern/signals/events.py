"""The chronology read as the signal rules' events: one table, so that what a partner's
entry means to the rules is decided in one place.

An entry's kind says what it is (an A&E attendance, a police domestic abuse notification);
where the kind alone does not (a "plan" entry starts or ends a plan, a "household_change"
may be an adult moving in) the writer says so in ``ChronologyEntry.signal_event``.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
from django.conf import settings

from lantern.chronology.models import ChronologyEntry
from lantern.people.models import Person
from lantern.signals import engine
from lantern.signals import rules as R

BY_ENTRY_KIND = {
    "injury": R.INJURY,
    "ae_attendance": R.AE_ATTENDANCE,
    "police_domestic_abuse": R.DOMESTIC_ABUSE,
    "not_brought": R.NOT_BROUGHT,
    "missing": R.MISSING,
    # A worry an agency raised with children's social care or wrote down for it.
    "contact": R.CONCERN,
    "police_incident": R.CONCERN,
    "school_concern": R.CONCERN,
    "school_attendance_concern": R.CONCERN,
    "referral": R.REFERRAL,
}
# Kinds whose entries name their event in ``signal_event``.
SAID_BY_WRITER = ("plan", "household_change")
KINDS_READ = (*BY_ENTRY_KIND, *SAID_BY_WRITER)


def event_of(kind: str, signal_event: str) -> str | None:
    if kind in SAID_BY_WRITER:
        return signal_event or None
    return BY_ENTRY_KIND.get(kind)


class Stream:
    """Some people's events, ready for the engine, with the entry behind each row."""

    def __init__(self, people: list[int]):
        self.people = people
        index = {pk: i for i, pk in enumerate(people)}
        zone = ZoneInfo(settings.TIME_ZONE)
        rows = (
            ChronologyEntry.objects.filter(person_id__in=people, kind__in=KINDS_READ)
            .order_by("person_id", "occurred_at", "id")
            .values_list("id", "person_id", "occurred_at", "kind", "signal_event", "agency_id")
        )
        self.entries: list[int] = []
        self.days: list[dt.date] = []
        found = []
        for pk, person_id, occurred_at, kind, said, agency_id in rows:
            event = event_of(kind, said)
            if event is None:
                continue
            day = occurred_at.astimezone(zone).date()
            self.entries.append(pk)
            self.days.append(day)
            found.append((index[person_id], day, event, str(agency_id)))
        self.events = engine.Events.of(found)
        # Dates of birth: only the age rules and headlines read them, only for events.
        self.born_on = (
            dict(Person.objects.filter(pk__in=people).values_list("pk", "date_of_birth"))
            if found
            else {}
        )
        self.born = np.array(
            [
                self.born_on[pk].toordinal() if self.born_on.get(pk) else engine.UNKNOWN_BIRTH
                for pk in people
            ],
            dtype=np.int64,
        )

    def evaluate(self, thresholds, rules) -> list[engine.Firing]:
        return engine.evaluate(self.events, self.born, thresholds, rules=rules, first_only=False)
