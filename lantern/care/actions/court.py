"""Applications to court, the orders made, and the 26-week timetable for care proceedings
(Children Act 1989 s32(1)(a), as amended by the Children and Families Act 2014).

An application for a care or supervision order starts the 26-week clock; a final order, or
the proceedings otherwise ending, meets it; each extension the court grants (at most 8 weeks
at a time, s32(5)-(8)) is recorded with the court's reason and moves the due date.
"""

import datetime as dt

from django.db import transaction

from lantern.care.actions.legal import check_dated, own_record
from lantern.care.models import CourtApplication, CourtOrder, TimetableExtension
from lantern.casework.actions.base import (
    create,
    in_the_past,
    lock,
    lock_child,
    long_date,
    not_before,
    refuse,
    save_versioned,
    written,
)
from lantern.clocks.actions import apply_event, extend_deadline
from lantern.clocks.models import Deadline

TIMETABLE = "care_proceedings"
MAX_EXTENSION_WEEKS = 8  # s32(6)-(8): no more than eight weeks at a time
EPO_MAX_DAYS = 8  # s45(1): an emergency protection order lasts at most eight days


@transaction.atomic
def issue_application(
    person,
    *,
    acting_user,
    kind,
    issued_on,
    court,
    case_number="",
    period=None,
    next_hearing_on=None,
    request=None,
) -> CourtApplication:
    lock_child(person)
    if kind not in CourtApplication.Kind.values:
        refuse("Choose what the application is for", "kind")
    check_dated(person, issued_on, "The date the application was issued", "issued_on")
    own_record(person, period, "period")
    if not (court or "").strip():
        refuse("Enter the court", "court")
    if next_hearing_on is not None and next_hearing_on < issued_on:
        refuse("The next hearing cannot be before the application was issued", "next_hearing_on")
    if kind in CourtApplication.CARE_PROCEEDINGS:
        running = CourtApplication.objects.filter(
            person=person, kind__in=CourtApplication.CARE_PROCEEDINGS, concluded_on__isnull=True
        ).first()
        if running is not None:
            refuse(
                f"Care proceedings are already running (issued {long_date(running.issued_on)}): "
                "record their end first",
                "kind",
            )
    application = create(
        CourtApplication,
        person,
        acting_user,
        kind=kind,
        issued_on=issued_on,
        court=court.strip(),
        case_number=case_number,
        period=period,
        next_hearing_on=next_hearing_on,
    )
    if application.starts_timetable:
        apply_event(person, "care_application_issued", issued_on, source=application)
    written(
        request,
        application,
        acting_user=acting_user,
        detail="recorded court application",
    )
    return application


def timetable_of(application) -> Deadline | None:
    """The 26-week clock this application started."""
    return (
        Deadline.objects.filter(
            person_id=application.person_id,
            rule__code=TIMETABLE,
            source_type=application._meta.label,
            source_ref=str(application.pk),
        )
        .order_by("-id")
        .first()
    )


@transaction.atomic
def extend_timetable(
    application, *, acting_user, granted_on, weeks, reason, request=None
) -> TimetableExtension:
    lock_child(application.person_id)
    application = lock(application)
    if not application.starts_timetable:
        refuse("Only care and supervision proceedings run to the 26 weeks", "application")
    if application.concluded_on is not None:
        refuse(f"These proceedings ended on {long_date(application.concluded_on)}", "application")
    if weeks is None or not 1 <= weeks <= MAX_EXTENSION_WEEKS:
        refuse("The court can extend by 1 to 8 weeks at a time (s32(6))", "weeks")
    in_the_past(granted_on, "The date the extension was granted", "granted_on")
    not_before(
        granted_on,
        application.issued_on,
        "The extension cannot be before the application was issued",
        "granted_on",
    )
    if not (reason or "").strip():
        refuse("Enter the court's reason for the extension (s32(5))", "reason")
    clock = timetable_of(application)
    if clock is None or clock.state != Deadline.State.OPEN:
        refuse("There is no running 26-week timetable for this application", "application")
    extension = create(
        TimetableExtension,
        application.person,
        acting_user,
        application=application,
        granted_on=granted_on,
        weeks=weeks,
        reason=reason.strip(),
    )
    clock = extend_deadline(clock, weeks * 7)
    written(
        request,
        extension,
        acting_user=acting_user,
        detail=f"26-week timetable extended by {weeks} weeks to {clock.due_on}",
    )
    return extension


@transaction.atomic
def record_next_hearing(
    application, *, acting_user, expected_version, next_hearing_on, request=None
) -> CourtApplication:
    lock_child(application.person_id)
    application = lock(application)
    if next_hearing_on is not None and next_hearing_on < application.issued_on:
        refuse("The next hearing cannot be before the application was issued", "next_hearing_on")
    save_versioned(
        application,
        expected_version=expected_version,
        acting_user=acting_user,
        next_hearing_on=next_hearing_on,
    )
    written(request, application, acting_user=acting_user, created=False, detail="next hearing")
    return application


def _conclude(application, concluded_on, acting_user, expected_version) -> None:
    save_versioned(
        application,
        expected_version=expected_version,
        acting_user=acting_user,
        concluded_on=concluded_on,
        next_hearing_on=None,
    )
    if application.starts_timetable:
        apply_event(application.person, "care_proceedings_ended", concluded_on, source=application)


@transaction.atomic
def end_proceedings(
    application, *, acting_user, expected_version, concluded_on, request=None
) -> CourtApplication:
    """Proceedings ending without a final order here (withdrawn, dismissed)."""
    lock_child(application.person_id)
    application = lock(application)
    if application.concluded_on is not None:
        refuse(f"These proceedings ended on {long_date(application.concluded_on)}")
    in_the_past(concluded_on, "The date the proceedings ended", "concluded_on")
    not_before(
        concluded_on,
        application.issued_on,
        "Proceedings cannot end before the application was issued",
        "concluded_on",
    )
    _conclude(application, concluded_on, acting_user, expected_version)
    written(
        request,
        application,
        acting_user=acting_user,
        created=False,
        detail="proceedings ended",
    )
    return application


@transaction.atomic
def record_order(
    person,
    *,
    acting_user,
    kind,
    made_on,
    court,
    judge="",
    ends_on=None,
    application=None,
    request=None,
) -> CourtOrder:
    lock_child(person)
    if kind not in CourtOrder.Kind.values:
        refuse("Choose the order made", "kind")
    check_dated(person, made_on, "The date the order was made", "made_on")
    if not (court or "").strip():
        refuse("Enter the court", "court")
    own_record(person, application, "application")
    if application is not None:
        application = lock(application)
        not_before(
            made_on,
            application.issued_on,
            "An order cannot be made before the application was issued "
            f"({long_date(application.issued_on)})",
            "made_on",
        )
        if application.concluded_on is not None and made_on > application.concluded_on:
            refuse(f"These proceedings ended on {long_date(application.concluded_on)}", "made_on")
    if ends_on is not None and ends_on < made_on:
        refuse("The order cannot end before it was made", "ends_on")
    if kind in CourtOrder.TIME_LIMITED and ends_on is None:
        refuse("Enter the date this order ends", "ends_on")
    if kind == CourtOrder.Kind.EPO and ends_on > made_on + dt.timedelta(days=EPO_MAX_DAYS):
        refuse("An emergency protection order lasts at most 8 days (s45(1))", "ends_on")
    order = create(
        CourtOrder,
        person,
        acting_user,
        kind=kind,
        made_on=made_on,
        ends_on=ends_on,
        judge=judge,
        court=court.strip(),
        application=application,
    )
    if application is not None and kind in CourtOrder.FINAL and application.concluded_on is None:
        _conclude(application, made_on, acting_user, application.version)
    written(
        request,
        order,
        acting_user=acting_user,
        detail="recorded court order",
    )
    return order
