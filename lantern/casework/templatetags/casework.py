"""``{% overdue_panel person %}``: the child's overdue statutory work, for any page about
the child (the person record shows it above everything else: nothing overdue unseen);
``{% due_table %}`` and ``{% overview_part %}``: tables rendered by Jinja2."""

from django import template
from django.template import engines
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from lantern.casework.kinds import FOR_CLOCK
from lantern.casework.models.base import RecordLinks
from lantern.clocks.queries import overdue_for

register = template.Library()


@register.simple_tag
def overdue_panel(person):
    panel = engines["jinja2"].get_template("casework/overdue_panel.html")
    items = overdue_for(person, timezone.localdate())
    # Jinja2 escaped every value as it rendered (autoescape on).
    return mark_safe(panel.render({"person": person, "items": items}))


@register.filter
def next_step_url(item) -> str:
    """Where to record what meets this clock: the visit form for a visit, and so on."""
    person_id, slug = item.deadline.person_id, FOR_CLOCK.get(item.deadline.rule.code)
    if slug is None:
        return reverse("casework:overview", args=[person_id])
    return reverse("casework:new", args=[person_id, slug])


def _overview_url(person_id: int) -> str:
    return reverse("casework:overview", args=[person_id])


@register.simple_tag(takes_context=True)
def due_table(context, items, *, show_child=False, table_id="", empty=""):
    """Clocks due or overdue as a table (Jinja2: ``casework/due_table.html``). A child in
    ``hidden`` (restricted records the viewer may not open) is listed without a name."""
    table = engines["jinja2"].get_template("casework/due_table.html")
    # Jinja2 escaped every value as it rendered (autoescape on).
    return mark_safe(
        table.render(
            {
                "items": items,
                "show_child": show_child,
                "table_id": table_id,
                "empty": empty,
                "hidden": context.get("hidden") or (),
                "next_step_url": next_step_url,
                "overview_url": _overview_url,
            }
        )
    )


OVERVIEW_PARTS = {"episodes", "records"}


@register.simple_tag
def overview_part(part: str, person, work):
    """The casework page's tables of records, either side of the other apps' panels (Jinja2:
    ``casework/overview_<part>.html``): ~140 rows, most of the page's CPU as a Django
    template. One ``RecordLinks`` per part: one ``reverse()`` for each kind, not each row."""
    if part not in OVERVIEW_PARTS:
        raise ValueError(f"No overview part {part!r}")
    table = engines["jinja2"].get_template(f"casework/overview_{part}.html")
    html = table.render({"work": work, "link": RecordLinks(person.pk)})
    # Jinja2 escaped every value as it rendered (autoescape on).
    return mark_safe(html)
