"""The care sections of the child's casework page for court and legal, missing episodes and
UASC (registered from ``CareConfig.ready``; casework never imports care)."""

from django.urls import reverse

from lantern.access.roles import RECORD_CASEWORK
from lantern.care.queries import legal, missing, uasc
from lantern.casework import panels
from lantern.clocks.models import Deadline


def _links(person, user, slugs: dict[str, str]) -> list[tuple[str, str]]:
    if not user.has_perm(RECORD_CASEWORK):
        return []
    return [
        (label, reverse("casework:new", args=[person.pk, slug])) for slug, label in slugs.items()
    ]


def court_panel(person, user, today):
    status = legal.court_status(person, today) or {
        "timetable": None, "orders": [], "pre_proceedings": None, "consents": [], "withdrawn": [],
    }  # fmt: skip
    links = {
        "pre-proceedings": "Record a letter before proceedings",
        "court-application": "Record an application to court",
        "court-order": "Record a court order",
    }
    if status["pre_proceedings"] is not None:
        links["pre-proceedings-meeting"] = "Record a pre-proceedings meeting"
    if person.care_status == "looked_after":
        links["s20-consent"] = "Record section 20 consent"
    return {**status, "links": _links(person, user, links)}


def missing_panel(person, user, today):
    rows = missing.episodes(person)
    waiting = []
    if any(e.end_date and not e.rhi_offered_on for e in rows):
        waiting = Deadline.objects.filter(
            person=person, rule__code="return_home_interview", state=Deadline.State.OPEN
        ).order_by("due_on")
    return {
        "episodes": rows[:10],
        "more": max(0, len(rows) - 10),
        "repeat": missing.repeat_missing(person, today, rows),
        "prompt": missing.PROMPT,
        "threshold": (missing.REPEAT_EPISODES, missing.REPEAT_WINDOW_DAYS),
        "interviews_due": list(waiting),
        "strategy_url": reverse("casework:new", args=[person.pk, "strategy-discussion"]),
        "links": _links(person, user, {"missing-episode": "Record a missing episode"}),
    }


def uasc_panel(person, user, today):
    records = uasc.uasc_records(person)
    if records is None:
        return None
    links = {
        "age-assessment": "Record an age assessment",
        "nts-referral": "Record a National Transfer Scheme referral",
    }
    return {**records, "links": _links(person, user, links)}


def register_all() -> None:
    panels.register("care/_court_panel.html", court_panel)
    panels.register("care/_missing_panel.html", missing_panel)
    panels.register("care/_uasc_panel.html", uasc_panel)
