"""Lists 6 and 7: children in need and child protection plans open at any point in the period.

A child in need episode or a plan that began before the period and was still open on its
first day is in the list; one that ended the day before it is not. What the list reports
(the case's status, the latest visit, the latest review) is as it stood on the period's last
day, or on the day the case closed if that came first.
"""

import datetime as dt

from django.db.models import DateField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Least

from lantern.care.models import LegalStatus, PeriodOfCare
from lantern.casework.models import (
    Assessment,
    ChildProtectionPlan,
    CINEpisode,
    CINPlan,
    Conference,
    StrategyDiscussion,
    Visit,
)
from lantern.returns.annexa.children import (
    ALLOCATED_HEADERS,
    CHILD_HEADERS,
    DISABILITY_HEADER,
    Children,
    yes_no,
)
from lantern.returns.annexa.sheet import Period, Sheet

# Ofsted's wording of the DfE primary need and closure codes (the CIN census lists).
PRIMARY_NEED = {
    "N0": "N0 - Not stated", "N1": "N1 - Abuse or neglect", "N2": "N2 - Child's disability",
    "N3": "N3 - Parental disability or illness", "N4": "N4 - Family in acute stress",
    "N5": "N5 - Family dysfunction", "N6": "N6 - Socially unacceptable behaviour",
    "N7": "N7 - Low income", "N8": "N8 - Absent parenting",
    "N9": "N9 - Cases other than children in need",
}  # fmt: skip
REASON_FOR_CLOSURE = {
    "RC1": "RC1 - Adopted", "RC2": "RC2 - Died", "RC3": "RC3 - Child arrangements order",
    "RC4": "RC4 - Special guardianship order",
    "RC5": "RC5 - Transferred to services of another local authority",
    "RC6": "RC6 - Transferred to adult social care services",
    "RC7": "RC7 - Services ceased for any other reason, including child no longer in need",
    "RC8": "RC8 - Case closed after assessment, no further action",
    "RC9": "RC9 - Case closed after assessment, referred to early help",
}  # fmt: skip
CASE_STATUS = {
    "looked_after": "a) Looked after child",
    "cp": "b) Child Protection plan",
    "cin": "c) Child in need plan",
    "assessment": "d) Open assessment",
    "closed": "e) Closed episode",
}
CATEGORY = {
    "NEG": "a) Neglect",
    "PHY": "b) Physical abuse",
    "SAB": "c) Sexual abuse",
    "EMO": "d) Emotional abuse",
    "MUL": "e) Multiple/not recommended",
}


def _open_in(model, period: Period, start: str, end: str):
    return model.objects.filter(**{f"{start}__lte": period.end}).filter(
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": period.start})
    )


def children_in_need(period: Period) -> Sheet:
    """List 6: every child in need episode open at any point in the period."""
    episodes = _open_in(CINEpisode, period, "referral_date", "close_date")
    people = episodes.values("person_id")
    children = Children(people, period)
    # What each child's case was on the period's last day, most serious first.
    on_last_day = Period(period.end, period.end)
    statuses = [
        (name, set(_open_in(model, on_last_day, start, end).filter(person_id__in=people)
                   .values_list("person_id", flat=True)))
        for name, model, start, end in (
            ("looked_after", PeriodOfCare, "start_date", "end_date"),
            ("cp", ChildProtectionPlan, "start_date", "end_date"),
            ("cin", CINPlan, "start_date", "end_date"),
            ("assessment", Assessment, "start_date", "authorised_date"),
        )
    ]  # fmt: skip
    sheet = Sheet(
        6, "Children in need", f"Child in need episodes open at any point {period.label()}",
        (*CHILD_HEADERS, DISABILITY_HEADER, "CIN Start Date", "Primary Need Code",
         "Date Child Was Last Seen", "CIN Closure Date", "Reason for Closure", "Case Status",
         *ALLOCATED_HEADERS),
    )  # fmt: skip
    end = Value(period.end, DateField())
    last_seen = (
        Visit.objects.filter(
            person_id=OuterRef("person_id"),
            child_seen=True,
            visited_on__gte=OuterRef("referral_date"),
            visited_on__lte=Least(Coalesce(OuterRef("close_date"), end), end),
        )
        .order_by("-visited_on")
        .values("visited_on")[:1]
    )
    rows = (
        episodes.annotate(last_seen=Subquery(last_seen))
        .order_by("referral_date", "pk")
        .values(
            "person_id",
            "referral_date",
            "primary_need",
            "close_date",
            "reason_for_closure",
            "last_seen",
        )
    )
    for e in rows:
        pid, closed = e["person_id"], period.known(e["close_date"])
        if closed:
            status = "closed"
        else:
            status = next((name for name, open_ in statuses if pid in open_), None)
        sheet.rows.append([
            *children.columns(pid), children.disability(pid), e["referral_date"],
            PRIMARY_NEED.get(e["primary_need"], ""), e["last_seen"], closed,
            REASON_FOR_CLOSURE.get(e["reason_for_closure"], "") if closed else "",
            CASE_STATUS.get(status, ""), *children.allocated(pid),
        ])  # fmt: skip
    return sheet


def category(codes: list[str]) -> str:
    """One category, or "multiple" when the conference named more than one."""
    if len(codes) == 1:
        return CATEGORY.get(codes[0], "")
    return CATEGORY["MUL"] if codes else ""


def _protection_days(people, period: Period) -> dict[int, list[dt.date]]:
    """The days in the six months to the period's end a child was taken into police
    protection or made subject to an emergency protection order, from the strategy
    discussion or the legal status that records it."""
    since = period.six_months_before_end
    days: dict[int, list[dt.date]] = {}
    window = (since, period.end)
    discussions = StrategyDiscussion.objects.filter(person_id__in=people).filter(
        Q(police_protection_on__range=window) | Q(emergency_protection_order_on__range=window)
    )
    for pid, police, epo in discussions.values_list(
        "person_id", "police_protection_on", "emergency_protection_order_on"
    ):
        days.setdefault(pid, []).extend(d for d in (police, epo) if d)
    statuses = LegalStatus.objects.filter(
        person_id__in=people, code__in=("L1", "L2"), start_date__range=window
    )
    for pid, day in statuses.values_list("person_id", "start_date"):
        days.setdefault(pid, []).append(day)
    return days


def protection_plans(period: Period) -> Sheet:
    """List 7: every child protection plan open at any point in the period."""
    plans = _open_in(ChildProtectionPlan, period, "start_date", "end_date")
    people = plans.values("person_id")
    children = Children(people, period)
    visits: dict[int, list[tuple]] = {}
    cp_visits = Visit.objects.filter(
        person_id__in=people, kind=Visit.Kind.CHILD_PROTECTION, visited_on__lte=period.end
    ).order_by("person_id", "visited_on", "pk")
    for pid, day, alone in cp_visits.values_list("person_id", "visited_on", "seen_alone"):
        visits.setdefault(pid, []).append((day, alone))
    reviews: dict[int, dt.date] = {}
    for plan_id, day in (
        Conference.objects.filter(plan__in=plans, kind=Conference.Kind.REVIEW,
                                  held_on__lte=period.end)
        .order_by("held_on").values_list("plan_id", "held_on")
    ):  # fmt: skip
        reviews[plan_id] = day
    starts: dict[int, list[dt.date]] = {}
    for pid, day in ChildProtectionPlan.objects.filter(person_id__in=people).values_list(
        "person_id", "start_date"
    ):
        starts.setdefault(pid, []).append(day)
    protected = _protection_days(people, period)
    sheet = Sheet(
        7, "Child protection", f"Child protection plans open at any point {period.label()}",
        (*CHILD_HEADERS, DISABILITY_HEADER, "Child Protection Plan Start Date",
         "Initial Category of Abuse", "Latest Category of Abuse",
         "Date of the Last Statutory Visit", "Was the Child Seen Alone?",
         "Date of latest review conference", "Child Protection Plan End Date",
         "Subject to Emergency Protection Order or Protected Under Police Powers in Last "
         "Six Months (Y/N)",
         "Number of Previous Child Protection Plans", *ALLOCATED_HEADERS),
    )  # fmt: skip
    rows = plans.order_by("start_date", "pk").values(
        "pk", "person_id", "start_date", "end_date", "initial_categories", "latest_categories"
    )
    for p in rows:
        pid, start, ended = p["person_id"], p["start_date"], period.known(p["end_date"])
        last = ended or period.end
        visit = next((v for v in reversed(visits.get(pid, [])) if start <= v[0] <= last), None)
        sheet.rows.append([
            *children.columns(pid), children.disability(pid), start,
            category(p["initial_categories"]), category(p["latest_categories"]),
            visit[0] if visit else None, yes_no(visit[1]) if visit else "",
            reviews.get(p["pk"]), ended, yes_no(bool(protected.get(pid))),
            sum(1 for d in starts.get(pid, []) if d < start), *children.allocated(pid),
        ])  # fmt: skip
    return sheet
