"""Permanence for the demo borough's looked-after children: the previous permanence asked
when care starts (SSDA903 PrevPerm), the plan for permanence agreed by the second review
(Care Planning Regs 2010 reg 5(a)), and the adoption milestones of the children whose plan
is adoption, as ``care.actions.permanence`` would record them.

A plan follows the child's route: adoption for the young children placed for adoption or
under a placement order (E1, A3-A6), long-term fostering for those matched with their
carers (U1, U4), kinship care or special guardianship, return home for those who went
home, independence for older teenagers. Most are agreed before the second review is due;
some late and a few not yet, so the permanence tracker has someone to flag. Adoption dates
come from the period: the placement order is the E1 status, the placement for adoption the
first A-placement; the match a few weeks before it, with AD1 details the validator accepts
(``codes.adopter_codes_problem``).
"""

import datetime as dt

from lantern.care.models import AdoptionPlan, PermanencePlan, PreviousPermanence
from lantern.clocks.calendar import add_months

DAY = dt.timedelta(days=1)
PLAN_ON_TIME = 0.82  # agreed by the second review (assumption: councils' trackers)
PLAN_LATE = 0.12  # agreed after it; the rest not agreed yet
# PrevPerm (903): most children have no earlier permanence order. Councils: Haringey 309 and
# its neighbours (Enfield 308, Barnet 302, Islington 206), or Wales.
PREVIOUS = (("Z1", 0.9), ("P2", 0.04), ("P3", 0.04), ("P1", 0.02))
COUNCILS = ("309", "309", "308", "302", "206", "WAL")
# AD1: (number, sex, legal status) the validator accepts, as often as adopters are.
ADOPTERS = (
    (("2", "MF", "L11"), 0.55),
    (("2", "MF", "L3"), 0.1),
    (("2", "MM", "L12"), 0.06),
    (("2", "FF", "L12"), 0.05),
    (("2", "FF", "L2"), 0.03),
    (("2", "MM", "L4"), 0.02),
    (("1", "F1", "L0"), 0.17),
    (("1", "M1", "L0"), 0.02),
)
REFUSED = 0.15  # young children under a care order whose plan of adoption the court refused
REVERSED = 0.08  # decisions reversed before placement (PlacedAdoption REASON_PLACED_CEASED)


class Permanence:
    """Mixed into ``casework.Story`` (``care_steps``: ``care_permanence``)."""

    def care_permanence(self, c, history) -> None:
        self.previous_permanence(c, history)
        plan = self.permanence_route(c, history)
        adoption = None
        if plan == "adoption":
            adoption = self.adoption_milestones(c, history)
        elif self.care_rng.random() < REFUSED:
            self.placement_order_refused(c, history)
        self.permanence_plan(c, history, plan, adoption)

    def placement_order_refused(self, c, history) -> None:
        """A young child's plan was adoption, but at the final hearing the court made a
        care order, not a placement order: the decision is reversed (RD2)."""
        rng, period = self.care_rng, history.period
        final = next((s.start_date for s in history.statuses if s.code == "C2"), None)
        if final is None or c.age_on(final) >= 4:
            return
        decided = max(period.start_date + 20 * DAY, final - rng.randint(60, 150) * DAY)
        if decided >= final:
            return
        self.add(
            AdoptionPlan,
            c,
            decided,
            period=period,
            decided_on=decided,
            reversed_on=final,
            reason_reversed="RD2",
        )

    def previous_permanence(self, c, history) -> None:
        rng, period = self.care_rng, history.period
        option = self.rng_kind(PREVIOUS)
        council = arranged = ""
        if option != "Z1":
            earliest, latest = c.dob + 180 * DAY, period.start_date - 60 * DAY
            if latest <= earliest:
                option = "Z1"
            else:
                day = earliest + rng.randint(0, (latest - earliest).days) * DAY
                council = rng.choice(COUNCILS)
                arranged = day.strftime("ZZ/%m/%Y" if rng.random() < 0.1 else "%d/%m/%Y")
        self.add(
            PreviousPermanence,
            c,
            period.start_date,
            period=period,
            option=option,
            council=council,
            arranged_on=arranged,
        )

    def permanence_route(self, c, history) -> str:
        period, last = history.period, history.placements[-1].placement_type
        codes_held = {s.code for s in history.statuses}
        reason = period.reason_ceased
        if "E1" in codes_held or last[0] == "A" or reason in ("E11", "E12"):
            return "adoption"
        if reason == "E4A" or last == "P1":
            return "home"
        if reason == "E41":
            return "cao"
        if reason in ("E45", "E46", "E47", "E48") or last in ("U1", "U2", "U3"):
            return "kinship"
        if c.age_on(period.start_date) >= 15 or last in ("K3", "H5"):
            return "independence"
        return "ltf"

    def permanence_plan(self, c, history, plan, adoption) -> None:
        """Agreed by the second review, due 3 months after the first (20 working days from
        the start), as ``queries.permanence.second_review_due`` counts it."""
        rng, period = self.care_rng, history.period
        start = period.start_date
        due = add_months(self.batch.calendar.add_working_days(start, 20), 3)
        r = rng.random()
        if r < PLAN_ON_TIME:
            agreed = start + rng.randint(min(25, (due - start).days), (due - start).days) * DAY
        elif r < PLAN_ON_TIME + PLAN_LATE:
            agreed = due + rng.randint(7, 100) * DAY
        else:
            return
        if adoption is not None:  # the plan for adoption comes before the decision
            agreed = min(agreed, adoption.decided_on - rng.randint(7, 40) * DAY)
        agreed = max(agreed, start)
        if agreed > min(period.end_date or self.today, self.today - DAY):
            return
        contingency = {"adoption": "kinship", "home": "ltf", "ltf": "kinship"}.get(plan, "")
        self.add(
            PermanencePlan,
            c,
            agreed,
            period=period,
            plan=plan,
            agreed_on=agreed,
            contingency=contingency if rng.random() < 0.5 else "",
        )

    def adoption_milestones(self, c, history) -> AdoptionPlan | None:
        """SHOBPA to the adoption order: the decision 2 to 5 months before the placement
        order (E1), the match 2 to 6 weeks before the child moves in with the adopters (the
        first A-placement), the order for those who left care adopted (E11, E12)."""
        rng, period = self.care_rng, history.period
        start, last = period.start_date, min(period.end_date or self.today, self.today - DAY)
        order = next((s.start_date for s in history.statuses if s.code == "E1"), None)
        placed = next((p for p in history.placements if p.placement_type[0] == "A"), None)
        anchor = order or (placed.start_date if placed else None)
        if anchor is None or anchor - start < 30 * DAY:
            return None
        decided = max(start + 20 * DAY, anchor - rng.randint(60, 150) * DAY)
        fields = {"decided_on": decided, "placement_order_on": order}
        if placed is not None:
            earliest = order or decided
            matched = max(earliest, placed.start_date - rng.randint(14, 42) * DAY)
            nb, sex, ls = self.rng_kind(ADOPTERS)
            fields.update(
                matched_on=matched,
                placed_on=placed.start_date,
                number_of_adopters=nb,
                sex_adopter=sex,
                legal_status_adopter=ls,
                foster_carers_adopting="1" if placed.placement_type == "A5" else "0",
            )
            if period.reason_ceased in ("E11", "E12"):
                fields["adoption_order_on"] = period.end_date
        elif rng.random() < REVERSED:  # no adopters found, or the child's needs changed
            reversed_on = order + rng.randint(120, 300) * DAY
            if reversed_on <= last:
                fields.update(reversed_on=reversed_on, reason_reversed=rng.choice(("RD1", "RD3")))
        if decided > last:
            return None
        return self.add(AdoptionPlan, c, decided, period=period, **fields)
