"""A date-only record says the date, never an invented time, and sorts consistently: a day
read in order opens with what is known of it only by date."""

import datetime as dt
import importlib
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps

from lantern.chronology.actions import record_entry
from lantern.chronology.kinds import BY_CODE, KEY_CODES
from lantern.chronology.models import ChronologyEntry
from lantern.chronology.queries import by_month, chronology_between, chronology_page

LONDON = ZoneInfo("Europe/London")
pytestmark = pytest.mark.django_db


def test_a_date_makes_a_date_only_entry_and_a_time_a_timed_one(make_person):
    child = make_person()
    dated = record_entry(child, kind="conference", summary="ICPC", when=dt.date(2026, 6, 16))
    timed = record_entry(
        child,
        kind="visit",
        summary="Visit",
        when=dt.datetime(2026, 6, 16, 0, 30, tzinfo=LONDON),  # just after midnight in BST
    )
    assert not dated.time_known and timed.time_known
    assert dated.occurred_on == dt.date(2026, 6, 16) == timed.occurred_on
    assert dated.when_iso() == "2026-06-16"


def test_newest_first_the_days_timed_entries_come_above_its_date_only_ones(make_person):
    child = make_person()
    record_entry(
        child, kind="conference", summary="Conference (date only)", when=dt.date(2026, 3, 5)
    )
    for hour, text in [(9, "Morning visit"), (16, "Afternoon call")]:
        at = dt.datetime(2026, 3, 5, hour, tzinfo=LONDON)
        record_entry(child, kind="case_note", summary=text, when=at)
    record_entry(child, kind="visit", summary="Next day", when=dt.date(2026, 3, 6))
    record_entry(
        child,
        kind="visit",
        summary="Late the day before",
        when=dt.datetime(2026, 3, 4, 23, 50, tzinfo=LONDON),
    )

    newest_first = [e.summary for e in chronology_page(child).entries]
    assert newest_first == [
        "Next day",
        "Afternoon call",
        "Morning visit",
        "Conference (date only)",
        "Late the day before",
    ]
    in_order = chronology_between(child, start=dt.date(2026, 3, 5), end=dt.date(2026, 3, 5))
    assert [e.summary for e in in_order] == [
        "Conference (date only)",
        "Morning visit",
        "Afternoon call",
    ]


def test_a_range_holds_date_only_entries_of_its_first_and_last_days_and_no_others(make_person):
    child = make_person()
    for day in (
        dt.date(2026, 6, 30),
        dt.date(2026, 7, 1),
        dt.date(2026, 7, 31),
        dt.date(2026, 8, 1),
    ):
        record_entry(child, kind="visit", summary=day.isoformat(), when=day)
    july = chronology_between(child, start=dt.date(2026, 7, 1), end=dt.date(2026, 7, 31))
    assert [e.summary for e in july] == ["2026-07-01", "2026-07-31"]


def test_entries_are_grouped_by_the_month_of_their_london_day(make_person):
    child = make_person()
    record_entry(child, kind="visit", summary="a", when=dt.date(2026, 4, 1))
    # 23:30 UTC on 31 March is 00:30 on 1 April in London: April.
    record_entry(
        child, kind="visit", summary="b", when=dt.datetime(2026, 3, 31, 23, 30, tzinfo=dt.UTC)
    )
    record_entry(child, kind="visit", summary="c", when=dt.date(2026, 3, 31))
    months = by_month(chronology_page(child).entries)
    assert [(m.first_day, {e.summary for e in m.entries}) for m in months] == [
        (dt.date(2026, 4, 1), {"a", "b"}),
        (dt.date(2026, 3, 1), {"c"}),
    ]


def test_key_events_are_a_property_of_the_kind(make_person):
    assert {"referral", "conference", "plan", "placement"} <= set(KEY_CODES)
    assert not BY_CODE["case_note"].key and not BY_CODE["gp_consultation"].key
    child = make_person()
    record_entry(child, kind="case_note", summary="Note", when=dt.date(2026, 3, 1))
    record_entry(child, kind="referral", summary="Referral", when=dt.date(2026, 3, 2))
    assert [e.summary for e in chronology_page(child, key_only=True).entries] == ["Referral"]


def test_the_migration_marks_only_what_was_surely_written_from_a_date(make_person, council):
    migration = importlib.import_module("lantern.chronology.migrations.0006_entry_time_known")
    child = make_person()

    def old(source_type, at, summary):
        return ChronologyEntry.objects.create(
            person=child, agency=council, kind="visit", summary=summary,
            occurred_at=at, source_type=source_type, source_ref="1",
        )  # fmt: skip

    noon_bst = dt.datetime(2026, 6, 16, 12, tzinfo=LONDON)
    old("casework.Conference", noon_bst, "conference from a date")
    old("care.Placement", dt.datetime(2026, 1, 9, 12, tzinfo=LONDON), "placement from a date")
    old("people.HouseholdMembership", dt.datetime(2026, 2, 1, 9, tzinfo=dt.UTC), "moved in")
    old("frontdoor.Contact", noon_bst, "a contact really made at noon")
    old("", noon_bst, "a partner's entry at noon")
    old("casework.Visit", noon_bst + dt.timedelta(seconds=1), "not exactly noon")
    old("people.HouseholdMembership", dt.datetime(2026, 2, 1, 10, tzinfo=dt.UTC), "not 09:00")

    migration.mark_date_only(apps, None)

    got = {
        e.summary: (e.time_known, e.occurred_on)
        for e in ChronologyEntry.objects.filter(person=child)
    }
    assert got["conference from a date"] == (False, dt.date(2026, 6, 16))
    assert got["placement from a date"] == (False, dt.date(2026, 1, 9))
    assert got["moved in"] == (False, dt.date(2026, 2, 1))
    for summary in (
        "a contact really made at noon",
        "a partner's entry at noon",
        "not exactly noon",
        "not 09:00",
    ):
        assert got[summary][0] is True, summary
    moved = ChronologyEntry.objects.get(summary="conference from a date").occurred_at
    assert moved == dt.datetime(2026, 6, 16, tzinfo=dt.UTC)


def test_someone_moving_in_is_dated_not_timed_on_every_childs_chronology(
    make_person, social_worker, council
):
    from lantern.people import actions
    from lantern.people.models import Address, Household

    child = make_person()
    home = Household.objects.create(address=Address.objects.create(line_1="3 Oak Road"))
    actions.move_into_household(
        child, home, acting_user=social_worker, start=dt.date(2020, 1, 1), agency=council
    )
    actions.move_into_household(
        make_person("Steve", "Doyle", dt.date(1985, 4, 4)),
        home,
        acting_user=social_worker,
        start=dt.date(2026, 7, 1),
        agency=council,
    )
    entry = ChronologyEntry.objects.get(person=child, kind="household_change")
    assert (entry.occurred_on, entry.time_known) == (dt.date(2026, 7, 1), False)
