"""Lists 4 and 5: assessments, and section 47 enquiries with their initial conferences.

Each reads its records with ``values()`` and the few related facts it needs in one query
each (visits, conferences, earlier enquiries), so a list is a handful of queries however
many children it names.
"""

import datetime as dt
from bisect import bisect_left

from django.db.models import DateField, Exists, OuterRef, Q, Value
from django.db.models.functions import Coalesce, Least

from lantern.casework.models import Assessment, Conference, Section47Enquiry, Visit
from lantern.returns.annexa.children import (
    ALLOCATED_HEADERS,
    CHILD_HEADERS,
    DISABILITY_HEADER,
    Children,
    yes_no,
)
from lantern.returns.annexa.sheet import Period, Sheet, months_before

# The assessment outcomes that mean the child needs children's social care support.
NEEDS_SUPPORT = {"cin_plan", "strategy", "looked_after"}


def count_between(days: list[dt.date], first: dt.date, before: dt.date) -> int:
    """How many of ``days`` fall on or after ``first`` and before ``before``."""
    return bisect_left(days, before) - bisect_left(days, first)


def assessments(period: Period) -> Sheet:
    """List 4: assessments started or authorised (completed) in the period."""
    in_period = Assessment.objects.filter(
        Q(start_date__range=(period.start, period.end))
        | Q(authorised_date__range=(period.start, period.end))
    )
    children = Children(in_period.values("person_id"), period)
    sheet = Sheet(
        4, "Assessments", f"Assessments started or completed {period.label()}",
        (*CHILD_HEADERS, DISABILITY_HEADER, "Continuous Assessment Start Date",
         "Child Seen During Continuous Assessment",
         "Continuous Assessment Date of Authorisation",
         "Was the child assessed as requiring LA children's social care support?",
         *ALLOCATED_HEADERS),
    )  # fmt: skip
    # Seen on a visit between the start and the authorisation (or the period's end).
    end = Value(period.end, DateField())
    seen = Exists(
        Visit.objects.filter(
            person_id=OuterRef("person_id"),
            child_seen=True,
            visited_on__gte=OuterRef("start_date"),
            visited_on__lte=Least(Coalesce(OuterRef("authorised_date"), end), end),
        )
    )
    rows = (
        in_period.annotate(seen=seen)
        .order_by("start_date", "pk")
        .values("person_id", "start_date", "authorised_date", "outcome", "seen")
    )
    for a in rows:
        pid, authorised = a["person_id"], period.known(a["authorised_date"])
        needs = None if authorised is None or not a["outcome"] else a["outcome"] in NEEDS_SUPPORT
        sheet.rows.append([
            *children.columns(pid), children.disability(pid), a["start_date"],
            yes_no(a["seen"]), authorised,
            yes_no(needs), *children.allocated(pid),
        ])  # fmt: skip
    return sheet


def _dates_by_child(rows) -> dict[int, list[dt.date]]:
    dates: dict[int, list[dt.date]] = {}
    for person_id, day in rows:
        dates.setdefault(person_id, []).append(day)
    for days in dates.values():
        days.sort()
    return dates


def section47s(period: Period) -> Sheet:
    """List 5: section 47 enquiries started in the period, one row each, with the initial
    conference each led to."""
    in_period = Section47Enquiry.objects.filter(start_date__range=(period.start, period.end))
    people = in_period.values("person_id")
    children = Children(people, period)
    since = months_before(period.start, 12)
    enquiry_days = _dates_by_child(
        Section47Enquiry.objects.filter(person_id__in=people, start_date__gte=since)
        .values_list("person_id", "start_date")
    )  # fmt: skip
    initial = Conference.objects.filter(kind=Conference.Kind.INITIAL, held_on__lte=period.end)
    icpc_days = _dates_by_child(
        initial.filter(person_id__in=people, held_on__gte=since).values_list("person_id", "held_on")
    )
    icpcs = {
        c["section47_id"]: c
        for c in initial.filter(section47__in=in_period).values(
            "section47_id", "held_on", "decision"
        )
    }
    sheet = Sheet(
        5, "Section 47 enquiries and ICPCs",
        f"Section 47 enquiries started {period.label()}",
        (*CHILD_HEADERS, DISABILITY_HEADER,
         "Strategy discussion initiating Section 47 Enquiry Start Date",
         "Was an Initial Child Protection Conference deemed unnecessary?",
         "Date of Initial Child Protection Conference",
         "Did the Initial Child Protection Conference Result in a Child Protection Plan",
         "Number of Section 47 Enquiries in the last 12 months",
         "Number of ICPCs in the last 12 months", *ALLOCATED_HEADERS),
    )  # fmt: skip
    rows = in_period.order_by("start_date", "pk").values(
        "pk", "person_id", "start_date", "icpc_required"
    )
    for e in rows:
        pid, start = e["person_id"], e["start_date"]
        icpc = icpcs.get(e["pk"])
        not_needed = None if e["icpc_required"] is None else not e["icpc_required"]
        year_before = months_before(start, 12)
        sheet.rows.append([
            *children.columns(pid), children.disability(pid), start, yes_no(not_needed),
            icpc["held_on"] if icpc else None,
            yes_no(icpc["decision"] == Conference.Decision.PLAN) if icpc else "",
            count_between(enquiry_days.get(pid, []), year_before, start),
            count_between(icpc_days.get(pid, []), year_before, start),
            *children.allocated(pid),
        ])  # fmt: skip
    return sheet
