"""Leaving care for the demo borough: the needs assessment, pathway plan and its reviews,
the personal adviser, the contacts around each birthday that say where the young person
lives and what they do (SSDA903 OC3), and Staying Put, as ``care.actions.leaving_care``
would record them.

Who is owed what follows from the period of care alone (``care.eligibility``): a child
eligible from their 16th birthday (or 13 weeks later) fires ``became_eligible``; the plan
is due 3 months later (by 16 years 3 months, reg 42-43) and reviewed every 6 months; most
are on time. Personal advisers are the leaving care team's. Most care leavers are in touch;
about three in five of the 19-21s are in education, employment or training (statutory.md:
"nearly two in five" NEET); those who stayed put live with their former foster carers.
"""

import datetime as dt

from lantern.care import codes, eligibility
from lantern.care.models import (
    CareLeaverContact,
    NeedsAssessment,
    PathwayPlan,
    PersonalAdviser,
    StayingPut,
)
from lantern.demo import targets

DAY = dt.timedelta(days=1)
PLAN_ON_TIME = 0.85  # pathway plans and reviews in time (assumption)
IN_TOUCH = (("YES", 0.9), ("NO", 0.05), ("REFU", 0.03), ("NREQ", 0.02))
# EET among those in touch, by age at the contact: the 19-21s give England's share overall.
EET_IF_IN_TOUCH = {17: 0.8, 18: 0.68}
EET_ADULT = targets.value("leavers_eet") / 0.9
EET = (("F2", 0.3), ("F5", 0.3), ("P5", 0.15), ("F1", 0.1), ("F4", 0.08), ("P2", 0.07))
NEET = (("G5", 0.6), ("G6", 0.2), ("G4", 0.2))
HOME = (
    ("U1", 0.33),
    ("D1", 0.25),
    ("B1", 0.12),
    ("E1", 0.05),
    ("T1", 0.05),
    ("K1", 0.04),
    ("U2", 0.04),
    ("D2", 0.03),
    ("V2", 0.03),
    ("S2", 0.03),
    ("X2", 0.03),
)
PLANS = (
    "Pathway plan: college place confirmed; budgeting skills work with the PA; housing "
    "register application made.",
    "Pathway plan reviewed: moving on to a council tenancy; setting-up-home allowance agreed.",
    "Pathway plan reviewed: apprenticeship started; support with health appointments.",
)
NEEDS = "Needs: independent living skills, education and training, emotional health, housing."


class Leavers:
    """Mixed into ``casework.Story`` (``care_steps``: ``care_leaving``)."""

    def care_leaving(self, c, history) -> None:
        rng, period = self.care_rng, history.period
        spans = [(period.start_date, period.end_date)]
        became = eligibility.eligible_from(c.dob, spans)
        last = min(self.today - DAY, eligibility.birthday(c.dob, 25) - DAY)
        if became is None or became > last:
            return
        self.event(c, became, "became_eligible")
        plan = (
            became
            + (rng.randint(30, 88) if rng.random() < PLAN_ON_TIME else rng.randint(95, 160)) * DAY
        )
        if plan <= last:
            done = max(became, plan - rng.randint(0, 14) * DAY)
            self.add(NeedsAssessment, c, done, completed_on=done, summary=NEEDS)
        first = True
        while plan <= last:
            made = self.add(
                PathwayPlan, c, plan, made_on=plan, is_review=not first, summary=rng.choice(PLANS)
            )
            self.event(c, plan, "pathway_plan_made", made)
            first = False
            plan += (
                rng.randint(120, 182) if rng.random() < PLAN_ON_TIME else rng.randint(190, 240)
            ) * DAY
        self.advisers(c, became, last)
        staying = self.staying_put(c, history, last)
        self.leaver_contacts(c, period, spans, staying, last)

    def advisers(self, c, became, last) -> None:
        """A personal adviser from the leaving care team from about 17 and a half; some
        change adviser once."""
        rng, team = self.care_rng, self.staff.workers.get("Leaving Care") or self.anyone
        start = max(became, eligibility.birthday(c.dob, 18) - rng.randint(60, 240) * DAY)
        if start > last:
            return
        adviser = rng.choice(team)
        first = self.add(PersonalAdviser, c, start, adviser_id=adviser.user_id, start_date=start)
        change = start + rng.randint(180, 900) * DAY
        others = [w for w in team if w.user_id != adviser.user_id]
        if change <= last and others and rng.random() < 0.3:
            first.end_date = change - DAY
            self.add(
                PersonalAdviser, c, change, adviser_id=rng.choice(others).user_id, start_date=change
            )

    def staying_put(self, c, history, last):
        """Staying Put with the foster carers of a young person who left care at 18 to stay
        on with them (E17)."""
        period = history.period
        if period.reason_ceased != "E17" or period.end_date is None or period.end_date > last:
            return None
        carer = history.placements[-1].carer
        end = eligibility.birthday(c.dob, 18 + self.care_rng.choice((1, 2, 3))) - DAY
        row = self.add(
            StayingPut,
            c,
            period.end_date,
            carer=carer,
            start_date=period.end_date,
            end_date=end if end <= last else None,
        )
        return row

    def leaver_contacts(self, c, period, spans, staying, last) -> None:
        """The contact nearest each birthday from 17 to 21 once the young person has left
        care (the OC3 rows), and yearly after."""
        rng = self.care_rng
        for age in range(17, 25):
            birthday = eligibility.birthday(c.dob, age)
            on = birthday + rng.randint(-30, 45) * DAY
            if period.end_date is None or on < period.end_date or on > last:
                continue
            if eligibility.category(c.dob, spans, on) is None:
                continue
            in_touch = self.rng_kind(IN_TOUCH if age >= 18 else IN_TOUCH[:3])
            activity = accommodation = "0"
            if in_touch == "YES":
                eet = EET_IF_IN_TOUCH.get(age, EET_ADULT)
                activity = self.rng_kind(EET if rng.random() < eet else NEET)
                accommodation = self.rng_kind(HOME)
                if accommodation in ("T1",) and age < 19:
                    accommodation = "D1"
                stays = (
                    staying
                    and staying.start_date <= on
                    and (staying.end_date is None or on <= staying.end_date)
                )
                if stays and age >= 18:
                    accommodation = "Z1"
            year = dt.date(on.year - (on.month < 4), 4, 1)
            if codes.oc3_problem(
                in_touch,
                activity,
                accommodation,
                age_at_year_start=eligibility.age_on(c.dob, year),
                seventeenth_in_year=year
                <= eligibility.birthday(c.dob, 17)
                < year.replace(year=year.year + 1),
            ):
                accommodation = "D1"
            self.add(
                CareLeaverContact,
                c,
                on,
                contact_on=on,
                in_touch=in_touch,
                activity=activity,
                accommodation=accommodation,
            )
