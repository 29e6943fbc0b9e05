"""The front door's 1-working-day decision runs on the clock engine, on each known child."""

import datetime as dt

import pytest

from lantern.clocks.models import Deadline
from lantern.frontdoor import actions
from lantern.frontdoor.clock import LONDON

BORN = dt.date(2016, 5, 4)


def _clock(child):
    return Deadline.objects.get(person=child, rule__code="referral_decision")


@pytest.mark.time_machine(dt.datetime(2025, 12, 19, 16, 0, tzinfo=LONDON))
def test_linking_a_child_starts_the_clock_the_queue_shows(
    make_contact, make_person, police, mash_officer
):
    # Received Friday 19 Dec 2025: due Monday 22 Dec, in the queue and on Amy's clocks alike.
    contact = make_contact(police, actions.SubjectDetails("Amy", "Smith", date_of_birth=BORN))
    amy = make_person("Amy", "Smith", BORN)
    assert not Deadline.objects.filter(person=amy).exists()
    actions.confirm_match(contact.subjects.get(), amy, acting_user=mash_officer)
    clock = _clock(amy)
    assert (clock.started_on, clock.due_on, clock.state) == (
        dt.date(2025, 12, 19),
        dt.date(2025, 12, 22),
        "open",
    )
    assert contact.decision_due_at.astimezone(LONDON).date() == clock.due_on


@pytest.mark.time_machine(dt.datetime(2025, 12, 23, 11, 0, tzinfo=LONDON))
def test_a_child_found_late_is_counted_from_receipt_and_is_already_late(
    make_contact, make_person, police, mash_officer
):
    contact = make_contact(
        police,
        actions.SubjectDetails("Amy", "Smith", date_of_birth=BORN),
        received_at=dt.datetime(2025, 12, 19, 10, 0, tzinfo=LONDON),
    )
    amy = make_person("Amy", "Smith", BORN)
    actions.confirm_match(contact.subjects.get(), amy, acting_user=mash_officer)
    clock = _clock(amy)
    assert (clock.started_on, clock.due_on) == (dt.date(2025, 12, 19), dt.date(2025, 12, 22))


@pytest.mark.time_machine(dt.datetime(2025, 12, 22, 15, 0, tzinfo=LONDON))
def test_the_decision_meets_the_clock(make_contact, make_person, police, mash_officer):
    contact = make_contact(
        police,
        actions.SubjectDetails("Amy", "Smith", date_of_birth=BORN),
        actions.SubjectDetails("Kim", "Smith", role="parent_carer"),
        received_at=dt.datetime(2025, 12, 19, 10, 0, tzinfo=LONDON),
    )
    amy = make_person("Amy", "Smith", BORN)
    mum = make_person("Kim", "Smith", dt.date(1990, 1, 1))
    child_subject, adult_subject = contact.subjects.order_by("id")
    actions.confirm_match(child_subject, amy, acting_user=mash_officer)
    actions.confirm_match(adult_subject, mum, acting_user=mash_officer)
    assert not Deadline.objects.filter(person=mum).exists()  # the clock is about the child
    actions.record_decision(
        contact, acting_user=mash_officer, outcome="nfa", reasons="Parents acted protectively."
    )
    clock = _clock(amy)
    assert (clock.state, clock.closed_on, clock.closed_by) == (
        "met",
        dt.date(2025, 12, 22),
        "referral_decided",
    )


@pytest.mark.time_machine(dt.datetime(2025, 12, 23, 11, 0, tzinfo=LONDON))
def test_the_decision_clock_is_the_mashs_not_the_allocated_workers(
    make_contact, make_person, police, mash_officer, social_worker, allocate
):
    """An overdue front-door decision on an open child is the MASH's lateness: it is not
    listed in the child's worker's work nor counted against their caseload."""
    from lantern.casework import queries

    amy = make_person("Amy", "Smith", BORN)
    allocate(amy, social_worker, dt.date(2025, 11, 3))
    contact = make_contact(
        police,
        actions.SubjectDetails("Amy", "Smith", date_of_birth=BORN),
        received_at=dt.datetime(2025, 12, 19, 10, 0, tzinfo=LONDON),
    )
    actions.confirm_match(contact.subjects.get(), amy, acting_user=mash_officer)
    assert _clock(amy).state == "open"  # due 22 Dec, overdue today
    assert queries.my_work(social_worker, dt.date(2025, 12, 23)) == []


@pytest.mark.time_machine(dt.datetime(2025, 12, 19, 16, 0, tzinfo=LONDON))
def test_a_closure_day_moves_the_queue_and_the_childs_clock_together(
    make_contact, make_person, police, mash_officer
):
    from lantern.clocks.actions import declare_closure_day, withdraw_closure_day

    contact = make_contact(police, actions.SubjectDetails("Amy", "Smith", date_of_birth=BORN))
    amy = make_person("Amy", "Smith", BORN)
    actions.confirm_match(contact.subjects.get(), amy, acting_user=mash_officer)
    # The council closes on Monday 22 Dec 2025: Friday's contact is due on Tuesday 23rd.
    declare_closure_day(dt.date(2025, 12, 22), "Council closure")
    contact.refresh_from_db()
    assert _clock(amy).due_on == dt.date(2025, 12, 23)
    assert contact.decision_due_at == dt.datetime(2025, 12, 23, 17, 0, tzinfo=LONDON)
    withdraw_closure_day(dt.date(2025, 12, 22))
    contact.refresh_from_db()
    assert _clock(amy).due_on == dt.date(2025, 12, 22)
    assert contact.decision_due_at == dt.datetime(2025, 12, 22, 17, 0, tzinfo=LONDON)
