"""The DPO's retention review: the records due, each with the decision in force, a page at a
time.

A record leaves the list of those waiting once the DPO has decided on it: kept, or its
destruction approved. An extension brings it back when the new date comes within the
review's horizon, as the rule's own date did.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Page, Paginator

from lantern.access.models import RetentionDecision
from lantern.access.retention import Due, due_for_review

HORIZON_DAYS = 90
PER_PAGE = 50
WAITING, DECIDED = "waiting", "decided"
Outcome = RetentionDecision.Outcome


@dataclass
class Review:
    """One record due for review, with the decision in force on it (if any)."""

    due: Due
    decision: RetentionDecision | None
    limit: dt.date

    @property
    def pk(self) -> int:  # ``audit.record_each`` names the person by ``pk``
        return self.due.person_id

    @property
    def ends(self) -> dt.date:
        """The day the record is kept until: the rule's, or the extension's."""
        if self.decision is not None and self.decision.outcome == Outcome.EXTEND:
            return self.decision.keep_until
        return self.due.keep_until

    @property
    def waiting(self) -> bool:
        if self.decision is None:
            return True
        return self.decision.outcome == Outcome.EXTEND and self.ends <= self.limit


def decisions_in_force(person_ids) -> dict[int, RetentionDecision]:
    """The latest decision on each of ``person_ids``."""
    latest: dict[int, RetentionDecision] = {}
    rows = RetentionDecision.objects.filter(person_id__in=person_ids).select_related("decided_by")
    for decision in rows.order_by("decided_at", "id"):
        latest[decision.person_id] = decision
    return latest


def reviews(on: dt.date) -> list[Review]:
    limit = on + dt.timedelta(days=HORIZON_DAYS)
    due = due_for_review(on, horizon_days=HORIZON_DAYS)
    decided = decisions_in_force(RetentionDecision.objects.values("person_id"))
    return [Review(d, decided.get(d.person_id), limit) for d in due]


@dataclass
class ReviewPage:
    show: str
    page: Page
    waiting: int
    decided: int


def review_page(on: dt.date, *, show: str = WAITING, page: str | None = None) -> ReviewPage:
    """One page of the records waiting for a decision (or of those decided), earliest end
    first. An unknown ``show`` is the waiting list; a page number out of range is the
    nearest page, as ``Paginator.get_page`` reads it."""
    show = show if show in (WAITING, DECIDED) else WAITING
    every = reviews(on)
    waiting = [r for r in every if r.waiting]
    decided = [r for r in every if not r.waiting]
    rows = sorted(waiting, key=lambda r: (r.ends, r.due.council_id)) if show == WAITING else decided
    return ReviewPage(show, Paginator(rows, PER_PAGE).get_page(page), len(waiting), len(decided))


def waiting_count(on: dt.date) -> int:
    return sum(1 for r in reviews(on) if r.waiting)


def review_of(person_id: int, on: dt.date) -> Review | None:
    """The review of one record, or None when it is not due."""
    limit = on + dt.timedelta(days=HORIZON_DAYS)
    due = due_for_review(on, horizon_days=HORIZON_DAYS, person_id=person_id)
    if not due:
        return None
    return Review(due[0], decisions_in_force([person_id]).get(person_id), limit)


def history_of(person_id: int) -> list[RetentionDecision]:
    return list(
        RetentionDecision.objects.filter(person_id=person_id)
        .select_related("decided_by")
        .order_by("-decided_at", "-id")
    )
