"""Which worker holds each open child, and who held them before.

A child moves between teams as the case moves on: the assessment team first, then a child
protection team for a plan, children in care once looked after, leaving care at 18. Each
move is a closed allocation followed by a new one, so the history a manager reads is real.
Siblings share a worker, as families are allocated together.
"""

import datetime as dt
import random

from lantern.demo.specs import Borough, PersonSpec
from lantern.demo.staff import Staff
from lantern.workforce.models import Allocation, Team

DAY = dt.timedelta(days=1)
T = Team.Kind
SOCIAL_WORKER_CASELOAD = (15, 20)
CASE_TEAMS = [T.ASSESSMENT, T.CHILD_PROTECTION, T.CHILDREN_IN_CARE, T.LEAVING_CARE]


def team_spells(rng: random.Random, child: PersonSpec, cin_team: str, today: dt.date):
    """(team kind, start, end) for the child's involvement, oldest first."""
    start = min(child.episode_start + DAY, today)
    status = child.status
    if child.care_end and status in ("closed", "child_in_need"):  # left care in the year
        care, left = max(child.care_start, start), child.care_end
        spells = [(T.CHILDREN_IN_CARE, care, left)]
        if care > start + 14 * DAY:
            spells.insert(0, (T.CHILD_PROTECTION, start, care))
        if status == "child_in_need":
            spells.append((cin_team, left, None))
        return spells
    if status == "closed":
        return [(T.ASSESSMENT, start, max(start, child.episode_end))]
    if status == "assessment":
        return [(T.ASSESSMENT, start, None)]
    if status in ("child_in_need", "child_protection"):
        kind = T.CHILD_PROTECTION if status == "child_protection" else cin_team
        transfer = start + rng.randint(25, 60) * DAY
        if kind == T.CHILD_PROTECTION and transfer < today - 7 * DAY:
            return [(T.ASSESSMENT, start, transfer), (kind, transfer, None)]
        return [(kind, start, None)]
    if status == "looked_after":
        care = max(child.care_start, start)
        if child.role == "uasc" or care <= start + 14 * DAY:
            return [(T.CHILDREN_IN_CARE, care, None)]
        return [(T.CHILD_PROTECTION, start, care), (T.CHILDREN_IN_CARE, care, None)]
    if status == "care_leaver":
        eighteen = dt.date(child.dob.year + 18, child.dob.month, min(child.dob.day, 28))
        eighteen = min(max(eighteen, start), today)
        return [(T.CHILDREN_IN_CARE, start, eighteen), (T.LEAVING_CARE, eighteen, None)]
    return []


def my_families(borough: Borough) -> set[int]:
    """The demo social worker's caseload: the showcase family, then families on plans, then
    children in need, until 15–20 children (a full but believable caseload)."""
    low, high = SOCIAL_WORKER_CASELOAD
    chosen, count = set(), 0
    for wanted in ("showcase", "child_protection", "child_in_need"):
        for family in borough.families:
            kids = [k for k in family.children if k.status in ("child_protection", "child_in_need")]
            fits = kids and count + len(kids) <= high and id(family) not in chosen
            if wanted == "showcase":
                fits = fits and any(k.showcase for k in kids)
            elif wanted == "child_protection":
                fits = fits and count < low - 5 and all(k.status == wanted for k in kids)
            else:
                fits = fits and count < low
            if fits:
                chosen.add(id(family))
                count += len(kids)
    return chosen


def allocate(rng: random.Random, borough: Borough, staff: Staff, today: dt.date) -> int:
    """Write every allocation; each child's spells are kept on it for the chronology."""
    rows: list[Allocation] = []
    mine = staff.demo["social.worker"]
    chosen = my_families(borough)
    for family in borough.families:
        kids = [k for k in family.children if k.status not in ("not_open", "contact")]
        if not kids:
            continue
        cin_team = T.CHILD_PROTECTION if rng.random() < 0.75 else T.ASSESSMENT
        teams = {kind: rng.choice(staff.of_kind(kind)) for kind in CASE_TEAMS}
        workers = {kind: rng.choice(staff.workers[team]) for kind, team in teams.items()}
        take = id(family) in chosen
        if take:
            cin_team = T.CHILD_PROTECTION
        for kid in kids:
            for kind, start, end in team_spells(rng, kid, cin_team, today):
                worker = workers[kind]
                if end is None and take and kind == T.CHILD_PROTECTION:
                    worker = mine
                elif end is None and (today - start).days > 200 and rng.random() < 0.3:
                    # A change of worker within the team: someone left or went on leave.
                    change = start + (today - start) // 2
                    before = rng.choice(staff.workers[teams[kind]])
                    kid.spells.append((before, kind, start, change))
                    start = change
                kid.spells.append((worker, kind, start, end))
            rows += [
                Allocation(
                    child_id=kid.pk, worker_id=w.user_id, team_id=w.team_id, start=start, end=end
                )
                for w, _, start, end in kid.spells
            ]
    Allocation.objects.bulk_create(rows, batch_size=5000)
    return len(rows)
