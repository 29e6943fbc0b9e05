"""The SWEpisodes table: the social workers in the year of each child looked after on
31 March, from the workforce allocations (``workforce.Allocation``), including those
allocated before the child came into care (rule SW12STG2: "all social worker episodes for
the full year ... even those whilst they were not looked after"). A child who left care in
the year is not in it: SW17STG2 wants every child's latest episode open at 31 March.

SW_ID is a stable pseudonym for the worker: "SW" (rule SW02STG1 wants SW or XX first) and
the worker's account number, the same in every year's return, naming nobody. An
allocation that runs past 31 March is written open (SW_DEC blank: SW07STG2, SW17STG2).

Lantern does not record why a child's worker changed, so SW_REASON is read from the
allocations themselves, with the DfE's codes (``care.codes.SW_REASON``): FCONTA for the
child's first worker or one allocated after a gap of more than 7 days (SW10aSTG2 allows
other reasons only within 7 days of the last episode's end), LEFTRL when the worker before
has since left (their account is closed), otherwise MANAGE (managing caseloads).
"""

from lantern.returns.years import CollectionYear
from lantern.workforce.models import Allocation

FIRST_CONTACT, LEFT_ROLE, MANAGING = "FCONTA", "LEFTRL", "MANAGE"
CONTINUOUS_DAYS = 7


def sw_id(worker_id: int) -> str:
    return f"SW{worker_id:06d}"


def _reason(before: Allocation | None, this: Allocation) -> str:
    if before is None or before.end is None:
        return FIRST_CONTACT if before is None else MANAGING
    if abs((this.start - before.end).days) > CONTINUOUS_DAYS:
        return FIRST_CONTACT
    return MANAGING if before.worker.is_active else LEFT_ROLE


def sw_episode_rows(year: CollectionYear, children: set[int]) -> list[dict]:
    allocations = (
        Allocation.objects.filter(child_id__in=children, start__lte=year.end)
        .select_related("child", "worker")
        .order_by("child__council_id", "start", "pk")
    )
    rows: list[dict] = []
    before: Allocation | None = None
    for a in allocations:
        if before is not None and before.child_id != a.child_id:
            before = None
        reason = _reason(before, a)
        before = a
        if a.end is not None and a.end < year.start:
            continue
        closed = a.end is not None and a.end <= year.end
        rows.append(
            {
                "CHILD": a.child.council_id,
                "DOB": a.child.date_of_birth,
                "SW_ID": sw_id(a.worker_id),
                "SW_DECOM": a.start,
                "SW_DEC": a.end if closed else None,
                "SW_REASON": reason,
            }
        )
    return rows
