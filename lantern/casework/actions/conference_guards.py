"""Who may chair a conference and when a review may be held: checks the initial and review
conference actions share, kept apart so ``plans`` stays about the plan's own steps."""

import datetime as dt

from lantern.casework.actions.base import long_date, not_before, refuse
from lantern.casework.models import ChildProtectionPlan
from lantern.people.models import Person
from lantern.workforce.models import Allocation


def chair_is_independent(person: Person, chair, held_on: dt.date) -> None:
    """The chair is independent of the child's line management (WT23): neither the worker
    allocated to the child on the day, nor the manager of that worker's team."""
    if chair is None:
        return
    allocations = Allocation.objects.filter(child=person, start__lte=held_on).exclude(
        end__lt=held_on
    )
    allocation = allocations.select_related("team").order_by("-start").first()
    if allocation is None:
        return
    if allocation.worker_id == chair.pk:
        refuse(
            "The chair cannot be the child's allocated worker: choose an independent chair", "chair"
        )
    if allocation.team.manager_id == chair.pk:
        refuse(
            "The chair cannot be the manager of the allocated worker's team: choose an "
            "independent chair",
            "chair",
        )


def after_the_last_conference(plan: ChildProtectionPlan, held_on: dt.date) -> None:
    """Each review follows the conference before it (the ICPC or the last review): an
    earlier date would reorder the plan's history and restart its review clock backwards."""
    last = plan.reviews.order_by("-held_on").first()
    if last is None:
        not_before(
            held_on,
            plan.icpc.held_on,
            "A review conference cannot be before the initial conference "
            f"({long_date(plan.icpc.held_on)})",
            "held_on",
        )
    else:
        not_before(
            held_on,
            last.held_on,
            "A review conference cannot be before the previous review conference "
            f"({long_date(last.held_on)})",
            "held_on",
        )
