"""Which children are open to children's social care, and since when.

Quotas follow England's rates (``targets``) in a borough of 58,000 children (DESIGN.md
§4): about 1,900 children in need on the day (330 per 10,000, counting those on plans, in
care and being assessed), 240 on child protection plans, 390 looked after and 400 care
leavers, a few at the front door, and many more whose cases were closed, a fifth of them
within the year so referrals run at England's 520 per 10,000 a year. Siblings
usually share a status because a referral is about a family; families where an adult is
known to police are more likely to be on plans, as they are in life.
"""

import datetime as dt
import random

from lantern.clocks.calendar import current_calendar
from lantern.demo.households import DAY, Builder
from lantern.demo.specs import Borough, FamilySpec, NameSpec, PersonSpec, Relation
from lantern.demo.targets import per_year_at

ASSESSING = 300  # referrals being assessed on the day (2 to 60 days old)
# Of those, the ones the front door accepted in its last fortnight of contacts open their
# own episodes (``demo.referrals``): about 90 at scale 1 (18 at 0.2).
FRONT_DOOR = 90
_IN_NEED = per_year_at(1, "cin_rate")
_CP, _CLA = per_year_at(1, "cp_rate"), per_year_at(1, "cla_rate")
QUOTAS = [  # status, children at scale 1, in the order families are drawn for them
    ("child_protection", round(_CP)),
    ("looked_after", round(_CLA)),  # counting about 60 unaccompanied asylum-seeking children
    ("child_in_need", round(_IN_NEED - _CP - _CLA - ASSESSING)),
    ("assessment", ASSESSING - FRONT_DOOR),
    ("contact", 60),
    ("closed", 9000),
]
RECENTLY_CLOSED = 0.12  # of closed children: referred and closed within the year
UNBORN_SHARE = 0.04  # of open families with a mother young enough: a pre-birth assessment
BORN_SHARE = 0.35  # of those: born during the year, the birth recorded on the same record


def assign(rng: random.Random, builder: Builder, scale: float) -> None:
    borough = builder.borough
    families = [f for f in borough.families if f.kind not in ("care_leaver", "uasc")]
    showcase, pool = families[0], families[1:]
    counted = {status: 0 for status, _ in QUOTAS}
    counted["looked_after"] = sum(1 for p in borough.people if p.role == "uasc")
    dates = Episodes(rng, builder)
    counted["child_protection"] += dates.apply(showcase, "child_protection", counted)
    arrived = max(s.start for s in showcase.stays)  # the mother's new partner
    for kid in showcase.children:
        kid.showcase = True
        kid.episode_start = arrived + rng.randint(50, 80) * DAY
        kid.cp_start = kid.episode_start + rng.randint(25, 40) * DAY
    for status, quota in QUOTAS:
        order = {id(f): rng.random() * _weight(f, status) for f in pool}
        pool.sort(key=lambda f: order[id(f)])
        taken = 0
        while pool and counted[status] < round(quota * scale):
            counted[status] += dates.apply(pool[taken], status, counted)
            taken += 1
            if taken == len(pool):
                break
        del pool[:taken]
    for leaver in (p for p in borough.people if p.role in ("care_leaver", "uasc")):
        leaver.episode_start = dates.before(leaver.care_start, 0, 300, leaver.dob)
        if leaver.uasc_since:  # referred on arrival: assessed (factor 9A) while UASC
            leaver.uasc_since = min(leaver.uasc_since, leaver.episode_start)
    left_care(rng, borough, builder.today, scale)
    add_unborn(rng, builder)
    conferences_on_working_days(borough, builder.today)


def conferences_on_working_days(borough: Borough, today: dt.date) -> None:
    """A plan starts at its initial conference, and no conference sits at a weekend or on
    a bank holiday (CIN census 8875): a start drawn on one moves to the next working day,
    or back to the last one when the next is not yet past."""
    cal = current_calendar()
    for kid in borough.people:
        day = kid.cp_start
        if day is None or cal.is_working_day(day):
            continue
        later = cal.add_working_days(day, 1)
        earlier = cal.subtract_working_days(day, 1)
        floor = max((d for d in (kid.episode_start, kid.dob) if d is not None), default=day)
        kid.cp_start = later if later < today or earlier < floor else earlier


# Children who left care in the year other than at 18, at scale 1 (DfE CLA 2025: 34,450
# ceased, 3,040 adopted; about a quarter returned home, one in nine on a special
# guardianship order): (reason ceased, how many, days in care, youngest, oldest at the end).
# None is 16 at the end: a 16-year-old looked after 13 weeks since 14 leaves as a care
# leaver (``care.queries.placements.leaves_as_care_leaver``).
LEFT_CARE = [
    ("E4A", 40, (40, 420), 1, 15),  # returned home as planned: still a child in need
    ("E45", 8, (200, 700), 1, 15),  # SGO to former foster carers who are relatives
    ("E46", 3, (300, 800), 1, 15),
    ("E47", 4, (200, 600), 1, 15),
    ("E41", 6, (150, 500), 1, 15),  # child arrangements order
    ("E11", 10, (450, 900), 1, 5),  # adopted
    ("E12", 4, (450, 900), 1, 5),
]


def left_care(rng: random.Random, borough: Borough, today: dt.date, scale: float) -> None:
    """A period of care that ended in the year: a child returned home is still in need; a
    child adopted, or living with carers under a special guardianship or child arrangements
    order, had their case closed the day care ended."""
    year_ago = today - 365 * DAY
    pool = {
        "child_in_need": [p for p in borough.people if p.status == "child_in_need" and p.dob],
        "closed": [
            p
            for p in borough.people
            if p.status == "closed" and p.dob and p.episode_end and p.episode_end > year_ago
        ],
    }
    for group in pool.values():
        rng.shuffle(group)
    for reason, count, (shortest, longest), youngest, oldest in LEFT_CARE:
        wanted = round(count * scale + rng.random() - 0.5)
        group = pool["child_in_need" if reason == "E4A" else "closed"]
        for child in list(group):
            if wanted <= 0:
                break
            end = child.episode_end or today - rng.randint(14, 350) * DAY
            start = end - rng.randint(shortest, longest) * DAY
            if not youngest <= child.age_on(end) <= oldest or start <= child.dob + 2 * DAY:
                continue
            if reason == "E4A" and start <= child.episode_start + 20 * DAY:
                continue
            group.remove(child)
            wanted -= 1
            child.care_start, child.care_end, child.care_left = start, end, reason
            child.episode_start = min(child.episode_start, start - rng.randint(20, 120) * DAY)
            child.episode_start = max(child.episode_start, child.dob)


def _weight(family: FamilySpec, status: str) -> float:
    """Smaller sorts earlier: police-known households to plans, kinship carers to care."""
    if status == "child_protection" and family.police:
        return 0.3
    if status == "looked_after" and family.kind == "kinship":
        return 0.5
    return 1.0


class Episodes:
    """Dates of the current (or last) involvement, shared by siblings, clamped to each."""

    def __init__(self, rng: random.Random, builder: Builder):
        self.rng, self.b, self.today = rng, builder, builder.today

    def ago(self, low: int, high: int) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(low, high))

    def before(self, day: dt.date, low: int, high: int, dob: dt.date | None) -> dt.date:
        start = day - dt.timedelta(days=self.rng.randint(low, high))
        return max(start, dob) if dob else start

    def apply(self, family: FamilySpec, status: str, counted: dict[str, int]) -> int:
        """Open the family's children at ``status``; returns how many took that status."""
        # Not a baby born this week: a referral, an assessment, a week of work need the days.
        week = self.today - 7 * DAY
        kids = [k for k in family.children if k.dob and k.dob < week and k.age_on(self.today) < 18]
        if not kids:
            return 0
        if status == "looked_after":
            removed = [k for k in kids if self.rng.random() < 0.7] or kids[:1]
            rest = [k for k in kids if k not in removed]
            counted["child_in_need"] += self._open(family, rest, "child_in_need")
            kids = removed
        return self._open(family, kids, status)

    def _open(self, family: FamilySpec, kids: list[PersonSpec], status: str) -> int:
        rng, today = self.rng, self.today
        start = end = cp = None
        if status == "contact":
            start = self.ago(0, 2)
        elif status == "assessment":
            start = self.ago(2, 60)
        elif status == "child_in_need":
            start = self.ago(50, 3 * 365)
        elif status == "child_protection":
            # Most plans on the day began within the year; 4.4% of plans last 2 years.
            cp = self.ago(14, 365) if rng.random() < 0.75 else self.ago(365, 800)
            start = cp - dt.timedelta(days=rng.randint(20, 200))
        elif status == "closed" and rng.random() < RECENTLY_CLOSED:
            end = self.ago(10, 300)
            start = end - dt.timedelta(days=rng.randint(30, 150))
        elif status == "closed":
            end = self.ago(30, 8 * 365)
            start = end - dt.timedelta(days=rng.randint(20, 540))
        for kid in kids:
            kid.status = status
            if status == "looked_after":
                stay = family.stay_of(kid)
                care = min(self.b.between(stay.start + DAY, today - 20 * DAY), today - DAY)
                kid.care_start = max(care, stay.start)  # a newborn may be removed at birth
                stay.end = kid.care_start
                kid.episode_start = self.before(kid.care_start, 0, 300, kid.dob)
                continue
            # Born children are referred after birth (pre-birth work is for the unborn).
            after_birth = min(kid.dob + rng.randint(3, 30) * DAY, today - DAY)
            kid.episode_start = max(start, after_birth, kid.dob)
            if end is not None:
                kid.episode_end = max(end, kid.episode_start + 20 * DAY)
                if kid.episode_end >= today:
                    kid.episode_end = None
                    kid.status = "child_in_need"
            if cp is not None:
                kid.cp_start = max(cp, kid.episode_start + 10 * DAY, kid.dob)
        return len(kids)


def add_unborn(rng: random.Random, builder: Builder) -> None:
    """A few open families are expecting: the unborn child is on the index as "Unborn"."""
    borough: Borough = builder.borough
    for family in list(borough.families):
        if family.kind not in ("single", "couple", "step", "large"):
            continue
        open_kids = [
            k for k in family.children if k.status in ("child_protection", "child_in_need")
        ]
        mothers = [a for a in family.adults if a.sex == "F" and a.age_on(builder.today) < 42]
        mothers = [m for m in mothers if family.stay_of(m) and family.stay_of(m).end is None]
        if not open_kids or not mothers or rng.random() >= UNBORN_SHARE:
            continue
        mother, sibling = mothers[0], open_kids[0]
        unborn = builder.person("unborn", "U", None, sibling.last, sibling.ethnicity)
        unborn.first, unborn.middle = "Unborn", ""
        unborn.expected_dob = builder.today + dt.timedelta(days=rng.randint(14, 150))
        unborn.status = sibling.status
        # Referred no more than 9 months before the expected birth (issue 9 §4).
        earliest = max(builder.today - 150 * DAY, unborn.expected_dob - 250 * DAY)
        unborn.episode_start = min(max(sibling.episode_start, earliest), builder.today - DAY)
        unborn.cp_start = sibling.cp_start and max(sibling.cp_start, unborn.episode_start)
        if rng.random() < BORN_SHARE:
            _born(rng, builder, unborn, sibling)
        unborn.family = family
        family.children.append(unborn)
        borough.relations.append(Relation(unborn, mother, "mother", None))
        for kid in family.children[:-1]:
            borough.relations.append(Relation(unborn, kid, "sibling", None))


def _born(rng: random.Random, builder: Builder, child: PersonSpec, sibling: PersonSpec) -> None:
    """An unborn child born since: expected weeks or months ago, born within a fortnight of
    the date, named and sexed at birth (``people.census.record_birth``) with the expected
    date kept and "Unborn" kept as a previous name. Pre-birth work began at most 9 months
    before the expected date; the plan, if any, from the birth (no visit sees a child before
    it is born)."""
    today = builder.today
    child.expected_dob = today - dt.timedelta(days=rng.randint(20, 200))
    child.dob = min(child.expected_dob + rng.randint(-14, 10) * DAY, today - 7 * DAY)
    child.sex = rng.choice("MF")
    child.first = (
        builder.fake.first_name_female() if child.sex == "F" else (builder.fake.first_name_male())
    )
    earliest = child.expected_dob - 250 * DAY
    child.episode_start = min(max(sibling.episode_start, earliest), child.dob - DAY)
    child.cp_start = sibling.cp_start and max(sibling.cp_start, child.dob)
    child.names.append(NameSpec("previous", "Unborn", child.last, "csc", child.episode_start))
