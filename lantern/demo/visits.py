"""Visits in the demo's casework: CP statutory visits every few working days (lapsed for a
few children), and the chronology's own visits as records. Each visit meets the clock the
app's ``record_visit`` would: a child seen on a CP plan, an expectant parent seen before
birth on a pre-birth plan, a child seen on a CIN plan."""

from lantern.casework import models as cw

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
LATE_CP_VISIT = 0.25  # gaps between CP visits longer than 10 working days
BEFORE_BIRTH = "Before birth: expectant parent seen."
# Visits made after school or work, when the family is home: England's councils see about
# 4% of visits outside 8:00-18:00 on a working day (``targets``: visits_in_hours). Every
# kind of visit draws its hour here; when only the chronology's own visits did, the
# borough ran at 99% and the calibration test failed at its upper bound.
EVENING_VISITS = 0.04


def visit_hour(rng) -> int:
    """The hour a social worker's visit starts: office hours, a few in the early evening."""
    return rng.choice((18, 19)) if rng.random() < EVENING_VISITS else rng.randint(9, 17)


def words_for(age) -> list[str]:
    return [w for since, w in WORDS if age is not None and age >= since]


class Visits:
    """Mixed into ``casework.Story``: needs its rng, calendar, ``add``, ``event``, ``note``."""

    def unborn(self, c, day) -> bool:
        return c.dob is None or day < c.dob

    def visits(self, c, episode, start, last, lapsed, mine):
        """Statutory visits every 4–10 working days; for a few children they have lapsed,
        where the chronology has no visit in that time either."""
        rng, day = self.rng, start
        gap = self.cal.subtract_working_days(self.today, rng.randint(11, 16))
        lapsed = lapsed and not any(e[1] == "visit" and e[0] > gap for e in mine)
        stop = min(last, gap if lapsed else self.today - self.DAY)
        while (day := self.cal.add_working_days(day, self.visit_gap())) <= stop:
            if self.unborn(c, day):  # a pre-birth plan: the expectant parent is visited
                self.expectant_parent_visit(c, episode, day, "cp")
                continue
            age = c.age_on(day)
            fits = words_for(age)
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

    def expectant_parent_visit(self, c, episode, day, kind, user=None, text=""):
        """Before birth the expectant parent is seen, never the child (``record_visit``)."""
        visit = self.add(
            cw.Visit,
            c,
            day,
            user,
            episode=episode,
            visited_on=day,
            kind=kind,
            expectant_parent_seen=True,
            observations=text,
        )
        if kind == "cp":
            self.event(c, day, "cp_visit_expectant_parent_seen", visit)
        if not text:
            label = "Child protection statutory visit" if kind == "cp" else "Assessment visit"
            self.note(c, visit, day, "visit", f"{label}. {BEFORE_BIRTH}")
        return visit

    def visit_gap(self) -> int:
        if self.rng.random() < LATE_CP_VISIT:
            return self.rng.randint(11, 15)
        return self.rng.choice([4, 5, 7, 8, 9, 10, 10])

    def not_alone(self, age) -> str:
        return TOO_YOUNG if age is None or age < 3 else self.rng.choice(NOT_ALONE)

    def in_care(self, c, day) -> bool:
        spans = getattr(self, "care_periods", {}).get(c.pk)  # as written (``care_visits``)
        spans = spans or [(c.care_start, c.care_end)]
        return any(s and s <= day and (e is None or day <= e) for s, e in spans)

    def on_cin_plan(self, c, day) -> bool:
        return any(s <= day and (e is None or day <= e) for s, e in self.cin_spans[c.pk])

    def fill(self, c, episode, mine):
        """The chronology's visits, case notes and oversight, as records."""
        for day, kind, text, user, _ in mine:
            if kind == "visit":
                self.chronicled_visit(c, episode, day, text, user)
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

    def chronicled_visit(self, c, episode, day, text, user):
        on_plan = bool(c.cp_start and day >= c.cp_start)
        if self.unborn(c, day):
            self.expectant_parent_visit(
                c, episode, day, "cp" if on_plan else "assessment", user, text
            )
            return
        seen = "Not seen" not in text
        alone = seen and "seen alone" in text
        visit = self.add(
            cw.Visit,
            c,
            day,
            user,
            episode=episode,
            visited_on=day,
            kind="cp" if on_plan else "cla" if self.in_care(c, day) else "cin",
            child_seen=seen,
            seen_alone=alone,
            reason_not_seen="" if seen else "No answer at the door.",
            reason_not_seen_alone="" if alone or not seen else self.not_alone(c.age_on(day)),
            observations=text,
        )
        if on_plan and seen:
            self.event(c, day, "cp_visit_child_seen", visit)
        if seen and self.on_cin_plan(c, day):
            self.event(c, day, "cin_visit_child_seen", visit)
        looked_after = getattr(self, "cla_visit_events", {}).get((c.pk, day))
        if seen and looked_after and visit.kind == "cla":  # ``care_visits`` decided the rule
            self.event(c, day, looked_after, visit)
