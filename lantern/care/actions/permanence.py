"""Writes for permanence: agreeing the plan, the adoption milestones, and the previous
permanence order asked when a child starts care (SSDA903 PrevPerm)."""

import copy
import datetime as dt
import re

from django.db import transaction

from lantern.care import codes
from lantern.care.models import AdoptionPlan, PeriodOfCare, PermanencePlan, PreviousPermanence
from lantern.casework.actions.base import (
    create,
    in_the_past,
    lock,
    lock_child,
    long_date,
    refuse,
    save_versioned,
    written,
)


def period_on(person, day: dt.date, field: str) -> PeriodOfCare:
    """The period of care ``person`` was in on ``day``: every permanence record belongs to
    one."""
    period = (
        PeriodOfCare.objects.select_for_update()
        .filter(person=person, start_date__lte=day)
        .order_by("-start_date")
        .first()
    )
    if period is None or (period.end_date is not None and period.end_date < day):
        refuse(f"The child was not looked after on {long_date(day)}", field)
    return period


def _code(value: str, codelist, what: str, field: str, *, required: bool = True) -> None:
    if not value:
        if required:
            refuse(f"Choose the {what}", field)
        return
    if value not in codelist:
        refuse(f"Choose a {what} from the list", field)


@transaction.atomic
def agree_permanence_plan(
    person,
    *,
    acting_user,
    plan: str,
    agreed_on: dt.date,
    contingency: str = "",
    notes: str = "",
    request=None,
) -> PermanencePlan:
    lock_child(person)
    _code(plan, codes.PERMANENCE_PLAN, "plan for permanence", "plan")
    _code(contingency, codes.PERMANENCE_PLAN, "contingency plan", "contingency", required=False)
    if contingency and contingency == plan:
        refuse("The contingency plan must differ from the plan", "contingency")
    in_the_past(agreed_on, "The date the plan was agreed", "agreed_on")
    period = period_on(person, agreed_on, "agreed_on")
    record = create(
        PermanencePlan,
        person,
        acting_user,
        period=period,
        plan=plan,
        agreed_on=agreed_on,
        contingency=contingency,
        notes=notes,
    )
    written(
        request,
        record,
        acting_user=acting_user,
        detail="agreed permanence plan",
    )
    return record


@transaction.atomic
def decide_adoption(person, *, acting_user, decided_on: dt.date, request=None) -> AdoptionPlan:
    """The agency decision maker's decision that the child should be placed for adoption
    (SHOBPA): it opens the adoption record of the period."""
    lock_child(person)
    in_the_past(decided_on, "The date of the decision", "decided_on")
    period = period_on(person, decided_on, "decided_on")
    if AdoptionPlan.objects.filter(period=period).exists():
        refuse("The decision for this period of care is recorded already", "decided_on")
    record = create(AdoptionPlan, person, acting_user, period=period, decided_on=decided_on)
    written(
        request,
        record,
        acting_user=acting_user,
        detail="recorded should-be-placed-for-adoption decision",
    )
    return record


MILESTONES = (  # in the order they happen, each after the one before
    ("decided_on", "the decision"),
    ("placement_order_on", "the placement order"),
    ("matched_on", "the match"),
    ("placed_on", "the placement for adoption"),
    ("adoption_order_on", "the adoption order"),
)
AD1 = ("number_of_adopters", "sex_adopter", "legal_status_adopter", "foster_carers_adopting")


def check_milestones(adoption: AdoptionPlan, period: PeriodOfCare) -> None:
    for name, what in (*MILESTONES[1:], ("reversed_on", "the reversal")):
        day = getattr(adoption, name)
        in_the_past(day, f"The date of {what}", name)
        if day is not None and day < period.start_date:
            refuse(f"The date of {what} is before the child became looked after", name)
    earlier = (adoption.decided_on, "the decision")
    for name, what in MILESTONES[1:]:
        day = getattr(adoption, name)
        if day is None:
            continue
        if day < earlier[0]:
            refuse(f"The date of {what} cannot be before {earlier[1]}", name)
        earlier = (day, what)
    if adoption.matched_on is None and adoption.placed_on is not None:
        refuse("Record the match with adopters before the placement", "matched_on")
    # 903 rule 151: the AD1 items are all coded or all blank; they come with the match.
    given = [getattr(adoption, f) for f in AD1]
    if adoption.matched_on is not None or any(given):
        if adoption.matched_on is None:
            refuse("Enter the date of the match with the adopters' details", "matched_on")
        _code(adoption.number_of_adopters, codes.NB_ADOPTR, "number of adopters", AD1[0])
        _code(adoption.sex_adopter, codes.SEX_ADOPTR, "sex of the adopter(s)", AD1[1])
        _code(adoption.legal_status_adopter, codes.LS_ADOPTR, "adopters' legal status", AD1[2])
        _code(adoption.foster_carers_adopting, codes.FOSTER_CARE, "foster carer answer", AD1[3])
        problem = codes.adopter_codes_problem(
            adoption.number_of_adopters, adoption.sex_adopter, adoption.legal_status_adopter
        )
        if problem:
            refuse(*problem)
    # 903 rule 119: a reversal needs its date and reason.
    if adoption.reversed_on is not None or adoption.reason_reversed:
        if adoption.reversed_on is None:
            refuse("Enter the date the decision was reversed", "reversed_on")
        _code(adoption.reason_reversed, codes.REASON_PLACED_CEASED, "reason", "reason_reversed")
        if adoption.adoption_order_on is not None:
            refuse("The child was adopted: the decision cannot be reversed", "reversed_on")
        if adoption.reversed_on < adoption.decided_on:
            refuse("The reversal cannot be before the decision", "reversed_on")


@transaction.atomic
def record_adoption_milestones(
    adoption: AdoptionPlan, *, acting_user, expected_version: int, request=None, **changes
) -> AdoptionPlan:
    lock_child(adoption.person_id)
    adoption = lock(adoption)
    unknown = set(changes) - {n for n, _ in MILESTONES[1:]} - set(AD1)
    unknown -= {"reversed_on", "reason_reversed"}
    if unknown:
        refuse(f"Unknown adoption detail: {', '.join(sorted(unknown))}")
    changes = {k: (v if v is not None or k.endswith("_on") else "") for k, v in changes.items()}
    draft = copy.copy(adoption)
    for name, value in changes.items():
        setattr(draft, name, value)
    check_milestones(draft, adoption.period)
    record = save_versioned(
        adoption, expected_version=expected_version, acting_user=acting_user, **changes
    )
    written(
        request,
        record,
        acting_user=acting_user,
        detail="recorded adoption milestones",
        created=False,
    )
    return record


# LA_PERM (903 rule 633): a council's 3-digit DfE number, or a country outside England.
_LA_RANGES = (
    "201-213 301-320 330-336 340-344 350-359 370-373 380-384 390-394 420 800-803 805-808 "
    "810-813 815-816 821-823 825-826 830-831 835-837 840-841 845-846 850-852 855-857 "
    "860-861 865-874 876-896 908-909 916 919 921 925-926 928-929 931 933 935-938 999"
)
LA_PERM = {"WAL", "SCO", "NUK", "NIR"} | {
    str(n)
    for part in _LA_RANGES.split()
    for lo, hi in [(part.split("-") * 2)[:2]]
    for n in range(int(lo), int(hi) + 1)
}
_DATE_PERM = re.compile(r"^(\d\d|ZZ)/(\d\d|ZZ)/(\d{4}|ZZZZ)$")


def check_date_perm(text: str, before: dt.date) -> None:
    """DATE_PERM (903 rule 632): DD/MM/YYYY, any part ZZ when unknown, before DECOM."""
    match = _DATE_PERM.match(text)
    if match is None:
        refuse("Enter the date as DD/MM/YYYY, with ZZ for an unknown day or month", "arranged_on")
    day, month, year = match.groups()
    if "Z" in year:
        return
    try:
        known = dt.date(
            int(year), int(month) if month != "ZZ" else 1, int(day) if day != "ZZ" else 1
        )
    except ValueError:
        refuse("Enter a real date", "arranged_on")
    if known >= before:
        refuse("The order must be before the child became looked after", "arranged_on")


@transaction.atomic
def record_previous_permanence(
    person, *, acting_user, option: str, council: str = "", arranged_on: str = "", request=None
) -> PreviousPermanence:
    lock_child(person)
    period = (
        PeriodOfCare.objects.select_for_update()
        .filter(person=person)
        .order_by("-start_date")
        .first()
    )
    if period is None:
        refuse("Record the period of care first: this is asked when a child starts care")
    if PreviousPermanence.objects.filter(period=period).exists():
        refuse("Previous permanence is recorded already for this period of care", "option")
    _code(option, codes.PREV_PERM, "previous permanence option", "option")
    council, arranged_on = council.strip().upper(), arranged_on.strip().upper()
    if option == "Z1":  # 903 rule 635: no council or date without a previous order
        if council:
            refuse("Leave the council blank when there was no previous order", "council")
        if arranged_on:
            refuse("Leave the date blank when there was no previous order", "arranged_on")
    else:  # 903 rule 630
        if council not in LA_PERM:
            refuse("Enter the council's 3-digit DfE number, or WAL, SCO, NIR or NUK", "council")
        check_date_perm(arranged_on, period.start_date)
    record = create(
        PreviousPermanence,
        person,
        acting_user,
        period=period,
        option=option,
        council=council,
        arranged_on=arranged_on,
    )
    written(request, record, acting_user=acting_user, detail="recorded previous permanence")
    return record
