"""The safeguarding signals the borough's chronologies form, and what managers decided.

The demo writes its entries in bulk, past the live path (``signals.actions.reevaluate`` on
each write), so once everything is written every child is evaluated once, as the live path
would have left them. Signals that formed weeks ago have been decided by then: the child's
team manager acknowledged them with a reason, or took action and linked where it is
recorded (the strategy discussion that followed). A decided signal lets the next pattern of
the same kind be raised, so deciding and evaluating go round until nothing new is raised;
the stored signals are then exactly what evaluating again would give.

Decisions go through ``signals.actions.decide`` and are then dated as the manager would
have made them, a few days after the signal, rather than on the day the demo runs.
"""

import datetime as dt
import random
from collections import Counter, defaultdict

from django.db.models import Max
from django.urls import reverse

from lantern.casework.models import StrategyDiscussion
from lantern.chronology.models import ChronologyEntry
from lantern.demo.chronology import LONDON
from lantern.demo.specs import Borough
from lantern.signals import actions
from lantern.signals import rules as R
from lantern.signals.models import Evidence, Signal
from lantern.workforce.models import Allocation, Team

DAY = dt.timedelta(days=1)
OLD = dt.timedelta(weeks=8)  # decided by now, nearly always
RECENT = dt.timedelta(weeks=2)  # too new to have been decided
LEFT_LIVE = {"old": 0.06, "middle": 0.55}  # still waiting for a decision
MAX_ROUNDS = 60

ACKNOWLEDGED = {
    "injury_non_mobile": [
        "Paediatric opinion obtained the same day: the mark is a birthmark (congenital "
        "dermal melanocytosis). No further action.",
        "Seen by the paediatrician: injury consistent with the account and the baby's "
        "medical condition. Health visitor to visit weekly for a month.",
    ],
    "repeat_ae": [
        "Checked with the hospital liaison health visitor: attendances explained by the "
        "child's asthma, each one appropriate. No further action.",
        "Accidents consistent with the child's age and the accounts given; home safety "
        "advice given by the health visitor.",
    ],
    "repeat_domestic_abuse": [
        "Known to the allocated worker: the incidents are part of the current assessment; "
        "mother's safety plan reviewed with the IDVA.",
        "Discussed at MARAC; the perpetrator has left the household and bail conditions "
        "are in place. Kept under review by the allocated worker.",
    ],
    "not_brought": [
        "Health visitor spoke to mother: appointments re-booked and a home visit made. "
        "Not a pattern of neglect at present.",
        "Family moved address; letters went to the old one. Appointments now re-booked.",
    ],
    "repeat_missing": [
        "Return home interviews completed; episodes covered by the child's exploitation "
        "risk assessment and plan.",
        "Discussed with the missing persons coordinator: placement stable again; plan "
        "reviewed with the carer.",
    ],
    "rereferral": [
        "The new referral is about a different concern and is being assessed; the earlier "
        "work was right to close.",
        "Reviewed both referrals: step-down to early help had not started. Assessment "
        "now open with a named worker.",
    ],
    "adult_joined_on_plan": [
        "Checks on the new partner done with police and probation: nothing known. Added "
        "to the plan at the core group.",
        "The adult is the children's grandmother, here for support. Plan updated.",
    ],
    "agencies_worried": [
        "Spoke to the school and the GP: concerns shared at the team around the family "
        "meeting; early help in place, no referral needed yet.",
        "Concerns already known to the allocated worker and part of the assessment.",
    ],
}
ACTIONED = "Strategy discussion held with police and health; decisions and actions recorded there."


def _band(fired_on: dt.date, today: dt.date) -> str:
    age = today - fired_on
    return "old" if age > OLD else "middle" if age > RECENT else "new"


class _Managers:
    """Who decides a child's signal: the manager of the team holding the child on the day it
    fired (or last holding them), else the MASH's manager."""

    def __init__(self):
        self.spells = defaultdict(list)
        for child_id, start, end, manager_id in Allocation.objects.filter(
            team__manager__isnull=False
        ).values_list("child_id", "start", "end", "team__manager_id"):
            self.spells[child_id].append((start, end, manager_id))
        mash = Team.objects.filter(kind=Team.Kind.MASH, manager__isnull=False).order_by("name")
        self.mash = mash.values_list("manager_id", flat=True).first()

    def on(self, child_id: int, day: dt.date) -> int | None:
        spells = sorted(self.spells.get(child_id, []), key=lambda s: (s[0], s[1] or dt.date.max))
        holding = [m for s, e, m in spells if s <= day and (e is None or day <= e)]
        before = [m for s, _, m in spells if s <= day]
        return (holding or before or [m for _, _, m in spells] or [self.mash])[0]


def evaluate_and_decide(rng: random.Random, borough: Borough, today: dt.date) -> dict:
    """Evaluate everyone, decide what has been decided by ``today``; returns the figures."""
    from django.contrib.auth import get_user_model

    order = {p.pk: i for i, p in enumerate(borough.people) if p.pk is not None}
    managers, users = _Managers(), {}
    waiting: set[tuple[int, str, dt.date]] = set()  # left live on purpose
    actions.reevaluate_everyone()
    for _ in range(MAX_ROUNDS):
        live = [
            s
            for s in Signal.objects.filter(status=Signal.Status.LIVE, fired_on__lt=today - RECENT)
            if (order[s.person_id], s.rule, s.fired_on) not in waiting
        ]
        if not live:
            break
        live.sort(key=lambda s: (order[s.person_id], s.rule, s.fired_on))
        decided = []
        for signal in live:
            if rng.random() < LEFT_LIVE[_band(signal.fired_on, today)]:
                waiting.add((order[signal.person_id], signal.rule, signal.fired_on))
                continue
            manager_id = managers.on(signal.person_id, signal.fired_on)
            if manager_id is None:
                waiting.add((order[signal.person_id], signal.rule, signal.fired_on))
                continue
            if manager_id not in users:
                users[manager_id] = get_user_model().objects.get(pk=manager_id)
            _decide(rng, signal, users[manager_id], today)
            decided.append(signal.person_id)
        if not decided:
            break
        actions.reevaluate_everyone(decided)
    _raised_when_formed()
    return figures()


def _raised_when_formed() -> None:
    """Raised the moment the entry that completed the pattern was written, as live."""
    formed = dict(
        Evidence.objects.values("signal_id")
        .annotate(last=Max("entry__occurred_at"))
        .values_list("signal_id", "last")
    )
    signals = list(Signal.objects.only("pk", "raised_at"))
    for signal in signals:
        signal.raised_at = formed.get(signal.pk, signal.raised_at)
    Signal.objects.bulk_update(signals, ["raised_at"], batch_size=1000)


def _decide(rng: random.Random, signal: Signal, manager, today: dt.date) -> None:
    when = _decided_on(rng, signal.fired_on, today)
    held = (
        StrategyDiscussion.objects.filter(
            person_id=signal.person_id,
            held_on__gte=signal.fired_on,
            held_on__lte=signal.fired_on + 60 * DAY,
        )
        .order_by("held_on", "pk")
        .first()
    )
    if held is not None:
        link = reverse("casework:record", args=[signal.person_id, held.url_slug, held.pk])
        actions.decide(
            signal, acting_user=manager, outcome=actions.ACTIONED, reason=ACTIONED, link=link
        )
        when = max(held.held_on, signal.fired_on)
    else:
        reason = rng.choice(ACKNOWLEDGED[signal.rule])
        actions.decide(signal, acting_user=manager, outcome=actions.ACKNOWLEDGED, reason=reason)
    minute = rng.randint(9 * 60, 17 * 60)
    at = dt.datetime.combine(when, dt.time(minute // 60, minute % 60), tzinfo=LONDON)
    Signal.objects.filter(pk=signal.pk).update(decided_at=at)
    ChronologyEntry.objects.filter(
        kind="signal", source_type="signals.Signal", source_ref=str(signal.pk), from_record=False
    ).update(occurred_at=at)


def _decided_on(rng: random.Random, fired_on: dt.date, today: dt.date) -> dt.date:
    day = min(fired_on + rng.randint(1, 10) * DAY, today - DAY)
    while day.weekday() >= 5 and day > fired_on:
        day -= DAY
    return day


def figures() -> dict:
    """Children with live and with decided signals, per rule (no one named)."""
    rows = set(
        Signal.objects.exclude(status=Signal.Status.LAPSED).values_list(
            "person_id", "rule", "status"
        )
    )
    pairs = {(person_id, rule, status == Signal.Status.LIVE) for person_id, rule, status in rows}
    live = Counter(rule for _, rule, is_live in pairs if is_live)
    decided = Counter(rule for _, rule, is_live in pairs if not is_live)
    return {
        "children with signals": len({person_id for person_id, _, _ in pairs}),
        "per rule": {r.code: (live[r.code], decided[r.code]) for r in R.RULES},
    }
