"""The workforce tables: ssd_professionals (council staff; the professional id is the user
id that allocations, IRO allocations and personal advisers name), ssd_department (teams)
and ssd_involvements (each allocation of a worker, IRO or personal adviser to a child).

Partner agency staff are not the council's professionals and are left out.
"""

from django.db.models import Count

from lantern.care.models import IROAllocation, PersonalAdviser
from lantern.returns.ssd.common import iso
from lantern.workforce.models import Allocation, StaffMember, Team


def professional_rows(lookups) -> list[tuple]:
    """The caseload is the children allocated to the worker and not yet closed (the open
    allocations), a fact of the records, not of the day the file is made."""
    caseload = dict(
        Allocation.objects.filter(end__isnull=True)
        .values("worker_id")
        .annotate(n=Count("pk"))
        .values_list("worker_id", "n")
    )
    rows = []
    for s in (
        StaffMember.objects.exclude(team__kind=Team.Kind.PARTNER)
        .order_by("user_id")
        .values("pk", "user_id", "user__first_name", "user__last_name", "job_title", "team__name")
    ):
        name = " ".join(p for p in (s["user__first_name"], s["user__last_name"]) if p)
        rows.append((
            s["user_id"], s["pk"], name, "", "", s["job_title"], caseload.get(s["user_id"], 0),
            s["team__name"] or "", "",
        ))  # fmt: skip
    return rows


def department_rows(lookups) -> list[tuple]:
    return [
        (t["pk"], t["name"], "", "")
        for t in Team.objects.exclude(kind=Team.Kind.PARTNER).order_by("pk").values("pk", "name")
    ]


def involvement_rows(lookups) -> list[tuple]:
    """Ids are prefixed by kind (``A`` allocation, ``I`` IRO, ``P`` personal adviser) as
    they come from three tables; the referral is the CIN episode open when it began."""
    teams = dict(StaffMember.objects.values_list("user_id", "team_id"))
    rows = []
    for a in Allocation.objects.order_by("pk").values(
        "pk", "worker_id", "team_id", "child_id", "child__council_id", "start", "end"
    ):
        rows.append((
            f"A{a['pk']}", a["worker_id"], "Allocated worker", a["team_id"],
            a["child__council_id"], iso(a["start"]), iso(a["end"]), "",
            lookups.episode.on(a["child_id"], a["start"]),
        ))  # fmt: skip
    for prefix, role, model, field in (
        ("I", "Independent reviewing officer", IROAllocation, "iro_id"),
        ("P", "Personal adviser", PersonalAdviser, "adviser_id"),
    ):
        for r in model.objects.order_by("pk").values(
            "pk", field, "person_id", "person__council_id", "start_date", "end_date"
        ):
            rows.append((
                f"{prefix}{r['pk']}", r[field], role, teams.get(r[field]),
                r["person__council_id"], iso(r["start_date"]), iso(r["end_date"]), "",
                lookups.episode.on(r["person_id"], r["start_date"]),
            ))  # fmt: skip
    return rows
