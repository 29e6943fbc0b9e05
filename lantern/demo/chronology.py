"""Each child's chronology: the social care episode and every partner's record around it.

Volumes are what make the chronology page worth building: most children have a handful
of entries, open cases dozens, children on plans or in care hundreds, and a few long-known
children thousands. Entries are generated per child and written in batches as they come,
so a million rows never sit in memory at once.
"""

import datetime as dt
import random
from zoneinfo import ZoneInfo

from lantern.chronology.models import ChronologyEntry
from lantern.clocks.calendar import add_months, current_calendar
from lantern.demo import casenotes, summaries, targets
from lantern.demo.index import Buffer
from lantern.demo.partners import Authors
from lantern.demo.specs import Borough, PersonSpec
from lantern.demo.staff import Staff
from lantern.demo.visits import EVENING_VISITS
from lantern.people.ages import ADULT

LONDON = ZoneInfo("Europe/London")
DAY = dt.timedelta(days=1)
YEAR = dt.timedelta(days=365)
# Typical entries per child by care status; each child's count is spread around it.
MEDIAN = {
    "not_open": 3,
    "closed": 9,
    "contact": 4,
    "assessment": 12,
    "child_in_need": 26,
    "child_protection": 80,
    "looked_after": 120,
    "care_leaver": 140,
}
CSC_SHARE = {"not_open": 0.0, "closed": 0.4, "contact": 0.1, "assessment": 0.45}
TAIL_AT_SCALE_1 = 25  # children known for years with 500–2,000 entries
PARTNER_WEIGHTS = {
    "ae_attendance": 2.5,  # most under-fives are never taken to A&E; few go three times a year
    "gp_consultation": 5,
    "health_visitor_contact": 8,
    "school_attendance_concern": 6,
    "school_concern": 5,
    "housing": 2,
    "police_incident": 2,
    "police_domestic_abuse": 0.4,
}
POLICE_HOUSEHOLD = {**PARTNER_WEIGHTS, "police_domestic_abuse": 10, "probation": 1.5}
CSC_FILL = {"visit": 45, "case_note": 35, "management_oversight": 12, "plan": 8}
CARE_FILL = {**CSC_FILL, "looked_after": 6, "placement": 3}
OUT_OF_HOURS = 0.02  # social care entries written in the evening (visits, emergencies)
LATE_REVIEW = 0.06  # review conferences held after the 3- or 6-month limit
# Closed episodes drawn to end at assessment (NFA, early help). Low because most RC8/RC9
# closures come from elsewhere: episodes that close within a fortnight of their assessment
# (``casework.SHORTEST_PLAN_DAYS``) and the earlier episodes of re-referred children. At 0.3
# the borough's share ran at 43% (SD 6 over 11 seeds) against England's 33%, and one seed in
# six failed the calibration test; at 0.05 it is 33-36%.
CLOSED_AFTER_ASSESSMENT = 0.05


class Chronicler:
    def __init__(self, rng: random.Random, agencies, authors: Authors, staff: Staff, today):
        self.rng, self.authors, self.staff, self.today = rng, authors, staff, today
        self.agency = {code: a.pk for code, a in agencies.items()}
        self.out = Buffer(ChronologyEntry)
        self.mash = staff.workers["MASH"]
        self.iros = staff.workers["Independent Reviewing Officers"]
        self.assessors = [w for t in staff.of_kind("assessment") for w in staff.workers[t]]
        self.cal = current_calendar()

    def working_day(self, day: dt.date) -> dt.date:
        """Social care works Monday to Friday, never on a bank holiday."""
        last = self.today - DAY
        day = min(day, last)
        if self.cal.is_working_day(day):
            return day
        after = self.cal.add_working_days(day, 1)
        return after if after <= last else self.cal.subtract_working_days(day, 1)

    # -- writing ----------------------------------------------------------------------------
    def at(self, day: dt.date, office: bool = False, late_share=OUT_OF_HOURS) -> dt.datetime:
        """Partners' entries come at any hour; social care's in office hours, a few later."""
        if office:
            late = self.rng.random() < late_share
            minute = self.rng.randint(18 * 60, 20 * 60) if late else self.rng.randint(540, 1050)
        else:
            minute = self.rng.randint(7 * 60, 23 * 60 + 59)
        return dt.datetime.combine(day, dt.time(minute // 60, minute % 60), tzinfo=LONDON)

    def emit(
        self, person, day, kind, agency, summary, author="", user=None, source=("", ""), said=""
    ):
        self.out.add(
            ChronologyEntry(
                person_id=person.pk,
                occurred_at=self.at(
                    min(day, self.today - DAY),
                    agency == "csc",
                    EVENING_VISITS if kind == "visit" else OUT_OF_HOURS,
                ),
                agency_id=self.agency[agency],
                kind=kind,
                author=author,
                author_user_id=user,
                summary=summary,
                source_type=source[0],
                source_ref=source[1],
                signal_event=said,
            )
        )

    def csc(self, child, day: dt.date, kind: str, step: str = "", status: str = "", **say) -> None:
        """A social care entry on a working day, worded for the child's age on it; ``say``
        fixes phrases (the days an assessment took, why a case closed)."""
        if child.dob:
            day = max(day, child.dob)
        day = self.working_day(day)
        if child.dob and day < child.dob:  # born today or yesterday: a day of work on
            day = self.today - DAY
        age = child.age_on(day)
        if kind in ("looked_after", "placement") and age is not None and age >= 18:
            kind = "plan"  # a care leaver's pathway plan, not a looked-after review
        worker = self.worker_on(child, day, kind)
        summary = casenotes.csc_text(self.rng, kind, status or child.status, step, age, say)
        self.emit(child, day, kind, "csc", summary, worker.name, worker.user_id)

    def worker_on(self, child: PersonSpec, day: dt.date, kind: str):
        if kind in ("contact", "referral"):
            return self.rng.choice(self.mash)
        if kind in ("conference", "looked_after") and self.rng.random() < 0.7:
            return self.rng.choice(self.iros)
        for worker, _, start, end in child.spells:
            if start <= day and (end is None or day <= end):
                if kind == "management_oversight":
                    return self.staff.managers.get(worker.team_id, worker)
                return worker
        return self.rng.choice(self.assessors)

    def partner(self, person: PersonSpec, day: dt.date, kind: str) -> None:
        age = person.age_on(day)
        if kind.startswith("police"):
            agency = "police"
        elif kind == "ae_attendance":
            agency = "nmuh" if self.rng.random() < 0.7 else "whittington"
        elif kind == "gp_consultation":
            agency = person.gp or "gp-elm-tree"
        elif kind.startswith("school"):
            primary, secondary = person.schools
            agency = (secondary if age and age >= 11 else primary) or primary or secondary
        else:
            agency = {"health_visitor_contact": "health-visiting"}.get(kind, kind)
        text = summaries.partner_text(self.rng, kind, age)
        self.emit(person, day, kind, agency, text, self.authors.pick(self.rng, agency))

    # -- choosing dates and volumes ---------------------------------------------------------
    def day_in(self, start: dt.date, end: dt.date, recent: float = 0.7) -> dt.date:
        """A day in [start, end], leaning towards the end: records thicken as worry grows."""
        span = max(0, (end - start).days)
        return start + dt.timedelta(days=int(span * self.rng.random() ** recent))

    def volume(self, child: PersonSpec) -> int:
        median = MEDIAN[child.status]
        return max(1, int(median * self.rng.lognormvariate(0, 0.6)))

    def window(self, child: PersonSpec, kind: str, known: dt.date):
        last = self.today - DAY
        if child.dob is None:
            return known, last
        if kind == "health_visitor_contact":
            return max(known, child.dob), min(last, child.dob + 5 * YEAR)
        if kind.startswith("school"):
            return max(known, child.dob + 4 * YEAR), min(last, child.dob + 16 * YEAR)
        return known, last

    # -- one child ----------------------------------------------------------------------------
    def child(self, child: PersonSpec, count: int) -> None:
        known = max(child.dob or child.episode_start or self.today, self.today - 12 * YEAR)
        made = self.skeleton(child)
        rest = max(0, count - made)
        share = CSC_SHARE.get(child.status, 0.6 if child.status == "child_protection" else 0.7)
        own = round(rest * share)
        if own:
            start = child.episode_start
            end = min(child.episode_end or self.today, self.today - DAY)
            fill = CARE_FILL if child.care_start else CSC_FILL
            kinds = self.rng.choices(list(fill), list(fill.values()), k=own)
            for kind in kinds:
                self.csc(child, self.day_in(start, end), kind)
        weights = POLICE_HOUSEHOLD if child.family and child.family.police else PARTNER_WEIGHTS
        if child.dob is None:  # unborn: what agencies know about the pregnancy and home
            weights = {"gp_consultation": 3, "housing": 1, "police_domestic_abuse": 2}
        kinds = self.rng.choices(list(weights), list(weights.values()), k=rest - own)
        for kind in kinds:
            start, end = self.window(child, kind, known)
            if end < start:
                kind, (start, end) = "gp_consultation", (known, self.today - DAY)
            self.partner(child, self.day_in(start, end), kind)

    def skeleton(self, child: PersonSpec) -> int:
        """The fixed steps of the episode; returns how many entries were written."""
        status, start = child.status, child.episode_start
        if status == "not_open" or start is None:
            return 0
        rng, cal = self.rng, self.cal
        nfa = status == "closed" and rng.random() < CLOSED_AFTER_ASSESSMENT
        steps = [(start, "contact", "", {})]
        if status != "contact":
            steps.append((start + DAY, "referral", "", {}))
        if status not in ("contact", "assessment"):
            took = targets.assessment_days(rng)
            done = cal.add_working_days(self.working_day(start + DAY), took)
            worded = {"status": "closed" if nfa else "child_in_need", "took": [str(took)]}
            steps.append((done, "assessment", "", worded))
        steps += [(spell[2], "allocation", "", {}) for spell in child.spells]
        if child.cp_start:
            cp = child.cp_start
            # DfE C4: 81.4% of ICPCs within 15 working days of the s47 start.
            within = rng.random() < targets.value("icpc_in_time")
            gap = rng.randint(5, 15) if within else rng.randint(16, 24)
            strategy = max(start + DAY, cal.subtract_working_days(cp, gap))
            steps += [(strategy, "strategy_discussion", "", {})]
            steps += [(strategy, "section_47", "", {})]
            steps.append((cp, "conference", "initial", {}))
            steps += [(d, "conference", "", {}) for d in self.reviews(cp, [3, 6])]
        if child.care_start:
            care = child.care_start
            steps.append((care, "looked_after", "start", {}))
            steps.append((care, "placement", "", {}))
            first = cal.add_working_days(care, rng.randint(10, 20))
            until = child.dob and dt.date(child.dob.year + 18, child.dob.month, 1)
            if child.care_end:  # left care before 18
                until = child.care_end
            steps += [(first, "looked_after", "", {})]
            steps += [(d, "looked_after", "", {}) for d in self.reviews(first, [3, 6], until)]
        if child.episode_end:
            why = ["no further action after assessment", "step down to early help"]
            if not nfa:
                why = ["outcomes of the plan achieved"] * 8 + ["family moved out of borough"]
            steps.append((child.episode_end, "case_note", "closure", {"closed_because": why}))
        for day, kind, step, say in steps:
            say = dict(say)
            status = say.pop("status", "")
            self.csc(child, min(day, self.today - DAY), kind, step, status, **say)
        return len(steps)

    def reviews(self, start: dt.date, months: list[int], until=None) -> list[dt.date]:
        """Review dates within their limits (3 months, then 6), a few late."""
        days, day, step = [], start, 0
        until = min(until or self.today, self.today)
        while len(days) < 40:
            limit = add_months(day, months[min(step, len(months) - 1)])
            if self.rng.random() < LATE_REVIEW:
                day = limit + self.rng.randint(3, 20) * DAY
            else:
                day = limit - self.rng.randint(4, 20) * DAY
            day = self.working_day(day) if day < self.today else day
            if day >= until:
                break
            days.append(day)
            step += 1
        return days

    def household_changes(self, borough: Borough) -> None:
        """Someone moving in or out is written on everyone already living there."""
        for family in borough.families:
            for stay in family.stays:
                moves = []
                if stay.start > family.since and stay.start != stay.person.dob:  # not a birth
                    moves.append((stay.start, "moved into"))
                if stay.end and stay.end < self.today and not stay.person.is_child:
                    moves.append((stay.end, "left"))
                for day, verb in moves:
                    present = [
                        other.person
                        for other in family.stays
                        if other is not stay
                        and other.start < day
                        and (other.end is None or other.end >= day)
                    ]
                    agency = self.rng.choice(["csc", "police", "health-visiting", "housing"])
                    text = f"{stay.person.first} {stay.person.last} {verb} the household."
                    source = ("people.HouseholdMembership", str(stay.pk))
                    # As ``people.actions.move_into_household`` says it: an adult (or someone
                    # of unknown age) moving in is what the signals watch for.
                    age = stay.person.age_on(day)
                    joined = verb == "moved into" and (age is None or age >= ADULT)
                    for person in present:
                        self.moved(person, day, agency, text, source, joined)

    def moved(self, person: PersonSpec, day, agency: str, text: str, source, joined=False) -> None:
        if agency == "csc":
            worker = self.rng.choice(self.assessors)
            author, user = worker.name, worker.user_id
        else:
            author, user = self.authors.pick(self.rng, agency), None
        said = "adult_joined" if joined else ""
        self.emit(person, day, "household_change", agency, text, author, user, source, said)

    def adult(self, adult: PersonSpec) -> None:
        known = max(adult.dob + 16 * YEAR, self.today - 15 * YEAR)
        if adult.police:
            arrests, supervision = self.rng.randint(2, 12), self.rng.randint(0, 4)
            kinds = ["police_incident"] * arrests + ["probation"] * supervision
        elif self.rng.random() < 0.25:
            kinds = ["housing"]
        else:
            return
        for kind in kinds:
            self.partner(adult, self.day_in(known, self.today - DAY, 1.0), kind)


def write(rng: random.Random, borough: Borough, agencies, authors, staff, today, scale, say):
    chron = Chronicler(rng, agencies, authors, staff, today)
    children = [p for p in borough.people if p.is_child]
    heavy = [c for c in children if c.status in ("child_protection", "looked_after", "care_leaver")]
    tail = set(map(id, rng.sample(heavy, min(len(heavy), round(TAIL_AT_SCALE_1 * scale)))))
    reported = 0
    for child in children:
        count = chron.volume(child)
        if id(child) in tail:
            count = rng.randint(500, 2000)
        elif child.showcase:
            count = rng.randint(160, 260)
        chron.child(child, count)
        if chron.out.count - reported >= 100_000:
            reported = chron.out.count
            say(f"  chronology: {reported:,} entries")
    for adult in borough.people:
        if not adult.is_child:
            chron.adult(adult)
    chron.household_changes(borough)
    chron.out.flush()
    return chron.out.count
