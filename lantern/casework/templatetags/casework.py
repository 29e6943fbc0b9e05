"""``{% overdue_panel person %}``: the child's overdue statutory work, for any page about
the child (the person record shows it above everything else: nothing overdue unseen)."""

from django import template
from django.urls import reverse
from django.utils import timezone

from lantern.casework.kinds import FOR_CLOCK
from lantern.clocks.queries import overdue_for

register = template.Library()


@register.inclusion_tag("casework/_overdue_panel.html")
def overdue_panel(person):
    return {"person": person, "items": overdue_for(person, timezone.localdate())}


@register.filter
def next_step_url(item) -> str:
    """Where to record what meets this clock: the visit form for a visit, and so on."""
    person_id, slug = item.deadline.person_id, FOR_CLOCK.get(item.deadline.rule.code)
    if slug is None:
        return reverse("casework:overview", args=[person_id])
    return reverse("casework:new", args=[person_id, slug])
