"""``{% overdue_panel person %}``: the child's overdue statutory work, for any page about
the child (the person record shows it above everything else: nothing overdue unseen).
``{% due_table %}``, ``{% due_days %}`` (My work), ``{% team_tables %}`` (the team view),
``{% caseload_rows %}`` (a caseload) and ``{% overview_part %}`` (the casework page): lists of
clocks, caseloads and records, rendered by Jinja2 (``lantern.web.jinja`` says why)."""

from functools import partial

from django import template
from django.urls import reverse
from django.utils import timezone

from lantern.casework.kinds import FOR_CLOCK
from lantern.clocks.queries import overdue_for
from lantern.web.jinja import fragment
from lantern.web.links import ID, id_url

register = template.Library()


@register.simple_tag
def overdue_panel(person):
    items = overdue_for(person, timezone.localdate())
    return fragment("casework/overdue_panel.html", {"person": person, "items": items})


@register.filter
def next_step_url(item) -> str:
    """Where to record what meets this clock: the visit form for a visit, and so on."""
    person_id, slug = item.deadline.person_id, FOR_CLOCK.get(item.deadline.rule.code)
    if slug is None:
        return reverse("casework:overview", args=[person_id])
    return reverse("casework:new", args=[person_id, slug])


def _links() -> dict:
    """The due table's links for one rendering, each kind reversed once, not once a row
    (``lantern.web.links``): the child's casework, and the form that meets a clock."""
    overview = id_url("casework:overview", ID)
    forms = {}

    def next_step(item) -> str:
        person_id, slug = item.deadline.person_id, FOR_CLOCK.get(item.deadline.rule.code)
        if slug is None:
            return overview(person_id)
        if slug not in forms:
            forms[slug] = id_url("casework:new", ID, slug)
        return forms[slug](person_id)

    return {"overview_url": overview, "next_step_url": next_step}


def _due_table(items, hidden, links, *, show_child=False, table_id="", empty=""):
    return fragment(
        "casework/due_table.html",
        {
            "items": items,
            "show_child": show_child,
            "table_id": table_id,
            "empty": empty,
            "hidden": hidden,
            **links,
        },
    )


@register.simple_tag(takes_context=True)
def due_table(context, items, *, show_child=False, table_id="", empty=""):
    """Clocks due or overdue as a table (Jinja2: ``casework/due_table.html``). A child in
    ``hidden`` (restricted records the viewer may not open) is listed without a name."""
    hidden = context.get("hidden") or ()
    return _due_table(
        items, hidden, _links(), show_child=show_child, table_id=table_id, empty=empty
    )


@register.simple_tag(takes_context=True)
def team_tables(context, workers, late, since):
    """The team view's caseloads, each worker's overdue work and the work completed late
    (Jinja2: ``casework/team_tables.html``), a child in ``hidden`` listed without a name."""
    hidden, links = context.get("hidden") or (), _links()
    return fragment(
        "casework/team_tables.html",
        {
            "workers": workers,
            "late": late,
            "since": since,
            "hidden": hidden,
            "due_table": partial(_due_table, hidden=hidden, links=links),
            "overview_url": links["overview_url"],
            "caseload_url": id_url("casework:worker-caseload", ID),
        },
    )


@register.simple_tag
def caseload_rows(rows, empty: str):
    """A caseload's rows (``caseload.caseload``), Jinja2: ``casework/caseload_rows.html``.
    As a Django template its ~30 rows were a third of the page's CPU: a ``reverse()`` and
    date formats that re-read the locale in every row. The care status is worded as in
    search results (``get_care_status_display``)."""
    return fragment(
        "casework/caseload_rows.html",
        {
            "rows": rows,
            "empty": empty,
            "record_url": id_url("people:record", ID),
            "next_step_url": _links()["next_step_url"],
        },
    )


@register.simple_tag(takes_context=True)
def due_days(context, days, today):
    """My work's days (``queries.by_day``), each with its due table (Jinja2:
    ``casework/due_days.html``)."""
    hidden = context.get("hidden") or ()
    return fragment(
        "casework/due_days.html",
        {
            "days": days,
            "today": today,
            "due_table": partial(_due_table, hidden=hidden, links=_links()),
        },
    )


OVERVIEW_PARTS = {"episodes", "records"}


@register.simple_tag
def overview_part(part: str, person, work):
    """The casework page's tables of records, either side of the other apps' panels (Jinja2:
    ``casework/overview_<part>.html``): ~140 rows, most of the page's CPU as a Django
    template. One ``RecordLinks`` per part: one ``reverse()`` for each kind, not each row."""
    if part not in OVERVIEW_PARTS:
        raise ValueError(f"No overview part {part!r}")
    return fragment(
        f"casework/overview_{part}.html", {"work": work, "link": RecordLinks(person.pk)}
    )


class RecordLinks:
    """``links(record)``: ``record.get_absolute_url()`` for one child's records, reversed
    once for each kind (``web.links.id_url``) instead of once for each row (a casework page
    links ~140). Another child's record gets its own ``get_absolute_url``."""

    def __init__(self, person_id: int):
        self.person_id = person_id
        self._by_slug: dict = {}

    def __call__(self, record) -> str:
        if record.person_id != self.person_id:
            return record.get_absolute_url()
        slug = record.url_slug
        if slug not in self._by_slug:
            self._by_slug[slug] = id_url("casework:record", self.person_id, slug, ID)
        return self._by_slug[slug](record.pk)
