"""Lists 9, 10 and 11: care leavers, children with an adoption decision, and adopters.

Care leavers are those owed leaving-care duties on the period's last day, their category
worked out from their periods of care (``care.eligibility``), never typed. Lantern keeps no
records of adopters (assessment and approval happen in the regional adoption agency), so
list 11 is written with its headers and a note saying so.
"""

import datetime as dt

from lantern.care import eligibility
from lantern.care.models import (
    AdoptionPlan,
    CareLeaverContact,
    PathwayPlan,
    PeriodOfCare,
    PersonalAdviser,
    Placement,
)
from lantern.returns.annexa import care_codes
from lantern.returns.annexa.care import _last, _latest
from lantern.returns.annexa.children import (
    ALLOCATED_HEADERS,
    CHILD_HEADERS,
    DISABILITY_HEADER,
    Children,
    yes_no,
)
from lantern.returns.annexa.sheet import Period, Sheet

# Fostering for adoption or concurrent planning placements (SSDA903 U2 and U5).
FOSTERING_FOR_ADOPTION = ("U2", "U5")


def _ever_in_care(period: Period):
    """Periods of care of everyone aged about 16 to 25 on the period's last day: the people
    who may be care leavers then."""
    end = period.end
    born = (dt.date(end.year - 26, 1, 1), dt.date(end.year - 15, 12, 31))
    return PeriodOfCare.objects.filter(start_date__lte=end, person__date_of_birth__range=born)


def _care_leavers(period: Period) -> dict[int, str]:
    """Person id → leaving-care category on the period's last day."""
    end = period.end
    spans: dict[int, list] = {}
    rows = _ever_in_care(period).values_list(
        "person_id", "person__date_of_birth", "start_date", "end_date"
    )
    dobs = {}
    for pid, dob, start, ceased in rows:
        dobs[pid] = dob
        spans.setdefault(pid, []).append((start, ceased if ceased and ceased <= end else None))
    found = {}
    for pid, periods in spans.items():
        category = eligibility.category(dobs[pid], periods, end)
        if category:
            found[pid] = category
    return found


def care_leavers(period: Period) -> Sheet:
    """List 9: young people owed leaving-care duties on the period's last day."""
    categories = _care_leavers(period)
    ids = sorted(categories)
    people = _ever_in_care(period).values("person_id")
    children = Children(people, period)
    advisers = {
        pid: " ".join(p for p in (first, last) if p) or username
        for pid, first, last, username in PersonalAdviser.objects.filter(
            person_id__in=people, start_date__lte=period.end
        )
        .order_by("start_date", "pk")
        .values_list("person_id", "adviser__first_name", "adviser__last_name",
                     "adviser__username")
    }  # fmt: skip
    pathway = _latest(
        PathwayPlan.objects.filter(person_id__in=people, made_on__lte=period.end)
        .order_by("made_on", "pk").values_list("person_id", "made_on")
    )  # fmt: skip
    contacts = _latest(
        CareLeaverContact.objects.filter(person_id__in=people, contact_on__lte=period.end)
        .order_by("contact_on", "pk")
        .values_list("person_id", "contact_on", "in_touch", "activity", "accommodation")
    )  # fmt: skip
    sheet = Sheet(
        9, "Care leavers", f"Young people owed leaving-care duties on {period.end:%d/%m/%Y}",
        (*CHILD_HEADERS,
         "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
         DISABILITY_HEADER, *ALLOCATED_HEADERS, "Allocated Personal Advisor",
         "Eligibility Category", "Latest Pathway Plan Review Date", "LA in Touch",
         "Latest Date of Contact", "Type of Accommodation", "Suitability of Accommodation",
         "Activity Status"),
    )  # fmt: skip
    for pid in sorted(ids, key=lambda p: children.people[p]["council_id"]):
        person = children.people[pid]
        uasc = person["uasc_since"] is not None and person["uasc_since"] <= period.end
        plan = _last(pathway[pid], 1, period.end)
        contact = _last(contacts[pid], 1, period.end)
        accom = contact[4] if contact else ""
        sheet.rows.append([
            *children.columns(pid), yes_no(uasc), children.disability(pid),
            *children.allocated(pid), advisers.get(pid, ""),
            care_codes.ELIGIBILITY[categories[pid]], plan[1] if plan else None,
            care_codes.IN_TOUCH.get(contact[2], "") if contact else "",
            contact[1] if contact else None,
            care_codes.ACCOMMODATION.get(accom[:1], "") if accom else "",
            care_codes.SUITABILITY.get(accom[1:], "") if accom else "",
            care_codes.ACTIVITY.get(contact[3], "") if contact else "",
        ])  # fmt: skip
    return sheet


def adoption(period: Period) -> Sheet:
    """List 10: children with a decision that they should be placed for adoption, made by
    the period's end and not concluded (adopted or reversed) before it began."""
    plans = (
        AdoptionPlan.objects.filter(decided_on__lte=period.end)
        .exclude(adoption_order_on__lt=period.start)
        .exclude(reversed_on__lt=period.start)
    )
    people = plans.values("person_id")
    children = Children(people, period)
    ffa = {}
    fostering = Placement.objects.filter(
        period__adoption__in=plans, placement_type__in=FOSTERING_FOR_ADOPTION
    ).order_by("-start_date", "-pk")
    for period_id, start in fostering.values_list("period_id", "start_date"):
        ffa[period_id] = start  # the earliest wins
    sheet = Sheet(
        10, "Adoption",
        f"Children with an adoption decision open at any point {period.label()}",
        (*CHILD_HEADERS[:1], "Family identifier", *CHILD_HEADERS[1:], DISABILITY_HEADER,
         "Date the Child Entered Care",
         "Date of Decision that Child Should be Placed for Adoption",
         "Date of Placement Order", "Date of Matching Child and Prospective Adopters",
         "Date Placed for Adoption", "Date of Adoption Order",
         "Date of Decision that Child Should No Longer be Placed for Adoption",
         "Reason Why Child No Longer Placed for Adoption",
         "Date the child was placed for fostering in FFA or concurrent planning placement"),
        note="Lantern does not group siblings adopted together: Family identifier is blank.",
    )  # fmt: skip
    rows = plans.order_by("decided_on", "pk").values(
        "person_id", "period_id", "period__start_date", "decided_on", "placement_order_on",
        "matched_on", "placed_on", "adoption_order_on", "reversed_on", "reason_reversed",
    )  # fmt: skip
    known = period.known
    for a in rows:
        common = children.columns(a["person_id"])
        reversed_on = known(a["reversed_on"])
        sheet.rows.append([
            common[0], "", *common[1:], children.disability(a["person_id"]),
            a["period__start_date"], a["decided_on"], known(a["placement_order_on"]),
            known(a["matched_on"]), known(a["placed_on"]), known(a["adoption_order_on"]),
            reversed_on,
            care_codes.REASON_NO_LONGER_PLACED.get(a["reason_reversed"], "") if reversed_on
            else "",
            known(ffa.get(a["period_id"])),
        ])  # fmt: skip
    return sheet


def adopters(period: Period) -> Sheet:
    """List 11: the headers only; Lantern holds no adopter records."""
    return Sheet(
        11, "Adopters", f"Prospective adopters {period.label()}",
        ("Individual adopter identifier", "Family identifier", "Gender", "Ethnicity",
         "Disability", "Is the (prospective) adopter fostering for adoption?",
         "Date enquiry received", "Date Stage 1 started", "Date Stage 1 ended",
         "Date Stage 2 started", "Date Stage 2 ended", "Date application submitted",
         "Date application approved", "Date adopter matched with child(ren)",
         "Date child/children placed with adopter(s)", "No. of children placed",
         "Date of Adoption Order", "Date of leaving adoption process",
         "Reason for leaving adoption process"),
        note=(
            "Lantern holds no records of adopters: their recruitment, assessment and approval "
            "are kept by the adoption agency. This list is for the agency to complete."
        ),
    )  # fmt: skip
