"""``{% queue_rows rows now %}``: the MASH queue's rows, rendered by Jinja2
(``frontdoor/queue_rows.html``; ``lantern.web.jinja`` says why): the page the MASH keeps open
all day, 50 contacts a page, each with dates, links and tags."""

from django import template

from lantern.web.jinja import fragment
from lantern.web.links import ID, id_url

register = template.Library()


@register.simple_tag
def queue_rows(rows, now):
    """``rows`` of (contact, its possible duplicates); a decision due before ``now`` is
    tagged overdue."""
    return fragment(
        "frontdoor/queue_rows.html",
        {
            "rows": rows,
            "now": now,
            "contact_url": id_url("frontdoor:contact", ID),
        },
    )
