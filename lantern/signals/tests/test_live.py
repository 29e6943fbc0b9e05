"""The live path on the same edge cases as the engine and the batch scan: each event
recorded in the chronology as Lantern's own writers record it, the signal raised inside the
same transaction, with the entries that formed it."""

import datetime as dt

import pytest

from lantern.agencies.models import Agency
from lantern.chronology.actions import record_entry
from lantern.chronology.models import ChronologyEntry
from lantern.signals import engine
from lantern.signals.models import Signal
from lantern.signals.tests.cases import CASES

pytestmark = pytest.mark.django_db

# How each batch event kind is written in Lantern: (chronology kind, signal_event).
WRITTEN_AS = {
    "injury": ("injury", ""),
    "ae_attendance": ("ae_attendance", ""),
    "domestic_abuse": ("police_domestic_abuse", ""),
    "not_brought": ("not_brought", ""),
    "missing": ("missing", ""),
    "concern": ("contact", ""),
    "referral": ("referral", ""),
    "plan_started": ("plan", "plan_started"),
    "plan_ended": ("plan", "plan_ended"),
    "adult_joined": ("household_change", "adult_joined"),
}


def agency_named(name: str) -> Agency:
    key = engine.agency_key(name)
    agency, _ = Agency.objects.get_or_create(
        code=key[:20] or "unknown", defaults={"name": name, "kind": Agency.Kind.HEALTH}
    )
    return agency


def record(person, event_kind: str, day: dt.date, agency_name: str) -> ChronologyEntry:
    kind, said = WRITTEN_AS[event_kind]
    return record_entry(
        person,
        kind=kind,
        when=day,
        summary=f"{event_kind} reported",
        agency=agency_named(agency_name),
        signal_event=said,
    )


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_rule_at_its_edges_live(case, make_person):
    child = make_person(born=case.born)
    ids = {}
    for event_id, day, agency, kind in case.events:
        ids[record(child, kind, day, agency).pk] = event_id
    raised = {
        s.rule: (
            s.fired_on,
            [
                ids[pk]
                for pk in s.evidence.order_by("occurred_at", "id").values_list("pk", flat=True)
            ],
        )
        for s in Signal.objects.filter(person=child, status=Signal.Status.LIVE)
    }
    order = {event_id: (day, i) for i, (event_id, day, *_) in enumerate(case.events)}
    expected = {
        rule: (day, sorted(events, key=order.__getitem__))
        for rule, (day, events) in case.fires.items()
    }
    assert raised == expected


def test_recorded_in_any_order_the_signal_fires_on_the_first_day_it_holds(make_person):
    child = make_person(born=dt.date(2015, 1, 1))
    days = [dt.date(2026, 3, 1), dt.date(2026, 1, 1), dt.date(2026, 2, 1), dt.date(2025, 12, 1)]
    for day in days:
        record(child, "domestic_abuse", day, "Police")
    signal = Signal.objects.get(person=child)
    assert signal.fired_on == dt.date(2026, 2, 1)
    assert signal.headline.startswith("3 domestic abuse incidents in 2 months")
    assert signal.evidence.count() == 3


def test_the_signal_entry_invents_no_time_for_a_pattern_of_dated_entries(make_person):
    child = make_person(born=dt.date(2015, 1, 1))
    for day in (dt.date(2026, 1, 5), dt.date(2026, 2, 5), dt.date(2026, 3, 5)):
        record(child, "domestic_abuse", day, "Police")
    entry = ChronologyEntry.objects.get(person=child, kind="signal")
    assert not entry.time_known
    assert entry.occurred_at.date() == dt.date(2026, 3, 5)
