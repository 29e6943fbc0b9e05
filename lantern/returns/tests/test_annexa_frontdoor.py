"""Annex A lists 1 to 3 at the period's edges: a contact on its last evening is in, one a
minute after midnight is out; every child in a contact has a row; referrals carry source,
NFA and the count of earlier referrals."""

import datetime as dt

import time_machine

from lantern.frontdoor import actions
from lantern.frontdoor.clock import LONDON
from lantern.frontdoor.tests.fixtures import make_contact, mash_officer, school
from lantern.returns.tests.annexa_fixtures import assessment_team, ids, sheet_rows, workbook

__all__ = ["assessment_team", "make_contact", "mash_officer", "school"]


def at(*parts) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=LONDON)


def test_contacts_received_on_the_periods_days_are_listed_and_no_others(
    make_contact, police, make_person, mash_officer
):
    amy = make_person("Amy", "Carter", dt.date(2016, 5, 4), sex="F", ethnicity="BAFR")
    first = make_contact(police, received_at=at(2026, 5, 1, 0, 0))
    actions.confirm_match(first.subjects.get(), amy, acting_user=mash_officer)
    make_contact(police, received_at=at(2026, 4, 30, 23, 59))  # the day before: out
    last = make_contact(police, received_at=at(2026, 10, 31, 23, 30))  # GMT again: still in
    make_contact(police, received_at=at(2026, 11, 1, 0, 1))  # the day after: out

    headers, rows = sheet_rows(1)

    assert headers == [
        "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
        "Date of Contact", "Contact Source",
    ]  # fmt: skip
    assert [r["Date of Contact"].date() for r in rows] == [
        dt.date(2026, 5, 1),
        dt.date(2026, 10, 31),
    ]
    matched, unmatched = rows
    assert matched == {
        "Child Unique ID": amy.council_id, "Gender": "b) Female", "Ethnicity": "o) BAFR",
        "Date of Birth": dt.datetime(2016, 5, 4), "Age of Child (Years)": 10,
        "Date of Contact": dt.datetime(2026, 5, 1), "Contact Source": "q) 6: Police",
    }  # fmt: skip
    # Not yet matched to the index: listed under the contact, with what the referrer said.
    assert unmatched["Child Unique ID"] == f"{last.reference}/{last.subjects.get().pk}"
    assert (unmatched["Gender"], unmatched["Ethnicity"]) == ("c) Not stated/recorded", "t) NOBT")


def test_each_child_in_a_contact_has_a_row(make_contact, school):
    make_contact(
        school,
        actions.SubjectDetails("Amy", "Smith", date_of_birth=dt.date(2016, 5, 4)),
        actions.SubjectDetails("Ben", "Smith", date_of_birth=dt.date(2019, 2, 1)),
        actions.SubjectDetails("Carol", "Smith", role="parent_carer"),
        received_at=at(2026, 6, 3, 9, 0),
    )
    rows = sheet_rows(1)[1]
    assert [r["Age of Child (Years)"] for r in rows] == [10, 7]  # the parent is not listed
    assert {r["Contact Source"] for r in rows} == {"e) 2A: Schools"}


def test_early_help_lists_the_front_doors_decisions_and_says_that_is_all_it_is(
    make_contact, police, mash_officer
):
    contact = make_contact(police, received_at=at(2026, 6, 1, 9, 0))
    actions.add_as_new_person(contact.subjects.get(), acting_user=mash_officer)
    with time_machine.travel(at(2026, 6, 2, 10, 0)):
        actions.record_decision(
            contact, acting_user=mash_officer, outcome="early_help", reasons="Family support"
        )
    ws = workbook()["List 2"]
    assert "Lantern records no early help assessments" in ws["A2"].value
    rows = sheet_rows(2)[1]
    assert [(r["Assessment start date"].date(), r["Organisation completing assessment"])
            for r in rows] == [(dt.date(2026, 6, 2), "Early help (Families First)")]  # fmt: skip


def _refer(make_contact, police, mash_officer, child, received, decided):
    contact = make_contact(police, received_at=received)
    actions.confirm_match(contact.subjects.get(), child, acting_user=mash_officer)
    with time_machine.travel(decided):
        actions.record_decision(
            contact,
            acting_user=mash_officer,
            outcome="assessment",
            reasons="Needs assessment",
            primary_need="N4",
        )


def test_referrals_in_the_period_with_source_and_earlier_referrals_counted(
    make_contact, police, make_person, mash_officer, assessment_team
):
    amy = make_person("Amy", "Carter", dt.date(2016, 5, 4))
    _refer(make_contact, police, mash_officer, amy, at(2026, 3, 2, 9), at(2026, 3, 2, 15))
    _refer(make_contact, police, mash_officer, amy, at(2026, 10, 31, 9), at(2026, 11, 2, 9))

    headers, rows = sheet_rows(3)

    assert headers[5:] == [
        "Date of referral", "Referral Source", "Referral NFA?",
        "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker",
    ]  # fmt: skip
    # The March referral is before the period; the one received on its last day is in.
    assert len(rows) == 1
    row = rows[0]
    assert (row["Date of referral"].date(), row["Referral Source"]) == (
        dt.date(2026, 10, 31), "q) 6: Police",
    )  # fmt: skip
    assert row["Referral NFA?"] == "b) No"  # the episode is still open
    assert row["Number of Referrals in Last 12 Months"] == 1
    assert row["Allocated Team"] == assessment_team.name  # not yet allocated to a worker
    assert ids(3, end=dt.date(2026, 10, 30)) == []
