"""``{% chronology_rows months nothing_text %}``: a chronology's rows, month by month, for
the record page and the printable chronology; ``{% record_details %}``: the record page's
details, household and relationships. Rendered by Jinja2 (``lantern.web.jinja`` says why):
the fragments of the page staff open most, one of them repeated 50 times or, printed,
thousands."""

from django import template

from lantern.web.jinja import fragment
from lantern.web.links import ID, id_url

register = template.Library()


@register.simple_tag
def chronology_rows(months, nothing_text: str):
    return fragment("people/chronology_rows.html", {"months": months, "nothing_text": nothing_text})


DETAILS = (
    "person",
    "disabilities",
    "address",
    "identifiers",
    "names",
    "household",
    "previous_household",
    "relationships",
)


@register.simple_tag(takes_context=True)
def record_details(context):
    values = {name: context.get(name) for name in DETAILS}
    return fragment(
        "people/record_details.html", {**values, "record_url": id_url("people:record", ID)}
    )
