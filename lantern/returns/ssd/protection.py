"""Child protection: ssd_s47_enquiry, ssd_initial_cp_conference, ssd_cp_plans, ssd_cp_visits
and ssd_cp_reviews. Categories are the CIN census codes, several being ``MUL``."""

from lantern.casework import codes
from lantern.casework.models import ChildProtectionPlan, Conference, Section47Enquiry, Visit
from lantern.returns.ssd.common import iso, yn


def s47_rows(lookups) -> list[tuple]:
    rows = []
    for s in Section47Enquiry.objects.order_by("pk").values(
        "pk", "episode_id", "person_id", "person__council_id", "start_date", "end_date",
        "icpc_required",
    ):  # fmt: skip
        team, worker = lookups.team_and_worker(s["person_id"], s["end_date"] or s["start_date"])
        nfa = None if s["icpc_required"] is None else not s["icpc_required"]
        rows.append((
            s["pk"], s["episode_id"], s["person__council_id"], iso(s["start_date"]),
            iso(s["end_date"]), yn(nfa), "", team, worker,
        ))  # fmt: skip
    return rows


def icpc_rows(lookups) -> list[tuple]:
    plans = dict(ChildProtectionPlan.objects.values_list("icpc_id", "pk"))
    kinds = (Conference.Kind.INITIAL, Conference.Kind.TRANSFER_IN)
    rows = []
    for c in Conference.objects.filter(kind__in=kinds).order_by("pk").values(
        "pk", "section47_id", "person_id", "person__council_id", "episode_id", "kind",
        "held_on", "decision",
    ):  # fmt: skip
        team, worker = lookups.team_and_worker(c["person_id"], c["held_on"])
        rows.append((
            c["pk"], c["pk"], c["section47_id"], c["person__council_id"], plans.get(c["pk"], ""),
            c["episode_id"], yn(c["kind"] == Conference.Kind.TRANSFER_IN), "",
            iso(c["held_on"]), yn(c["decision"] == Conference.Decision.PLAN), "", team, worker,
        ))  # fmt: skip
    return rows


def cp_plan_rows(lookups) -> list[tuple]:
    return [
        (
            p["pk"], p["episode_id"], p["icpc_id"], p["person__council_id"],
            iso(p["start_date"]), iso(p["end_date"]),
            yn(p["icpc__kind"] == Conference.Kind.TRANSFER_IN),
            codes.census_category(p["initial_categories"]) if p["initial_categories"] else "",
            codes.census_category(p["latest_categories"]) if p["latest_categories"] else "",
        )
        for p in ChildProtectionPlan.objects.order_by("pk").values(
            "pk", "episode_id", "icpc_id", "person__council_id", "start_date", "end_date",
            "icpc__kind", "initial_categories", "latest_categories",
        )
    ]  # fmt: skip


def cp_visit_rows(lookups) -> list[tuple]:
    return [
        (pk, council_id, lookups.cp_plan.on(person_id, day), iso(day), yn(seen), yn(alone),
         yn(bedroom))
        for pk, person_id, council_id, day, seen, alone, bedroom
        in lookups.visits[Visit.Kind.CHILD_PROTECTION]
    ]  # fmt: skip


def cp_review_rows(lookups) -> list[tuple]:
    return [
        (c["pk"], c["person__council_id"], c["plan_id"], "", iso(c["held_on"]), c["pk"],
         yn(c["decision"] == Conference.Decision.CONTINUE), "", "")
        for c in Conference.objects.filter(kind=Conference.Kind.REVIEW)
        .order_by("pk")
        .values("pk", "person__council_id", "plan_id", "held_on", "decision")
    ]  # fmt: skip
