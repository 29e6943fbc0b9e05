"""``{% signals_panel person %}``: the child's safeguarding signals, for the record page,
above the chronology (as the overdue panel is, a page below the signals cannot call them).
The page that shows it has already handed out ``person`` through an access function and
audited the look; the panel reads two queries (the signals, their evidence) however many
signals there are, and asks the policy whether the viewer may decide them from the
decision that opened the record. Jinja2 (``signals/panel.html``): it is on every record.

``{% live_signals_list signals empty %}``: the live signals of a list of children, for My
work and the team view (Jinja2, as ``lantern.web.jinja`` says why).
"""

from types import SimpleNamespace

from django import template

from lantern.access import policy
from lantern.chronology.queries import encode_cursor
from lantern.signals import queries
from lantern.web.jinja import fragment
from lantern.web.links import ID, id_url

register = template.Library()


@register.simple_tag(takes_context=True)
def signals_panel(context, person):
    user = context["request"].user
    signals = queries.of_person(person)
    live = [s for s in signals if s.is_live]
    may_decide = bool(live and user.has_perm(queries.DECIDE) and policy.may_write(user, person))
    return fragment(
        "signals/panel.html",
        {
            "person": person,
            "live": live,
            "decided": [s for s in signals if not s.is_live],
            "may_decide": may_decide,
            "in_chronology": _chronology_links(),
        },
    )


@register.simple_tag
def live_signals_list(signals, empty: str):
    """``signals`` from ``queries.live_for``, each marked ``hidden`` or not; ``empty`` is
    said when there are none."""
    return fragment(
        "signals/live_list.html",
        {"signals": signals, "empty": empty, "record_url": id_url("people:record", ID)},
    )


def _chronology_links():
    """``in_chronology(entry)``: the record's chronology opened at ``entry`` (the page of
    entries from it back: the cursor of an entry just after it), so the evidence is found
    however long ago it was."""
    record_url = id_url("people:record", ID)

    def in_chronology(entry) -> str:
        after = SimpleNamespace(occurred_at=entry.occurred_at, pk=entry.pk + 1)
        return f"{record_url(entry.person_id)}?before={encode_cursor(after)}#entry-{entry.pk}"

    return in_chronology
