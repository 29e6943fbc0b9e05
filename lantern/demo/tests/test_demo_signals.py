"""The demo borough's safeguarding signals: raised on a plausible share of children from the
partners' entries, with their evidence in the child's chronology, decided by managers when
they are weeks old, and exactly what evaluating the chronologies again gives."""

import datetime as dt
from collections import Counter

import pytest
from django.urls import resolve

from lantern.access import roles
from lantern.chronology.models import ChronologyEntry
from lantern.demo.tests.conftest import TODAY
from lantern.people.models import Person
from lantern.signals import actions
from lantern.signals import events as E
from lantern.signals import rules as R
from lantern.signals.models import Evidence, Signal

pytestmark = pytest.mark.django_db


def standing():
    return Signal.objects.exclude(status=Signal.Status.LAPSED)


def state() -> set:
    evidence = {}
    for signal_id, entry_id in Evidence.objects.values_list("signal_id", "entry_id"):
        evidence.setdefault(signal_id, set()).add(entry_id)
    return {
        (s.person_id, s.rule, s.fired_on, s.status, frozenset(evidence.get(s.pk, ())))
        for s in Signal.objects.all()
    }


def test_a_plausible_share_of_children_have_signals_mostly_of_the_common_kinds(demo_borough):
    children = Person.objects.filter(date_of_birth__gt=TODAY - dt.timedelta(days=365 * 18))
    with_signals = children.filter(signals__in=standing()).distinct().count()
    share = with_signals / children.count()
    assert 0.015 <= share <= 0.12, share
    per_rule = Counter(standing().values_list("rule", flat=True))
    assert len(per_rule) >= 5, per_rule
    common = sum(per_rule[r] for r in ("repeat_domestic_abuse", "rereferral", "agencies_worried"))
    assert common * 2 >= sum(per_rule.values()), per_rule
    # Live and decided ones both, as a manager's day would show them.
    statuses = Counter(standing().values_list("status", flat=True))
    assert statuses[Signal.Status.LIVE] and statuses[Signal.Status.ACKNOWLEDGED], statuses


def test_every_signal_rests_on_entries_in_that_childs_chronology(demo_borough):
    kinds = {rule.code: rule.trigger for rule in R.RULES}
    for signal in standing().prefetch_related("evidence"):
        entries = list(signal.evidence.all())
        assert entries, signal
        assert {e.person_id for e in entries} == {signal.person_id}
        triggers = [e for e in entries if E.event_of(e.kind, e.signal_event) == kinds[signal.rule]]
        assert triggers and max(e.occurred_at for e in triggers).date() <= signal.fired_on + (
            dt.timedelta(days=1)
        )
        # The signal itself is in the chronology, on the day the pattern formed.
        assert ChronologyEntry.objects.filter(
            person_id=signal.person_id, kind="signal", source_ref=str(signal.pk), from_record=True
        ).exists()


def test_evaluating_every_child_again_changes_nothing(demo_borough):
    before = state()
    assert actions.reevaluate_everyone() == {"raised": 0, "moved": 0, "lapsed": 0}
    assert state() == before


def test_weeks_old_signals_were_decided_by_a_team_manager_with_a_reason_or_a_link(demo_borough):
    old = standing().filter(fired_on__lt=TODAY - dt.timedelta(weeks=8))
    decided = old.exclude(status=Signal.Status.LIVE)
    assert decided.count() >= 0.8 * old.count() > 0
    assert (
        not standing()
        .filter(
            fired_on__gte=TODAY - dt.timedelta(weeks=2), status__in=["acknowledged", "actioned"]
        )
        .exists()
    )
    for signal in decided.select_related("decided_by"):
        assert signal.decided_by.groups.filter(name=roles.TEAM_MANAGER).exists()
        assert signal.fired_on <= signal.decided_at.date() < TODAY
        assert len(signal.decision_reason) >= 10
        if signal.status == Signal.Status.ACTIONED:
            match = resolve(signal.action_link)
            assert match.url_name == "record"
            assert match.kwargs["person_id"] == signal.person_id
        decision = ChronologyEntry.objects.get(
            kind="signal", source_ref=str(signal.pk), from_record=False
        )
        assert decision.occurred_at == signal.decided_at


def test_partners_report_injuries_and_missed_appointments_and_adults_moving_in(demo_borough):
    kinds = Counter(
        ChronologyEntry.objects.filter(kind__in=["injury", "not_brought"]).values_list(
            "kind", flat=True
        )
    )
    children = Person.objects.filter(date_of_birth__gt=TODAY - dt.timedelta(days=365 * 18))
    # Rare, one by one: a few in a hundred children.
    assert 0 < kinds["injury"] < 0.1 * children.count(), kinds
    assert 0 < kinds["not_brought"] < 0.1 * children.count(), kinds
    moved_in = ChronologyEntry.objects.filter(kind="household_change", summary__contains="moved")
    joined = moved_in.filter(signal_event="adult_joined")
    assert 0 < joined.count() < moved_in.count()
    plans = ChronologyEntry.objects.filter(kind="plan", signal_event="plan_started")
    assert plans.exists()
