"""Walk one child along the statutory path with the real actions, so each test starts
from a state the rules allow and states only what it is about."""

import datetime as dt

from lantern.casework import actions
from lantern.casework.models import Conference, StrategyDiscussion

D = dt.date
REFERRAL, ASSESSED, STRATEGY, S47, ICPC = (
    D(2026, 3, 2),
    D(2026, 3, 3),
    D(2026, 3, 3),
    D(2026, 3, 4),
    D(2026, 3, 20),
)


class Journey:
    def __init__(self, child, worker, manager, chair):
        self.child, self.worker, self.manager, self.chair = child, worker, manager, chair

    def refer(self, on=REFERRAL, **extra):
        self.episode = actions.open_episode(
            self.child,
            acting_user=self.worker,
            referral_date=on,
            referral_source="2A",
            referral_reason="School: bruising to the arm, explanation unclear",
            **extra,
        )
        return self.episode

    def assess(self, on=ASSESSED, factors=("16A",), outcome="cin_plan"):
        return actions.start_assessment(
            self.child,
            acting_user=self.worker,
            start_date=on,
            analysis="Analysis",
            factors=list(factors),
            outcome=outcome,
        )

    def strategy(self, on=STRATEGY, decision=StrategyDiscussion.Decision.S47):
        self.discussion = actions.record_strategy_discussion(
            self.child, acting_user=self.worker, held_on=on, decision=decision
        )
        return self.discussion

    def s47(self, on=S47):
        self.enquiry = actions.start_section47(
            self.child, acting_user=self.worker, strategy_discussion=self.discussion, start_date=on
        )
        return self.enquiry

    def icpc(self, on=ICPC, decision=Conference.Decision.PLAN, categories=("NEG",)):
        self.conference = actions.record_initial_conference(
            self.child,
            acting_user=self.worker,
            section47=self.enquiry,
            held_on=on,
            chair=self.chair,
            decision=decision,
            categories=list(categories),
        )
        return self.conference

    def to_plan(self, icpc_on=ICPC):
        """Referral → strategy discussion → s47 → ICPC deciding on a plan."""
        self.refer()
        self.strategy()
        self.s47()
        self.icpc(icpc_on)
        self.plan = self.conference.plan_started
        return self.plan

    def visit(self, on, *, seen=True, alone=True, words="", kind="cp", **extra):
        """A CP statutory visit by default: it needs the plan open on the day."""
        extra.setdefault("reason_not_seen", "" if seen else "Not at home")
        if seen and not alone:
            extra.setdefault("reason_not_seen_alone", "Mum would not leave the room")
        return actions.record_visit(
            self.child,
            acting_user=self.worker,
            visited_on=on,
            kind=kind,
            child_seen=seen,
            seen_alone=alone,
            child_words=words,
            **extra,
        )
