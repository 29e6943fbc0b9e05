"""AD1, PlacedAdoption and PrevPerm, from the adoption plan and previous permanence records
of each period of care (``care.models.permanence``).

- PlacedAdoption: every decision that a child looked after in the year should be placed for
  adoption, made by the end of the year and not reversed before it began (rules 559-561
  compare it with last year's); a reversal after the year is not yet reported (rule 117).
- AD1: the children adopted in the year (REC E11/E12 in the year: rule 601), with the
  decision date (DATE_INT, the same as DATE_PLACED: rule 523) and the match.
- PrevPerm: for each child who started to be looked after in the year, the previous
  permanence recorded when their (latest) period began; rule 634 refuses it for a child
  whose care began before the year.
"""

from lantern.care.models import AdoptionPlan, PreviousPermanence
from lantern.returns.ssda903.scope import episodes_in
from lantern.returns.years import CollectionYear

ADOPTED = ("E11", "E12")


def _periods(year: CollectionYear) -> set[int]:
    return set(episodes_in(year).values_list("period_id", flat=True))


def placed_adoption(year: CollectionYear) -> list[dict]:
    plans = AdoptionPlan.objects.filter(
        period_id__in=_periods(year), decided_on__lte=year.end
    ).select_related("person")
    rows = []
    for a in plans.order_by("person__council_id", "decided_on", "pk"):
        if a.reversed_on is not None and a.reversed_on < year.start:
            continue
        reversed_in_year = a.reversed_on is not None and a.reversed_on <= year.end
        rows.append(
            {
                "CHILD": a.person.council_id,
                "DOB": a.person.date_of_birth,
                "DATE_PLACED": a.decided_on,
                "DATE_PLACED_CEASED": a.reversed_on if reversed_in_year else None,
                "REASON_PLACED_CEASED": a.reason_reversed if reversed_in_year else "",
            }
        )
    return rows


def adopted_periods(year: CollectionYear) -> set[int]:
    return set(
        episodes_in(year)
        .filter(reason_ceased__in=ADOPTED, end_date__lte=year.end)
        .values_list("period_id", flat=True)
    )


def ad1(year: CollectionYear) -> list[dict]:
    plans = AdoptionPlan.objects.filter(period_id__in=adopted_periods(year)).select_related(
        "person"
    )
    return [
        {
            "CHILD": a.person.council_id,
            "DOB": a.person.date_of_birth,
            "DATE_INT": a.decided_on,
            "DATE_MATCH": a.matched_on,
            "FOSTER_CARE": a.foster_carers_adopting,
            "NB_ADOPTR": a.number_of_adopters,
            "SEX_ADOPTR": a.sex_adopter,
            "LS_ADOPTR": a.legal_status_adopter,
        }
        for a in plans.order_by("person__council_id", "pk")
    ]


def previous_permanence(year: CollectionYear) -> list[dict]:
    latest: dict[int, int] = {}
    started = episodes_in(year).filter(period__start_date__gte=year.start)
    for pid, period_id in started.order_by("period__start_date", "pk").values_list(
        "person_id", "period_id"
    ):
        latest[pid] = period_id
    found = PreviousPermanence.objects.filter(period_id__in=set(latest.values())).select_related(
        "person"
    )
    return [
        {
            "CHILD": p.person.council_id,
            "DOB": p.person.date_of_birth,
            "PREV_PERM": p.option,
            "LA_PERM": p.council,
            "DATE_PERM": p.arranged_on,
        }
        for p in found.order_by("person__council_id", "pk")
    ]
