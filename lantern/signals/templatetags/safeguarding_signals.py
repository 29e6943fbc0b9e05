"""``{% signals_panel person %}``: the child's safeguarding signals, for the record page,
above the chronology (as the overdue panel is, a page below the signals cannot call them).
``{% live_signals_list signals empty %}``: the live signals of a list of children, for My
work and the team view (Jinja2, as ``lantern.web.jinja`` says why).

The page that shows it has already handed out ``person`` through an access function and
audited the look; the panel reads two queries (the signals, their evidence) however many
signals there are.
"""

from types import SimpleNamespace

from django import template
from django.template import engines
from django.urls import reverse
from django.utils.safestring import mark_safe

from lantern.access import policy
from lantern.chronology.queries import encode_cursor
from lantern.signals import queries
from lantern.web.links import id_url

register = template.Library()


@register.inclusion_tag("signals/_panel.html", takes_context=True)
def signals_panel(context, person):
    user = context["request"].user
    signals = queries.of_person(person)
    live = [s for s in signals if s.is_live]
    may_decide = bool(
        live
        and user.has_perm(queries.DECIDE)
        and policy.decide(user, person, for_write=True).allowed
    )
    return {
        "person": person,
        "live": live,
        "decided": [s for s in signals if not s.is_live],
        "may_decide": may_decide,
    }


@register.simple_tag
def live_signals_list(signals, empty: str):
    """``signals`` from ``queries.live_for``, each marked ``hidden`` or not; ``empty`` is
    said when there are none."""
    table = engines["jinja2"].get_template("signals/live_list.html")
    # Jinja2 escaped every value as it rendered (autoescape on).
    return mark_safe(
        table.render({"signals": signals, "empty": empty, "record_url": id_url("people:record")})
    )


@register.filter
def in_chronology(entry) -> str:
    """The record's chronology opened at ``entry``: the page of entries from it back (the
    cursor of an entry just after it), so the evidence is found however long ago it was."""
    after = SimpleNamespace(occurred_at=entry.occurred_at, pk=entry.pk + 1)
    url = reverse("people:record", args=[entry.person_id])
    return f"{url}?before={encode_cursor(after)}#entry-{entry.pk}"
