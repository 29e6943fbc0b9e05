"""Recording a looked-after child's education: PEP meetings move the PEP clocks; a new
school, nursery or college ends the last one, so the child's history of settings has no
gaps or overlaps and school moves can be counted."""

import datetime as dt
import re

from django.db import transaction

from lantern.care.actions.health import period_on
from lantern.care.models import EducationSetting, PersonalEducationPlan
from lantern.casework.actions.base import (
    check_not_before_birth,
    create,
    in_the_past,
    lock,
    lock_child,
    long_date,
    refuse,
    save_versioned,
    written,
)
from lantern.clocks.actions import apply_event

# Early years settings are for children under 5 (compulsory school age starts the term after
# the 5th birthday); college and training from the end of year 11, when a child is 15 or 16.
EARLY_YEARS_BEFORE = 5
POST_16_FROM = 15
# A school's unique reference number (6 digits), or its DfE number: LA code and a 4-digit
# establishment number, with or without the slash ("309/2001").
URN = re.compile(r"^\d{6}$|^\d{3}/?\d{4}$")


@transaction.atomic
def record_pep(
    person,
    *,
    acting_user,
    held_on: dt.date,
    virtual_school_attendee: str = "",
    designated_teacher: str = "",
    targets: str = "",
    request=None,
) -> PersonalEducationPlan:
    lock_child(person)
    period = period_on(person, held_on, "The PEP meeting", "held_on")
    pep = create(
        PersonalEducationPlan,
        person,
        acting_user,
        period=period,
        held_on=held_on,
        virtual_school_attendee=virtual_school_attendee.strip(),
        designated_teacher=designated_teacher.strip(),
        targets=targets,
    )
    apply_event(person, "pep_held", held_on, source=pep)
    written(request, pep, acting_user=acting_user, detail="recorded PEP meeting")
    return pep


def _check_setting_age(person, kind: str, start_date: dt.date) -> None:
    age = person.age_on(start_date)
    if age is None:
        return
    name, on = person.full_name, long_date(start_date)
    if kind == EducationSetting.Kind.EARLY_YEARS and age >= EARLY_YEARS_BEFORE:
        refuse(f"{name} was {age} on {on}: early years settings are for under-5s", "kind")
    post_16 = (EducationSetting.Kind.COLLEGE, EducationSetting.Kind.TRAINING)
    if kind in post_16 and age < POST_16_FROM:
        refuse(f"{name} was {age} on {on}: college and training are after year 11", "kind")


@transaction.atomic
def record_education_setting(
    person,
    *,
    acting_user,
    kind: str,
    name: str,
    start_date: dt.date,
    urn: str = "",
    move_reason: str = "",
    request=None,
) -> EducationSetting:
    """Where the child learns from ``start_date``. The setting before it ends the day
    before; a move needs its reason (a move in care is itself a harm to be explained)."""
    lock_child(person)
    in_the_past(start_date, "The start date", "start_date")
    check_not_before_birth(person, start_date, "The start date", "start_date")
    if kind not in EducationSetting.Kind.values:
        refuse("Choose the type of setting", "kind")
    if not name.strip():
        refuse("Enter the name of the setting", "name")
    urn = urn.strip()
    if urn and not URN.match(urn):
        refuse("Enter a 6-digit URN or a DfE number such as 309/2001", "urn")
    _check_setting_age(person, kind, start_date)
    current = (
        EducationSetting.objects.select_for_update()
        .filter(person=person, end_date__isnull=True)
        .first()
    )
    if current is not None and start_date <= current.start_date:
        refuse(
            f"{current.name} started on {long_date(current.start_date)}: a new setting must "
            "start after it",
            "start_date",
        )
    if current is not None and move_reason not in EducationSetting.MoveReason.values:
        refuse(f"Say why {person.full_name} moved from {current.name}", "move_reason")
    if current is None and move_reason and move_reason not in EducationSetting.MoveReason.values:
        refuse("Choose a reason from the list", "move_reason")
    if current is not None:
        save_versioned(
            current,
            expected_version=current.version,
            acting_user=acting_user,
            end_date=start_date - dt.timedelta(days=1),
        )
    setting = create(
        EducationSetting,
        person,
        acting_user,
        kind=kind,
        name=name.strip(),
        urn=urn.replace("/", ""),
        start_date=start_date,
        move_reason=move_reason,
    )
    written(request, setting, acting_user=acting_user, detail="recorded education setting")
    return setting


@transaction.atomic
def end_education_setting(
    setting, *, acting_user, end_date: dt.date, expected_version: int, request=None
) -> EducationSetting:
    """The child left and no new setting follows (yet): left education, or moved away."""
    lock_child(setting.person_id)
    setting = lock(setting)
    in_the_past(end_date, "The date the child left", "end_date")
    if setting.end_date is not None:
        refuse(f"The child left on {long_date(setting.end_date)}", "end_date")
    if end_date < setting.start_date:
        refuse(
            f"The child cannot leave before starting ({long_date(setting.start_date)})",
            "end_date",
        )
    save_versioned(
        setting, expected_version=expected_version, acting_user=acting_user, end_date=end_date
    )
    written(
        request, setting, acting_user=acting_user, detail="ended education setting", created=False
    )
    return setting
