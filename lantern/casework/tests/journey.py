"""Walk one child along the statutory path with the real actions, so each test starts
from a state the rules allow and states only what it is about."""

import datetime as dt

from lantern.agencies.models import Agency
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


def police_and_health() -> list[Agency]:
    """The two agencies WT23 expects in every strategy discussion (as the root conftest
    names them)."""
    police, _ = Agency.objects.get_or_create(
        code="police", defaults={"name": "Metropolitan Police", "kind": Agency.Kind.POLICE}
    )
    health, _ = Agency.objects.get_or_create(
        code="nmuh", defaults={"name": "North Middlesex Hospital", "kind": Agency.Kind.HEALTH}
    )
    return [police, health]


def attendance(**changes) -> dict:
    """A conference everyone came to: parents, the child with their views, both agencies
    invited and present, reports shared two days before."""
    agencies = police_and_health()
    fields = {
        "agencies": agencies,
        "agencies_invited": agencies,
        "parents_attendance": "all",
        "child_participation": "views",
        "child_wishes": "Amy drew her family and said she wants Dad to stop shouting.",
        "reports_shared": True,  # two days before, unless given: see ``with_reports``
    }
    return {**fields, **changes}


def with_reports(held_on: dt.date, fields: dict) -> dict:
    if fields.get("reports_shared") and "reports_shared_on" not in fields:
        fields = {**fields, "reports_shared_on": held_on - dt.timedelta(days=2)}
    return fields


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

    def strategy(self, on=STRATEGY, decision=StrategyDiscussion.Decision.S47, **extra):
        extra.setdefault("agencies", police_and_health())
        self.discussion = actions.record_strategy_discussion(
            self.child, acting_user=self.worker, held_on=on, decision=decision, **extra
        )
        return self.discussion

    def s47(self, on=S47):
        self.enquiry = actions.start_section47(
            self.child, acting_user=self.worker, strategy_discussion=self.discussion, start_date=on
        )
        return self.enquiry

    def icpc(self, on=ICPC, decision=Conference.Decision.PLAN, categories=("NEG",), **extra):
        self.conference = actions.record_initial_conference(
            self.child,
            acting_user=self.worker,
            section47=self.enquiry,
            held_on=on,
            chair=self.chair,
            decision=decision,
            categories=list(categories),
            **with_reports(on, attendance(**extra)),
        )
        return self.conference

    def review(self, on, decision="continue", categories=("NEG",), chair=None, **extra):
        return actions.record_review_conference(
            self.plan,
            acting_user=self.worker,
            held_on=on,
            chair=chair or self.chair,
            decision=decision,
            categories=list(categories),
            **with_reports(on, attendance(**extra)),
        )

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


def attendance_posted(held_on: str, **changes) -> dict:
    """What the conference forms post for a conference everyone came to."""
    agencies = [a.pk for a in police_and_health()]
    fields = {
        "agencies": agencies,
        "agencies_invited": agencies,
        "parents_attendance": "all",
        "child_participation": "views",
        "child_wishes": "Amy drew her family and said she wants Dad to stop shouting.",
        "reports_shared": "yes",
        "reports_shared_on": (dt.date.fromisoformat(held_on) - dt.timedelta(days=2)).isoformat(),
    }
    return {**fields, **changes}
