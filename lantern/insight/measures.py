"""The shapes every figure, table and chart in insight shares.

One figure is one named query (``Figure.compute``) whose docstring is its DfE definition;
the page, the CSV/XLSX download, the trend chart and the tests all call that one query, so
a figure cannot mean two things in two places. A figure returns a ``Value`` carrying its
numerator and denominator (so the page can say "12 of 40"), and the ids of the children
behind its drill-down, so a user allowed to see them lands on the list, and others see the
count only.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Unit(StrEnum):
    PERCENT = "percent"  # 0-100, one decimal place on the page
    PER_10K = "per_10k"  # a rate per 10,000 children aged 0-17
    COUNT = "count"
    DAYS = "days"
    MONEY = "money"  # pounds


class Better(StrEnum):
    """Which way is good, for RAG and trend arrows; NEITHER for figures read in context."""

    HIGHER = "higher"
    LOWER = "lower"
    NEITHER = "neither"


@dataclass(frozen=True)
class Period:
    """Both ends inclusive, as the DfE's collection years are (1 April to 31 March)."""

    start: dt.date
    end: dt.date

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError("A period cannot end before it starts")

    def months(self) -> list["Period"]:
        """The calendar months the period touches, each clipped to the period."""
        out, day = [], self.start.replace(day=1)
        while day <= self.end:
            nxt = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            out.append(Period(max(day, self.start), min(nxt - dt.timedelta(days=1), self.end)))
            day = nxt
        return out


@dataclass(frozen=True)
class Value:
    """A figure's value for one period. ``value`` is None when the denominator is 0 (the
    page says "no cases" rather than 0 %). ``children`` are person ids behind the
    drill-down (e.g. the assessments that went over 45 working days), or None when the
    figure has no drill-down."""

    value: float | Decimal | None
    numerator: int | Decimal | None = None
    denominator: int | Decimal | None = None
    children: frozenset[int] | None = None


@dataclass(frozen=True)
class Reference:
    """A published comparator: England and the statistical neighbours' average, with where
    and when it was published."""

    england: float | None
    neighbours: float | None
    source: str
    year: str


@dataclass(frozen=True)
class Figure:
    """A named query on a DfE definition. ``compute`` is the one place the figure is
    calculated; its docstring is the definition shown on the page in plain words."""

    code: str  # a slug used in URLs and downloads, e.g. "assessments_in_45_working_days"
    title: str  # e.g. "Assessments completed within 45 working days"
    section: str  # a heading on the dashboard, e.g. "Assessment"
    unit: Unit
    better: Better
    compute: Callable[[Period], Value]
    drill_label: str = ""  # e.g. "assessments over 45 working days"; "" means none
    reference: Reference | None = None

    @property
    def definition(self) -> str:
        return " ".join((self.compute.__doc__ or "").split())

    def by_month(self, period: Period) -> list[tuple[Period, Value]]:
        return [(month, self.compute(month)) for month in period.months()]


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    unit: Unit | None = None  # None for text


@dataclass
class Table:
    """Rows of plain values, the shape both the page's table and the CSV/XLSX download read.
    A table never holds a child's name unless the caller was allowed to see it."""

    title: str
    columns: list[Column]
    rows: list[dict] = field(default_factory=list)
    caption: str = ""


@dataclass(frozen=True)
class Series:
    """One line or set of bars on a chart: (label, value) points in order."""

    label: str
    points: list[tuple[str, float | None]]


REGISTRY: dict[str, Figure] = {}


def register(figures: Iterable[Figure]) -> None:
    for figure in figures:
        if figure.code in REGISTRY and REGISTRY[figure.code] is not figure:
            raise ValueError(f"Two figures share the code {figure.code!r}")
        REGISTRY[figure.code] = figure


def figure(code: str) -> Figure | None:
    return REGISTRY.get(code)
