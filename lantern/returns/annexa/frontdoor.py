"""Lists 1 to 3: contacts, early help and referrals, from the front door's records.

A contact names its children as the referrer described them; a child the MASH has matched
to the person index carries the council's id, one still unmatched is listed under the
contact's reference and the child's place in it, so no child in a contact is left out
(Ofsted: "where a contact refers to multiple children, include an entry for each child").
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Exists, OuterRef

from lantern.casework.models import (
    Assessment,
    ChildProtectionPlan,
    CINPlan,
    Conference,
    Section47Enquiry,
)
from lantern.frontdoor.models import ContactSubject, Referral
from lantern.returns.annexa.children import (
    ALLOCATED_HEADERS,
    CHILD_HEADERS,
    ETHNICITY,
    GENDER,
    Children,
    age_on,
    yes_no,
)
from lantern.returns.annexa.sheet import Period, Sheet, months_before

# Ofsted's answers for Contact Source and Referral Source: the DfE referral source codes,
# lettered in the DfE's order, with the group each belongs to.
_SOURCE_GROUPS = (
    ("a", "1A", "Individual"), ("b", "1B", "Individual"), ("c", "1C", "Individual"),
    ("d", "1D", "Individual"), ("e", "2A", "Schools"), ("f", "2B", "Education services"),
    ("g", "3A", "Health services"), ("h", "3B", "Health services"),
    ("i", "3C", "Health services"), ("j", "3D", "Health services"),
    ("k", "3E", "Health services"), ("l", "3F", "Health services"), ("m", "4", "Housing"),
    ("n", "5A", "LA services"), ("o", "5B", "LA services"), ("p", "5C", "LA services"),
    ("p1", "5D", "LA services"), ("q", "6", "Police"), ("r", "7", "Other legal agency"),
    ("s", "8", "Other"), ("t", "9", "Anonymous"), ("u", "10", "Unknown"),
)  # fmt: skip
SOURCE = {code: f"{letter}) {code}: {group}" for letter, code, group in _SOURCE_GROUPS}


def _day_bounds(period: Period) -> tuple[dt.datetime, dt.datetime]:
    """Contacts are timestamped; the period's days are the council's (London) days."""
    zone = ZoneInfo(settings.TIME_ZONE)
    first = dt.datetime.combine(period.start, dt.time(), zone)
    after = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time(), zone)
    return first, after


def _local_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(ZoneInfo(settings.TIME_ZONE)).date()


def _subject_rows(subjects, children: Children, moment_field: str) -> list[tuple]:
    """One (sort key, common columns, row values) per child named in a contact."""
    rows = []
    for s in subjects.values(
        "pk", "contact_id", "person_id", "sex", "date_of_birth", "contact__source", moment_field
    ):
        day = _local_day(s[moment_field])
        if s["person_id"] is not None:
            common = children.columns(s["person_id"])
        else:
            born = s["date_of_birth"]
            common = [
                f"C{s['contact_id']:07d}/{s['pk']}",
                GENDER.get(s["sex"], GENDER["U"]),
                ETHNICITY["NOBT"],
                born,
                age_on(born, children.period.end),
            ]
        rows.append(((day, s["contact_id"], s["pk"]), common, day, s))
    rows.sort(key=lambda r: r[0])
    return rows


def contacts(period: Period) -> Sheet:
    """List 1: every child in every contact received in the period."""
    first, after = _day_bounds(period)
    subjects = ContactSubject.objects.filter(
        role=ContactSubject.Role.CHILD,
        contact__received_at__gte=first,
        contact__received_at__lt=after,
    )
    children = Children(subjects.values("person_id"), period)
    sheet = Sheet(
        1, "Contacts", f"Contacts received {period.label()}: one row for each child in a contact",
        (*CHILD_HEADERS, "Date of Contact", "Contact Source"),
    )  # fmt: skip
    for _key, common, day, s in _subject_rows(subjects, children, "contact__received_at"):
        sheet.rows.append([*common, day, SOURCE.get(s["contact__source"], "")])
    return sheet


def early_help(period: Period) -> Sheet:
    """List 2. Lantern keeps no early help assessments: what it records is the front door's
    decision that the family be offered early help (Families First). Those children are
    listed, with the decision's date as the start, and the sheet says so."""
    first, after = _day_bounds(period)
    subjects = ContactSubject.objects.filter(
        role=ContactSubject.Role.CHILD,
        contact__decision__outcome="early_help",
        contact__decision__decided_at__gte=first,
        contact__decision__decided_at__lt=after,
    )
    children = Children(subjects.values("person_id"), period)
    sheet = Sheet(
        2,
        "Early help",
        f"Children the front door referred to early help {period.label()}",
        (
            *CHILD_HEADERS,
            "Assessment start date",
            "Assessment completion date",
            "Organisation completing assessment",
        ),
        note=(
            "Lantern records no early help assessments. Listed: each child in a contact the "
            "front door decided to refer to early help (Families First) in the period; the "
            "start date is the date of that decision."
        ),
    )
    for _key, common, day, _s in _subject_rows(subjects, children, "contact__decision__decided_at"):
        sheet.rows.append([*common, day, None, "Early help (Families First)"])
    return sheet


def _nfa(referral_episode) -> Exists:
    """CIN census ReferralNFA, in the query: the episode closed with no assessment, section
    47 enquiry, conference or plan (``CINEpisode.referral_nfa`` says why)."""
    return [
        Exists(model.objects.filter(episode_id=OuterRef(referral_episode)))
        for model in (Assessment, Section47Enquiry, Conference, ChildProtectionPlan, CINPlan)
    ]


def referrals(period: Period) -> Sheet:
    """List 3: every referral received in the period; a child referred twice has two rows."""
    in_period = Referral.objects.filter(received_on__range=(period.start, period.end))
    children = Children(in_period.values("person_id"), period)
    annotations = dict(zip(("a", "s", "c", "p", "n"), _nfa("episode_id"), strict=True))
    rows = list(
        in_period.annotate(**annotations)
        .order_by("received_on", "pk")
        .values(
            "pk", "person_id", "received_on", "source", "team__name", "episode__close_date",
            *annotations,
        )
    )  # fmt: skip
    earlier = _referral_dates(in_period, period)
    sheet = Sheet(
        3, "Referrals", f"Referrals received {period.label()}",
        (*CHILD_HEADERS, "Date of referral", "Referral Source", "Referral NFA?",
         "Number of Referrals in Last 12 Months", *ALLOCATED_HEADERS),
    )  # fmt: skip
    for r in rows:
        nfa = r["episode__close_date"] is not None and not any(r[k] for k in annotations)
        day = r["received_on"]
        year_before = months_before(day, 12)
        count = sum(1 for d in earlier.get(r["person_id"], ()) if year_before <= d < day)
        sheet.rows.append([
            *children.columns(r["person_id"]), day, SOURCE.get(r["source"], ""), yes_no(nfa),
            count, *children.allocated(r["person_id"], r["team__name"] or ""),
        ])  # fmt: skip
    return sheet


def _referral_dates(in_period, period: Period) -> dict[int, list[dt.date]]:
    """Every referral of the list's children from 12 months before the period began."""
    since = months_before(period.start, 12)
    dates: dict[int, list[dt.date]] = {}
    rows = Referral.objects.filter(
        person_id__in=in_period.values("person_id"), received_on__gte=since
    ).values_list("person_id", "received_on")
    for person_id, day in rows:
        dates.setdefault(person_id, []).append(day)
    return dates
