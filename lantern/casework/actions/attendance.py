"""Who took part: the strategy discussion's agencies and immediate protection, and a
conference's attendance and the child's wishes (Working Together 2023, chapter 4).

Kept apart from the actions so the initial, review and transfer-in conferences ask the
same questions in the same words, and the messages name the field a worker must change."""

import datetime as dt

from lantern.agencies.models import Agency
from lantern.casework.actions.base import create, in_the_past, long_date, refuse
from lantern.casework.models import Conference

ATTENDANCE_FIELDS = (
    "parents_attendance",
    "parents_absence_reason",
    "child_participation",
    "child_wishes",
    "advocate",
    "reports_shared",
    "reports_shared_on",
)


def agencies_of(chosen) -> list[Agency]:
    """Agencies as chosen on a form (records) or passed by a caller (records or ids)."""
    ids = [getattr(a, "pk", a) for a in chosen or ()]
    return list(Agency.objects.filter(pk__in=ids).order_by("name"))


def who_took_part(agencies: list[Agency], why_not_police_and_health: str) -> None:
    """WT23 4.2: a strategy discussion brings together children's social care, police and
    health at least; without police and health it is a one-agency decision unless the
    reason is recorded (the inquiries found health absent from the decisions)."""
    if not agencies:
        refuse("Choose the agencies that took part in the discussion", "agencies")
    kinds = {a.kind for a in agencies}
    missing = [kind for kind in (Agency.Kind.POLICE, Agency.Kind.HEALTH) if kind not in kinds]
    if missing and not why_not_police_and_health.strip():
        refuse(
            f"No {' or '.join(missing)} agency took part: say why, or add the agency",
            "why_not_police_and_health",
        )


def immediate_protection(police_protection_on, emergency_protection_order_on) -> None:
    """Police protection (s46) usually comes before the discussion and an emergency
    protection order (s44) after it; both are dated and neither can be in the future."""
    in_the_past(police_protection_on, "The date of police protection", "police_protection_on")
    in_the_past(
        emergency_protection_order_on,
        "The date of the emergency protection order",
        "emergency_protection_order_on",
    )


def conference_attendance(held_on: dt.date, agencies: list[Agency], attendance: dict) -> tuple:
    """Check a conference's attendance; returns the fields to save and the agencies invited."""
    unknown = set(attendance) - {*ATTENDANCE_FIELDS, "agencies_invited"}
    if unknown:
        raise TypeError(f"Unexpected attendance fields: {', '.join(sorted(unknown))}")
    invited = agencies_of(attendance.get("agencies_invited"))
    fields = {name: attendance.get(name) for name in ATTENDANCE_FIELDS}
    for name in ("parents_absence_reason", "child_wishes", "advocate"):
        fields[name] = (fields[name] or "").strip()
    if fields["parents_attendance"] not in Conference.Parents.values:
        refuse("Say whether the parents attended the conference", "parents_attendance")
    if (
        fields["parents_attendance"] != Conference.Parents.ALL
        and not fields["parents_absence_reason"]
    ):
        refuse("Say why a parent did not attend", "parents_absence_reason")
    if fields["child_participation"] not in Conference.Child.values:
        refuse("Say how the child took part in the conference", "child_participation")
    heard = fields["child_participation"] != Conference.Child.TOO_YOUNG
    if heard and not fields["child_wishes"]:
        refuse(
            "Record the child's wishes and feelings, in their words or how they were gathered",
            "child_wishes",
        )
    if not invited:
        refuse("Choose the agencies invited to the conference", "agencies_invited")
    uninvited = [a.name for a in agencies if a not in invited]
    if uninvited:
        refuse(
            f"{', '.join(uninvited)} took part but {'is' if len(uninvited) == 1 else 'are'} "
            "not among the agencies invited: add to the agencies invited",
            "agencies",
        )
    _reports_shared(held_on, fields)
    return fields, invited


def _reports_shared(held_on: dt.date, fields: dict) -> None:
    if fields["reports_shared"] not in (True, False):
        refuse(
            "Say whether reports were shared with the parents before the conference",
            "reports_shared",
        )
    if not fields["reports_shared"]:
        fields["reports_shared_on"] = None
        return
    shared_on = fields["reports_shared_on"] or None
    if shared_on is None:
        refuse("Enter the date the reports were shared with the parents", "reports_shared_on")
    if shared_on > held_on:
        refuse(
            f"Reports shared on {long_date(shared_on)} were not shared before the conference "
            f"on {long_date(held_on)}",
            "reports_shared_on",
        )


def held_conference(person, acting_user, agencies, attendance: dict, **fields) -> Conference:
    """Create a conference of any kind with its attendance, checked the same way for all."""
    agencies = agencies_of(agencies)
    checked, invited = conference_attendance(fields["held_on"], agencies, attendance)
    conference = create(Conference, person, acting_user, **fields, **checked)
    conference.agencies.set(agencies)
    conference.agencies_invited.set(invited)
    return conference
