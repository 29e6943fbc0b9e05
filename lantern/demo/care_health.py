"""A looked-after child's health and education in the demo borough (issue 10 §11), per
period of care: health assessments, dental checks, immunisations and SDQs
(``care.actions.health``), PEPs and where the child learns (``care.actions.education``).

Each record is what the action would write, firing the same events: a health assessment
fires ``health_assessment_done_under_5`` under 5, else ``health_assessment_done`` (the age
on the day decides the next interval, 6 or 12 months); a PEP fires ``pep_held``. The
shares are ``targets``' (England's OC2 figures for children looked after 12 months, and
assumptions where statutory.md has no national figure).
"""

import datetime as dt

from lantern.care.models import (
    DentalCheck,
    EducationSetting,
    HealthAssessment,
    ImmunisationStatus,
    PersonalEducationPlan,
    StrengthsAndDifficulties,
)
from lantern.clocks.calendar import add_months
from lantern.demo import targets

DAY = dt.timedelta(days=1)
IHA_IN_TIME = targets.value("iha_in_time")  # initial health assessments in 20 working days
REVIEW_MISSED = 0.07  # a review health assessment not held that cycle (declined, not arranged)
DENTAL_A_YEAR = targets.value("dental_checks")
IMMUNISED = targets.value("immunisations")
SDQ_SCORED = 0.85  # assumption: the rest give SDQ_REASON
SDQ_MEAN, SDQ_SD = 14, 7  # DfE CLA 2025: mean SDQ score about 14 (assumption for the spread)
PEP_IN_TIME = 0.8  # assumption: PEPs started within 10 working days
PEP_REVIEW_IN_TIME = 0.9  # assumption: termly PEP reviews
SCHOOL_MOVE_WITH_PLACEMENT = 0.3  # assumption: a placement move that changes school
NAMES = [
    "Oakwood", "Riverside", "Hillcrest", "Elmhurst", "Meadowside", "Greenfield", "Ashdown",
    "Northgate", "Parkside", "Woodlands", "Brookfield", "St Anne's", "Holy Trinity",
    "Fernlea", "Cedars", "Linden", "Highfield", "Marsh Lane",
]  # fmt: skip
DOCTORS = ["Dr Okafor", "Dr Patel", "Dr Greene", "Dr Hussain", "Dr Novak"]
NURSES = ["Jo Bradley", "Sam Achebe", "Priya Shah", "Kate Murray"]
VIRTUAL_SCHOOL = ["Helen Moss", "Tunde Bello", "Claire Fox"]
TEACHERS = ["Ms Kaur", "Mr Lewis", "Mrs Doherty", "Mr Osei", "Ms Byrne"]


def phase(age: int) -> str | None:
    """What a child of ``age`` on 1 September learns in: the school year they are in."""
    if age < 2:
        return None
    if age < 4:
        return "early_years"
    if age < 11:
        return "primary"
    if age < 16:
        return "secondary"
    return "post_16"


class CareHealth:
    """Mixed into ``casework.Story``: needs ``care_rng``, ``add``, ``event``, ``batch``,
    ``today`` and ``care_last``."""

    def care_health(self, c, history) -> None:
        rng, cal, period = self.care_rng, self.batch.calendar, history.period
        last, start = self.care_last(history), period.start_date
        days = rng.randint(5, 20) if rng.random() < IHA_IN_TIME else rng.randint(21, 45)
        day = cal.add_working_days(start, days)
        immunised = rng.random() < IMMUNISED
        kind = HealthAssessment.Kind.INITIAL
        while day <= last:
            self.health_assessment(c, period, day, kind, immunised)
            kind = HealthAssessment.Kind.REVIEW
            months = 6 if c.age_on(day) < 5 else 12
            if rng.random() < REVIEW_MISSED:
                months *= 2
            r = rng.random()
            day = add_months(day, months) + DAY * (
                -rng.randint(0, 25) if r < 0.85 else rng.randint(1, 50)
            )
        self.dental_and_sdq(c, history, last)

    def health_assessment(self, c, period, day, kind, immunised) -> None:
        rng = self.care_rng
        doctor = kind == HealthAssessment.Kind.INITIAL or rng.random() < 0.3
        who = rng.choice(DOCTORS) + ", paediatrician" if doctor else rng.choice(NURSES)
        record = self.add(
            HealthAssessment,
            c,
            day,
            period=period,
            kind=kind,
            assessed_on=day,
            assessed_by=who if doctor else f"{who}, looked-after children's nurse",
            by_doctor=doctor,
            health_plan="Registered with a GP and dentist; optician check due.",
        )
        age = c.age_on(day)
        event = "health_assessment_done_under_5" if age < 5 else "health_assessment_done"
        self.event(c, day, event, record)
        self.add(ImmunisationStatus, c, day, as_at=day, up_to_date=immunised)

    def dental_and_sdq(self, c, history, last) -> None:
        """A dental check about yearly from age 1, most years; an SDQ yearly from 4 to 16,
        scored or with the reason there is none."""
        rng, start = self.care_rng, history.period.start_date
        day = start + DAY * rng.randint(30, 200)
        while day <= last:
            if c.age_on(day) >= 1 and rng.random() < DENTAL_A_YEAR:
                self.add(DentalCheck, c, day, checked_on=day)
            day += DAY * rng.randint(300, 380)
        day = start + DAY * rng.randint(60, 300)
        while day <= last:
            if 4 <= c.age_on(day) <= 16:
                score, reason = None, ""
                if rng.random() < SDQ_SCORED:
                    score = max(0, min(40, round(rng.gauss(SDQ_MEAN, SDQ_SD))))
                else:
                    reason = rng.choice(["SDQ2", "SDQ4", "SDQ5", "SDQ5"])
                self.add(
                    StrengthsAndDifficulties, c, day, completed_on=day, score=score, reason=reason
                )
            # Within a year of the last, so every collection year has one (903 rule 186).
            day += DAY * rng.randint(330, 364)

    def care_education(self, c, history) -> None:
        """The PEP within 10 working days, then each term; the settings the child learns in,
        moving at the usual ages and with some placement moves. PEPs are held for every
        child, as the ``pep`` clock asks of every child who becomes looked after (for the
        youngest, an early years PEP)."""
        rng, cal, period = self.care_rng, self.batch.calendar, history.period
        last, start = self.care_last(history), period.start_date
        days = rng.randint(3, 10) if rng.random() < PEP_IN_TIME else rng.randint(11, 25)
        day = cal.add_working_days(start, days)
        while day <= last:
            pep = self.add(
                PersonalEducationPlan,
                c,
                day,
                period=period,
                held_on=day,
                virtual_school_attendee=f"{rng.choice(VIRTUAL_SCHOOL)}, virtual school"
                if rng.random() < 0.8
                else "",
                designated_teacher=rng.choice(TEACHERS) if c.age_on(day) >= 4 else "",
                targets="Reading and maths targets agreed; tutoring funded from pupil premium.",
            )
            self.event(c, day, "pep_held", pep)
            late = rng.random() >= PEP_REVIEW_IN_TIME
            day = add_months(day, 3) + DAY * (rng.randint(1, 30) if late else -rng.randint(0, 20))
        self.settings(c, history, last)

    def settings(self, c, history, last) -> None:
        rng, dob, start = self.care_rng, c.dob, history.period.start_date
        moves = {p.start_date for p in history.placements[1:]}
        changes: list[tuple[dt.date, str, str]] = []  # (start, phase, move reason)
        # An unaccompanied child is in school or college here only after arriving: from
        # the school year they arrive in, so no September before then moves them on.
        arrived = start + DAY * rng.randint(14, 60) if c.uasc_since else start
        year = arrived.year - (1 if arrived < dt.date(arrived.year, 9, 1) else 0)
        now = phase(c.age_on(dt.date(year, 9, 1)))
        if now:
            began = year
            while began > dob.year and phase(c.age_on(dt.date(began - 1, 9, 1))) == now:
                began -= 1
            first = dt.date(began, 9, 1)
            if c.uasc_since:
                first = max(first, arrived)
            if first <= last:
                changes.append((first, now, ""))
        while (sep := dt.date(year + 1, 9, 1)) <= last:
            year += 1
            new = phase(c.age_on(sep))
            if new != now:
                changes.append((sep, new, "transition" if now else ""))
                now = new
        for day in sorted(moves):
            near = any(abs((day - d).days) < 30 for d, *_ in changes)
            current = sorted(
                (d, p) for d, p, _ in changes if d <= day
            )  # by date, not by when added
            if current and not near and day <= last and rng.random() < SCHOOL_MOVE_WITH_PLACEMENT:
                changes.append((day, current[-1][1], "placement"))
        changes.sort()
        previous = None
        for day, where, reason in changes:
            if previous is not None:
                previous.end_date = day - DAY
            previous = self.setting(c, day, where, reason if previous else "")

    def setting(self, c, day, where, reason):
        rng = self.care_rng
        name = rng.choice(NAMES)
        kind, label = {
            "early_years": ("early_years", f"{name} Nursery"),
            "primary": ("school", f"{name} Primary School"),
            "secondary": ("school", f"{name} {rng.choice(['School', 'Academy'])}"),
            "post_16": rng.choice(
                [("college", f"{name} Sixth Form College"), ("training", f"{name} Training")]
            ),
        }[where]
        return self.add(
            EducationSetting,
            c,
            day,
            kind=kind,
            name=label,
            urn=str(rng.randint(100000, 149999)) if kind == "school" else "",
            start_date=day,
            move_reason=reason,
        )
