"""List 8: children looked after at any point in the period, one row per period of care.

What the row reports (legal status, placement, latest review, visit, health check) is as it
stood on the period's last day, or on the day the child left care if that came first.
Each fact is read for all the list's children in one query and picked per child here.
"""

import datetime as dt
from collections import defaultdict

from django.db.models import DateField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Least

from lantern.care.models import (
    DentalCheck,
    HealthAssessment,
    LegalStatus,
    LookedAfterReview,
    MissingEpisode,
    PeriodOfCare,
    PermanencePlan,
    Placement,
)
from lantern.casework.models import Visit
from lantern.returns.annexa import care_codes
from lantern.returns.annexa.children import (
    ALLOCATED_HEADERS,
    CHILD_HEADERS,
    DISABILITY_HEADER,
    Children,
    yes_no,
)
from lantern.returns.annexa.plans import PRIMARY_NEED
from lantern.returns.annexa.sheet import Period, Sheet

HEADERS = (
    *CHILD_HEADERS,
    "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
    DISABILITY_HEADER,
    "Date Started to be Looked After",
    "Child's Category of Need",
    "Is this a second or subsequent period of being a Looked After Child within the last "
    "12 months (Y/N)",
    "Start date of current legal status",
    "Child's Legal Status",
    "Date of Latest Statutory Review",
    "Date of Last Social Work Visit",
    "What is the permanence plan for this child?",
    "Date of Last IRO Visit / Contact to the Child",
    "Date of Last Health Assessment",
    "Date of Last Dental Check",
    "Number of Placements in the Last 12 months",
    "Date Ceased to be Looked After",
    "Reason Ceased to be Looked After",
    "Start Date of Most Recent Placement",
    "Placement Type",
    "Placement Provider",
    "Placement postcode",
    "URN of Placement",
    "Placement Location",
    "LA of Placement",
    "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
    "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
    "Was the child offered a Return Interview after their last missing episode (Y/N)?",
    "Did the child accept a Return Interview after their last missing episode (Y/N)?",
    *ALLOCATED_HEADERS,
)

NOTE = (
    "Lantern does not hold which council's area a placement postcode is in: Placement "
    "Location and LA of Placement are blank. The IRO's latest contact is the latest "
    "looked-after review the IRO chaired."
)


def _latest(rows, key: int = 0) -> dict:
    """Rows ordered by date, grouped by ``key``: each group's list, in date order."""
    grouped: dict = defaultdict(list)
    for row in rows:
        grouped[row[key]].append(row)
    return grouped


def _last(rows: list, day_at: int, until: dt.date, since: dt.date | None = None):
    for row in reversed(rows):
        if row[day_at] <= until and (since is None or row[day_at] >= since):
            return row
    return None


def looked_after(period: Period) -> Sheet:
    periods = PeriodOfCare.objects.filter(start_date__lte=period.end).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=period.start)
    )
    people = periods.values("person_id")
    by = {"person_id__in": people}
    children = Children(people, period)
    year_before = period.year_before_end
    all_periods = _latest(
        PeriodOfCare.objects.filter(**by).order_by("start_date", "pk")
        .values_list("person_id", "start_date", "end_date")
    )  # fmt: skip
    statuses = _latest(
        LegalStatus.objects.filter(period__in=periods, start_date__lte=period.end)
        .order_by("start_date", "pk").values_list("period_id", "start_date", "code")
    )  # fmt: skip
    placements = _latest(
        Placement.objects.filter(**by, start_date__lte=period.end)
        .order_by("start_date", "pk")
        .values_list("person_id", "start_date", "end_date", "period_id", "placement_type",
                     "provider", "postcode", "urn")
    )  # fmt: skip
    reviews = _latest(
        LookedAfterReview.objects.filter(period__in=periods, held_on__lte=period.end)
        .order_by("held_on", "pk").values_list("period_id", "held_on")
    )  # fmt: skip
    plans = _latest(
        PermanencePlan.objects.filter(period__in=periods, agreed_on__lte=period.end)
        .order_by("agreed_on", "pk").values_list("period_id", "agreed_on", "plan")
    )  # fmt: skip
    health = _latest(
        HealthAssessment.objects.filter(**by, assessed_on__lte=period.end)
        .order_by("assessed_on", "pk").values_list("person_id", "assessed_on")
    )  # fmt: skip
    dental = _latest(
        DentalCheck.objects.filter(**by, checked_on__lte=period.end)
        .order_by("checked_on", "pk").values_list("person_id", "checked_on")
    )  # fmt: skip
    missing = _latest(
        MissingEpisode.objects.filter(**by, start_date__lte=period.end)
        .order_by("start_date", "pk")
        .values_list("person_id", "start_date", "kind", "rhi_offered_on", "rhi_response")
    )  # fmt: skip
    sheet = Sheet(
        8,
        "Children in care",
        f"Children looked after at any point {period.label()}",
        HEADERS,
        note=NOTE,
    )
    end = Value(period.end, DateField())
    last_visit = (
        Visit.objects.filter(
            person_id=OuterRef("person_id"),
            kind=Visit.Kind.LOOKED_AFTER,
            visited_on__gte=OuterRef("start_date"),
            visited_on__lte=Least(Coalesce(OuterRef("end_date"), end), end),
        )
        .order_by("-visited_on")
        .values("visited_on")[:1]
    )
    rows = (
        periods.annotate(last_visit=Subquery(last_visit))
        .order_by("start_date", "pk")
        .values(
            "pk",
            "person_id",
            "start_date",
            "end_date",
            "category_of_need",
            "reason_ceased",
            "last_visit",
        )
    )
    for p in rows:
        pid, ceased = p["person_id"], period.known(p["end_date"])
        until = ceased or period.end
        person = children.people[pid]
        uasc = person["uasc_since"] is not None and person["uasc_since"] <= period.end
        earlier = [
            s for s in all_periods[pid]
            if s[1] < p["start_date"] and (s[2] is None or s[2] >= year_before)
        ]  # fmt: skip
        status = _last(statuses[p["pk"]], 1, until)
        placed = [pl for pl in placements[pid] if pl[3] == p["pk"]]
        place = _last(placed, 1, until)
        moves = sum(1 for pl in placements[pid] if pl[2] is None or pl[2] >= year_before)
        review = _last(reviews[p["pk"]], 1, until)
        plan = _last(plans[p["pk"]], 1, until)
        gone = [m for m in missing[pid] if m[1] >= year_before]
        away = [m for m in missing[pid] if m[2] == "M"]
        last_missing = away[-1] if away else None
        health_check = _last(health[pid], 1, until)
        dental_check = _last(dental[pid], 1, until)
        sheet.rows.append([
            *children.columns(pid), yes_no(uasc), children.disability(pid), p["start_date"],
            PRIMARY_NEED.get(p["category_of_need"], ""), yes_no(bool(earlier)),
            status[1] if status else None,
            care_codes.LEGAL_STATUS.get(status[2], status[2]) if status else "",
            review[1] if review else None, p["last_visit"],
            care_codes.PERMANENCE_PLAN.get(plan[2], "") if plan else "",
            review[1] if review else None,
            health_check[1] if health_check else None,
            dental_check[1] if dental_check else None,
            moves, ceased,
            care_codes.REASON_CEASED.get(p["reason_ceased"], p["reason_ceased"]) if ceased else "",
            place[1] if place else None,
            care_codes.placement_type(place[4]) if place else "",
            care_codes.PROVIDER.get(place[5], place[5]) if place else "",
            place[6] if place else "", place[7] if place else "", "", "",
            sum(1 for m in gone if m[2] == "M"), sum(1 for m in gone if m[2] == "A"),
            yes_no(last_missing[3] is not None) if last_missing else "",
            _accepted(last_missing[4]) if last_missing else "",
            *children.allocated(pid),
        ])  # fmt: skip
    return sheet


def _accepted(response: str) -> str:
    return {"accepted": "a) Yes", "declined": "b) No"}.get(response, "c) Unknown")
