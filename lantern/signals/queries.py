"""Reading signals: only through the child's record, by the access policy.

A signal is part of the child's record: ``signal_for`` hands one out only to someone who may
open (or, to decide it, write to) that record. Lists take the children the page may already
show and ask which of them have live signals (``live_headlines``, ``live_for``), so no list
shows a signal for a child it could not name.
"""

import datetime as dt
from typing import NamedTuple

from lantern.access.refusals import Refused
from lantern.ids import parse_id
from lantern.long_lists import one_of
from lantern.people.queries import access_person
from lantern.prepared import prepared
from lantern.signals import rules as R
from lantern.signals.models import Evidence, RuleSetting, Signal
from lantern.workforce.models import Allocation

DECIDE = "signals.decide_signal"
MANAGE_RULES = "signals.manage_signal_rules"


def signal_for(user, signal_id, *, for_write: bool = False) -> Signal:
    """The signal, if ``user`` may open its child's record (and, for a decision, write to it
    and decide signals). One 404 for absent and forbidden."""
    signal = Signal.objects.filter(pk=parse_id(signal_id)).first()
    if signal is None:
        raise Refused("No such signal")
    signal.person = access_person(user, signal.person_id, for_write=for_write)
    if for_write and not user.has_perm(DECIDE):
        raise Refused("No such signal", person=signal.person)
    return signal


class EvidenceRow(NamedTuple):
    """What the panel shows of one entry that formed a live signal (and links to it)."""

    pk: int
    person_id: int
    occurred_at: dt.datetime
    kind: str
    agency_name: str


@prepared
def _not_lapsed(person_id):
    return (
        Signal.objects.filter(person_id=person_id)
        .exclude(status=Signal.Status.LAPSED)
        .select_related("decided_by")
    )


def of_person(person, *, include_decided: bool = True) -> list[Signal]:
    """A child's signals, live first; each live one with ``evidence_rows``, its entries in
    date order (when, which agency, what kind: the record's panel). A decided signal's
    evidence is not shown, so not read: a child with a long history has many. The caller
    has already been given ``person`` by an access function."""
    if include_decided:
        signals = _not_lapsed(person.pk)
    else:
        signals = Signal.objects.filter(person=person, status=Signal.Status.LIVE).select_related(
            "decided_by"
        )
    out = sorted(
        signals,
        key=lambda s: (not s.is_live, -s.fired_on.toordinal(), -s.pk),
    )
    live = {s.pk: s for s in out if s.is_live}
    for signal in out:
        signal.rule_info = R.BY_CODE[signal.rule]
        signal.evidence_rows = []
    if live:
        for signal_id, *entry in _evidence(frozenset(live)):
            live[signal_id].evidence_rows.append(EvidenceRow(*entry))
    return out


@prepared
def _evidence(signal_ids):
    return (
        Evidence.objects.filter(signal_id__any=signal_ids)
        .order_by("entry__occurred_at", "entry_id")
        .values_list(
            "signal_id",
            *("entry_id", "entry__person_id", "entry__occurred_at", "entry__kind"),
            "entry__agency__name",
        )
    )


def live_headlines(person_ids) -> dict[int, list[str]]:
    """Each child's live signals as headlines, newest first: for lists that show them."""
    out: dict[int, list[str]] = {}
    for person_id, code, text in _headlines(frozenset(person_ids)):
        out.setdefault(person_id, []).append(f"{R.BY_CODE[code].title}: {text}")
    return out


@prepared
def _headlines(person_ids):
    return (
        Signal.objects.filter(person_id__any=person_ids, status=Signal.Status.LIVE)
        .order_by("-fired_on", "-id")
        .values_list("person_id", "rule", "headline")
    )


# What a list of live signals shows (``signals/live_list.html``) and audits (the child's pk).
LISTED_FIELDS = (
    *("person_id", "rule", "fired_on", "headline", "status"),
    *("person__first_name", "person__last_name"),
)


def live_for(person_ids) -> list[Signal]:
    """The live signals of these children (their ids), newest first, each with its child
    and rule: for the team view, which names the child. Only what the lists show is read:
    the child's name, not the whole row."""
    return _with_rules(_live_of(frozenset(person_ids)))


def live_on_caseload(worker_id: int) -> list[Signal]:
    """``live_for`` the children allocated to the worker now: My work's list, whose SQL
    (a subquery of the allocations) Django otherwise built afresh on every view."""
    return _with_rules(_live_on_caseload(worker_id))


def _with_rules(signals: list[Signal]) -> list[Signal]:
    for signal in signals:
        signal.rule_info = R.BY_CODE[signal.rule]
    return signals


def _live(person_ids):
    return (
        Signal.objects.filter(one_of("person_id", person_ids), status=Signal.Status.LIVE)
        .select_related("person")
        .only(*LISTED_FIELDS)
        .order_by("-fired_on", "-id")
    )


@prepared
def _live_of(person_ids):
    return _live(person_ids)


@prepared
def _live_on_caseload(worker_id):
    children = Allocation.objects.filter(worker_id=worker_id, end__isnull=True)
    return _live(children.values("child_id"))


def rules_as_set() -> list[dict]:
    """Every rule with the council's thresholds beside the defaults, whether it is on, and
    the last change (who, when, why): the administrators' page. No child is named."""
    settings = {
        s.rule: s for s in RuleSetting.objects.select_related("changed_by").order_by("rule")
    }
    out = []
    for rule in R.RULES:
        setting = settings.get(rule.code)
        in_force = {**rule.defaults, **(setting.thresholds if setting else {})}
        out.append(
            {
                "rule": rule,
                "setting": setting,
                "enabled": setting is None or setting.enabled,
                "told": [R.AUDIENCES[who] for who in rule.told],
                "thresholds": [
                    {
                        "threshold": t,
                        "value": in_force[t.name],
                        "changed": in_force[t.name] != t.default,
                    }
                    for t in rule.thresholds
                ],
            }
        )
    return out
