"""Casework records for the demo borough, and the deadlines they set running.

Runs after the chronology is written and builds on it: each child's social care entries
(referral, assessment, strategy discussion, s47, conferences, visits, notes, oversight)
become the records behind them, on the same dates, so the casework page and the chronology
tell one story. Care status decides the shape (DESIGN.md §2): a child in need has an open
episode and CIN plan; a child on a plan has the strategy discussion, s47, ICPC, plan, core
groups, reviews and visits; looked-after children and care leavers have their episode
history. What the chronology does not hold is added: about 1 in 8 referrals going to s47
(most ending without a plan), some children on a second plan within two years, CIN plan
reviews, and CP visits every few working days, lapsed for about one child in eight so "my
work" and the team view have something true to show. Child protection is in ``protection``,
CIN plans in ``cin``, visits in ``visits``.

Every record is written as its action would write it: its chronology entries are its
describer's (``casework.bulk``), replacing the chronology's words for the same event (one
fact, one place); it fires the clock events the action fires; a record late against its
replayed clock carries a reason for the delay.

Rates and mixes come from ``targets`` (England's figures): how many s47 enquiries and
initial conferences there are for each plan, re-referrals within 12 months, assessment
factors led by domestic abuse and parental mental health. Words, being seen alone and who
refers fit the child's age; ``checks`` tests every record against the app's guards.
"""

import datetime as dt
import random
from collections import defaultdict
from zoneinfo import ZoneInfo

from lantern.casework import models as cw
from lantern.casework.bulk import Batch
from lantern.casework.codes import UASC_FACTOR
from lantern.chronology.models import ChronologyEntry
from lantern.clocks.lateness import LateReason
from lantern.demo import targets
from lantern.demo.care import CARE_ORDER, CARE_RELATED, Care
from lantern.demo.care_health import CareHealth
from lantern.demo.care_records import RECORD_STEPS, CareRecords
from lantern.demo.care_reviews import CareReviews
from lantern.demo.care_visits import CareVisits
from lantern.demo.cin import ChildInNeed
from lantern.demo.protection import Protection
from lantern.demo.visits import Visits, visit_hour, words_for

DAY = dt.timedelta(days=1)
LONDON = ZoneInfo("Europe/London")
ENTRY_KINDS = ["contact", "referral", "assessment", "strategy_discussion", "section_47"]
ENTRY_KINDS += ["conference", "visit", "case_note", "management_oversight"]
# Referral sources (DfE 2025: police the largest, then schools and health), by age: no
# school refers a baby, no health visitor a teenager.
SOURCES = ["6"] * 6 + ["2A"] * 4 + ["3A", "3B", "3E", "5A", "5D", "1A", "1B", "1D", "8", "9"]
SOURCES = [s for s in SOURCES if s != "3B"] + ["3C"]
UNDER_FIVE_SOURCES = ["6"] * 6 + ["3B"] * 3 + ["3A", "3D", "3E", "5A", "5D", "1A", "1B", "8"]
UNBORN_SOURCES = ["3D"] * 4 + ["6"] * 3 + ["3A", "5A", "1A"]
# Factors at assessment: domestic abuse and parental mental health lead (DfE CIN census),
# drawn on their own; then one or two others.
LEADING = {"cp": (("3C", 0.6), ("4B", 0.45)), "cin": (("3C", 0.36), ("4B", 0.34))}
FACTORS = {
    "cp": ["16A", "17A", "18C", "2B", "1B", "19C", "22A"],
    "cin": ["2B", "1B", "6B", "5A", "7A", "16A", "10A", "24A", "14A", "8B"],
}
REPEAT_PLAN_SHARE = targets.value("repeat_plans")  # children on a plan who had one before
RE_REFERRED = 0.36  # referrals in the year given an earlier one within 12 months
SHORTEST_PLAN_DAYS = 14  # a CIN plan runs at least a fortnight before the case closes
UNHEEDED_SHARE = 0.08  # referrals being assessed where harm was suspected, no discussion yet
# Entries of the chronology written before the casework that a record's own entries
# (its describer's, ``lantern.casework.chronology``) replace: one fact, one place.
DESCRIBED = {"referral", "assessment", "strategy_discussion", "section_47", "conference"}
# Why a record was late (``clocks.lateness``), as often as councils give each.
LATE_REASONS = {
    LateReason.CAPACITY: 0.3,
    LateReason.FAMILY: 0.25,
    LateReason.AGENCY: 0.15,
    LateReason.COMPLEX: 0.1,
    LateReason.SCHEDULING: 0.1,
    LateReason.CHILD: 0.05,
    LateReason.OTHER: 0.05,
}
# A case closed the day care ended under an order: the CIN census reason for closure.
ORDERS = {"E11": "RC1", "E12": "RC1", "E41": "RC3", "E45": "RC4", "E46": "RC4", "E47": "RC4"}
OTHER_DELAY = "Interpreter for the family not available until after the due date."


def generate_casework(
    rng, borough, staff, agencies, today: dt.date, scale: float | None = None, care=None
):
    """Bulk-create casework and deadlines for every child the generator opened. ``care``:
    the (rng, faker) stream periods of care and carers are drawn from."""
    children = [
        c
        for c in borough.people
        if c.is_child and c.pk and c.episode_start and c.status not in ("not_open", "contact")
    ]
    story = Story(rng, staff, agencies, today, _entries([c.pk for c in children]))
    story.care_stream(care, scale)
    if scale is not None:  # a whole borough (tests may pass a handful of children)
        story.calibrate(children, scale)
    story.plan_care(children)
    for child in children:
        story.child(child)
    counts = story.batch.save()
    counts.update(story.save_care())
    counts.update(story.after_save())
    for i in range(0, len(story.replaced), 5000):
        ChronologyEntry.objects.filter(pk__in=story.replaced[i : i + 5000]).delete()
    return counts


def _entries(person_ids: list[int]) -> dict[int, list[tuple]]:
    """Each child's social care entries, oldest first: (date, kind, summary, user id, id)."""
    found: dict[int, list[tuple]] = defaultdict(list)
    for i in range(0, len(person_ids), 900):
        rows = ChronologyEntry.objects.filter(
            person_id__in=person_ids[i : i + 900], agency__code="csc", kind__in=ENTRY_KINDS
        ).order_by("occurred_at", "id")
        for pid, when, kind, text, user, pk in rows.values_list(
            "person_id", "occurred_at", "kind", "summary", "author_user_id", "id"
        ):
            found[pid].append((when.astimezone(LONDON).date(), kind, text, user, pk))
    return found


class Story(
    ChildInNeed, Protection, Visits, CareReviews, CareVisits, CareHealth, Care, CareRecords
):
    DAY = DAY
    # The rest of a looked-after child's record, per period of care (``care.Care``): each a
    # method (child, history) of a mixin above, e.g. "care_reviews", "care_health".
    care_steps: tuple[str, ...] = (
        "care_iro",
        "care_reviews",
        "care_visits",
        "care_health",
        "care_education",
        *RECORD_STEPS,
    )

    def __init__(self, rng: random.Random, staff, agencies, today: dt.date, entries):
        self.rng, self.staff, self.today, self.entries = rng, staff, today, entries
        self.agency = {code: a.pk for code, a in agencies.items()}
        self.iros = staff.workers["Independent Reviewing Officers"]
        self.anyone = [w for team in staff.workers.values() for w in team]
        self.batch = Batch(late_reason=self.why_late, order=CARE_ORDER, related=CARE_RELATED)
        self.cal = self.batch.calendar
        self.cin_spans: dict[int, list] = defaultdict(list)
        self.replaced: list[int] = []  # the chronology's entries the records now write
        # Uncalibrated: a few referrals reach s47, a third of those an ICPC, none stepped down.
        self.s47_share, self.icpc_share, self.step_share, self.window = 0.115, 0.3, 0.0, set()

    def calibrate(self, children, scale: float) -> None:
        """How often a referral reaches s47, an ICPC and a plan, so the year has England's
        s47 enquiries per 10,000 children, ICPCs per s47 and plans per ICPC. Plans the
        children on plans today do not account for are plans already stepped down."""
        year = self.today - targets.YEAR
        enquiries = targets.per_year_at(scale, "s47_rate")
        icpcs = enquiries * targets.value("icpc_per_s47")
        plans = icpcs * targets.value("plan_per_icpc")
        current = sum(1 for c in children if c.cp_start and c.cp_start > year)
        others = [c for c in children if not c.cp_start and c.status in ("closed", "child_in_need")]
        # Stepped down in the year: referred 5 to 15 months ago, a plan of 3 to 9 months.
        window = [
            c
            for c in others
            if c.status == "child_in_need"
            and year - 60 * DAY < c.episode_start < self.today - 180 * DAY
        ]
        self.step_share = min(1.0, max(0.0, plans - current) / (len(window) or 1))
        stepped = self.step_share * len(window)
        recent = sum(1 for c in others if year < c.episode_start < self.today - 60 * DAY) or 1
        extra = max(0.0, enquiries - current - stepped)
        self.s47_share = min(1.0, extra / recent)
        self.icpc_share = max(0.0, icpcs - current - stepped) / max(1.0, extra)
        self.window = set(map(id, window))

    # -- helpers ---------------------------------------------------------------------------
    def worker(self, child, day):
        for worker, _, start, end in child.spells:
            if start <= day and (end is None or day <= end):
                return worker
        return child.spells[-1][0] if child.spells else self.rng.choice(self.anyone)

    def add(self, model, child, day, user=None, **fields):
        return self.batch.add(model, child.pk, user or self.worker(child, day).user_id, **fields)

    def meeting(self, model, child, day, agencies=("police", "csc", "nmuh"), **fields):
        row = self.add(model, child, day, held_on=day, **fields)
        self.batch.attend(row, [self.agency[a] for a in agencies if a in self.agency])
        return row

    def event(self, child, day, name, record=None):
        self.batch.event(child.pk, day, name, record)

    def note(self, child, record, day, kind, text):
        worker = self.worker(child, day)
        self.batch.chronicle(
            record,
            day,
            visit_hour(self.rng) if kind == "visit" else self.rng.randint(9, 17),
            kind,
            text,
            author=worker.name,
            user_id=worker.user_id,
            agency_id=self.agency["csc"],
        )

    def why_late(self, record, deadline) -> tuple[str, str]:
        reason = self.rng.choices(list(LATE_REASONS), list(LATE_REASONS.values()))[0]
        return reason, OTHER_DELAY if reason == LateReason.OTHER else ""

    def past(self, day):
        return min(day, self.today - DAY)

    def manager(self, child, day):
        worker = self.worker(child, day)
        return self.staff.managers.get(worker.team_id, worker).user_id

    # -- one child -------------------------------------------------------------------------
    def child(self, c):
        rng, mine = self.rng, self.entries.get(c.pk, [])
        self.replaced += [e[4] for e in mine if e[1] in DESCRIBED]
        first: dict[str, tuple] = {}
        for entry in mine:
            first.setdefault(entry[1], entry)
        if c.cp_start and rng.random() < REPEAT_PLAN_SHARE:
            self.earlier_plan(c)
        referral = self.past(first["referral"][0] if "referral" in first else c.episode_start)
        recent = not c.cp_start and referral > self.today - targets.YEAR
        if recent and rng.random() < RE_REFERRED:
            self.earlier_referral(c, referral)
        closed = c.episode_end if c.status == "closed" else None
        if c.status == "care_leaver" and c.dob:
            closed = self.past(max(referral, dt.date(c.dob.year + 18, c.dob.month, 1)))
        episode = self.add(
            cw.CINEpisode,
            c,
            referral,
            referral_date=referral,
            referral_reason=first["contact"][2] if "contact" in first else "Concerns at home.",
            referral_source=self.source(c, referral),
            primary_need="N1" if c.cp_start else rng.choice(["N1", "N2", "N3", "N4", "N5"]),
        )
        self.event(c, referral, "referral", episode)
        if c.status == "assessment" and rng.random() < UNHEEDED_SHARE:
            episode.harm_suspected = True  # and no strategy discussion yet: overdue, and shown
            self.event(c, referral, "harm_suspected", episode)
        s47 = bool(c.cp_start) or (
            c.status in ("closed", "child_in_need")
            and referral < self.today - 60 * DAY
            and rng.random() < self.s47_share
        )
        outcome, assessed = self.assessment(c, episode, referral, closed, first.get("assessment"))
        if c.care_start:
            self.looked_after(c, episode)
        stepped = None
        if c.cp_start:
            self.cin_before_protection(c, episode, referral, assessed, first)
            self.protection(c, episode, referral, mine, first)
        elif c.status == "child_in_need" and rng.random() < self.step_share:
            stepped = self.stepped_down(c, episode, referral)
        # One enquiry at a time in an episode (CIN census 8890, 8839): a child whose plan
        # has ended had their enquiry in ``protection``.
        if s47 and not c.cp_start and stepped is None:
            self.enquiry_without_plan(c, episode, referral, closed)
        if (
            closed
            and assessed
            and outcome == "cin_plan"
            and not c.cp_start
            and c.status != "child_in_need"
            and (closed - assessed).days < SHORTEST_PLAN_DAYS
        ):
            # Closed within days of its assessment: the case closed after the assessment
            # (RC8/RC9), not after a CIN plan that began and ended on one day (4012Q).
            # Which of the two by the birthday, not a draw (the rest of the demo is as it
            # was) and not the row id (which differs from one build to the next).
            odd = (c.dob or closed).toordinal() % 2
            outcome = self.assessed.outcome = "early_help" if odd else "nfa"
        if c.status == "child_in_need" or (outcome == "cin_plan" and not c.cp_start):
            start = self.past(stepped or assessed or referral + 30 * DAY)
            # A plan ends at or shortly before the closure, never the day it started (CIN
            # census 4012Q) unless the episode closed that very day.
            gap = (closed - start).days if closed else 0
            end = closed and max(start, closed - rng.randint(0, min(20, max(gap - 1, 0))) * DAY)
            self.cin_plan(c, episode, start, end)
        if closed:
            episode.close_date = closed
            episode.reason_for_closure = ORDERS.get(c.care_left) or self.closure_reason(
                outcome, s47, mine
            )
            self.event(c, closed, "episode_closed", episode)
        self.fill(c, episode, mine)

    def assessment(self, c, episode, referral, closed, entry) -> tuple[str, dt.date | None]:
        rng = self.rng
        start = self.past(referral + rng.randint(0, 4) * DAY)
        if c.status == "assessment" or entry is None:
            analysis = "In progress: family seen twice; school and GP checks back."
            self.add(cw.Assessment, c, start, episode=episode, start_date=start, analysis=analysis)
            return "", None
        done = max(start, min(entry[0], closed or entry[0]))
        if c.status == "closed":
            text = entry[2]
            outcome = "nfa" if "no further" in text else "early_help" if "early" in text else ""
            outcome = outcome or "cin_plan"
        else:
            named = {"child_protection": "strategy", "looked_after": "looked_after"}
            outcome = named.get(c.status, "cin_plan")
        factors = ["21"] if outcome == "nfa" and rng.random() < 0.3 else self.factors(c, start)
        fits = words_for(c.age_on(start))
        self.assessed = assessment = self.add(
            cw.Assessment,
            c,
            start,
            episode=episode,
            start_date=start,
            authorised_date=done,
            authorised_by_id=self.manager(c, done),
            factors=factors,
            outcome=outcome,
            analysis=entry[2],
            child_views=rng.choice(fits) if fits else "",
        )
        self.event(c, done, "assessment_authorised", assessment)
        return outcome, done

    def factors(self, c, day) -> list[str]:
        kind = "cp" if c.cp_start else "cin"
        chosen = [code for code, share in LEADING[kind] if self.rng.random() < share]
        chosen += self.rng.sample(FACTORS[kind], 1 if chosen else 2)
        # 9A only while the child's record says UASC (``Person.uasc_on``; issue 9 §1).
        since, ceased = getattr(c, "uasc_since", None), getattr(c, "uasc_ceased", None)
        if since and since <= day and (ceased is None or day <= ceased):
            chosen = [UASC_FACTOR, *chosen[:1]]
        return chosen

    def source(self, c, day) -> str:
        age = c.age_on(day)
        pool = UNBORN_SOURCES if age is None else UNDER_FIVE_SOURCES if age < 5 else SOURCES
        return self.rng.choice(pool)

    def earlier_referral(self, c, referral) -> None:
        """A referral within the 12 months before this one, closed after assessment: DfE
        2025 counts 22.6% of referrals as re-referrals."""
        rng = self.rng
        # Moved back to a working day before it is checked against the birth: a Sunday
        # drawn the day after a Saturday birth would otherwise become the Friday before it.
        before = self.working(referral - rng.randint(60, 330) * DAY)
        if not c.dob or before <= c.dob or c.age_on(before) >= 18:
            return
        closed = self.cal.add_working_days(before, targets.assessment_days(rng))
        if closed >= referral:
            return
        nfa = rng.random() < 0.6
        episode = self.add(
            cw.CINEpisode,
            c,
            before,
            referral_date=before,
            referral_source=self.source(c, before),
            referral_reason="Concerns at home.",
            primary_need=rng.choice(["N1", "N2", "N3", "N4", "N5"]),
            close_date=closed,
            reason_for_closure="RC8" if nfa else "RC9",
        )
        self.event(c, before, "referral", episode)
        assessment = self.add(
            cw.Assessment,
            c,
            before,
            episode=episode,
            start_date=before,
            authorised_date=closed,
            authorised_by_id=self.manager(c, closed),
            factors=["21"] if nfa else self.factors(c, before),
            outcome="nfa" if nfa else "early_help",
            analysis="Needs met within the family and universal services.",
        )
        self.event(c, closed, "assessment_authorised", assessment)
        self.event(c, closed, "episode_closed", episode)

    def working(self, day):
        return day if self.cal.is_working_day(day) else self.cal.subtract_working_days(day, 1)

    def closure_reason(self, outcome, s47, mine) -> str:
        closing = next((e[2] for e in reversed(mine) if e[2].startswith("Case closed")), "")
        if "moved out" in closing:
            return "RC5"
        if not s47 and outcome in ("nfa", "early_help"):
            return "RC8" if outcome == "nfa" else "RC9"  # CIN census rule 2990
        return "RC7"
