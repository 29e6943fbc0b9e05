"""Raising signals the moment the chronology changes, and what a manager decides about them.

``reevaluate`` is the live path: called (through ``lantern.chronology.listeners``) inside the
transaction that wrote a child's entry, it runs the rule engine over that child's events and
brings the stored signals in line: a pattern that has formed is raised, with its evidence;
a live one that no longer holds lapses. One engine serves this and the batch scan.

A signal already decided is not raised again for the same events; events after it can
raise a new one. While a signal is live, it keeps the evidence of the day the pattern
first held (as the batch scan reports it); later events are in the chronology.
"""

import contextlib
import datetime as dt
import threading
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.chronology import listeners
from lantern.chronology.actions import record_entry
from lantern.chronology.models import ChronologyEntry
from lantern.people.models import Person
from lantern.signals import events as E
from lantern.signals import rules as R
from lantern.signals.headlines import headline
from lantern.signals.models import Evidence, RuleSetting, Signal
from lantern.signals.tasks import apply_rule_change
from lantern.workforce.actions import notify
from lantern.workforce.models import Allocation, Team

RELEVANT = {*E.KINDS_READ, listeners.PERSON_DETAILS}
CHUNK = 2000
_deferred = threading.local()


def rules_in_force() -> tuple[dict[str, dict[str, int]], list[str]]:
    """The council's thresholds (over the defaults) and the rules switched on."""
    thresholds, enabled = {}, []
    settings = {s.rule: s for s in RuleSetting.objects.all()}
    for rule in R.RULES:
        setting = settings.get(rule.code)
        thresholds[rule.code] = {**rule.defaults, **(setting.thresholds if setting else {})}
        if setting is None or setting.enabled:
            enabled.append(rule.code)
    return thresholds, enabled


@listeners.listen
def _chronology_changed(person_ids: set[int], kinds: set[str]) -> None:
    if not kinds & RELEVANT:
        return
    pending = getattr(_deferred, "people", None)
    if pending is not None:
        pending.update(person_ids)
        return
    reevaluate(person_ids)


@contextlib.contextmanager
def deferred():
    """Collect the children whose chronology changes and evaluate them once at the end: for
    writers of many entries at a time (the demo, a partner's backfill)."""
    outer = getattr(_deferred, "people", None)
    if outer is not None:
        yield
        return
    _deferred.people = set()
    try:
        yield
        people = _deferred.people
    finally:
        _deferred.people = None
    reevaluate_everyone(people)


def reevaluate_everyone(person_ids=None) -> dict[str, int]:
    """Every child with events (or those given), a few thousand at a time: after a
    threshold changes, and after a bulk load."""
    if person_ids is None:
        person_ids = (
            ChronologyEntry.objects.filter(kind__in=E.KINDS_READ)
            .values_list("person_id", flat=True)
            .distinct()
        )
    people = sorted(set(person_ids))
    thresholds = rules_in_force()
    counts: dict[str, int] = defaultdict(int)
    for i in range(0, len(people), CHUNK):
        with transaction.atomic():
            for key, n in reevaluate(people[i : i + CHUNK], in_force=thresholds).items():
                counts[key] += n
    return dict(counts)


@transaction.atomic
def reevaluate(person_ids, *, in_force=None) -> dict[str, int]:
    """Bring these children's signals in line with their chronology. Returns how many were
    raised, moved (a backdated entry) and lapsed."""
    people = sorted(set(person_ids))
    thresholds, enabled = in_force or rules_in_force()
    stream = E.Stream(people)
    firings = stream.evaluate(thresholds, enabled)
    existing: dict[tuple[int, str], list[Signal]] = defaultdict(list)
    for signal in (
        Signal.objects.filter(person_id__in=people)
        .exclude(status=Signal.Status.LAPSED)
        .prefetch_related("links")
        .order_by("fired_on", "id")
    ):
        signal.entry_ids = {link.entry_id for link in signal.links.all()}
        existing[(signal.person_id, signal.rule)].append(signal)
    by_pair: dict[tuple[int, str], list] = defaultdict(list)
    for firing in firings:
        by_pair[(people[firing.person], firing.rule)].append(firing)
    counts = {"raised": 0, "moved": 0, "lapsed": 0}
    born = stream.born_on
    for pair in set(by_pair) | set(existing):
        _reconcile(pair, by_pair.get(pair, []), existing.get(pair, []), stream, born, counts)
    return counts


def _reconcile(pair, firings, signals, stream, born, counts) -> None:
    """At most one live signal per child and rule: the first firing whose events are not
    already in a decided signal. A live signal follows it (moving if a backdated entry made
    the pattern form earlier); if there is none, the live signal lapses."""
    person_id, code = pair
    rule = R.BY_CODE[code]
    decided = set().union(*(s.entry_ids for s in signals if not s.is_live))
    live = next((s for s in signals if s.is_live), None)
    first = next((f for f in firings if _triggers(f, stream, rule) - decided), None)
    if first is None:
        if live is not None:
            _lapse(live, person_id)
            counts["lapsed"] += 1
        return
    entries = [stream.entries[i] for i in first.evidence]
    text = headline(rule, _evidence(entries, stream), born.get(person_id))[:300]
    if live is None:
        if _raise(person_id, rule, first.date, entries, text):
            counts["raised"] += 1
    elif live.fired_on != first.date or live.entry_ids != set(entries):
        live.fired_on, live.headline = first.date, text
        live.save(update_fields=["fired_on", "headline"])
        Evidence.objects.filter(signal=live).exclude(entry_id__in=entries).delete()
        _link(live, [pk for pk in entries if pk not in live.entry_ids])
        counts["moved"] += 1


def _triggers(firing, stream, rule) -> set[int]:
    """The events on the firing's day that completed the pattern."""
    return {
        stream.entries[i]
        for i in firing.evidence
        if stream.days[i] == firing.date and _kind(stream, i) == rule.trigger
    }


def _kind(stream, i: int) -> str:
    return R.EVENT_KINDS[int(stream.events.kind[i])]


def _evidence(entries, stream) -> list[tuple[dt.date, str]]:
    where = {pk: i for i, pk in enumerate(stream.entries)}
    rows = sorted((stream.days[where[pk]], where[pk]) for pk in entries if pk in where)
    return [(day, _kind(stream, i)) for day, i in rows]


def _link(signal: Signal, entries) -> None:
    Evidence.objects.bulk_create([Evidence(signal=signal, entry_id=pk) for pk in entries])


def _lapse(signal: Signal, person_id: int) -> None:
    signal.status = Signal.Status.LAPSED
    signal.lapsed_at = timezone.now()
    signal.save(update_fields=["status", "lapsed_at"])
    audit.record(
        None,
        AuditEntry.Action.UPDATE,
        person=Person(pk=person_id),
        obj=signal,
        detail=f"safeguarding signal {signal.rule} no longer holds",
    )


def _raise(person_id, rule, day, entries, text) -> Signal | None:
    """A new live signal, or one that lapsed on the same day revived. None when another
    transaction raised it first."""
    signal = Signal.objects.filter(person_id=person_id, rule=rule.code, fired_on=day).first()
    if signal is not None:
        signal.status, signal.lapsed_at, signal.headline = Signal.Status.LIVE, None, text
        signal.save(update_fields=["status", "lapsed_at", "headline"])
        Evidence.objects.filter(signal=signal).delete()
    else:
        try:
            with transaction.atomic():
                signal = Signal.objects.create(
                    person_id=person_id,
                    rule=rule.code,
                    fired_on=day,
                    headline=text,
                    raised_at=timezone.now(),
                )
        except IntegrityError:
            return None
    _link(signal, entries)
    person = Person.objects.get(pk=person_id)
    # At the time of the entry that completed the pattern, so the chronology reads the
    # event, then the signal it raised (not the signal first, at noon).
    # A date-only entry gives a date-only signal: no time is invented for either.
    last = (
        ChronologyEntry.objects.filter(pk__in=entries)
        .order_by("-occurred_at", "-id")
        .values_list("occurred_at", "time_known")
        .first()
    )
    when = day if last is None else last[0] if last[1] else timezone.localdate(last[0])
    record_entry(
        person,
        kind="signal",
        when=when,
        summary=f"Safeguarding signal raised: {rule.title}. {text}.",
        source=signal,
        from_record=True,
    )
    audit.record(
        None,
        AuditEntry.Action.CREATE,
        person=person,
        obj=signal,
        detail=f"safeguarding signal {rule.code} raised",
    )
    _tell(person, signal, rule)
    return signal


def _tell(person: Person, signal: Signal, rule: R.Rule) -> None:
    """The allocated worker and their manager; for a child no one holds, the MASH."""
    link = reverse("people:record", args=[person.pk]) + "#signals"
    subject = f"Safeguarding signal: {rule.title}"
    allocation = (
        Allocation.objects.filter(child=person, end__isnull=True).select_related("team").first()
    )
    recipients = []
    if allocation is not None:
        if R.ALLOCATED_WORKER in rule.told:
            recipients.append(allocation.worker)
        if R.TEAM_MANAGER in rule.told and allocation.team.manager_id:
            recipients.append(allocation.team.manager)
    elif R.MASH in rule.told:
        recipients += [t.manager for t in Team.objects.filter(kind=Team.Kind.MASH) if t.manager]
    for recipient in {r.pk: r for r in recipients}.values():
        notify(recipient, subject, body=signal.headline, link=link, person=person)


# What a manager decides.

ACKNOWLEDGED, ACTIONED = Signal.Status.ACKNOWLEDGED, Signal.Status.ACTIONED


def _refuse(message: str, field: str | None = None):
    raise ValidationError({field: message} if field else message)


@transaction.atomic
def decide(
    signal: Signal, *, acting_user, outcome: str, reason: str, link: str = "", request=None
) -> Signal:
    """Acknowledged with a reason, or action taken with a link to where it is recorded.
    The decision joins the child's chronology. ``signal`` comes from
    ``queries.signal_for(user, id, for_write=True)``, which checks who may decide."""
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    reason, link = reason.strip(), link.strip()
    if not signal.is_live:
        _refuse(
            f"This signal was already {signal.get_status_display().lower()}: nothing more to decide"
        )
    if outcome not in (ACKNOWLEDGED, ACTIONED):
        _refuse("Choose whether you acknowledged the signal or took action", "outcome")
    if len(reason) < 10:
        _refuse("Say what was decided and why, in at least 10 characters", "reason")
    if outcome == ACTIONED:
        if not link:
            _refuse("Give the link to where the action is recorded", "link")
        # "//" and "/\\" would leave Lantern: browsers read both as another site's address.
        if (
            not link.startswith("/")
            or link.startswith("//")
            or "\\" in link
            or any(c.isspace() for c in link)
        ):
            _refuse(
                "Give a link within Lantern, starting with / (copy it from the address bar "
                "after the site name), for example /people/…/strategy-discussions/…",
                "link",
            )
    elif link:
        _refuse("A link is for action taken; acknowledging needs the reason alone", "link")
    signal.status = outcome
    signal.decided_by = acting_user
    signal.decided_at = timezone.now()
    signal.decision_reason = reason
    signal.action_link = link
    signal.save(
        update_fields=["status", "decided_by", "decided_at", "decision_reason", "action_link"]
    )
    rule = R.BY_CODE[signal.rule]
    verb = "acknowledged" if outcome == ACKNOWLEDGED else "action taken"
    record_entry(
        signal.person,
        kind="signal",
        when=timezone.now(),
        acting_user=acting_user,
        summary=f"Safeguarding signal {verb} ({rule.title}: {signal.headline}): {reason}",
        source=signal,
    )
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        person=signal.person,
        obj=signal,
        detail=f"safeguarding signal {signal.rule} {verb}",
    )
    return signal


@transaction.atomic
def change_rule(
    code: str,
    *,
    acting_user,
    thresholds: dict[str, int],
    enabled: bool,
    reason: str,
    request=None,
) -> None:
    """A council's own thresholds for one rule, audited with the old and new values, then
    applied to every child by a queued task (``tasks.apply_rule_change``: signals that no
    longer hold lapse, patterns that now hold are raised), enqueued in this transaction so
    it runs only once the change has committed."""
    rule = R.BY_CODE.get(code)
    if rule is None:
        _refuse(f"There is no signal rule {code!r}")
    if len(reason.strip()) < 10:
        _refuse("Say why the council is changing this rule, in at least 10 characters", "reason")
    values = {}
    for threshold in rule.thresholds:
        value = thresholds.get(threshold.name, threshold.default)
        if not isinstance(value, int) or isinstance(value, bool):
            _refuse(f"{threshold.label} must be a whole number", threshold.name)
        if not threshold.minimum <= value <= threshold.maximum:
            _refuse(
                f"{threshold.label} must be between {threshold.minimum} and {threshold.maximum}",
                threshold.name,
            )
        values[threshold.name] = value
    unknown = set(thresholds) - set(values)
    if unknown:
        _refuse(f"{rule.title} has no threshold {sorted(unknown)[0]!r}")
    before, _ = rules_in_force()
    was = RuleSetting.objects.filter(rule=code).first()
    RuleSetting.objects.update_or_create(
        rule=code,
        defaults={
            "thresholds": values,
            "enabled": enabled,
            "reason": reason.strip(),
            "changed_by": acting_user,
            "changed_at": timezone.now(),
        },
    )
    old = f"{before[code]}{'' if was is None or was.enabled else ' (off)'}"
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        detail=f"signal rule {code} changed from {old} to {values}"
        f"{'' if enabled else ' (off)'}: {reason.strip()[:200]}",
    )
    apply_rule_change.enqueue(code)
