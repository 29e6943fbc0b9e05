"""What children's services spend on placements and staff over any period: the two
calculations every cost and workforce table reads, so a pound means the same everywhere.

A placement costs its weekly cost for each night the child is there: from the day it
starts up to, not including, the day it ends (SSDA903 dates: a child who moves sleeps the
move night in the new placement, which pays for it). So £700 a week over all of March is
31 nights × £100 = £3,100. Placements without a weekly cost (with parents, placed for
adoption) cost nothing here.

A contract is paid for each day from its start to its end, both inclusive. An employed
contract costs its full-time annual cost (with on-costs) × FTE × days / 365; an agency
contract its day rate × FTE for each working day (Monday to Friday, less bank holidays
and the council's closure days), the days an agency bills.
"""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.db.models import (
    Count,
    DateField,
    DecimalField,
    F,
    Func,
    IntegerField,
    Q,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest, Least

from lantern.care.models import Placement
from lantern.clocks.calendar import current_calendar
from lantern.insight.measures import Period
from lantern.workforce.models import BudgetLine, Contract

PENNY = Decimal("0.01")
ONE_DAY = dt.timedelta(days=1)
L = BudgetLine.Line
# Placement types (SSDA903) by the budget line that pays for them.
PLACEMENT_LINES: dict[str, str] = {
    **dict.fromkeys(("U1", "U2", "U3", "U4", "U5", "U6"), L.FOSTERING.value),
    **dict.fromkeys(("K1", "K2", "R1", "R2", "R3", "R5", "S1"), L.RESIDENTIAL.value),
    **dict.fromkeys(("K3", "H5", "P2", "P3"), L.SUPPORTED.value),
}
PLACEMENT_GROUPS = [
    L.FOSTERING.value,
    L.RESIDENTIAL.value,
    L.SUPPORTED.value,
    L.OTHER_PLACEMENTS.value,
]
EMPLOYED = [
    Contract.Kind.PERMANENT.value,
    Contract.Kind.FIXED_TERM.value,
    Contract.Kind.SECONDED.value,
]


def line_of(placement_type: str) -> str:
    return PLACEMENT_LINES.get(placement_type, L.OTHER_PLACEMENTS.value)


def pounds(value) -> Decimal:
    return Decimal(str(value or 0)).quantize(PENNY)


class DaysBetween(Func):
    """Whole days from the second date to the first (SQLite keeps dates as text)."""

    arg_joiner = " - "
    template = "(%(expressions)s)"
    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            template="CAST(ROUND(julianday(%(expressions)s)) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra_context,
        )


def _date(day: dt.date) -> Value:
    return Value(day, output_field=DateField())


def placements_in(period: Period):
    """Placement nights in ``period`` (the night of ``period.end`` included), summed by
    placement type in the database: ``nights``, ``children`` and ``cost`` (£, unrounded)."""
    after = period.end + ONE_DAY
    nights = DaysBetween(
        Least(Coalesce("end_date", _date(after)), _date(after)),
        Greatest("start_date", _date(period.start)),
    )
    return (
        Placement.objects.filter(weekly_cost__isnull=False, start_date__lte=period.end)
        .filter(Q(end_date__isnull=True) | Q(end_date__gt=period.start))
        .values("placement_type")
        .annotate(
            nights=Sum(nights),
            children=Count("person", distinct=True),
            cost=Sum(
                F("weekly_cost") * nights,
                output_field=DecimalField(max_digits=16, decimal_places=2),
            ),
        )
        .order_by("placement_type")
    )


def placement_spend(period: Period) -> dict[str, Decimal]:
    """Spend on placements in ``period`` by budget line (every placement line present)."""
    spend = dict.fromkeys(PLACEMENT_GROUPS, Decimal(0))
    for row in placements_in(period):
        spend[line_of(row["placement_type"])] += Decimal(str(row["cost"] or 0))
    return {line: (total / 7).quantize(PENNY) for line, total in spend.items()}


def contracts_in(period: Period, *, staff_ids=None):
    rows = Contract.objects.filter(start__lte=period.end).filter(
        Q(end__isnull=True) | Q(end__gte=period.start)
    )
    if staff_ids is not None:
        rows = rows.filter(staff_id__in=staff_ids)
    return rows


def contract_cost(contract: Contract, period: Period, calendar=None) -> Decimal:
    """What one contract costs over ``period`` (unrounded)."""
    first = max(contract.start, period.start)
    last = min(contract.end or period.end, period.end)
    if last < first:
        return Decimal(0)
    if contract.kind == Contract.Kind.AGENCY:
        calendar = calendar or current_calendar()
        days = calendar.working_days_between(first - ONE_DAY, last)
        return contract.day_rate * contract.fte * days
    days = (last - first).days + 1
    return contract.annual_cost * contract.fte * days / 365


_COSTED = ("kind", "start", "end", "fte", "annual_cost", "day_rate")


def staff_spend(
    period: Period, *, staff_ids=None, contracts=None, calendar=None
) -> dict[str, Decimal]:
    """Spend on staff in ``period`` by contract type, to the penny. ``contracts`` and
    ``calendar``: read once by a caller costing many periods (``staff_spend_by_period``);
    a contract outside ``period`` costs nothing in it, so a wider list gives the same sums."""
    calendar, spend = calendar or current_calendar(), defaultdict(Decimal)
    if contracts is None:
        contracts = contracts_in(period, staff_ids=staff_ids).only(*_COSTED)
    for contract in contracts:
        spend[contract.kind] += contract_cost(contract, period, calendar)
    return {kind: spend[kind].quantize(PENNY) for kind in Contract.Kind.values}


def staff_spend_by_period(periods: list[Period]) -> list[dict[str, Decimal]]:
    """``staff_spend`` for each of ``periods`` (a year's months, say), with the contracts
    and the closure days read once for them all rather than once a month."""
    if not periods:
        return []
    span = Period(min(p.start for p in periods), max(p.end for p in periods))
    contracts = list(contracts_in(span).only(*_COSTED))
    calendar = current_calendar()
    return [staff_spend(p, contracts=contracts, calendar=calendar) for p in periods]


def financial_year(day: dt.date) -> Period:
    """The financial year (1 April to 31 March) ``day`` falls in."""
    year = day.year if day.month >= 4 else day.year - 1
    return Period(dt.date(year, 4, 1), dt.date(year + 1, 3, 31))
