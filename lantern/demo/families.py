"""Who lives with whom: the households of a borough's children known to services.

The mix follows what social workers meet: many single mothers, two-parent and step
families, grandparents bringing up grandchildren, a few large families, care leavers in
their own flats and unaccompanied asylum-seeking children. Adults come and go with dated
memberships, because a man moving in unnoticed is the pattern the serious case reviews
describe again and again.
"""

import datetime as dt
import random

from faker import Faker

from lantern.demo import characteristics as traits
from lantern.demo.households import DAY, Builder
from lantern.demo.specs import FamilySpec, PersonSpec

FAMILY_KINDS = {"single": 48, "couple": 32, "step": 8, "kinship": 8, "large": 4}


class Families(Builder):
    def man_for(self, mother: PersonSpec, gap: tuple[int, int], eth: str, police: float):
        """A father or partner, a few years either side of the mother's age."""
        age = mother.age_on(self.today) + self.rng.randint(*gap)
        return self.adult("M", age, self.fake.last_name(), eth, police)

    def single(self, showcase: bool = False) -> FamilySpec:
        fam = self.family("single")
        if showcase:  # settled for years before the partner arrives
            fam.since = self.today - 2500 * DAY
        count = self.rng.choices([1, 2, 3, 4], [35, 30, 20, 15])[0]
        ages = [2, 5, 9] if showcase else self.child_ages(count)
        mother = self.mother_of(ages, traits.ethnicity(self.rng))
        self.live(fam, mother)
        father_eth = traits.ethnicity(self.rng) if self.rng.random() < 0.3 else mother.ethnicity
        father_last = self.fake.last_name()
        last = father_last if self.rng.random() < 0.5 else mother.last
        if self.rng.random() < 0.08 and mother.last != father_last:
            last = f"{mother.last}-{father_last}"
        kids = self.children(fam, ages, last, mother, father_eth)
        if self.rng.random() < 0.2:
            father = self.man_for(mother, (-3, 10), father_eth, 0.2)
            father.last = father_last
            for kid in kids:
                self.relate(kid, father, "father", kid.dob)
            if self.rng.random() < 0.5:
                left = self.between(max(k.dob for k in kids) + 30 * DAY, self.today - 30 * DAY)
                self.live(fam, father, end=max(left, fam.since))
        if showcase or self.rng.random() < 0.06:
            eth = traits.ethnicity(self.rng)
            partner = self.man_for(mother, (-4, 12), eth, 0.45)
            partner.police = partner.police or showcase
            if showcase:  # long enough ago for a referral and a plan to follow
                start = self.between(self.today - 400 * DAY, self.today - 250 * DAY)
                self.live(fam, partner, start)
            else:
                start = self.joins(fam, partner, max(s.start for s in fam.stays), 0.25)
            self.relate(mother, partner, "partner", start)
            for kid in kids:
                self.relate(kid, partner, "partner_of_parent", start)
        return fam

    def couple(self, kind: str = "couple") -> FamilySpec:
        fam = self.family(kind)
        count = (
            self.rng.randint(5, 8)
            if kind == "large"
            else self.rng.choices([1, 2, 3, 4], [30, 35, 22, 13])[0]
        )
        ages = self.child_ages(count)
        mother = self.mother_of(ages, traits.ethnicity(self.rng))
        eth = mother.ethnicity if self.rng.random() < 0.75 else traits.ethnicity(self.rng)
        father = self.man_for(mother, (-2, 9), eth, 0.2)
        if self.rng.random() < 0.6:
            self.previous_name(mother, mother.last, fam.since)
            mother.last = father.last
        left = None
        if self.rng.random() < 0.12:
            left = self.between(fam.since + 60 * DAY, self.today - 14 * DAY)
        self.live(fam, mother)
        self.live(fam, father, end=left)
        self.relate(mother, father, "partner", fam.since)
        last = father.last
        if self.rng.random() >= 0.85 and mother.last != father.last:
            last = f"{mother.last}-{father.last}"
        for kid in self.children(fam, ages, last, mother, father.ethnicity):
            self.relate(kid, father, "father", kid.dob)
        return fam

    def step(self) -> FamilySpec:
        fam = self.family("step")
        ages = self.child_ages(self.rng.choices([1, 2, 3], [40, 40, 20])[0])
        ages = [max(a, 2) for a in ages]
        mother = self.mother_of(ages, traits.ethnicity(self.rng))
        self.live(fam, mother)
        kids = self.children(fam, ages, self.fake.last_name(), mother, traits.ethnicity(self.rng))
        eth = mother.ethnicity if self.rng.random() < 0.6 else traits.ethnicity(self.rng)
        stepdad = self.man_for(mother, (-3, 10), eth, 0.25)
        joined = self.joins(fam, stepdad, max(s.start for s in fam.stays), 0.1)
        married = self.rng.random() < 0.5
        self.relate(mother, stepdad, "partner", joined)
        if married:
            self.previous_name(mother, mother.last, joined + 200 * DAY)
            mother.last = stepdad.last
        for kid in kids:
            self.relate(kid, stepdad, "step_parent" if married else "partner_of_parent", joined)
            if married and self.rng.random() < 0.3:
                self.previous_name(kid, kid.last, joined + 365 * DAY)
                kid.last = stepdad.last
        if (self.today - joined).days > 400 and self.rng.random() < 0.6:
            younger = []
            for _ in range(self.rng.randint(1, 2)):
                dob = self.between(joined + 300 * DAY, self.today - 20 * DAY)
                eth = traits.child_ethnicity(self.rng, mother.ethnicity, stepdad.ethnicity)
                baby = self.person("child", self.rng.choice("MF"), dob, stepdad.last, eth)
                self.live(fam, baby)
                self.relate(baby, mother, "mother", dob)
                self.relate(baby, stepdad, "father", dob)
                younger.append(baby)
            self.siblings(younger)
            self.siblings(kids, "half_sibling", younger)
        return fam

    def kinship(self) -> FamilySpec:
        """Grandparents caring for grandchildren whose mother cannot."""
        fam = self.family("kinship")
        ages = self.child_ages(self.rng.choices([1, 2, 3], [50, 35, 15])[0])
        eth = traits.ethnicity(self.rng)
        nan = self.adult("F", max(ages) + self.rng.randint(36, 55), self.fake.last_name(), eth)
        fam.since = min(fam.since, self.today - 3 * 365 * DAY)
        self.live(fam, nan)
        mother = self.adult("F", max(ages) + self.rng.randint(16, 26), nan.last, eth, 0.1)
        self.relate(mother, nan, "mother", mother.dob)
        start = self.today - dt.timedelta(days=self.rng.randint(60, 8 * 365))
        kids_last = nan.last if self.rng.random() < 0.5 else self.fake.last_name()
        kids = self.children(fam, ages, kids_last, mother, traits.ethnicity(self.rng))
        for stay in fam.stays[1:]:
            stay.start = max(stay.start, start)
        carers = [nan]
        if self.rng.random() < 0.3:
            grandad = self.adult(
                "M", nan.age_on(self.today) + self.rng.randint(-2, 6), nan.last, eth
            )
            self.live(fam, grandad)
            self.relate(nan, grandad, "partner", fam.since)
            carers.append(grandad)
        for kid in kids:
            stay = fam.stay_of(kid)
            for carer in carers:
                self.relate(kid, carer, "grandparent", kid.dob)
                self.relate(kid, carer, "carer", stay.start)
        return fam

    def care_leaver(self) -> FamilySpec:
        fam = self.family("care_leaver")
        age = self.rng.randint(18, 25)
        leaver = self.person(
            "care_leaver",
            self.rng.choice("MF"),
            self.born(age),
            self.fake.last_name(),
            traits.ethnicity(self.rng),
        )
        if self.rng.random() < 0.3:  # many care leavers arrived as unaccompanied children
            leaver.dob, leaver.dob_estimated = dt.date(leaver.dob.year, 1, 1), True
            leaver.ethnicity = self.rng.choice(traits.UASC_ETHNICITIES)
        leaver.care_start = self.between(leaver.dob + 8 * 366 * DAY, leaver.dob + 17 * 365 * DAY)
        if leaver.dob_estimated:  # arrived alone, in care from arrival; UASC ended at 18
            leaver.uasc_since = leaver.care_start = max(
                leaver.care_start, leaver.dob + 13 * 366 * DAY
            )
            leaver.uasc_ceased = dt.date(leaver.dob.year + 18, 1, 1)  # born 1 January
        latest = self.today - 7 * DAY
        fam.since = self.between(min(leaver.dob + 6575 * DAY, latest), latest)  # from 18
        fam.previous_address = None
        self.live(fam, leaver)
        leaver.status = "care_leaver"
        return fam

    def uasc(self) -> FamilySpec:
        """An unaccompanied asylum-seeking child in supported accommodation."""
        fam = self.family("uasc")
        dob = self.born(self.rng.randint(14, 17))
        # An assessed age is often recorded as 1 January: not so early the child is 18.
        if self.rng.random() < 0.5 and dt.date(dob.year, 1, 1) > self.today.replace(
            year=self.today.year - 18
        ):
            dob = dt.date(dob.year, 1, 1)
        eth = self.rng.choice(traits.UASC_ETHNICITIES)
        child = self.person(
            "uasc", "M" if self.rng.random() < 0.9 else "F", dob, self.fake.last_name(), eth
        )
        child.dob_estimated = True
        fam.since = self.between(
            max(dob + 13 * 366 * DAY, self.today - 3 * 365 * DAY), self.today - 20 * DAY
        )
        fam.previous_address = None
        self.live(fam, child)
        child.status, child.care_start = "looked_after", fam.since
        child.uasc_since = fam.since  # arrived and came into care the same day
        return fam


def generate(rng: random.Random, fake: Faker, scale: float, today: dt.date) -> Families:
    """Households for a borough ``scale`` times a Haringey-sized index (about 9,000)."""
    b = Families(rng, fake, today)
    households = max(10, round(9000 * scale))
    leavers, uasc = max(1, round(400 * scale)), max(1, round(60 * scale))
    b.single(showcase=True)
    kinds, weights = list(FAMILY_KINDS), list(FAMILY_KINDS.values())
    for _ in range(households - leavers - uasc - 1):
        kind = rng.choices(kinds, weights)[0]
        if kind == "single":
            b.single()
        elif kind in ("couple", "large"):
            b.couple(kind)
        else:
            getattr(b, kind)()
    for _ in range(leavers):
        b.care_leaver()
    for _ in range(uasc):
        b.uasc()
    return b
