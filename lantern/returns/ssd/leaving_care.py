"""Care leavers (ssd_care_leavers, one row per young person, from their latest contact) and
pre-proceedings under the Public Law Outline (ssd_pre_proceedings)."""

from django.db.models import Count, Max, Min

from lantern.care.models import (
    CareLeaverContact,
    PathwayPlan,
    PersonalAdviser,
    PreProceedings,
    PreProceedingsMeeting,
)
from lantern.returns.ssd.common import iso


def care_leaver_rows(lookups) -> list[tuple]:
    """The latest contact (its id is the row's), with the latest pathway plan and the
    personal adviser and worker allocated now. The eligibility category is left empty: it
    depends on the day the extract is read, and a file must not."""
    latest = {}
    for c in CareLeaverContact.objects.order_by("person_id", "contact_on", "pk").values(
        "pk", "person_id", "person__council_id", "contact_on", "in_touch", "accommodation",
        "activity",
    ):  # fmt: skip
        latest[c["person_id"]] = c
    plans = dict(
        PathwayPlan.objects.values("person_id")
        .annotate(last=Max("made_on"))
        .values_list("person_id", "last")
    )
    advisers = dict(
        PersonalAdviser.objects.filter(end_date__isnull=True).values_list("person_id", "adviser_id")
    )
    rows = []
    for person_id, c in sorted(latest.items(), key=lambda kv: kv[1]["person__council_id"]):
        team, worker = lookups.allocation.on(person_id, c["contact_on"]) or ("", "")
        accom = c["accommodation"] or ""
        rows.append((
            c["pk"], c["person__council_id"], "", c["in_touch"], iso(c["contact_on"]),
            accom[:1], accom[1:], c["activity"], iso(plans.get(person_id)),
            advisers.get(person_id, ""), team, worker,
        ))  # fmt: skip
    return rows


def pre_proceedings_rows(lookups) -> list[tuple]:
    meetings = {
        m["pre_proceedings_id"]: m
        for m in PreProceedingsMeeting.objects.values("pre_proceedings_id").annotate(
            first=Min("held_on"), number=Count("pk")
        )
    }
    rows = []
    for p in PreProceedings.objects.order_by("pk").values(
        "pk", "person__council_id", "decided_on", "decision", "letter_sent_on"
    ):
        m = meetings.get(p["pk"], {})
        decided = p["decision"] in (
            PreProceedings.Decision.ISSUE,
            PreProceedings.Decision.STEP_DOWN,
        )
        rows.append((
            p["pk"], p["person__council_id"], "", iso(p["decided_on"]), iso(m.get("first")),
            PreProceedings.Decision(p["decision"]).label if p["decision"] else "",
            iso(p["decided_on"]) if decided else "", "", "", "", "",
            iso(p["letter_sent_on"]), "", m.get("number", 0), "", "", "", "", "", "", "", "",
            "", "",
        ))  # fmt: skip
    return rows
