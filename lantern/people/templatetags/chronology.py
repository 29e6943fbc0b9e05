"""``{% chronology_rows months nothing_text %}``: a chronology's rows, month by month, for
the record page and the printable chronology; ``{% record_details %}``: the record page's
details, household and relationships. Rendered by Jinja2 (``lantern.web.jinja`` says why):
the fragments of the page staff open most, one of them repeated 50 times or, printed,
thousands."""

from django import template
from django.template import engines
from django.urls import reverse
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def chronology_rows(months, nothing_text: str):
    rows = engines["jinja2"].get_template("people/chronology_rows.html")
    # Jinja2 escaped every value as it rendered (autoescape on).
    return mark_safe(rows.render({"months": months, "nothing_text": nothing_text}))


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


def _record_url(person_id: int) -> str:
    return reverse("people:record", args=[person_id])


@register.simple_tag(takes_context=True)
def record_details(context):
    details = engines["jinja2"].get_template("people/record_details.html")
    values = {name: context.get(name) for name in DETAILS}
    return mark_safe(details.render({**values, "record_url": _record_url}))
