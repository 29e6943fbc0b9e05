"""``{% search_rows results %}``: the rows of a page of search results, in Jinja2 (every
search draws 25 of them; ``lantern.web.jinja`` says why)."""

from django import template

from lantern.web.jinja import fragment
from lantern.web.links import ID, id_url

register = template.Library()


@register.simple_tag
def search_rows(results):
    return fragment(
        "people/search_rows.html",
        {
            "results": results,
            "record_url": id_url("people:record", ID),
            "reason_url": id_url("access:state-reason", ID),
        },
    )
