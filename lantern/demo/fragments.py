"""What each agency sees on its own: an injury a health visitor, GP or hospital records, an
appointment a child was not brought to. Rare one by one; the safeguarding signals exist to
put them together with everything else in the chronology.

Written after the chronology, from a stream of its own, so the rest of the borough is the
same as before these were generated. Rates are per child over the years the borough knows
them, higher where children's social care has been involved (the children whose records
are thick with worry); a few babies are seen with an injury before they can crawl.
"""

import datetime as dt
import random

from lantern.chronology.models import ChronologyEntry
from lantern.demo.chronology import LONDON
from lantern.demo.index import Buffer
from lantern.demo.partners import GPS, Authors
from lantern.demo.specs import Borough, PersonSpec

DAY = dt.timedelta(days=1)
KNOWN_YEARS = 12  # the chronology reaches back this far (``chronology.Chronicler.child``)
INVOLVED = {"assessment", "child_in_need", "child_protection", "looked_after", "care_leaver"}
# (chance of an injury recorded while a baby under 6 months, later in childhood, of being
# "not brought" at all, of a run of missed appointments): children known to social care, and
# the rest.
RATES = {True: (0.012, 0.10, 0.10, 0.25), False: (0.0008, 0.025, 0.025, 0.06)}

INJURY_BABY = [
    "Small bruise noted on the {part} at the {check}. Parent says {story}. Advice given; "
    "information shared with the GP.",
    "Baby brought in with a mark on the {part}; parent unsure how it happened. Examined; "
    "safeguarding lead informed.",
    "Bruising to the {part} seen on a home visit. Mother's explanation: {story}.",
]
INJURY_CHILD = [
    "Attended with an injury to the {limb}; account given: {fall}. Treated and discharged.",
    "Bruising to the {limb} noticed; {teller} said {fall}. Photographs not taken; parent told.",
    "Burn to the {limb}, about 2 cm; parent says {burn}. Dressed; follow-up booked.",
    "Cut above the eye, glued; account given: {fall}. Consistent with the account.",
]
NOT_BROUGHT = [
    "{child} was not brought to the {appointment}. Letter sent offering another date.",
    "Did not attend: {appointment}. Two calls to the parent unanswered.",
    "Not brought to the {appointment} for the second time this year; re-booked.",
]
WORDS = {
    "part": ["cheek", "forehead", "upper arm", "thigh", "ear", "chest"],
    "check": ["new birth visit", "6-8 week check", "baby clinic", "weighing clinic"],
    "story": [
        "a sibling may have knocked the baby",
        "the baby rolled against the cot side",
        "no explanation offered",
        "the car seat strap",
    ],
    "limb": ["forearm", "shin", "wrist", "shoulder", "back", "hand"],
    "fall": [
        "fell from the sofa",
        "tripped on the stairs",
        "fell in the park",
        "hurt at football",
        "no account given",
    ],
    "burn": ["touched the iron", "spilt a hot drink", "leant on the oven door"],
    "appointment": [
        "paediatric outpatient appointment",
        "2-year development review",
        "immunisation appointment",
        "dental check",
        "audiology appointment",
        "speech and language therapy session",
    ],
}


class _Writer:
    def __init__(self, rng: random.Random, agencies, authors: Authors, today: dt.date):
        self.rng, self.authors, self.today = rng, authors, today
        self.agency = {code: a.pk for code, a in agencies.items()}
        self.out = Buffer(ChronologyEntry)
        self.injuries = self.babies = self.missed = 0

    def text(self, templates: list[str], child: PersonSpec, age: int) -> str:
        """Worded for the child's age on the day (``checks.ages.text_fits_age``)."""
        words = {k: self.rng.choice(v) for k, v in WORDS.items()}
        if age < 4 and words["fall"] == "hurt at football":
            words["fall"] = "fell in the park"
        if age < 1 or age > 2:
            words["appointment"] = words["appointment"].replace(
                "2-year development review", "hearing test"
            )
        words["teller"] = "the child" if age >= 3 else "the parent"
        return self.rng.choice(templates).format(child=child.first, **words)

    def write(self, child: PersonSpec, day: dt.date, kind: str, agency: str, text: str) -> None:
        minute = self.rng.randint(8 * 60, 19 * 60)
        at = dt.datetime.combine(day, dt.time(minute // 60, minute % 60), tzinfo=LONDON)
        self.out.add(
            ChronologyEntry(
                person_id=child.pk,
                occurred_at=at,
                agency_id=self.agency[agency],
                kind=kind,
                author=self.authors.pick(self.rng, agency),
                summary=text,
            )
        )

    def day(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randint(0, max(0, (end - start).days)))

    def child(self, child: PersonSpec) -> None:
        rng, last = self.rng, self.today - DAY
        known = max(child.dob, self.today - dt.timedelta(days=365 * KNOWN_YEARS))
        if known > last:
            return
        baby, later, missed, run = RATES[child.status in INVOLVED]
        under_six_months = child.dob + dt.timedelta(days=180)
        if rng.random() < baby and child.dob >= known and child.dob < last:
            who = rng.choices(["health-visiting", child.gp or GPS[0], "nmuh"], [5, 2, 2])[0]
            on = self.day(child.dob + 14 * DAY, min(under_six_months - DAY, last))
            self.write(child, min(on, last), "injury", who, self.text(INJURY_BABY, child, 0))
            self.babies += 1
        if rng.random() < later:
            start = max(known, under_six_months)
            end = min(last, child.dob + dt.timedelta(days=365 * 18))
            for _ in range(rng.choices([1, 2], [4, 1])[0]):
                if start > end:
                    break
                on = self.day(start, end)
                age = child.age_on(on)
                school = child.schools[1 if age >= 11 else 0] or child.schools[0]
                places = ["nmuh", "whittington", child.gp or GPS[0]]
                if age >= 4 and school:
                    places.append(school)
                text = self.text(INJURY_CHILD, child, age)
                self.write(child, on, "injury", rng.choice(places), text)
                self.injuries += 1
        if rng.random() < missed:
            self.not_brought(child, known, last, run)

    def not_brought(self, child: PersonSpec, known: dt.date, last: dt.date, run: float) -> None:
        """Once, or for a child whose care is slipping a run of 2 to 4 within months."""
        rng = self.rng
        first = self.day(known, last)
        days = [first]
        if rng.random() < run:
            for _ in range(rng.randint(1, 3)):
                days.append(min(last, days[-1] + dt.timedelta(days=rng.randint(14, 120))))
        for on in days:
            age = child.age_on(on)
            where = ["whittington", child.gp or GPS[0]] + (["health-visiting"] if age < 5 else [])
            text = self.text(NOT_BROUGHT, child, age)
            self.write(child, on, "not_brought", rng.choice(where), text)
            self.missed += 1


def write(rng: random.Random, borough: Borough, agencies, authors, today) -> dict[str, int]:
    """Injuries and missed appointments across the borough's children (born ones only)."""
    w = _Writer(rng, agencies, authors, today)
    for child in borough.people:
        if child.is_child and child.dob is not None and child.pk is not None:
            w.child(child)
    w.out.flush()
    return {
        "injuries": w.injuries + w.babies,
        "injuries to babies under 6 months": w.babies,
        "appointments not brought to": w.missed,
    }
