"""Visits: the child seen, seen alone, and in their own words; the visit clock moves."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lantern.access.models import AuditEntry
from lantern.chronology.models import ChronologyEntry
from lantern.clocks.models import Deadline

D = dt.date
pytestmark = pytest.mark.django_db


def test_seeing_the_child_alone_meets_the_visit_clock_and_starts_the_next(journey, child):
    journey.to_plan(D(2026, 3, 20))
    visit = journey.visit(D(2026, 3, 27), words="I don't like it when he shouts")
    clocks = Deadline.objects.filter(person=child, rule__code="cp_visit").order_by("started_on")
    assert [(d.state, d.closed_on) for d in clocks] == [("met", D(2026, 3, 27)), ("open", None)]
    assert clocks.last().due_on == D(2026, 4, 14)  # Good Friday and Easter Monday skipped
    assert clocks.last().source_ref == str(visit.pk)


def test_the_chronology_keeps_the_childs_words_as_said(journey, child):
    journey.to_plan()
    journey.visit(D(2026, 3, 27), words="Mum cries a lot.  I make my own tea")
    entry = ChronologyEntry.objects.get(person=child, kind="visit")
    assert entry.summary == (
        "Child protection statutory visit. Child seen alone. "
        "The child said: “Mum cries a lot. I make my own tea”"
    )
    assert AuditEntry.objects.filter(person=child, action="create", detail="recorded visit (cp)")


def test_a_visit_where_the_child_was_not_seen_does_not_count(journey, child):
    journey.to_plan(D(2026, 3, 20))
    journey.visit(D(2026, 3, 27), seen=False, alone=False)
    clock = Deadline.objects.get(person=child, rule__code="cp_visit")
    assert clock.state == "open" and clock.started_on == D(2026, 3, 20)


def test_not_seen_needs_a_reason(journey):
    with pytest.raises(ValidationError, match="why the child was not seen"):
        journey.visit(D(2026, 3, 5), seen=False, alone=False, reason_not_seen=" ")


def test_seen_alone_means_seen(journey):
    from lantern.casework import actions

    with pytest.raises(ValidationError, match="seen alone was seen"):
        actions.record_visit(
            journey.child,
            acting_user=journey.worker,
            visited_on=D(2026, 3, 5),
            kind="cp",
            child_seen=False,
            seen_alone=True,
            reason_not_seen="x",
        )


def test_a_visit_dated_tomorrow_is_refused(journey):
    with pytest.raises(ValidationError, match="today or in the past"):
        journey.visit(timezone.localdate() + dt.timedelta(days=1))


def test_a_visit_before_the_plan_moves_no_clock(journey, child):
    journey.refer()
    journey.visit(D(2026, 3, 5), kind="cin")
    assert not Deadline.objects.filter(person=child, rule__code="cp_visit").exists()


def test_a_long_passage_cut_for_a_list_keeps_the_workers_own_quotation_marks():
    from lantern.casework.models.recording import quoted

    assert quoted('"one two three four"', max_words=2) == '"one two…"'
    assert quoted("one two three four", max_words=2) == "\u201cone two…\u201d"
    assert quoted("\u2018It\u2019s fine\u2019") == "\u2018It\u2019s fine\u2019"
