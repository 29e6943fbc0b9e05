"""Reads for care leavers: a young person's category, a personal adviser's caseload and the
SSDA903 OC3 rows.

OC3 is about care leavers whose 17th to 21st birthday falls in the collection year (1 April
to 31 March). The contact that counts is one within 3 months before to 1 month after the
birthday (the DfE's SSDA903 guidance; the window is not in shared/reference/codes.md or
statutory.md, so it is kept in one place here: ``CONTACT_BEFORE``/``CONTACT_AFTER``).
"""

import datetime as dt
from dataclasses import dataclass

from lantern.care import eligibility
from lantern.care.models import (
    CareLeaverContact,
    PathwayPlan,
    PeriodOfCare,
    PersonalAdviser,
    StayingPut,
)
from lantern.clocks.calendar import add_months
from lantern.clocks.models import Deadline

CONTACT_BEFORE, CONTACT_AFTER = 3, 1  # months either side of the birthday
OC3_BIRTHDAYS = (17, 18, 19, 20, 21)


def spans_of(person_ids) -> dict[int, list[eligibility.Span]]:
    spans: dict[int, list[eligibility.Span]] = {pid: [] for pid in person_ids}
    rows = PeriodOfCare.objects.filter(person_id__in=list(spans)).values_list(
        "person_id", "start_date", "end_date"
    )
    for person_id, start, end in rows:
        spans[person_id].append((start, end))
    return spans


def category_of(person, on: dt.date) -> str | None:
    if person.date_of_birth is None:
        return None
    return eligibility.category(person.date_of_birth, spans_of([person.pk])[person.pk], on)


def eligible_from(person) -> dt.date | None:
    if person.date_of_birth is None:
        return None
    return eligibility.eligible_from(person.date_of_birth, spans_of([person.pk])[person.pk])


@dataclass
class YoungPerson:
    person: object
    category: str | None
    pathway_plan_due: Deadline | None
    last_contact: CareLeaverContact | None
    staying_put: StayingPut | None

    @property
    def in_eet(self) -> bool | None:
        from lantern.care.codes import EET

        return None if self.last_contact is None else self.last_contact.activity in EET


def caseload(adviser, today: dt.date) -> list[YoungPerson]:
    """The young people ``adviser`` is personal adviser to today, the pathway plan due
    soonest first."""
    people = [
        pa.person
        for pa in PersonalAdviser.objects.filter(
            adviser=adviser, start_date__lte=today, end_date__isnull=True
        ).select_related("person")
    ]
    ids = [p.pk for p in people]
    spans = spans_of(ids)
    due = {
        d.person_id: d
        for d in Deadline.objects.filter(
            person_id__in=ids,
            rule__code__in=("pathway_plan", "pathway_plan_review"),
            state=Deadline.State.OPEN,
        )
        .select_related("rule")
        .order_by("-due_on")
    }
    contacts = {}
    for c in CareLeaverContact.objects.filter(person_id__in=ids).order_by("contact_on", "pk"):
        contacts[c.person_id] = c
    staying = {
        s.person_id: s
        for s in StayingPut.objects.filter(
            person_id__in=ids, start_date__lte=today, end_date__isnull=True
        ).select_related("carer")
    }
    rows = [
        YoungPerson(
            p,
            eligibility.category(p.date_of_birth, spans[p.pk], today) if p.date_of_birth else None,
            due.get(p.pk),
            contacts.get(p.pk),
            staying.get(p.pk),
        )
        for p in people
    ]
    far = dt.date.max
    rows.sort(key=lambda r: (r.pathway_plan_due.due_on if r.pathway_plan_due else far, r.person.pk))
    return rows


def latest_pathway_plan(person) -> PathwayPlan | None:
    return PathwayPlan.objects.filter(person=person).first()


@dataclass
class OC3Row:
    person: object
    birthday: int
    in_touch: str
    activity: str
    accommodation: str

    def as_903(self) -> dict[str, str]:
        return {
            "CHILD": self.person.council_id,
            "DOB": f"{self.person.date_of_birth:%d/%m/%Y}",
            "IN_TOUCH": self.in_touch,
            "ACTIV": self.activity,
            "ACCOM": self.accommodation,
        }


NOT_APPLICABLE = "0"


def _left_on(spans, day: dt.date) -> bool:
    return any(end == day for _, end in spans)


def oc3_rows(year_end: dt.date, year_start: dt.date | None = None) -> list[OC3Row]:
    """One row per care leaver whose 17th to 21st birthday falls in the collection year
    ending ``year_end`` (31 March), not looked after on the birthday and owed leaving-care
    duties by then (eligible on or before the birthday: ``eligibility.eligible_from``). One
    who leaves care on the birthday itself is left out too: 903 rule 1016 asks nothing of a
    17- or 18-year-old who ceased to be looked after on or after the birthday. The contact
    counted is the latest in the window around the birthday; with none, the council was not
    in touch (``NO``, activity and accommodation ``0``, not applicable: rules 153, 345)."""
    from lantern.people.models import Person

    # Any other period (insight's figures for a month or a quarter) names its first day.
    year_start = year_start or dt.date(year_end.year - 1, 4, 1)
    born = (
        dt.date(year_start.year - max(OC3_BIRTHDAYS), 1, 1),
        dt.date(year_end.year - min(OC3_BIRTHDAYS), 12, 31),
    )
    people = list(
        Person.objects.filter(
            pk__in=PeriodOfCare.objects.values("person_id"), date_of_birth__range=born
        ).order_by("pk")
    )
    spans = spans_of([p.pk for p in people])
    contacts: dict[int, list[CareLeaverContact]] = {}
    for c in CareLeaverContact.objects.filter(person__in=people).order_by("-contact_on", "-pk"):
        contacts.setdefault(c.person_id, []).append(c)
    rows = []
    for person in people:
        dob = person.date_of_birth
        became = eligibility.eligible_from(dob, spans[person.pk])
        if became is None:
            continue
        for age in OC3_BIRTHDAYS:
            day = eligibility.birthday(dob, age)
            if not year_start <= day <= year_end or became > day:
                continue  # not in the year, or not yet a care leaver on the birthday
            if eligibility.looked_after_on(spans[person.pk], day) or _left_on(
                spans[person.pk], day
            ):
                continue
            window = (add_months(day, -CONTACT_BEFORE), add_months(day, CONTACT_AFTER))
            contact = next(
                (c for c in contacts.get(person.pk, ()) if window[0] <= c.contact_on <= window[1]),
                None,
            )
            if contact is None:
                rows.append(OC3Row(person, age, "NO", NOT_APPLICABLE, NOT_APPLICABLE))
            else:
                rows.append(
                    OC3Row(person, age, contact.in_touch, contact.activity, contact.accommodation)
                )
    return rows
