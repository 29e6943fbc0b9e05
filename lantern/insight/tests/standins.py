"""Stand-in figures for the pages' tests, until (and apart from) the real ones.

The pages must render whatever ``REGISTRY`` holds; these are small enough to reason about
by hand. ``late_assessments`` has the code of the real "assessments within 45 working
days" figure and a rough definition of its own (over 63 calendar days from referral to
authorisation, about 45 working days): the tests use it only where the real one is not
registered, and build data late or on time by either reckoning.
"""

import datetime as dt

from lantern.insight.measures import (
    Better,
    Column,
    Figure,
    Period,
    Reference,
    Series,
    Table,
    Unit,
    Value,
)

ASSESSMENTS = "assessments_in_45_working_days"
LATE_AFTER = dt.timedelta(days=63)


def _assessments(period: Period) -> Value:
    """Assessments authorised in the period, and the share of them authorised within 45
    working days of the referral (stand-in: 63 calendar days)."""
    from lantern.casework.models import Assessment

    done = Assessment.objects.filter(
        authorised_date__gte=period.start, authorised_date__lte=period.end
    )
    rows = list(done.values_list("person_id", "authorised_date", "episode__referral_date"))
    late = {pid for pid, end, start in rows if end - start > LATE_AFTER}
    late_count = sum(1 for _, end, start in rows if end - start > LATE_AFTER)
    total = len(rows)
    on_time = total - late_count
    return Value(
        round(100 * on_time / total, 1) if total else None, on_time, total, frozenset(late)
    )


def late_assessments() -> Figure:
    return Figure(
        code=ASSESSMENTS,
        title="Assessments completed within 45 working days",
        section="Assessment",
        unit=Unit.PERCENT,
        better=Better.HIGHER,
        compute=_assessments,
        drill_label="assessments over 45 working days",
        reference=Reference(england=82.0, neighbours=84.5, source="Stand-in", year="2025"),
    )


def fixed(code: str, section: str, values: dict, *, better=Better.LOWER, children=None) -> Figure:
    """A figure whose value for a period is ``values`` at the period's start month (or the
    whole period under ``"all"``), as ``(numerator, denominator)``."""

    def compute(period: Period) -> Value:
        """Numerator over denominator, as a percentage."""
        key = "all" if period.start.day != 1 or period.end.day < 28 else period.start
        num, den = values.get(key, values.get("all", (0, 0)))
        return Value(round(100 * num / den, 1) if den else None, num, den, children)

    return Figure(
        code=code,
        title=code.replace("_", " ").capitalize(),
        section=section,
        unit=Unit.PERCENT,
        better=better,
        compute=compute,
        drill_label="children behind it" if children is not None else "",
    )


def workforce_tables(period: Period, *, team=None) -> list[Table]:
    columns = [Column("worker", "Worker"), Column("children", "Children", Unit.COUNT)]
    rows = [{"worker": "=HYPERLINK(1)", "children": 14}, {"worker": "Sam Jones", "children": 9}]
    return [Table("Caseload by worker", columns, rows)]


def cost_tables(period: Period) -> list[Table]:
    columns = [Column("kind", "Placement"), Column("spend", "Spend", Unit.MONEY)]
    return [Table("Placement spend", columns, [{"kind": "Foster", "spend": 12000}])]


def spend_by_month(period: Period) -> list[Series]:
    months = [f"{m.start:%b %Y}" for m in period.months()]
    return [
        Series("Foster", [(m, 1000.0 * (i + 1)) for i, m in enumerate(months)]),
        Series("Residential", [(m, None if i == 2 else 5000.0) for i, m in enumerate(months)]),
    ]
