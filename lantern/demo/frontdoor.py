"""The front door's recent traffic: two weeks of contacts from partners, most decided, the
last day's waiting in the MASH queue (a few overdue).

About 60 % come from the police, schools and health. Most concern children already in the
index, often under another agency's spelling; some are children nobody knows yet; a few are
exact duplicates (the same concern sent twice). Written in bulk, like the rest of the demo:
the front door's actions are exercised by its tests, not by the generator. What a decision
leaves behind (the referral in its CIN episode, the clocks, the chronology) is written by
``referrals`` as ``frontdoor.actions.triage`` writes it, and ``checks.frontdoor`` holds it
to that.
"""

import datetime as dt
import random
from zoneinfo import ZoneInfo

from faker import Faker

from lantern.chronology.models import ChronologyEntry
from lantern.demo.contact_mix import OUTCOMES, SOURCES
from lantern.demo.partners import GPS, PRIMARY, SECONDARY, Authors
from lantern.demo.referrals import Referrals
from lantern.demo.specs import Borough, PersonSpec
from lantern.demo.spelling import misspell
from lantern.demo.staff import PARTNER_EMAIL, Staff
from lantern.frontdoor import clock, codes
from lantern.frontdoor.identity import identity_key
from lantern.frontdoor.models import Contact, ContactSubject, Decision

LONDON = ZoneInfo("Europe/London")
DAYS = 14
PER_WORKING_DAY_AT_SCALE_1 = 55  # ~14,000 contacts a year for ~3,500 referrals
UNKNOWN_SHARE, MISSPELT_SHARE, DUPLICATE_SHARE, LATE_SHARE = 0.25, 0.4, 0.04, 0.03


def _agency_code(rng: random.Random, family: str, child: PersonSpec | None, day: dt.date) -> str:
    if family == "school":
        primary, secondary = child.schools if child else ("", "")
        return rng.choice([c for c in (primary, secondary) if c] or PRIMARY + SECONDARY)
    if family == "health":  # health visitors see the under-5s (DfE source 3B)
        visiting = ["health-visiting"] if child is None or child.age_on(day) < 5 else []
        return rng.choice(["nmuh", "whittington", *visiting, *GPS])
    return family


def _received(rng: random.Random, day: dt.date) -> dt.datetime:
    hour = rng.choice([9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 22, 2])  # some out of hours
    return dt.datetime.combine(day, dt.time(hour, rng.randrange(60)), tzinfo=LONDON)


def _subject(rng: random.Random, fake: Faker, known: PersonSpec | None) -> dict:
    if known is None:
        sex = rng.choice("MF")
        first = fake.first_name_female() if sex == "F" else fake.first_name_male()
        born = fake.date_of_birth(minimum_age=0, maximum_age=17)
        return {
            "first_name": first,
            "last_name": fake.last_name(),
            "date_of_birth": born,
            "sex": sex,
            "postcode": fake.postcode(),
        }
    first, last = known.first, known.last
    if rng.random() < MISSPELT_SHARE:
        first, last = misspell(rng, first, last)
    postcode = known.family.address.postcode if known.family else ""
    return {
        "first_name": first,
        "last_name": last,
        "date_of_birth": known.dob,
        "sex": known.sex,
        "postcode": postcode,
        "person_id": known.pk,
    }


class _Writer:
    def __init__(self, rng, fake, agencies, authors: Authors, staff: Staff, today: dt.date):
        self.rng, self.fake, self.today = rng, fake, today
        self.agencies, self.authors, self.staff = agencies, authors, staff
        self.deciders = [w.user_id for w in staff.workers.get("MASH", [])]
        if "mash.officer" in staff.demo:
            self.deciders.append(staff.demo["mash.officer"].user_id)
        self.partner_login = staff.demo.get("partner.police")
        self.now = dt.datetime.combine(today, dt.time(15, 30), tzinfo=LONDON)
        self.due_cache: dict[dt.date, dt.datetime] = {}
        self.contacts, self.subjects = [], []

    def due(self, received: dt.datetime, urgency: str = "standard") -> dt.datetime:
        if urgency == clock.URGENT:  # hours from receipt, not a working day
            return clock.decision_due_at(received, urgency)
        day = clock.received_on(received)
        if day not in self.due_cache:
            self.due_cache[day] = clock.decision_due_at(received)
        return self.due_cache[day]

    def add(self, family, kinds, concerns, day, child: PersonSpec | None, copy_of=None):
        rng = self.rng
        if copy_of is not None:  # the same concern sent again a little later
            contact, subject = copy_of
            again = Contact(**{f: getattr(contact, f) for f in _COPIED})
            again.received_at = min(
                contact.received_at + dt.timedelta(minutes=rng.randint(5, 240)),
                self.now - dt.timedelta(minutes=1),  # never after the demo's "now"
            )
            again.decision_due_at = self.due(again.received_at, again.urgency)
            self.contacts.append(again)
            self.subjects.append(dict(subject))
            return
        code = _agency_code(rng, family, child, day)
        agency = self.agencies[code]
        received = min(_received(rng, day), self.now - dt.timedelta(minutes=rng.randint(1, 300)))
        # One draw, taken exactly when it always was (the demo's stream does not move): a
        # fifth of police contacts the demo officer wrote in Lantern, a tenth more the
        # police's own system sent in their name ("my referrals" tells the two apart).
        draw = rng.random() if family == "police" and self.partner_login else 1.0
        by_login, in_their_name = draw < 0.2, 0.2 <= draw < 0.3
        contact = Contact(
            agency=agency,
            channel=rng.choice(["api", "file"] if family in ("police", "school") else ["web"]),
            # The council's own door takes calls from family and the public (DfE 1A, 1B, 9).
            source=rng.choice(["1A", "1B", "9"])
            if code == "csc"
            else codes.source_for_agency(agency),
            kind=rng.choice(kinds),
            received_at=received,
            occurred_at=received - dt.timedelta(hours=rng.randint(1, 30)),
            decision_due_at=self.due(received),
            referrer_name=self.authors.pick(rng, code) if code != "csc" else self.fake.name(),
            referrer_role="" if code != "csc" else "Member of the public",
            referrer_user_id=self.partner_login.user_id if by_login else None,
            concern=rng.choice(concerns),
            consent=rng.choice(["given", "not_sought", "statutory"]),
            urgency="immediate" if rng.random() < 0.08 else "standard",
        )
        contact.decision_due_at = self.due(received, contact.urgency)
        if by_login:
            contact.channel = "web"
        if by_login or (in_their_name and contact.channel != "web"):
            contact.referrer_name = self.partner_login.name
            contact.referrer_email = PARTNER_EMAIL
        if contact.consent != "given":
            contact.lawful_basis = "Public task; sharing to protect the child (Children Act 2004)"
        self.contacts.append(contact)
        self.subjects.append(_subject(rng, self.fake, child))


_COPIED = [
    "agency",
    "channel",
    "source",
    "kind",
    "occurred_at",
    "referrer_name",
    "referrer_role",
    "referrer_user_id",
    "referrer_email",
    "concern",
    "consent",
    "lawful_basis",
    "urgency",
]


def _child_for(rng: random.Random, children: list, family: str, day: dt.date):
    """A known child the agency could be writing about: born a week or more before the day,
    and of school age (4 to 17) when a school writes."""
    for _ in range(50):
        child = rng.choice(children)
        age = child.age_on(day)
        if child.dob < day - dt.timedelta(days=7) and (family != "school" or 4 <= age < 18):
            return child
    return rng.choice(children)


def send_contacts(
    rng: random.Random,
    fake: Faker,
    borough: Borough,
    agencies: dict,
    authors: Authors,
    staff: Staff,
    today: dt.date,
    scale: float,
) -> dict[str, int]:
    """Write the last ``DAYS`` days of contacts; returns counts for the generator's summary."""
    children = [p for p in borough.people if p.is_child and p.pk and p.dob]
    writer = _Writer(rng, fake, agencies, authors, staff, today)
    weights = [share for _, share, _, _ in SOURCES]
    for back in range(DAYS, -1, -1):
        day = today - dt.timedelta(days=back)
        if day.weekday() >= 5:
            continue
        for _ in range(max(1, round(PER_WORKING_DAY_AT_SCALE_1 * scale * rng.uniform(0.8, 1.2)))):
            if writer.contacts and rng.random() < DUPLICATE_SHARE:
                writer.add(
                    None, None, None, day, None, copy_of=(writer.contacts[-1], writer.subjects[-1])
                )
                continue
            family, _, kinds, concerns = rng.choices(SOURCES, weights)[0]
            # Children nobody knows yet only in the last two days: older ones were added.
            new = back <= 1 and rng.random() < UNKNOWN_SHARE
            child = None if new else _child_for(rng, children, family, day)
            writer.add(family, kinds, concerns, day, child)
    return _write(writer)


def _write(w: _Writer) -> dict[str, int]:
    rng = w.rng
    pairs = list(zip(w.contacts, w.subjects, strict=True))
    decidable = [c for c, s in pairs if c.decision_due_at < w.now and s.get("person_id")]
    can_decide = set(map(id, decidable))
    # A few past their due time are still waiting: the queue shows what overdue looks like.
    late = set(
        map(
            id,
            rng.sample(decidable, min(len(decidable), max(2, round(len(decidable) * LATE_SHARE)))),
        )
    )
    for contact in w.contacts:
        decide = id(contact) in can_decide and id(contact) not in late
        contact.status = Contact.Status.DECIDED if decide else Contact.Status.AWAITING
        if not decide and rng.random() < 0.5:
            contact.rag = rng.choice(["red", "amber", "amber", "green", "green"])
    Contact.objects.bulk_create(w.contacts, batch_size=500)
    linked = [s.get("person_id") for c, s in pairs if c.status == Contact.Status.DECIDED]
    front = Referrals(rng, [p for p in linked if p], w.staff)
    subjects, decisions, entries = [], [], []
    outcomes, outcome_weights = zip(*OUTCOMES, strict=True)
    for contact, s in pairs:
        decided = contact.status == Contact.Status.DECIDED
        person_id = s.get("person_id") if decided else None
        subjects.append(
            ContactSubject(
                contact=contact,
                first_name=s["first_name"],
                last_name=s["last_name"],
                date_of_birth=s["date_of_birth"],
                sex=s["sex"],
                postcode=s["postcode"],
                identity_key=identity_key(s["first_name"], s["last_name"], s["date_of_birth"]),
                person_id=person_id,
                resolution="matched" if person_id else "pending",
                resolved_by_id=rng.choice(w.deciders) if person_id else None,
                resolved_at=contact.received_at + dt.timedelta(hours=2) if person_id else None,
            )
        )
        if not decided:
            continue
        received = clock.received_on(contact.received_at)
        outcome = front.outcome(person_id, received, outcomes, outcome_weights)
        at = min(contact.decision_due_at - dt.timedelta(minutes=rng.randint(10, 900)), w.now)
        at = max(at, contact.received_at + dt.timedelta(minutes=10))  # urgent: hours, not a day
        decisions.append(
            Decision(
                contact=contact,
                outcome=outcome,
                reasons="Checks completed with partners.",
                decided_by_id=rng.choice(w.deciders),
                decided_at=at,
                on_time=at <= contact.decision_due_at,
            )
        )
        contact.outcome_message = codes.OUTCOME_FOR_REFERRER[outcome]
        entries.append(
            ChronologyEntry(
                person_id=person_id,
                occurred_at=contact.occurred_at,
                agency=contact.agency,
                kind=contact.kind,
                author=contact.referrer_name[:150],
                summary=contact.concern,
                source_type="frontdoor.Contact",
                source_ref=str(contact.pk),
            )
        )
    ContactSubject.objects.bulk_create(subjects, batch_size=1000)
    Decision.objects.bulk_create(decisions, batch_size=1000)
    Contact.objects.bulk_update(
        [d.contact for d in decisions], ["outcome_message"], batch_size=1000
    )
    ChronologyEntry.objects.bulk_create(entries, batch_size=1000)
    subject_of = {s.contact_id: s for s in subjects}
    council = w.agencies["csc"]
    for decision in decisions:  # oldest contact first, as the MASH decided them
        front.decided(decision, subject_of[decision.contact_id].person_id, council)
    counts = front.save(council)
    waiting = [c for c in w.contacts if c.status == Contact.Status.AWAITING]
    return {
        "contacts": len(w.contacts),
        "contacts awaiting decision": len(waiting),
        "contacts overdue": sum(1 for c in waiting if c.decision_due_at < w.now),
        **counts,
    }
