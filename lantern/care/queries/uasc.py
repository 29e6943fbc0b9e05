"""The SSDA903 UASC table, read from the person's UASC dates and their periods of care."""

import datetime as dt

from django.db.models import Q

from lantern.care.models import AgeAssessment, PeriodOfCare, TransferReferral

# SEX was 1/2 up to 2023/24 and M/F/U from 2024/25 (codes.md B1).
OLD_SEX = {"M": "1", "F": "2"}


def _date(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def eighteenth(born: dt.date | None) -> dt.date | None:
    if born is None:
        return None
    try:
        return born.replace(year=born.year + 18)
    except ValueError:  # 29 February
        return born.replace(year=born.year + 18, day=28)


def uasc_rows(year_end: dt.date) -> list[dict]:
    """One row (CHILD, SEX, DOB, DUC) per child looked after at some time in the collection
    year ending ``year_end`` (31 March) who was an unaccompanied asylum-seeking child on
    some day of it. DUC is the date the status ceased, or, while it continues, the date it
    will: the 18th birthday (rule 304). Rules 205A-B compare the years that way: last
    year's DUC of a child still UASC is their 18th birthday, and a child whose status
    ceased last year is not in this year's table."""
    year_start = dt.date(year_end.year - 1, year_end.month, year_end.day) + dt.timedelta(days=1)
    looked_after = (
        PeriodOfCare.objects.filter(start_date__lte=year_end)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=year_start))
        .filter(person__uasc_since__isnull=False, person__uasc_since__lte=year_end)
        .filter(Q(person__uasc_ceased__isnull=True) | Q(person__uasc_ceased__gte=year_start))
        .select_related("person")
        .order_by("person__council_id")
    )
    old = year_end.year <= 2024  # collection years are named by the 31 March they end
    rows, seen = [], set()
    for period in looked_after:
        person = period.person
        if person.pk in seen:
            continue
        seen.add(person.pk)
        ceased = person.uasc_ceased
        if ceased is None or ceased > year_end:
            ceased = eighteenth(person.date_of_birth)
        rows.append(
            {
                "CHILD": person.council_id,
                "SEX": OLD_SEX.get(person.sex, "") if old else person.sex,
                "DOB": _date(person.date_of_birth),
                "DUC": _date(ceased),
            }
        )
    return rows


def uasc_records(person) -> dict | None:
    """The UASC panel's context: status, age assessments, transfer referrals. Shown for a
    child recorded as UASC (``Person.uasc_since``), so other children's pages ask nothing."""
    if person.uasc_since is None:
        return None
    assessments = list(AgeAssessment.objects.filter(person=person))
    referrals = list(TransferReferral.objects.filter(person=person))
    return {
        "assessments": assessments,
        "referrals": referrals,
        "adult_found": next((a for a in assessments if a.adult), None),
    }
