"""What an IRO sees: the children they review and the next review each one is due, read from
the clock engine (the same dates "my work" and the returns use)."""

import datetime as dt
from dataclasses import dataclass

from lantern.access.policy import Relation
from lantern.care.models import IROAllocation, LookedAfterReview
from lantern.care.queries.placements import periods_of
from lantern.clocks.models import Deadline
from lantern.clocks.queries import DueItem, due_items
from lantern.prepared import prepared

REVIEW_CLOCKS = ("first_lac_review", "second_lac_review", "lac_review")


def iro_relation(user, person) -> Relation | None:
    """The access basis for the child's own IRO (registered with ``access.policy``)."""
    if not user.is_authenticated:
        return None
    mine = IROAllocation.objects.filter(person=person, iro=user, end_date__isnull=True)
    return Relation.ALLOCATED_IRO if mine.exists() else None


def current_iro(person) -> IROAllocation | None:
    return (
        IROAllocation.objects.filter(person=person, end_date__isnull=True)
        .select_related("iro")
        .first()
    )


def iro_history(person) -> list[IROAllocation]:
    """Every IRO the child has had, newest first: a change of IRO is kept, not overwritten."""
    return _iro_history(person.pk)


@prepared
def _iro_history(person_id):
    return IROAllocation.objects.filter(person_id=person_id).select_related("iro")


@dataclass
class CaseloadRow:
    allocation: IROAllocation
    due: DueItem | None  # the next review, from the child's running review clock
    last_review: LookedAfterReview | None

    @property
    def person(self):
        return self.allocation.person


def iro_caseload(iro, today: dt.date) -> list[CaseloadRow]:
    """Each looked-after child ``iro`` is allocated, with the next review due; soonest (and
    so overdue) first, children with no review clock last."""
    allocations = list(
        IROAllocation.objects.filter(iro=iro, end_date__isnull=True).select_related("person")
    )
    ids = [a.person_id for a in allocations]
    clocks = (
        Deadline.objects.filter(
            person_id__in=ids, state=Deadline.State.OPEN, rule__code__in=REVIEW_CLOCKS
        )
        .select_related("rule", "person")
        .order_by("due_on")
    )
    due = {}
    for item in due_items(clocks, today):
        due.setdefault(item.deadline.person_id, item)
    last = {}
    for review in LookedAfterReview.objects.filter(person_id__in=ids).order_by("held_on"):
        last[review.person_id] = review
    rows = [CaseloadRow(a, due.get(a.person_id), last.get(a.person_id)) for a in allocations]
    far = dt.date.max
    return sorted(rows, key=lambda r: (r.due.deadline.due_on if r.due else far, r.person.last_name))


def reviews_panel(person, user, today: dt.date) -> dict | None:
    """The child's casework page: their IRO (and every change of IRO), reviews and the
    IRO's concerns. Left out for a child never looked after."""
    from lantern.access.roles import ALLOCATE_WORKER, IRO, RECORD_CASEWORK
    from lantern.care.models import IROConcern

    if not periods_of(person):
        return None
    return {
        "person": person,
        "history": iro_history(person),
        "reviews": list(LookedAfterReview.objects.filter(person=person).select_related("chair")),
        "concerns": list(IROConcern.objects.filter(person=person)),
        "may_allocate": user.has_perm(ALLOCATE_WORKER),
        "may_record": user.has_perm(RECORD_CASEWORK),
        "is_iro": user.groups.filter(name=IRO).exists(),
    }
