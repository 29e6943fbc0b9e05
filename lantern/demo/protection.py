"""Child protection in the demo's casework: strategy discussion → s47 → ICPC → plan, with
core groups, review conferences and visits; the s47 enquiries that end without a plan;
plans stepped down in the year, and earlier plans.

Every record is one the app's actions would accept: a strategy discussion has police and
health or says why not, and a few record immediate protection; a conference records who
was invited and came, the parents, the child's part in their own words where they can
give them, and reports shared beforehand; core groups meet within the 6-weekly clock."""

from lantern.casework import models as cw
from lantern.clocks.calendar import add_months
from lantern.demo import targets
from lantern.demo.targets import CATEGORY_MIX
from lantern.demo.visits import words_for

CATEGORIES = [
    ("neglect and emotional", ["NEG", "EMO"]),
    ("neglect", ["NEG"]),
    ("emotional", ["EMO"]),
    ("physical", ["PHY"]),
    ("sexual", ["SAB"]),
]
LAPSE_SHARE = 0.35  # children on a plan whose visits may have lapsed (if none is recorded)
IMMEDIATE_PROTECTION = 0.04  # s47s begun after police protection or with an EPO
WITHOUT_POLICE_OR_HEALTH = 0.05  # discussions held without one, the reason recorded
WHY_NOT = {
    "police": "Police officer could not join at short notice; police checks shared by email.",
    "health": "No health professional available that day; GP and health visitor consulted.",
}
ABSENT = [
    "Father did not respond to the invitation.",
    "Mother unwell on the day; her views shared through the social worker.",
    "Father's whereabouts unknown.",
    "Parents declined to attend; met the chair beforehand.",
]
ADVOCATES = ["Jo Patel, NYAS", "Sam Reid, Coram Voice", "Priya Shah, NYAS"]


class Protection:
    """Mixed into ``casework.Story``: strategy discussions, enquiries, conferences, plans."""

    def strategy(self, c, episode, day):
        """Police and health take part, or the reason they did not is recorded; a few
        discussions follow police protection or lead to an emergency protection order."""
        rng, missing = self.rng, ""
        agencies = ["police", "csc", self.health(c, day)]
        if rng.random() < WITHOUT_POLICE_OR_HEALTH:
            missing = rng.choice(["police", "health"])
            agencies = (
                [a for a in agencies if a != "police"] if missing == "police" else agencies[:2]
            )
        talk = self.meeting(
            cw.StrategyDiscussion,
            c,
            day,
            agencies,
            episode=episode,
            decision="s47",
            why_not_police_and_health=WHY_NOT.get(missing, ""),
        )
        if not self.unborn(c, day) and rng.random() < IMMEDIATE_PROTECTION:
            if rng.random() < 0.6:
                talk.police_protection_on = max(c.dob, day - rng.randint(0, 1) * self.DAY)
            else:
                order = self.cal.add_working_days(day, rng.randint(1, 3))
                talk.emergency_protection_order_on = order if order < self.today else None
        return talk

    def icpc_day(self, c, referral):
        """The initial conference that starts the child's plan: never before the referral
        (CIN census 1104), never at a weekend or on a bank holiday (8875)."""
        day = max(c.cp_start, referral)
        return day if self.cal.is_working_day(day) else self.cal.add_working_days(day, 1)

    def health(self, c, day) -> str:
        age = c.age_on(day)
        if age is None or age < 5:
            return self.rng.choice(["health-visiting", "nmuh", "whittington"])
        return self.rng.choice(["nmuh", "whittington", "gp-elm-tree", "gp-riverside"])

    def review_conference(self, c, day, plan, chair, categories, decision):
        """A review conference on the plan, deciding ``decision`` (continue or end)."""
        meet = self.conference(
            c,
            day,
            ("police", "csc", "nmuh"),
            episode=plan.episode,
            kind="review",
            plan=plan,
            decision=decision,
            chair_id=chair,
            categories=categories,
        )
        self.event(c, day, "rcpc_held", meet)
        return meet

    def conference(self, c, day, attended, **fields):
        """A conference with its attendance (``actions.attendance.conference_attendance``)."""
        rng, age = self.rng, c.age_on(day)
        parents = rng.choices(["all", "some", "none"], [0.6, 0.28, 0.12])[0]
        if age is None or age < 4:
            part, wishes = "too_young", ""
        else:
            part = "attended" if age >= 12 and rng.random() < 0.4 else "views"
            said = rng.choice(words_for(age))
            wishes = (
                f"Told the conference: “{said}”"
                if part == "attended"
                else f"Gathered by the social worker at home: “{said}”"
            )
        shared = rng.random() < 0.85
        meet = self.meeting(
            cw.Conference,
            c,
            day,
            attended,
            chair_id=fields.pop("chair_id", None) or rng.choice(self.iros).user_id,
            parents_attendance=parents,
            parents_absence_reason="" if parents == "all" else rng.choice(ABSENT),
            child_participation=part,
            child_wishes=wishes,
            advocate=rng.choice(ADVOCATES) if age and age >= 10 and rng.random() < 0.3 else "",
            reports_shared=shared,
            reports_shared_on=self.cal.subtract_working_days(day, rng.randint(1, 3))
            if shared
            else None,
            **fields,
        )
        invited = {*attended, self.health(c, day)}
        if age is not None and age >= 4 and c.schools[0 if age < 11 else 1]:
            invited.add(c.schools[0 if age < 11 else 1])
        self.batch.attend(
            meet, [self.agency[a] for a in sorted(invited) if a in self.agency], "agencies_invited"
        )
        return meet

    def enquiry_without_plan(self, c, episode, referral, closed):
        """Most s47 enquiries end without a plan (DfE 2025: 230,590 enquiries, 72,100 ICPCs)."""
        rng, latest = self.rng, closed or self.today
        held = self.working(min(self.past(referral + rng.randint(1, 15) * self.DAY), latest))
        icpc = rng.random() < self.icpc_share
        within = rng.random() < targets.value("icpc_in_time")
        took = rng.randint(5, 15) if within or not icpc else rng.randint(16, 22)
        # A conference is held on a working day (CIN census 8875), as the enquiry ends.
        ends = self.working(min(self.past(self.cal.add_working_days(held, took)), latest))
        talk = self.strategy(c, episode, held)
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
        if not icpc:
            self.event(c, ends, "icpc_not_required", enquiry)
            return
        conference = self.conference(
            c,
            ends,
            ("police", "csc", "nmuh"),
            episode=episode,
            kind="initial",
            section47=enquiry,
            decision="no_plan",
        )
        self.event(c, ends, "icpc_held", conference)

    def protection(self, c, episode, referral, mine, dated, ended=None):
        """Strategy discussion → s47 → ICPC → plan, with core groups, reviews and visits.
        ``dated`` is the first of ``mine`` of each kind (built by ``child``); ``ended`` is
        (ICPC date, plan end) for an earlier plan the chronology does not hold."""
        rng, day = self.rng, self.DAY
        # Never before the referral (CIN census 1104): a pre-birth plan can share its date.
        icpc_on = ended[0] if ended else self.icpc_day(c, referral)
        held = dated["strategy_discussion"][0] if "strategy_discussion" in dated else None
        held = max(referral, min(held or icpc_on - 20 * day, icpc_on))
        begun = max(held, min(dated.get("section_47", (held,))[0], icpc_on))
        words = next((e[2] for e in mine if e[2].startswith("Initial child protection")), "")
        if not words:  # an earlier plan: its category drawn as England's are
            mix = rng.choices(list(CATEGORY_MIX), list(CATEGORY_MIX.values()))[0]
            words = f"category of {mix}"
        categories = next((v for k, v in CATEGORIES if k in words), ["NEG"])
        talk = self.strategy(c, episode, held)
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
        icpc = self.conference(
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
        for on, name, record in (
            (held, "harm_suspected", None),
            (held, "strategy_discussion_held", talk),
            (held, "s47_initiated", talk),
            (begun, "s47_started", enquiry),
            (icpc_on, "icpc_held", icpc),
            (icpc_on, "cp_plan_started", plan),
        ):
            self.event(c, on, name, record)
        last = ended[1] if ended else self.today - day
        for review in self.reviews(mine, icpc_on, last, bool(ended)):
            meet = self.review_conference(c, review, plan, chair, categories, "continue")
            self.event(c, review, "rcpc_plan_continues", meet)
        self.core_groups(c, plan, icpc_on, last)
        lapsed = not ended and rng.random() < LAPSE_SHARE
        self.visits(c, episode, icpc_on, last, lapsed, mine)
        if ended:  # a review conference ends the plan (issue 9 §4)
            self.review_conference(c, last, plan, chair, categories, "end")
            plan.end_date = last
            plan.end_reason = ended[2] if len(ended) > 2 else "no_services"
            self.event(c, last, "cp_plan_ended", plan)

    def core_groups(self, c, plan, icpc_on, last):
        """The first within 10 working days, then within the 6-weekly clock (30 working
        days), now and then a week or so late."""
        rng = self.rng
        group = self.cal.add_working_days(icpc_on, rng.choice([5, 7, 8, 9, 10, 10, 12]))
        while group <= last:
            meet = self.meeting(
                cw.CoreGroupMeeting, c, group, ("csc", self.health(c, group)), plan=plan
            )
            self.event(c, group, "core_group_held", meet)
            late = rng.random() < 0.1
            group = self.cal.add_working_days(
                group, rng.randint(31, 36) if late else rng.randint(18, 30)
            )

    def reviews(self, mine, icpc_on, last, earlier) -> list:
        """The chronology's review conferences, or 3 then every 6 months for an earlier plan."""
        if not earlier:
            return [
                e[0]
                for e in mine
                if e[1] == "conference" and icpc_on < e[0] <= last and e[2].startswith("Review")
            ]
        day, out, months = icpc_on, [], 3
        while (
            day := self.working(add_months(day, months) - self.rng.randint(3, 20) * self.DAY)
        ) < last:
            out.append(day)
            months = 6
        return out

    def stepped_down(self, c, episode, referral):
        """A plan that has ended: the child stepped down to a child in need plan."""
        if id(c) not in self.window:
            return None
        rng = self.rng
        icpc_on = self.working(referral + rng.randint(20, 45) * self.DAY)
        end = self.working(
            add_months(icpc_on, rng.choice([3, 3, 6, 6, 9])) - rng.randint(3, 15) * self.DAY
        )
        if end >= self.today - 7 * self.DAY or (c.dob and icpc_on <= c.dob):
            return None
        self.protection(c, episode, referral, [], {}, (icpc_on, end, "step_down"))
        return end

    def earlier_plan(self, c):
        """A previous episode whose plan ended months before this referral."""
        rng, day = self.rng, self.DAY
        closed = c.episode_start - rng.randint(30, 300) * day
        icpc_on = self.working(closed - rng.randint(200, 400) * day)
        referral = icpc_on - rng.randint(30, 60) * day
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
        self.protection(c, episode, referral, [], {}, (icpc_on, closed - day))
        self.event(c, closed, "episode_closed", episode)
