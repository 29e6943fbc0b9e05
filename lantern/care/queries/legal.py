"""Where the child's court case stands: pre-proceedings, the 26-week timetable, the next
hearing, the orders in force and section 20 consent."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from lantern.care.models import (
    CourtApplication,
    CourtOrder,
    PreProceedings,
    Section20Consent,
)
from lantern.clocks.models import Deadline
from lantern.prepared import prepared

WEEKS = 26


@dataclass(frozen=True)
class Timetable:
    application: CourtApplication
    week: int  # the week of the proceedings today is in, from 1
    of_weeks: int  # 26, plus any extensions
    due_on: dt.date | None
    extended_weeks: int

    @property
    def overdue(self) -> bool:
        return self.week > self.of_weeks


def timetable(person, today: dt.date) -> Timetable | None:
    """The running care or supervision proceedings, as 'week N of 26': read from the open
    26-week clock (one query for a child with none), whose extensions it carries."""
    clock = next(iter(_proceedings_clock(person.pk)), None)
    if clock is None or clock.source_type != CourtApplication._meta.label:
        return None
    application = CourtApplication.objects.filter(
        pk=clock.source_ref, person=person, concluded_on__isnull=True
    ).first()
    if application is None:
        return None
    extended = clock.extended_days // 7
    return Timetable(
        application,
        week=max(1, (today - application.issued_on).days // 7 + 1),
        of_weeks=WEEKS + extended,
        due_on=clock.due_on,
        extended_weeks=extended,
    )


# The court panel's reads are on every casework overview: their SQL is written once per
# process (``prepared``), and each is one query for a child with no court record.
@prepared
def _proceedings_clock(person_id):
    return Deadline.objects.filter(
        person_id=person_id, rule__code="care_proceedings", state=Deadline.State.OPEN
    ).order_by("-started_on", "-id")[:1]


@prepared
def _orders(person_id, today):
    return (
        CourtOrder.objects.filter(person_id=person_id, made_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .exclude(kind__in=[CourtOrder.Kind.NO_ORDER, CourtOrder.Kind.DISCHARGE])
        .select_related("application")
    )


def orders_in_force(person, today: dt.date) -> list[CourtOrder]:
    """Orders not yet ended; a final order made on the same application since replaces
    the interim ones."""
    orders = _orders(person.pk, today)
    finals = {o.application_id for o in orders if o.kind in CourtOrder.FINAL and o.application_id}
    return [
        o for o in orders if not (o.kind in CourtOrder.TIME_LIMITED and o.application_id in finals)
    ]


def open_pre_proceedings(person) -> PreProceedings | None:
    return next(iter(_open_pre_proceedings(person.pk)), None)


@prepared
def _open_pre_proceedings(person_id):
    return (
        PreProceedings.objects.filter(person_id=person_id)
        .filter(Q(decision="") | Q(decision=PreProceedings.Decision.CONTINUE))
        .order_by("-letter_sent_on", "-id")[:1]
    )


def consents(person) -> list[Section20Consent]:
    """Section 20 consents in the child's open period of care, withdrawn ones first."""
    rows = _consents(person.pk)
    return sorted(rows, key=lambda c: (c.withdrawn_on is None, c.given_on))


@prepared
def _consents(person_id):
    return Section20Consent.objects.filter(person_id=person_id, period__end_date__isnull=True)


def court_status(person, today: dt.date) -> dict | None:
    """The court panel's context, or None when the child has no court or s20 record."""
    status = {
        "timetable": timetable(person, today),
        "orders": orders_in_force(person, today),
        "pre_proceedings": open_pre_proceedings(person),
        "consents": consents(person),
    }
    if not any(status.values()):
        return None
    status["withdrawn"] = [c for c in status["consents"] if c.withdrawn_on]
    return status
