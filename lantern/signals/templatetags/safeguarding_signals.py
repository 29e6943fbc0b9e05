"""``{% signals_panel person %}``: the child's safeguarding signals, for the record page,
above the chronology (as the overdue panel is, a page below the signals cannot call them).

The page that shows it has already handed out ``person`` through an access function and
audited the look; the panel reads two queries (the signals, their evidence) however many
signals there are, and asks the policy whether the viewer may decide them from the
decision that opened the record. Jinja2 (``signals/panel.html``): it is on every record.
"""

from types import SimpleNamespace

from django import template
from django.template import engines
from django.urls import reverse
from django.utils.safestring import mark_safe

from lantern.access import policy
from lantern.chronology.queries import encode_cursor
from lantern.signals import queries

register = template.Library()


@register.simple_tag(takes_context=True)
def signals_panel(context, person):
    user = context["request"].user
    signals = queries.of_person(person)
    live = [s for s in signals if s.is_live]
    may_decide = bool(live and user.has_perm(queries.DECIDE) and policy.may_write(user, person))
    panel = engines["jinja2"].get_template("signals/panel.html")
    # Jinja2 escaped every value as it rendered (autoescape on).
    return mark_safe(
        panel.render(
            {
                "person": person,
                "live": live,
                "decided": [s for s in signals if not s.is_live],
                "may_decide": may_decide,
                "in_chronology": _chronology_links(),
            }
        )
    )


def _chronology_links():
    """``in_chronology(entry)``: the record's chronology opened at ``entry`` (the page of
    entries from it back: the cursor of an entry just after it), so the evidence is found
    however long ago it was. The record's address is worked out once per person."""
    records: dict[int, str] = {}

    def in_chronology(entry) -> str:
        if entry.person_id not in records:
            records[entry.person_id] = reverse("people:record", args=[entry.person_id])
        after = SimpleNamespace(occurred_at=entry.occurred_at, pk=entry.pk + 1)
        return f"{records[entry.person_id]}?before={encode_cursor(after)}#entry-{entry.pk}"

    return in_chronology
