"""``{% queue_rows rows now %}``: the MASH queue's rows, rendered by Jinja2
(``frontdoor/queue_rows.html``; ``lantern.web.jinja`` says why): the page the MASH keeps open
all day, 50 contacts a page, each with dates, links and tags. ``{% candidate_table %}``: the
match candidates on a contact's page, opened many times while the contact waits."""

from django import template
from django.urls import reverse

from lantern.web.jinja import fragment
from lantern.web.links import ID, id_url

register = template.Library()


@register.simple_tag
def queue_rows(rows, now):
    """``rows`` of (contact, its people, its possible duplicates); a decision due before ``now`` is
    tagged overdue."""
    return fragment(
        "frontdoor/queue_rows.html",
        {
            "rows": rows,
            "now": now,
            "contact_url": id_url("frontdoor:contact", ID),
        },
    )


@register.simple_tag(takes_context=True)
def candidate_table(context, rows, caption, contact, subject):
    """One person's candidates on the MASH contact page, each with its decision buttons,
    rendered by Jinja2 (``frontdoor/candidate_table.html``)."""
    return fragment(
        "frontdoor/candidate_table.html",
        {
            "rows": rows,
            "caption": caption,
            "csrf_token": str(context.get("csrf_token", "")),
            "same_person_url": reverse("frontdoor:same-person", args=[contact.pk, subject.pk]),
            "not_same_person_url": reverse(
                "frontdoor:not-same-person", args=[contact.pk, subject.pk]
            ),
        },
    )
