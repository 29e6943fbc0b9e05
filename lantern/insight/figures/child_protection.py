"""Children in need and child protection: the children on the day, plans by category,
repeat plans and long plans.

"On the day" is the period's last day, as the DfE's figures are "at 31 March": a record
open then, started on or before it and not ended by it. A plan or episode ending on the
last day itself has ended (its end date is the day it stopped), so a child whose plan
ended on 31 March is not on a plan at 31 March. Children, not records: a child with two
open episodes counts once.
"""

from django.db.models import Q

from lantern.casework.codes import MULTIPLE, census_category
from lantern.casework.models import ChildProtectionPlan, CINEpisode
from lantern.clocks.calendar import add_months
from lantern.insight import references
from lantern.insight.figures.common import per_10k, share
from lantern.insight.measures import Better, Figure, Period, Unit, Value

SECTION = "Child protection"
NEED = "Children in need"


def open_on(model, day, start="start_date", end="end_date"):
    return model.objects.filter(
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gt": day}), **{f"{start}__lte": day}
    )


def children_in_need_per_10k(period: Period) -> Value:
    """Children in need on the period's last day (a CIN episode referred by then and not
    closed by then, children on plans and looked after included), per 10,000 children aged
    0-17 in the borough (DfE Characteristics of children in need, "children in need at 31
    March"). A child is counted once however many episodes they have."""
    episodes = open_on(CINEpisode, period.end, "referral_date", "close_date")
    return per_10k(episodes.values("person_id").distinct().count())


def cp_plans_per_10k(period: Period) -> Value:
    """Children on a child protection plan on the period's last day, per 10,000 children
    aged 0-17 in the borough (DfE table D1, "at 31 March"). A plan ending on the last day
    has ended."""
    plans = open_on(ChildProtectionPlan, period.end)
    return per_10k(plans.values("person_id").distinct().count())


def _started(period: Period):
    return ChildProtectionPlan.objects.filter(start_date__range=(period.start, period.end))


def _category_share(period: Period, code: str) -> Value:
    rows = _started(period).values_list("person_id", "initial_categories")
    codes = [(pid, census_category(list(cats))) for pid, cats in rows]
    hits = {pid for pid, c in codes if c == code}
    return share(sum(1 for _, c in codes if c == code), len(codes), hits)


def _category(code: str, label: str):
    def compute(period: Period) -> Value:
        return _category_share(period, code)

    compute.__doc__ = (
        f"Of the child protection plans started in the period, the percentage whose initial "
        f"category of abuse is {label} (DfE table D2; the CIN census codes NEG, PHY, EMO, "
        f"SAB, and MUL when more than one category applies)."
    )
    compute.__name__ = f"cp_plans_{code.lower()}"
    return compute


CATEGORIES = [
    ("NEG", "neglect", "neglect", references.CATEGORY_NEGLECT),
    ("PHY", "physical", "physical abuse", references.CATEGORY_PHYSICAL),
    ("EMO", "emotional", "emotional abuse", references.CATEGORY_EMOTIONAL),
    ("SAB", "sexual", "sexual abuse", references.CATEGORY_SEXUAL),
    (MULTIPLE, "multiple", "multiple (more than one category)", references.CATEGORY_MULTIPLE),
]


def _is_repeat(start, earlier_ends: list, within_months: int | None) -> bool:
    if within_months is None:
        return bool(earlier_ends)
    since = add_months(start, -within_months)
    return any(e is not None and since <= e <= start for e in earlier_ends)


def _repeats(period: Period, *, within_months: int | None) -> Value:
    """Plans, not children: a child with two plans starting in the period has the second
    counted as a repeat."""
    rows = (
        ChildProtectionPlan.objects.filter(
            person_id__in=_started(period).values("person_id"), start_date__lte=period.end
        )
        .order_by("person_id", "start_date", "pk")
        .values_list("person_id", "start_date", "end_date")
    )
    earlier: dict[int, list] = {}
    total, repeats, children = 0, 0, set()
    for person_id, start, end in rows:
        ends = earlier.setdefault(person_id, [])
        if start >= period.start:
            total += 1
            if _is_repeat(start, ends, within_months):
                repeats += 1
                children.add(person_id)
        ends.append(end)
    return share(repeats, total, children)


def second_cp_plans_ever(period: Period) -> Value:
    """Of the child protection plans started in the period, the percentage for a child who
    had been on a plan before, however long ago (DfE table D3, "second or subsequent plan";
    LG Inform metric 100)."""
    return _repeats(period, within_months=None)


def second_cp_plans_in_2_years(period: Period) -> Value:
    """Of the child protection plans started in the period, the percentage for a child
    whose previous plan ended within the 2 years before (on or after the same date 2 years
    earlier)."""
    return _repeats(period, within_months=24)


def cp_plans_lasting_2_years(period: Period) -> Value:
    """Of the child protection plans that ended in the period, the percentage that had
    lasted 2 years or more (ended on or after the same date 2 years after the start; DfE
    table D7). A plan ending on the period's last day ended in the period."""
    rows = ChildProtectionPlan.objects.filter(
        end_date__range=(period.start, period.end)
    ).values_list("person_id", "start_date", "end_date")
    total, long, children = 0, 0, set()
    for person_id, start, end in rows:
        total += 1
        if end >= add_months(start, 24):
            long += 1
            children.add(person_id)
    return share(long, total, children)


FIGURES = [
    Figure(
        "children_in_need_per_10k", "Children in need per 10,000 children", NEED,
        Unit.PER_10K, Better.NEITHER, children_in_need_per_10k,
        reference=references.CHILDREN_IN_NEED,
    ),
    Figure(
        "cp_plans_per_10k", "Children on child protection plans per 10,000 children",
        SECTION, Unit.PER_10K, Better.NEITHER, cp_plans_per_10k,
        reference=references.CP_PLANS,
    ),
    *(
        Figure(
            f"cp_plans_{slug}", f"Plans started: initial category {label}", SECTION,
            Unit.PERCENT, Better.NEITHER, _category(code, label),
            f"children whose plan started under {label}", reference,
        )
        for code, slug, label, reference in CATEGORIES
    ),
    Figure(
        "second_cp_plans_ever", "Second or subsequent plans (ever)", SECTION, Unit.PERCENT,
        Better.LOWER, second_cp_plans_ever, "children on a second or later plan",
        references.REPEAT_PLANS,
    ),
    Figure(
        "second_cp_plans_in_2_years", "Second or subsequent plans within 2 years", SECTION,
        Unit.PERCENT, Better.LOWER, second_cp_plans_in_2_years,
        "children on a plan within 2 years of the last", references.REPEAT_PLANS_2_YEARS,
    ),
    Figure(
        "cp_plans_lasting_2_years", "Plans ended that lasted 2 years or more", SECTION,
        Unit.PERCENT, Better.LOWER, cp_plans_lasting_2_years,
        "children whose plan lasted 2 years or more", references.LONG_PLANS,
    ),
]  # fmt: skip
