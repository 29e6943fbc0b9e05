"""A looked-after child's independent reviewing officer, reviews, IRO concerns and reg 28
visits in the demo borough (issue 10 §11), per period of care as ``care.Care`` writes it.

Each record is what the care actions would write (``care.actions.iro``, ``reviews``,
``concerns``, ``visits``), firing the same events in the same order, so the replayed clocks
are the ones the app would hold: a review fires ``lac_review_held`` (meeting the running
review clock) and then ``first_lac_review_held`` or ``later_lac_review_held``; each
placement gets its ``VisitRegime`` as ``visit_regime`` decides it, and each visit the event
``visit_event`` would give. Most reviews and visits are on time, a few late: the batch gives
a late review its reason (``clocks.lateness``), as the action asks the IRO for one.
"""

import datetime as dt

from lantern.care.models import IROAllocation, IROConcern, LookedAfterReview, VisitRegime
from lantern.clocks.calendar import add_months
from lantern.demo.visits import words_for

DAY = dt.timedelta(days=1)
Rule = VisitRegime.Rule
REVIEWS_ON_TIME = 0.9  # assumption: councils report about 9 in 10 reviews in time
IRO_CHANGE_A_YEAR = 0.15  # assumption: a stable IRO, changed now and then
SIGNED_OFF = 0.92  # share of reviews whose record the IRO has signed off (once it can be)
CONCERN_SHARE = 0.04  # assumption: a formal IRO concern for a few children
VISITS_ON_TIME = 0.9  # assumption: reg 28 visits mostly within the interval
LAPSED_VISITS = 0.04  # open placements whose visits have lapsed: overdue today
# How a child of 4 or over took part (903 REVIEW_CODE): most attend and speak.
PARTICIPATION = (
    ("PN1", 0.52),
    ("PN2", 0.06),
    ("PN3", 0.04),
    ("PN4", 0.05),
    ("PN5", 0.1),
    ("PN6", 0.17),
    ("PN7", 0.06),
)
DECISIONS = [
    "Placement to continue; the care plan is endorsed.",
    "Contact with mother to continue fortnightly, supervised.",
    "Social worker to complete life story work before the next review.",
    "Referral to CAMHS to be chased by the social worker.",
    "Permanence plan to be presented at the next review.",
    "Designated teacher to arrange tutoring; PEP targets agreed.",
    "Sibling contact to increase to monthly.",
    "Health plan actions: optician and dental appointments to be booked.",
]
VIEWS = [
    "I like living here.",
    "I want to see my brother more.",
    "I don't want to move schools.",
    "I want to go home.",
    "It's okay. I miss my mum.",
]
CONCERNS = [
    "The permanence plan has drifted: no decision two reviews running.",
    "Agreed sibling contact has not happened since the last review.",
    "The child has had three social workers in six months; visits are late.",
    "The placement plan was not written before the placement started.",
]
OUTCOMES = [
    "Contact reinstated and a timetable agreed.",
    "Permanence planning meeting held; plan agreed.",
    "A consistent social worker allocated; visits back in time.",
]
STAGE_STEPS = ["team_manager", "service_manager", "head_of_service"]


def rule_for(code: str, placement_type: str, temporary: bool = False) -> str:
    """``care.actions.visits.rule_for``, from the status code rather than the database."""
    if code in ("V3", "V4"):
        return Rule.SHORT_BREAKS
    at_home = placement_type == "P1"
    if at_home and code == "C2":
        return Rule.CARE_ORDER_AT_HOME
    if temporary or (at_home and code == "C1"):
        return Rule.WEEKLY
    return Rule.STANDARD


class CareReviews:
    """Mixed into ``casework.Story``: needs ``care_rng``, ``iros``, ``add``, ``event``,
    ``note``, ``batch`` and ``today``."""

    def care_last(self, history) -> dt.date:
        end = history.period.end_date
        return min(end, self.today - DAY) if end else self.today - DAY

    # -- the IRO ---------------------------------------------------------------------------
    def care_iro(self, c, history) -> None:
        """An IRO from the first days of care, changed now and then; the last allocation
        ends with the period (``allocate_iro`` needs an open period)."""
        rng, cal, period = self.care_rng, self.batch.calendar, history.period
        last = self.care_last(history)
        day = cal.add_working_days(period.start_date, rng.randint(0, 3))
        day = min(day, last) if last >= period.start_date else period.start_date
        iro = rng.choice(self.iros)
        spans = []
        while True:
            spans.append([iro, day, None])
            change = day + dt.timedelta(days=rng.randint(180, 900))
            if change > last or rng.random() > IRO_CHANGE_A_YEAR * 2:
                break
            iro = rng.choice([i for i in self.iros if i is not iro] or self.iros)
            spans[-1][2] = day = change
        if period.end_date:
            spans[-1][2] = period.end_date
        history.iros = []
        for iro, start, end in spans:
            row = self.add(
                IROAllocation, c, start, iro_id=iro.user_id, start_date=start, end_date=end
            )
            history.iros.append((iro, start, end))
            self.batch.chronicle(
                row,
                start,
                rng.randint(9, 17),
                "allocation",
                f"Independent reviewing officer allocated: {iro.name}.",
                author=self.worker(c, start).name,
                user_id=self.worker(c, start).user_id,
                agency_id=self.agency["csc"],
            )

    def iro_on(self, history, day):
        return [i for i, start, _ in history.iros if start <= day][-1] if history.iros else None

    # -- reviews ---------------------------------------------------------------------------
    def care_reviews(self, c, history) -> None:
        """The first review by 20 working days, the second by 3 months, then 6-monthly;
        about 1 in 10 late."""
        rng, cal, period = self.care_rng, self.batch.calendar, history.period
        last, held, history.reviews = self.care_last(history), None, []
        due = cal.add_working_days(period.start_date, 20)
        while True:
            if rng.random() < REVIEWS_ON_TIME:
                day = due - dt.timedelta(days=rng.randint(0, 12))
            else:
                day = due + dt.timedelta(days=rng.randint(1, 30))
            day = max(day, (held or period.start_date) + DAY * (5 if held is None else 20))
            day = day if cal.is_working_day(day) else cal.subtract_working_days(day, 1)
            if day > last:
                break
            held = self.review(c, history, day, first=not history.reviews)
            due = add_months(day, 3 if len(history.reviews) == 1 else 6)
        self.iro_concern(c, history)

    def review(self, c, history, day, first: bool):
        rng, cal = self.care_rng, self.batch.calendar
        chair = self.iro_on(history, day) or rng.choice(self.iros)
        age = c.age_on(day)
        code = "PN0" if age is None or age < 4 else self.rng_kind(PARTICIPATION)
        views = ""
        if code in ("PN1", "PN2", "PN5", "PN6") and rng.random() < 0.6:
            views = rng.choice(words_for(age) + VIEWS)
        signed = cal.add_working_days(day, rng.randint(2, 20))
        review = self.add(
            LookedAfterReview,
            c,
            day,
            chair.user_id,
            period=history.period,
            held_on=day,
            chair_id=chair.user_id,
            participation=code,
            child_views=views,
            decisions=" ".join(rng.sample(DECISIONS, 2)),
            care_plan_endorsed=rng.random() < 0.95,
        )
        if signed < self.today and rng.random() < SIGNED_OFF:
            review.signed_off_on = signed
            review.iro_report = "Record of the review: decisions sent to the social worker."
        history.reviews.append(review)
        self.event(c, day, "lac_review_held", review)
        self.event(c, day, "first_lac_review_held" if first else "later_lac_review_held", review)
        endorsed = "endorsed" if review.care_plan_endorsed else "not endorsed"
        self.batch.chronicle(
            review,
            day,
            rng.randint(9, 17),
            "looked_after",
            f"{'First looked-after' if first else 'Looked-after'} review, chaired by "
            f"{chair.name}. Care plan {endorsed} by the IRO.",
            author=chair.name,
            user_id=chair.user_id,
            agency_id=self.agency["csc"],
        )
        return day

    def iro_concern(self, c, history) -> None:
        """A formal concern after a review, for a few children: most resolved informally,
        some taken up the line (IRO Handbook ch. 6)."""
        rng = self.care_rng
        if not history.reviews or rng.random() >= CONCERN_SHARE:
            return
        review = rng.choice(history.reviews)
        last = self.care_last(history)
        raised = review.held_on + DAY * rng.randint(1, 20)
        if raised > last:
            return
        chair = self.iro_on(history, raised) or rng.choice(self.iros)
        stage, reached = "informal", raised
        for step in STAGE_STEPS:
            nxt = reached + DAY * rng.randint(10, 30)
            if rng.random() > 0.35 or nxt > last:
                break
            stage, reached = step, nxt
        resolved = reached + DAY * rng.randint(5, 40)
        concern = self.add(
            IROConcern,
            c,
            raised,
            chair.user_id,
            review=review,
            raised_on=raised,
            raised_by_id=chair.user_id,
            concern=rng.choice(CONCERNS),
            stage=stage,
            stage_reached_on=reached,
        )
        if history.period.end_date and resolved > last:
            resolved = last  # care ended: the concern closes with it
        if resolved <= last and (history.period.end_date or rng.random() < 0.8):
            concern.resolved_on, concern.outcome = resolved, rng.choice(OUTCOMES)
        self.batch.chronicle(
            concern,
            raised,
            rng.randint(9, 17),
            "looked_after",
            "The IRO raised a formal concern: Informal: raised with the social worker.",
            author=chair.name,
            user_id=chair.user_id,
            agency_id=self.agency["csc"],
        )
