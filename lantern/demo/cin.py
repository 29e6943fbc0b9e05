"""Child in need plans in the demo's casework: their clocks, reviews about every 3 months
(``actions.cin_reviews``), and the CIN plan a CP plan replaces at the ICPC
(``actions.plans.start_cp_plan``)."""

import datetime as dt

from lantern.casework import models as cw
from lantern.clocks.calendar import add_months

DAY = dt.timedelta(days=1)
CIN_BEFORE_CP = 0.4  # children on a plan, assessed well before it, on a CIN plan first
CIN_REVIEW_MONTHS = 3  # the council's interval (clocks.table: cin_plan_review)
LATE_REVIEW = 0.15


class ChildInNeed:
    """Mixed into ``casework.Story``: needs its rng, ``add``, ``event``, ``note``."""

    def cin_before_protection(self, c, episode, referral, assessed, first):
        """Some children on a plan were first children in need: the ICPC's plan replaces
        the CIN plan that day (``actions.plans.start_cp_plan``)."""
        icpc_on = self.icpc_day(c, referral)
        talk = first.get("strategy_discussion", (icpc_on - 20 * DAY,))[0]
        if assessed and assessed < talk - 30 * DAY and self.rng.random() < CIN_BEFORE_CP:
            self.assessed.outcome = "cin_plan"
            self.cin_plan(c, episode, assessed, icpc_on, by_review=False)

    def cin_plan(self, c, episode, start, end, by_review=True):
        """A CIN plan, its clocks, and its reviews about every 3 months (a few late); one
        that has ended was ended by its last review (``actions.cin_reviews``), or by the
        ICPC that made a CP plan."""
        rng = self.rng
        plan = self.add(cw.CINPlan, c, start, episode=episode, start_date=start, end_date=end)
        self.cin_spans[c.pk].append((start, end))
        self.event(c, start, "cin_plan_started", plan)
        day, last = start, end or self.today - DAY
        while True:
            due = add_months(day, CIN_REVIEW_MONTHS)
            day = self.working(
                due
                + (rng.randint(2, 15) if rng.random() < LATE_REVIEW else -rng.randint(0, 20)) * DAY
            )
            if day >= last:
                break
            self.cin_review(c, plan, day, "continue")
        if end and by_review:
            self.cin_review(c, plan, end, "end")
        if end:
            self.event(c, end, "cin_plan_ended", plan)

    def cin_review(self, c, plan, day, decision):
        review = self.add(
            cw.CINPlanReview,
            c,
            day,
            plan=plan,
            held_on=day,
            decision=decision,
            attendees="Parent, social worker, class teacher or health visitor.",
        )
        self.event(c, day, "cin_plan_review_held", review)
        label = review.get_decision_display()
        self.note(c, review, day, "plan", f"Child in need plan review. Decision: {label}.")
