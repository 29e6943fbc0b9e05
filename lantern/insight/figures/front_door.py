"""Front door: contacts, referrals, re-referrals and the MASH's decisions.

A referral here is the CIN census's: a CIN episode's referral date (a referral about a
child whose episode is still open is recorded in that episode and is not a new census
referral, ``frontdoor.Referral.episode``). A child referred twice is counted twice, as the
DfE counts referrals, not children.
"""

from lantern.casework.models import CINEpisode
from lantern.frontdoor.models import ContactSubject, Decision
from lantern.insight import references
from lantern.insight.figures.common import day_bounds, per_10k, share
from lantern.insight.measures import Better, Figure, Period, Unit, Value
from lantern.returns.annexa.sheet import months_before

SECTION = "Front door"


def contacts_per_10k(period: Period) -> Value:
    """Children named in contacts received in the period, per 10,000 children aged 0-17
    in the borough. Each child in each contact counts once (Ofsted Annex A list 1: a
    contact about three children is three rows). The DfE does not collect contacts, so
    there is no England figure."""
    first, after = day_bounds(period)
    n = ContactSubject.objects.filter(
        role=ContactSubject.Role.CHILD,
        contact__received_at__gte=first,
        contact__received_at__lt=after,
    ).count()
    return per_10k(n)


def referrals_per_10k(period: Period) -> Value:
    """Referrals received in the period (a CIN episode's referral date in the period, as
    the CIN census counts them; a child referred twice counts twice), per 10,000 children
    aged 0-17 in the borough."""
    n = CINEpisode.objects.filter(referral_date__range=(period.start, period.end)).count()
    return per_10k(n)


def re_referrals_in_12_months(period: Period) -> Value:
    """Of the referrals received in the period, the percentage made within 12 months of a
    previous referral of the same child (DfE Characteristics of children in need, table
    C1). Within 12 months means on or after the same date a year before: a child referred
    on 1 June 2025 who was last referred on 1 June 2024 is re-referred; one last referred
    on 31 May 2024 is not."""
    since = months_before(period.start, 12)
    in_period = CINEpisode.objects.filter(referral_date__range=(period.start, period.end))
    rows = (
        CINEpisode.objects.filter(
            person_id__in=in_period.values("person_id"),
            referral_date__range=(since, period.end),
        )
        .order_by("person_id", "referral_date", "pk")
        .values_list("person_id", "referral_date")
    )
    total = again = 0
    children = set()
    last: dict[int, object] = {}
    for person_id, day in rows:
        before = last.get(person_id)
        last[person_id] = day
        if day < period.start:
            continue
        total += 1
        if before is not None and before >= months_before(day, 12):
            again += 1
            children.add(person_id)
    return share(again, total, children)


def mash_decisions_in_1_working_day(period: Period) -> Value:
    """Of the MASH decisions on contacts made in the period, the percentage made by the
    time they were due: 1 working day after the day the contact was received, by close of
    business, the day of receipt not counted and bank holidays skipped (Working Together
    2023; ``frontdoor.clock``), or sooner for a contact marked urgent. The drill-down is
    the children in contacts decided late."""
    first, after = day_bounds(period)
    decided = Decision.objects.filter(decided_at__gte=first, decided_at__lt=after)
    total = decided.count()
    late = decided.filter(on_time=False)
    children = ContactSubject.objects.filter(
        role=ContactSubject.Role.CHILD, contact__decision__in=late, person__isnull=False
    ).values_list("person_id", flat=True)
    return share(total - late.count(), total, children)


FIGURES = [
    Figure(
        "contacts_per_10k", "Contacts per 10,000 children", SECTION, Unit.PER_10K,
        Better.NEITHER, contacts_per_10k, reference=references.CONTACTS,
    ),
    Figure(
        "referrals_per_10k", "Referrals per 10,000 children", SECTION, Unit.PER_10K,
        Better.NEITHER, referrals_per_10k, reference=references.REFERRALS,
    ),
    Figure(
        "re_referrals_in_12_months", "Re-referrals within 12 months", SECTION, Unit.PERCENT,
        Better.LOWER, re_referrals_in_12_months, "children re-referred within 12 months",
        references.RE_REFERRALS,
    ),
    Figure(
        "mash_decisions_in_1_working_day", "MASH decisions within 1 working day", SECTION,
        Unit.PERCENT, Better.HIGHER, mash_decisions_in_1_working_day,
        "children in contacts decided late", references.MASH_DECISIONS,
    ),
]  # fmt: skip
