"""Writes for care leavers, and the pathway plan clock.

The ``pathway_plan`` clock starts on ``became_eligible``: the 16th birthday of an eligible
child, or the day a child over 16 completes 13 weeks in care since 14 (statutory.md 2.8).
It is started when anything is recorded for the young person and by the daily sweep
``start_pathway_plan_clocks``; either way it starts once, dated the day eligibility began,
so a late sweep gives the same due date.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from lantern.care import codes, eligibility
from lantern.care.models import (
    CareLeaverContact,
    Carer,
    NeedsAssessment,
    PathwayPlan,
    PeriodOfCare,
    PersonalAdviser,
    StayingPut,
)
from lantern.care.queries.leaving_care import category_of, eligible_from
from lantern.casework.actions.base import (
    before_birth,
    create,
    in_the_past,
    lock,
    lock_child,
    long_date,
    refuse,
    save_versioned,
    today,
    written,
)
from lantern.clocks.actions import apply_event
from lantern.clocks.models import Deadline

OWED_A_PLAN = (eligibility.ELIGIBLE, eligibility.RELEVANT, eligibility.FORMER_RELEVANT)


def start_pathway_plan_clock(person) -> Deadline | None:
    """Fire ``became_eligible`` once, on the day the child became eligible, if that day has
    come and no pathway plan clock has started since."""
    became = eligible_from(person)
    if became is None or became > today():
        return None
    if Deadline.objects.filter(
        person=person, rule__code="pathway_plan", started_on__gte=became
    ).exists():
        return None
    started = apply_event(person, "became_eligible", became)
    return started[0] if started else None


def start_pathway_plan_clocks(on: dt.date | None = None) -> int:
    """The daily sweep: every looked-after child aged 16 or 17 who has become eligible."""
    from lantern.people.models import Person

    on = on or today()
    born = (eligibility.birthday(on, -18) + dt.timedelta(days=1), eligibility.birthday(on, -16))
    people = Person.objects.filter(
        pk__in=PeriodOfCare.objects.filter(end_date__isnull=True).values("person_id"),
        date_of_birth__range=born,
    )
    return sum(1 for person in people if start_pathway_plan_clock(person) is not None)


def _owed(person, day: dt.date, field: str) -> str:
    if before_birth(person, day):
        refuse("The date is before the young person was born", field)
    owed = category_of(person, day)
    if owed not in OWED_A_PLAN:
        refuse(
            f"On {long_date(day)} the young person was not an eligible, relevant or former "
            "relevant child (13 weeks looked after since 14, some of it at 16 or over)",
            field,
        )
    return owed


@transaction.atomic
def record_needs_assessment(
    person, *, acting_user, completed_on: dt.date, summary: str, request=None
) -> NeedsAssessment:
    lock_child(person)
    in_the_past(completed_on, "The date the assessment was completed", "completed_on")
    _owed(person, completed_on, "completed_on")
    if not summary.strip():
        refuse("Enter the needs identified", "summary")
    record = create(
        NeedsAssessment, person, acting_user, completed_on=completed_on, summary=summary
    )
    start_pathway_plan_clock(person)
    written(
        request,
        record,
        acting_user=acting_user,
        detail="recorded leaving-care needs assessment",
    )
    return record


@transaction.atomic
def record_pathway_plan(
    person, *, acting_user, made_on: dt.date, summary: str, request=None
) -> PathwayPlan:
    lock_child(person)
    in_the_past(made_on, "The date of the plan", "made_on")
    _owed(person, made_on, "made_on")
    if not summary.strip():
        refuse("Enter the plan", "summary")
    last = PathwayPlan.objects.filter(person=person).first()
    if last is not None and made_on < last.made_on:
        refuse(
            f"The plan cannot be dated before the last one ({long_date(last.made_on)})", "made_on"
        )
    record = create(
        PathwayPlan,
        person,
        acting_user,
        made_on=made_on,
        summary=summary,
        is_review=last is not None,
    )
    start_pathway_plan_clock(person)
    apply_event(person, "pathway_plan_made", made_on, source=record)
    written(
        request,
        record,
        acting_user=acting_user,
        detail="recorded pathway plan",
    )
    return record


@transaction.atomic
def appoint_personal_adviser(
    person, *, acting_user, adviser, start_date: dt.date, request=None
) -> PersonalAdviser:
    """A new adviser takes over from the day they start; the last one's time ends the day
    before."""
    lock_child(person)
    in_the_past(start_date, "The start date", "start_date")
    if before_birth(person, start_date):
        refuse("The date is before the young person was born", "start_date")
    owed = category_of(person, start_date)
    if owed is None:
        refuse(
            f"On {long_date(start_date)} the young person was not a care leaver or an "
            "eligible child",
            "start_date",
        )
    if (
        adviser is None
        or not get_user_model().objects.filter(pk=adviser.pk, is_active=True).exists()
    ):
        refuse("Choose a member of staff as personal adviser", "adviser")
    current = (
        PersonalAdviser.objects.select_for_update()
        .filter(person=person, end_date__isnull=True)
        .first()
    )
    if current is not None:
        if current.adviser_id == adviser.pk:
            refuse("They are the personal adviser already", "adviser")
        if start_date <= current.start_date:
            refuse(
                f"The start date must be after the current adviser started "
                f"({long_date(current.start_date)})",
                "start_date",
            )
        save_versioned(
            current,
            expected_version=current.version,
            acting_user=acting_user,
            end_date=start_date - dt.timedelta(days=1),
        )
    record = create(PersonalAdviser, person, acting_user, adviser=adviser, start_date=start_date)
    written(
        request,
        record,
        acting_user=acting_user,
        detail="appointed personal adviser",
    )
    return record


@transaction.atomic
def record_care_leaver_contact(
    person,
    *,
    acting_user,
    contact_on: dt.date,
    in_touch: str,
    activity: str,
    accommodation: str,
    request=None,
) -> CareLeaverContact:
    lock_child(person)
    in_the_past(contact_on, "The date of contact", "contact_on")
    if person.date_of_birth is None or before_birth(person, contact_on):
        refuse("The date is before the young person was born", "contact_on")
    if category_of(person, contact_on) is None:
        refuse(
            f"On {long_date(contact_on)} the young person was not a care leaver or an "
            "eligible child",
            "contact_on",
        )
    for value, codelist, field, what in (
        (in_touch, codes.IN_TOUCH, "in_touch", "whether you are in touch"),
        (activity, codes.ACTIV, "activity", "education, employment or training"),
        (accommodation, codes.ACCOM, "accommodation", "accommodation"),
    ):
        if value not in codelist:
            refuse(f"Choose {what} from the list", field)
    year_start = dt.date(contact_on.year - (contact_on.month < 4), 4, 1)
    seventeenth = eligibility.birthday(person.date_of_birth, 17)
    problem = codes.oc3_problem(
        in_touch,
        activity,
        accommodation,
        age_at_year_start=eligibility.age_on(person.date_of_birth, year_start),
        seventeenth_in_year=year_start <= seventeenth < eligibility.birthday(year_start, 1),
    )
    if problem:
        refuse(*problem)
    record = create(
        CareLeaverContact,
        person,
        acting_user,
        contact_on=contact_on,
        in_touch=in_touch,
        activity=activity,
        accommodation=accommodation,
    )
    written(
        request,
        record,
        acting_user=acting_user,
        detail="recorded care leaver contact",
    )
    return record


@transaction.atomic
def start_staying_put(
    person, *, acting_user, carer: Carer, start_date: dt.date, request=None
) -> StayingPut:
    lock_child(person)
    in_the_past(start_date, "The start date", "start_date")
    dob = person.date_of_birth
    if dob is None or start_date < eligibility.birthday(dob, 18):
        refuse("Staying Put starts on or after the 18th birthday", "start_date")
    if carer is None or carer.kind not in (Carer.Kind.FOSTERING_HOUSEHOLD, Carer.Kind.KINSHIP):
        refuse("Staying Put is with former foster carers: choose them", "carer")
    if not PeriodOfCare.objects.filter(person=person, placements__carer=carer).exists():
        refuse("The young person was never placed with these carers", "carer")
    if StayingPut.objects.filter(person=person, end_date__isnull=True).exists():
        refuse("The young person is Staying Put already", "start_date")
    record = create(StayingPut, person, acting_user, carer=carer, start_date=start_date)
    written(
        request,
        record,
        acting_user=acting_user,
        detail="started Staying Put",
    )
    return record


@transaction.atomic
def end_staying_put(
    record: StayingPut, *, acting_user, expected_version: int, end_date: dt.date, request=None
) -> StayingPut:
    lock_child(record.person_id)
    record = lock(record)
    if record.end_date is not None:
        refuse(f"Staying Put ended on {long_date(record.end_date)}", "end_date")
    in_the_past(end_date, "The end date", "end_date")
    if end_date < record.start_date:
        refuse("Staying Put cannot end before it started", "end_date")
    record = save_versioned(
        record, expected_version=expected_version, acting_user=acting_user, end_date=end_date
    )
    written(request, record, acting_user=acting_user, detail="ended Staying Put", created=False)
    return record
