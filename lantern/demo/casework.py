"""Casework records for the demo borough, and the deadlines they set running.

Runs after the chronology is written and builds on it: each child's social care entries
(referral, assessment, strategy discussion, s47, conferences, visits, notes, oversight)
become the records behind them, on the same dates, so the casework page and the chronology
tell one story. Care status decides the shape (DESIGN.md §2): a child in need has an open
episode and CIN plan; a child on a plan has the strategy discussion, s47, ICPC, plan, core
groups, reviews and visits; looked-after children and care leavers have their episode
history. What the chronology does not hold is added with its own entries: about 1 in 8
referrals going to s47 (most ending without a plan), some children on a second plan within
two years, and CP visits every few working days, lapsed for about one child in eight so
"my work" and the team view have something true to show.

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
from lantern.chronology.models import ChronologyEntry
from lantern.clocks.calendar import add_months
from lantern.demo import targets
from lantern.demo.targets import CATEGORY_MIX

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
CATEGORIES = [
    ("neglect and emotional", ["NEG", "EMO"]),
    ("neglect", ["NEG"]),
    ("emotional", ["EMO"]),
    ("physical", ["PHY"]),
    ("sexual", ["SAB"]),
]
# Factors at assessment: domestic abuse and parental mental health lead (DfE CIN census),
# drawn on their own; then one or two others.
LEADING = {"cp": (("3C", 0.6), ("4B", 0.45)), "cin": (("3C", 0.36), ("4B", 0.34))}
FACTORS = {
    "cp": ["16A", "17A", "18C", "2B", "1B", "19C", "22A"],
    "cin": ["2B", "1B", "6B", "5A", "7A", "16A", "10A", "24A", "14A", "8B"],
}
# What a child says at a visit, from the age they might say it (the child's words only
# from age 3: SPEAKS_FROM in ``checks``).
WORDS = [
    (3, "I like Nan's house."),
    (3, "Mummy cries."),
    (5, "I don't like it when they shout."),
    (5, "Nan makes my tea after school."),
    (6, "I'm scared when he comes home late."),
    (5, "It's better at home now."),
    (4, "I want to stay with my mum."),
    (5, "I didn't have breakfast today."),
    (6, "My favourite thing is football."),
    (7, "I don't want to talk about it."),
]
NOT_ALONE = [
    "The child did not want to be seen without Mother.",
    "Seen at school with the class teacher present.",
    "Mother would not agree; to be seen alone at school next week.",
]
TOO_YOUNG = "Too young to be seen alone: observed with the parent present."
REPEAT_PLAN_SHARE = targets.value("repeat_plans")  # children on a plan who had one before
LATE_CP_VISIT = 0.25  # gaps between CP visits longer than 10 working days
RE_REFERRED = 0.36  # referrals in the year given an earlier one within 12 months
LAPSE_SHARE = 0.35  # children on a plan whose visits may have lapsed (if none is recorded)
UNHEEDED_SHARE = 0.08  # referrals being assessed where harm was suspected, no discussion yet


def generate_casework(rng, borough, staff, agencies, today: dt.date, scale: float | None = None):
    """Bulk-create casework and deadlines for every child the generator opened."""
    children = [
        c
        for c in borough.people
        if c.is_child and c.pk and c.episode_start and c.status not in ("not_open", "contact")
    ]
    story = Story(rng, staff, agencies, today, _entries([c.pk for c in children]))
    if scale is not None:  # a whole borough (tests may pass a handful of children)
        story.calibrate(children, scale)
    for child in children:
        story.child(child)
    return story.batch.save()


def _entries(person_ids: list[int]) -> dict[int, list[tuple]]:
    """Each child's social care entries, oldest first: (date, kind, summary, user id)."""
    found: dict[int, list[tuple]] = defaultdict(list)
    for i in range(0, len(person_ids), 900):
        rows = ChronologyEntry.objects.filter(
            person_id__in=person_ids[i : i + 900], agency__code="csc", kind__in=ENTRY_KINDS
        ).order_by("occurred_at", "id")
        for pid, when, kind, text, user in rows.values_list(
            "person_id", "occurred_at", "kind", "summary", "author_user_id"
        ):
            found[pid].append((when.astimezone(LONDON).date(), kind, text, user))
    return found


class Story:
    def __init__(self, rng: random.Random, staff, agencies, today: dt.date, entries):
        self.rng, self.staff, self.today, self.entries = rng, staff, today, entries
        self.agency = {code: a.pk for code, a in agencies.items()}
        self.iros = staff.workers["Independent Reviewing Officers"]
        self.anyone = [w for team in staff.workers.values() for w in team]
        self.batch = Batch()
        self.cal = self.batch.calendar
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
            self.rng.randint(9, 17),
            kind,
            text,
            author=worker.name,
            user_id=worker.user_id,
            agency_id=self.agency["csc"],
        )

    def past(self, day):
        return min(day, self.today - DAY)

    def manager(self, child, day):
        worker = self.worker(child, day)
        return self.staff.managers.get(worker.team_id, worker).user_id

    # -- one child -------------------------------------------------------------------------
    def child(self, c):
        rng, mine = self.rng, self.entries.get(c.pk, [])
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
        if c.cp_start:
            self.protection(c, episode, referral, mine, first)
        elif s47:
            self.enquiry_without_plan(c, episode, referral, closed)
        stepped = None
        if c.status == "child_in_need" and not c.cp_start and rng.random() < self.step_share:
            stepped = self.stepped_down(c, episode, referral)
        if c.status == "child_in_need" or (outcome == "cin_plan" and not c.cp_start):
            start = self.past(stepped or assessed or referral + 30 * DAY)
            end = closed and max(start, closed - rng.randint(0, 20) * DAY)
            self.add(cw.CINPlan, c, start, episode=episode, start_date=start, end_date=end)
        if closed:
            episode.close_date = closed
            episode.reason_for_closure = self.closure_reason(outcome, s47, mine)
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
        factors = ["21"] if outcome == "nfa" and rng.random() < 0.3 else self.factors(c)
        age = c.age_on(start)
        fits = [w for since, w in WORDS if age is not None and age >= since]
        self.add(
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
        self.event(c, done, "assessment_authorised")
        return outcome, done

    def factors(self, c) -> list[str]:
        kind = "cp" if c.cp_start else "cin"
        chosen = [code for code, share in LEADING[kind] if self.rng.random() < share]
        return chosen + self.rng.sample(FACTORS[kind], 1 if chosen else 2)

    def source(self, c, day) -> str:
        age = c.age_on(day)
        pool = UNBORN_SOURCES if age is None else UNDER_FIVE_SOURCES if age < 5 else SOURCES
        return self.rng.choice(pool)

    def earlier_referral(self, c, referral) -> None:
        """A referral within the 12 months before this one, closed after assessment: DfE
        2025 counts 22.6% of referrals as re-referrals."""
        rng = self.rng
        before = referral - rng.randint(60, 330) * DAY
        if not c.dob or before <= c.dob or c.age_on(before) >= 18:
            return
        before = self.working(before)
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
        self.note(c, episode, before, "referral", "Referral accepted; allocated for assessment.")
        assessment = self.add(
            cw.Assessment,
            c,
            before,
            episode=episode,
            start_date=before,
            authorised_date=closed,
            authorised_by_id=self.manager(c, closed),
            factors=["21"] if nfa else self.factors(c),
            outcome="nfa" if nfa else "early_help",
            analysis="Needs met within the family and universal services.",
        )
        self.event(c, closed, "assessment_authorised")
        outcome = "no further action" if nfa else "step down to early help"
        self.note(c, assessment, closed, "assessment", f"Assessment completed. Outcome: {outcome}.")
        self.event(c, closed, "episode_closed", episode)
        self.note(c, episode, closed, "case_closed", f"Case closed: {outcome}.")

    def working(self, day):
        return day if self.cal.is_working_day(day) else self.cal.subtract_working_days(day, 1)

    def closure_reason(self, outcome, s47, mine) -> str:
        closing = next((e[2] for e in reversed(mine) if e[2].startswith("Case closed")), "")
        if "moved out" in closing:
            return "RC5"
        if not s47 and outcome in ("nfa", "early_help"):
            return "RC8" if outcome == "nfa" else "RC9"  # CIN census rule 2990
        return "RC7"

    def enquiry_without_plan(self, c, episode, referral, closed):
        """Most s47 enquiries end without a plan (DfE 2025: 230,590 enquiries, 72,100 ICPCs)."""
        rng, latest = self.rng, closed or self.today
        held = self.working(min(self.past(referral + rng.randint(1, 15) * DAY), latest))
        icpc = rng.random() < self.icpc_share
        within = rng.random() < targets.value("icpc_in_time")
        took = rng.randint(5, 15) if within or not icpc else rng.randint(16, 22)
        ends = min(self.past(self.cal.add_working_days(held, took)), latest)
        talk = self.meeting(cw.StrategyDiscussion, c, held, episode=episode, decision="s47")
        enquiry = self.add(
            cw.Section47Enquiry,
            c,
            held,
            episode=episode,
            strategy_discussion=talk,
            start_date=held,
            end_date=ends,
            icpc_required=icpc,
            outcome="risk" if icpc else rng.choice(["no_risk", "unsubstantiated"]),
        )
        for name, record in (("harm_suspected", None), ("strategy_discussion_held", talk)):
            self.event(c, held, name, record)
        self.event(c, held, "s47_initiated", talk)
        self.event(c, held, "s47_started", enquiry)
        text = "Strategy discussion with police and health: section 47 enquiry to start."
        self.note(c, talk, held, "strategy_discussion", text)
        if not icpc:
            self.event(c, ends, "icpc_not_required", enquiry)
            text = "Section 47 enquiry concluded: no initial child protection conference needed."
            self.note(c, enquiry, ends, "section_47", text)
            return
        conference = self.meeting(
            cw.Conference,
            c,
            ends,
            episode=episode,
            kind="initial",
            section47=enquiry,
            decision="no_plan",
            chair_id=rng.choice(self.iros).user_id,
        )
        self.event(c, ends, "icpc_held", conference)
        text = "Initial child protection conference. Decision: no plan; support as a child in need."
        self.note(c, conference, ends, "conference", text)

    def protection(self, c, episode, referral, mine, dated, ended=None):
        """Strategy discussion → s47 → ICPC → plan, with core groups, reviews and visits.
        ``dated`` is the first of ``mine`` of each kind (built by ``child``); ``ended`` is
        (ICPC date, plan end) for an earlier plan the chronology does not hold."""
        rng = self.rng
        # Never before the referral (CIN census 1104): a pre-birth plan can share its date.
        icpc_on = ended[0] if ended else max(c.cp_start, referral)
        held = dated["strategy_discussion"][0] if "strategy_discussion" in dated else None
        held = max(referral, min(held or icpc_on - 20 * DAY, icpc_on))
        begun = max(held, min(dated.get("section_47", (held,))[0], icpc_on))
        words = next((e[2] for e in mine if e[2].startswith("Initial child protection")), "")
        if not words:  # an earlier plan: its category drawn as England's are
            mix = rng.choices(list(CATEGORY_MIX), list(CATEGORY_MIX.values()))[0]
            words = f"category of {mix}"
        categories = next((v for k, v in CATEGORIES if k in words), ["NEG"])
        talk = self.meeting(cw.StrategyDiscussion, c, held, episode=episode, decision="s47")
        enquiry = self.add(
            cw.Section47Enquiry,
            c,
            begun,
            episode=episode,
            strategy_discussion=talk,
            start_date=begun,
            outcome="risk",
            end_date=icpc_on,
            icpc_required=True,
        )
        chair = rng.choice(self.iros).user_id
        icpc = self.meeting(
            cw.Conference,
            c,
            icpc_on,
            ("police", "csc", "nmuh"),
            episode=episode,
            kind="initial",
            section47=enquiry,
            decision="plan",
            chair_id=chair,
            categories=categories,
        )
        plan = self.add(
            cw.ChildProtectionPlan,
            c,
            icpc_on,
            episode=episode,
            icpc=icpc,
            start_date=icpc_on,
            initial_categories=categories,
            latest_categories=categories,
        )
        for day, name, record in (
            (held, "harm_suspected", None),
            (held, "strategy_discussion_held", talk),
            (held, "s47_initiated", talk),
            (begun, "s47_started", enquiry),
            (icpc_on, "icpc_held", icpc),
            (icpc_on, "cp_plan_started", plan),
        ):
            self.event(c, day, name, record)
        last = ended[1] if ended else self.today - DAY
        for review in self.reviews(mine, icpc_on, last, bool(ended)):
            meet = self.meeting(
                cw.Conference,
                c,
                review,
                episode=episode,
                kind="review",
                plan=plan,
                decision="continue",
                chair_id=chair,
                categories=categories,
            )
            self.event(c, review, "rcpc_held", meet)
            self.event(c, review, "rcpc_plan_continues", meet)
        group = self.cal.add_working_days(icpc_on, rng.choice([5, 7, 8, 9, 10, 10, 12]))
        while group <= last:
            meet = self.meeting(cw.CoreGroupMeeting, c, group, ("csc", "nmuh"), plan=plan)
            self.event(c, group, "core_group_held", meet)
            self.note(c, meet, group, "core_group", "Core group meeting: plan reviewed.")
            group = self.cal.add_working_days(group, rng.randint(15, 22))
        lapsed = not ended and rng.random() < LAPSE_SHARE
        self.visits(c, episode, icpc_on, last, lapsed, mine)
        if ended:  # a review conference ends the plan (issue 9 §4)
            why = ended[2] if len(ended) > 2 else "no_services"
            meet = self.meeting(
                cw.Conference,
                c,
                last,
                episode=episode,
                kind="review",
                plan=plan,
                decision="end",
                chair_id=chair,
                categories=categories,
            )
            self.event(c, last, "rcpc_held", meet)
            plan.end_date, plan.end_reason = last, why
            self.event(c, last, "cp_plan_ended", plan)
            text = "Review child protection conference. Plan to end: step down to child in need."
            if why == "no_services":
                text = "Review child protection conference. Plan to end: no further services."
            self.note(c, meet, last, "conference", text)

    def reviews(self, mine, icpc_on, last, earlier) -> list[dt.date]:
        """The chronology's review conferences, or 3 then every 6 months for an earlier plan."""
        if not earlier:
            return [
                e[0]
                for e in mine
                if e[1] == "conference" and icpc_on < e[0] <= last and e[2].startswith("Review")
            ]
        day, out, months = icpc_on, [], 3
        while (day := self.working(add_months(day, months) - self.rng.randint(3, 20) * DAY)) < last:
            out.append(day)
            months = 6
        return out

    def visits(self, c, episode, start, last, lapsed, mine):
        """Statutory visits every 4–10 working days; for a few children they have lapsed,
        where the chronology has no visit in that time either."""
        rng, day = self.rng, start
        gap = self.cal.subtract_working_days(self.today, rng.randint(11, 16))
        lapsed = lapsed and not any(e[1] == "visit" and e[0] > gap for e in mine)
        stop = min(last, gap if lapsed else self.today - DAY)
        while (day := self.cal.add_working_days(day, self.visit_gap())) <= stop:
            if c.dob is None:  # a pre-birth plan: the expectant mother is visited
                visit = self.add(
                    cw.Visit,
                    c,
                    day,
                    episode=episode,
                    visited_on=day,
                    kind="cp",
                    reason_not_seen="Unborn: expectant mother seen at home.",
                )
                self.event(c, day, "cp_visit_child_seen", visit)
                self.note(c, visit, day, "visit", "Pre-birth visit: expectant mother seen.")
                continue
            age = c.age_on(day)
            fits = [w for since, w in WORDS if age >= since]
            alone = bool(fits) and rng.random() < 0.8
            said = rng.choice(fits) if fits and rng.random() < 0.5 else ""
            visit = self.add(
                cw.Visit,
                c,
                day,
                episode=episode,
                visited_on=day,
                kind="cp",
                child_seen=True,
                seen_alone=alone,
                reason_not_seen_alone="" if alone else self.not_alone(age),
                bedroom_seen=rng.random() < 0.6,
                child_words=said,
            )
            self.event(c, day, "cp_visit_child_seen", visit)
            seen = "Child seen alone." if alone else "Child seen, not alone."
            quote = f" The child said: “{said}”" if said else ""
            self.note(c, visit, day, "visit", f"Child protection statutory visit. {seen}{quote}")

    def stepped_down(self, c, episode, referral) -> dt.date | None:
        """A plan that has ended: the child stepped down to a child in need plan."""
        if id(c) not in self.window:
            return None
        rng = self.rng
        icpc_on = self.working(referral + rng.randint(20, 45) * DAY)
        end = self.working(
            add_months(icpc_on, rng.choice([3, 3, 6, 6, 9])) - rng.randint(3, 15) * DAY
        )
        if end >= self.today - 7 * DAY or (c.dob and icpc_on <= c.dob):
            return None
        self.protection(c, episode, referral, [], {}, (icpc_on, end, "step_down"))
        return end

    def visit_gap(self) -> int:
        if self.rng.random() < LATE_CP_VISIT:
            return self.rng.randint(11, 15)
        return self.rng.choice([4, 5, 7, 8, 9, 10, 10])

    def not_alone(self, age) -> str:
        return TOO_YOUNG if age is None or age < 3 else self.rng.choice(NOT_ALONE)

    def earlier_plan(self, c):
        """A previous episode whose plan ended months before this referral."""
        rng = self.rng
        closed = c.episode_start - rng.randint(30, 300) * DAY
        icpc_on = closed - rng.randint(200, 400) * DAY
        referral = icpc_on - rng.randint(30, 60) * DAY
        if not c.dob or referral <= c.dob:
            return
        episode = self.add(
            cw.CINEpisode,
            c,
            referral,
            referral_date=referral,
            referral_source="6",
            referral_reason="Police: domestic abuse incident, child present.",
            harm_suspected=True,
            primary_need="N1",
            close_date=closed,
            reason_for_closure="RC7",
        )
        self.event(c, referral, "referral", episode)
        self.note(c, episode, referral, "referral", "Referral accepted from Police.")
        self.protection(c, episode, referral, [], {}, (icpc_on, closed - DAY))
        self.event(c, closed, "episode_closed", episode)
        self.note(
            c, episode, closed, "case_closed", "Case closed: plan ended, no further services."
        )

    def fill(self, c, episode, mine):
        """The chronology's visits, case notes and oversight, as records."""
        for day, kind, text, user in mine:
            if kind == "visit":
                born = c.dob is not None and c.dob <= day
                seen, on_plan = (
                    born and "Not seen" not in text,
                    bool(c.cp_start and day >= c.cp_start),
                )
                alone = seen and "seen alone" in text
                why = (
                    "No answer at the door."
                    if "Not seen" in text or born
                    else ("Unborn: expectant mother seen.")
                )
                visit = self.add(
                    cw.Visit,
                    c,
                    day,
                    user,
                    episode=episode,
                    visited_on=day,
                    kind="cp" if on_plan else "cla" if c.care_start else "cin",
                    child_seen=seen,
                    seen_alone=alone,
                    reason_not_seen="" if seen else why,
                    reason_not_seen_alone=""
                    if alone or not seen
                    else self.not_alone(c.age_on(day)),
                    observations=text,
                )
                if on_plan and seen:
                    self.event(c, day, "cp_visit_child_seen", visit)
            elif kind == "case_note":
                subject = text.split(":")[0].split(".")[0][:120]
                self.add(
                    cw.CaseNote,
                    c,
                    day,
                    user,
                    episode=episode,
                    noted_on=day,
                    subject=subject,
                    text=text,
                )
            elif kind == "management_oversight":
                self.add(
                    cw.ManagementOversight,
                    c,
                    day,
                    user,
                    episode=episode,
                    recorded_on=day,
                    direction=text,
                )
