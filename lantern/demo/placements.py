"""Placements in the demo's periods of care: where each child lives, with whom, and when
they moved.

The placement a looked-after child has on the day is drawn to England's mix (``targets``:
about 70% fostered, a fifth of all children with kinship carers, a tenth in children's
homes, some placed with parents, supported accommodation only at 16 and 17, a few placed for
adoption), among the children it can fit: ``plan_care`` shares the kinds out before any
history is written. Moves are drawn so that about one child in ten has three or more
placements in the year and about two thirds of long-stay under-16s have lived with the same
carer for two years (``targets``: placement stability, DfE 2025). Earlier placements are
foster homes, kinship carers and, for older children, children's homes. A move gives the
reason for the placement change on the placement that ended, in England's proportions
(DfE CLA 2024, reasons for placement change: care plan 31%, other 22%, carer's request
about behaviour 8%, ...).
"""

import datetime as dt

from lantern.care import rules
from lantern.care.models import Carer, Placement
from lantern.demo import targets

DAY = dt.timedelta(days=1)
K = Carer.Kind
K3_FROM = dt.date(2024, 4, 1)  # supported accommodation (K3) from the 2024/25 return
H5_UNTIL = dt.date(2025, 3, 31)  # semi-independent living (H5) to the end of 2024/25
STABLE = 0.72  # long-stay under-16s with no move in two years (69% measured: some just moved)
# 0, 1, 2, 3 moves in the last 12 months: 2 or more a little under 1 in 10, as the moves a
# planned placement needs (to supported accommodation at 16, for adoption) add to them.
MOVES_IN_YEAR = (0.6, 0.32, 0.06, 0.02)
UNSETTLED_MOVES = (0.35, 0.42, 0.17, 0.06)  # the long-stay under-16s who are not stable
REASONS = (  # a move to another carer; "PLACE" is a change of status with the same carer
    ("CARPL", 31),
    ("OTHER", 22),
    ("CREQB", 8),
    ("CREQO", 6),
    ("CHILD", 3),
    ("STAND", 1),
    ("CLOSE", 1),
    ("ALLEG", 1),
    ("LAREQ", 1),
)
SHORT_TERM = {"U4": "U6", "U1": "U3"}  # long-term fostering, and before the match
UNPLANNED = {"CREQB", "CHILD", "STAND", "ALLEG"}
REDRAWS = 1000  # a carer drawn again (same as the last, or at home): never needed near this many
PLANS = [
    "Placement plan agreed with the carers: family time twice a week, supervised; school "
    "transport arranged.",
    "Placement plan agreed: carers to attend the PEP meeting; contact with siblings weekly.",
    "Placement plan agreed at the placement planning meeting; delegated authority for "
    "school trips and haircuts given to the carers.",
]


def sixteenth(dob: dt.date) -> dt.date:
    return dt.date(dob.year + 16, dob.month, min(dob.day, 28))


class Placements:
    """Mixed into ``care.Care``."""

    def plan_care(self, children) -> None:
        """Share the kinds of placement on the day among the children looked after today,
        in England's proportions, giving each the kind its age and history allow."""
        rng, today = self.care_rng, self.today
        looked_after = [c for c in children if c.status == "looked_after" and c.care_start]
        rng.shuffle(looked_after)
        n, free = len(looked_after), set(map(id, looked_after))
        fits = {
            "adoption": lambda c: (
                not c.uasc_since and c.age_on(today) < 5 and c.care_start <= today - 300 * DAY
            ),
            "supported": lambda c: c.age_on(today) >= 16,
            "residential": lambda c: c.age_on(today) >= 11,
            "parents": lambda c: (
                not c.uasc_since and c.family is not None and c.care_start <= today - 90 * DAY
            ),
            "kinship": lambda c: not c.uasc_since,
        }
        for kind, test in fits.items():
            quota = round(n * targets.value(f"placed_{kind}"))
            for c in looked_after:
                if quota and id(c) in free and test(c):
                    c.care_final, quota = kind, quota - 1
                    free.discard(id(c))
        for c in looked_after:
            if id(c) in free:
                c.care_final = "foster"

    def leaver_kind(self, c) -> str:
        kinds = (("supported", 0.45), ("foster", 0.38), ("kinship", 0.07), ("residential", 0.1))
        kind = self.care_rng.choices(*zip(*kinds, strict=True))[0]
        if c.uasc_since and kind == "kinship":
            kind = "foster"
        return kind

    def placements(self, c, history, start, end) -> None:
        rng, last = self.care_rng, end or self.today
        final = c.care_final
        moves = self.move_days(c, start, last, current=end is None)
        earliest = self.final_from(c, history, final, start, end)
        if earliest is None:
            final = c.care_final = "foster"
        elif earliest > start and (not moves or moves[-1] < earliest):
            if earliest >= last:
                final = c.care_final = "foster"
            else:
                moves = [d for d in moves if d < earliest]
                span = max(0, (last - earliest).days - 1)
                moves.append(earliest + rng.randint(0, min(span, 120)) * DAY)
        if final == "adoption" and not moves:
            final = c.care_final = "foster"
        days = [start, *moves]
        kinship, home = None, history.period.home_postcode
        for i, day in enumerate(days):
            until = days[i + 1] if i + 1 < len(days) else end
            kind = final if i == len(days) - 1 else self.earlier_kind(c, day, final, i)
            if kind == "kinship":
                kinship = kinship or self.batch.put(self.pool.kinship(c, away_from=home))
            ptype, carer = self.placed(c, kind, day, until, kinship)
            for _ in range(REDRAWS):
                again = history.placements and carer is history.placements[-1].carer
                # Only a placement with parents is at the home postcode (903 rule 392d).
                at_home = ptype != "P1" and home and carer.postcode == home
                if not (again or at_home):
                    break
                ptype, carer = self.placed(c, kind, day, until, kinship)
            matched = day + rng.randint(120, 300) * DAY
            if ptype in SHORT_TERM and matched < (until or self.today) - DAY and rng.random() < 0.6:
                # Matched long-term with the carers they were already with: a change of
                # placement status only (RNE T, reason PLACE), not a move.
                self.placement(c, history, carer, SHORT_TERM[ptype], day, matched)
                day = matched
            self.placement(c, history, carer, ptype, day, until)
        self.adoption_by_carers(c, history, final)
        self.reasons(c, history)

    def placement(self, c, history, carer, ptype, day, until) -> None:
        history.placements.append(
            self.add(
                Placement,
                c,
                day,
                period=history.period,
                carer=carer,
                placement_type=ptype,
                provider="" if ptype in rules.NO_PROVIDER else carer.provider,
                postcode=carer.postcode,
                urn="" if ptype in rules.NO_URN else carer.urn,
                start_date=day,
                end_date=until,
                long_term=ptype in ("U1", "U4"),
                weekly_cost=self.pool.cost(carer) if ptype[0] not in "AP" else None,
                placement_plan=self.care_rng.choice(PLANS),
            )
        )

    def final_from(self, c, history, final, start, end) -> dt.date | None:
        """The earliest day the child can be in the placement they have at the end: None
        when they never can."""
        if final == "supported":
            if end and end <= H5_UNTIL:
                return max(start, sixteenth(c.dob))  # semi-independent (H5) in its time
            return max(start, sixteenth(c.dob), K3_FROM)
        if final == "adoption":
            orders = [s.start_date for s in history.statuses if s.code == "E1"]
            return orders[0] + 30 * DAY if orders else None
        if final == "parents":
            orders = [s.start_date for s in history.statuses if s.code in ("C1", "C2")]
            return max(orders[0], start + 60 * DAY) if orders else None
        return start

    def move_days(self, c, start, last, *, current: bool) -> list[dt.date]:
        rng, today = self.care_rng, self.today
        year_ago = last - targets.YEAR
        days: set[dt.date] = set()
        settled_since = None
        long_stay = current and c.age_on(today) < 16 and start <= today - 913 * DAY
        if long_stay and rng.random() < STABLE:
            counts, settled_since = (1, 0, 0, 0), last - 2 * targets.YEAR - 30 * DAY
        elif long_stay:
            counts = UNSETTLED_MOVES
        else:
            counts = MOVES_IN_YEAR
        recent = rng.choices(range(4), counts)[0]
        low = max(start, year_ago) + DAY
        for _ in range(recent):
            if low < last - DAY:
                days.add(low + rng.randint(0, (last - DAY - low).days) * DAY)
        if long_stay and not settled_since and not recent:  # moved in the year before
            days.add(last - targets.YEAR - rng.randint(1, 300) * DAY)
        day = start
        while (day := day + targets.YEAR) < min(year_ago, settled_since or year_ago):
            for _ in range(rng.choices((0, 1, 2), (0.6, 0.32, 0.08))[0]):
                days.add(day - rng.randint(1, 364) * DAY)
        return sorted(d for d in days if start + 3 * DAY <= d < last)

    def earlier_kind(self, c, day, final, i) -> str:
        """Before the placement they have now: foster homes and, from 11, children's homes."""
        rng, age = self.care_rng, c.age_on(day)
        if age >= 11 and rng.random() < 0.2:
            return "residential"
        return "foster"

    def placed(self, c, kind, day, until, kinship) -> tuple[str, Carer]:
        rng, pool = self.care_rng, self.pool
        lasting = (until or self.today) - day >= targets.YEAR
        if kind == "kinship":
            return ("U1" if lasting and rng.random() < 0.5 else "U3"), kinship
        if kind == "residential":
            home = pool.pick(K.CHILDRENS_HOME, "PR4" if rng.random() < 0.85 else "PR1")
            return "K2", home
        if kind == "supported":
            provider = "PR4" if rng.random() < 0.75 else "PR5"
            return ("K3" if day >= K3_FROM else "H5"), pool.pick(
                K.SUPPORTED_ACCOMMODATION, provider
            )
        if kind == "parents":
            return "P1", self.batch.put(pool.parents(c, c.family.address.postcode))
        if kind == "adoption":
            return "A6", self.batch.put(pool.adopters())
        own = 0.3 if c.uasc_since else 0.5
        carer = pool.pick(K.FOSTERING_HOUSEHOLD, "PR1" if rng.random() < own else "PR4")
        return ("U4" if lasting and rng.random() < 0.6 else "U6"), carer

    def adoption_by_carers(self, c, history, final) -> None:
        """Fostering for adoption: for some, the adopters fostered the child first (U5) and
        the placement for adoption is with them (A5), a change of status, not of carer."""
        if final != "adoption" or self.care_rng.random() < 0.6:
            return
        before, placed = history.placements[-2], history.placements[-1]
        if before.start_date < history.period.start_date + 7 * DAY:
            return
        before.carer, before.placement_type, before.long_term = placed.carer, "U5", False
        before.provider, before.urn = placed.carer.provider, placed.carer.urn
        before.postcode, before.weekly_cost = placed.carer.postcode, None
        placed.placement_type = "A5"

    def reasons(self, c, history) -> None:
        rng = self.care_rng
        rows = history.placements
        for i, placement in enumerate(rows[:-1]):
            after = rows[i + 1]
            if after.carer is placement.carer:
                placement.reason_changed = "PLACE"
                continue
            reason = "CARPL" if i == 0 or after.placement_type[0] in "AP" else None
            if reason is None:
                codes, weights = zip(*REASONS, strict=True)
                reason = rng.choices(codes, weights)[0]
                if reason == "CHILD" and c.age_on(after.start_date) < 8:
                    reason = "CARPL"
            placement.reason_changed = reason
            after.emergency = reason in UNPLANNED and rng.random() < 0.5
        if rows:
            first_status = history.statuses[0].code if history.statuses else ""
            rows[0].emergency = first_status in ("L1", "L2") or rng.random() < 0.25
