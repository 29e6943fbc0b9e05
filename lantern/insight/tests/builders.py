"""Hand-built records for the figures' tests: through the actions where the records'
guards matter to the figure, and straight into the tables where a test needs a date the
actions would refuse today (a plan that ended years ago) or a clock in a given state."""

import datetime as dt

from lantern.casework import actions
from lantern.casework.models import ChildProtectionPlan, CINEpisode, Conference
from lantern.clocks.models import ClockRule, Deadline
from lantern.insight.measures import Period

D = dt.date
YEAR_2025 = Period(D(2025, 4, 1), D(2026, 3, 31))  # the DfE's collection year 2025-26


def refer(child, worker, on: dt.date, closed: dt.date | None = None) -> CINEpisode:
    """A referral accepted on ``on`` (the CIN episode opened by the casework action),
    closed on ``closed`` if given."""
    episode = actions.open_episode(
        child, acting_user=worker, referral_date=on, referral_source="2A",
        referral_reason="School: bruising to the arm, explanation unclear",
    )  # fmt: skip
    if closed:
        episode = actions.close_episode(
            episode, acting_user=worker, close_date=closed, reason_for_closure="RC7",
            expected_version=episode.version,
        )  # fmt: skip
    return episode


def cp_plan(child, user, start: dt.date, end: dt.date | None = None, categories=("NEG",)):
    """A plan from ``start`` to ``end`` with the episode and conference it needs."""
    episode = CINEpisode.objects.create(
        person=child, referral_date=start - dt.timedelta(days=20), referral_source="6",
        referral_reason="Police: domestic abuse", close_date=end,
        reason_for_closure="RC4" if end else "", created_by=user, updated_by=user,
    )  # fmt: skip
    icpc = Conference.objects.create(
        person=child, episode=episode, kind=Conference.Kind.INITIAL, held_on=start, chair=user,
        decision=Conference.Decision.PLAN, categories=list(categories), created_by=user,
        updated_by=user,
    )  # fmt: skip
    return ChildProtectionPlan.objects.create(
        person=child, episode=episode, icpc=icpc, start_date=start, end_date=end,
        initial_categories=list(categories), latest_categories=list(categories),
        end_reason=ChildProtectionPlan.EndReason.STEP_DOWN if end else "",
        created_by=user, updated_by=user,
    )  # fmt: skip


def clock(child, code: str, due: dt.date, state="open", closed: dt.date | None = None):
    return Deadline.objects.create(
        person=child, rule=ClockRule.objects.get(code=code), started_on=due - dt.timedelta(30),
        due_on=due, state=state, closed_on=closed, started_by="test",
    )  # fmt: skip
