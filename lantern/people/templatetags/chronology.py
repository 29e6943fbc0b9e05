"""``{% chronology_rows months nothing_text %}``: a chronology's rows, month by month, for
the record page and the printable chronology. Rendered by Jinja2 (``lantern.web.jinja``
says why): the one fragment a page repeats 50 times or, printed, thousands."""

from django import template
from django.template import engines
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def chronology_rows(months, nothing_text: str):
    rows = engines["jinja2"].get_template("people/chronology_rows.html")
    # Jinja2 escaped every value as it rendered (autoescape on).
    return mark_safe(rows.render({"months": months, "nothing_text": nothing_text}))
