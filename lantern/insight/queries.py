"""What the insight pages read: each figure's value against the council's target, its
trend by month, its comparators, and the children behind it as the user may see them.

Every number comes from the figure's one query (``Figure.compute``), so the page, the
chart, the table behind it and the download cannot disagree.
"""

from dataclasses import dataclass
from decimal import Decimal

from lantern.access.policy import named_behind_figures
from lantern.insight.charts import show
from lantern.insight.measures import REGISTRY, Better, Column, Figure, Period, Table, Unit, Value
from lantern.insight.models import Target

GREEN, AMBER, RED = "green", "amber", "red"
RAG_ORDER = {RED: 0, AMBER: 1, GREEN: 2, None: 3}
RAG_WORDS = {GREEN: "On target", AMBER: "Near target", RED: "Off target", None: "No target"}


def rag(figure: Figure, value: Value, target: Target | None) -> str | None:
    """Green at or beyond the green threshold, amber at or beyond the amber one, else red
    ("beyond" meaning above where higher is better, below where lower is); None where
    there is no target, no value, or the figure is read in context."""
    if target is None or value.value is None or figure.better == Better.NEITHER:
        return None
    v = Decimal(str(value.value))
    if figure.better == Better.HIGHER:
        return GREEN if v >= target.green else AMBER if v >= target.amber else RED
    return GREEN if v <= target.green else AMBER if v <= target.amber else RED


def targets() -> dict[str, Target]:
    return {t.figure: t for t in Target.objects.select_related("set_by")}


@dataclass
class Line:
    """One figure's line on the dashboard or a home page."""

    figure: Figure
    value: Value
    target: Target | None
    rag: str | None

    @property
    def shown(self) -> str:
        return show(self.value.value, self.figure.unit)

    @property
    def england(self) -> str:
        ref = self.figure.reference
        return show(ref.england if ref else None, self.figure.unit)

    @property
    def neighbours(self) -> str:
        ref = self.figure.reference
        return show(ref.neighbours if ref else None, self.figure.unit)

    @property
    def rag_words(self) -> str:
        return RAG_WORDS[self.rag]

    @property
    def of(self) -> str:
        """ "12 of 40", where the figure has a numerator and a denominator."""
        v = self.value
        if v.numerator is None or v.denominator is None:
            return ""
        return f"{show(v.numerator, Unit.COUNT)} of {show(v.denominator, Unit.COUNT)}"


def line(figure: Figure, period: Period, target: Target | None) -> Line:
    value = figure.compute(period)
    return Line(figure, value, target, rag(figure, value, target))


def dashboard(period: Period) -> list[tuple[str, list[Line]]]:
    """Every registered figure, by section, in the order the sections were registered."""
    set_ = targets()
    sections: dict[str, list[Line]] = {}
    for figure in REGISTRY.values():
        sections.setdefault(figure.section, []).append(line(figure, period, set_.get(figure.code)))
    return list(sections.items())


def worst_first(period: Period) -> list[Line]:
    """The figures with a target, red before amber before green: the director's headlines."""
    set_ = targets()
    lines = [line(f, period, set_[f.code]) for f in REGISTRY.values() if f.code in set_]
    return sorted(lines, key=lambda one: RAG_ORDER[one.rag])


def dashboard_table(sections: list[tuple[str, list[Line]]], period: Period) -> Table:
    columns = [
        Column("section", "Section"),
        Column("figure", "Figure"),
        Column("value", "Value"),
        Column("numerator", "Numerator", Unit.COUNT),
        Column("denominator", "Denominator", Unit.COUNT),
        Column("england", "England"),
        Column("neighbours", "Statistical neighbours"),
        Column("rag", "Against target"),
    ]
    rows = [
        {
            "section": section,
            "figure": one.figure.title,
            "value": one.value.value,
            "numerator": one.value.numerator,
            "denominator": one.value.denominator,
            "england": one.figure.reference.england if one.figure.reference else None,
            "neighbours": one.figure.reference.neighbours if one.figure.reference else None,
            "rag": one.rag_words,
        }
        for section, lines in sections
        for one in lines
    ]
    return Table("Performance figures", columns, rows, caption=_during(period))


def _during(period: Period) -> str:
    return f"{period.start:%d %B %Y} to {period.end:%d %B %Y}"


def trend(figure: Figure, period: Period) -> Table:
    """The figure month by month: the table behind the chart, and its download."""
    columns = [
        Column("month", "Month"),
        Column("numerator", "Numerator", Unit.COUNT),
        Column("denominator", "Denominator", Unit.COUNT),
        Column("value", figure.title, figure.unit),
    ]
    rows = [
        {
            "month": f"{month.start:%b %Y}",
            "numerator": value.numerator,
            "denominator": value.denominator,
            "value": value.value,
        }
        for month, value in figure.by_month(period)
    ]
    return Table(f"{figure.title} by month", columns, rows, caption=_during(period))


def comparators(figure: Figure, value: Value) -> Table:
    ref = figure.reference
    columns = [
        Column("who", "Who"),
        Column("value", "Value", figure.unit),
        Column("source", "Source"),
    ]
    rows = [{"who": "This council", "value": value.value, "source": "Lantern, live"}]
    if ref is not None:
        source = f"{ref.source} ({ref.year})"
        rows += [
            {"who": "England", "value": ref.england, "source": source},
            {"who": "Statistical neighbours", "value": ref.neighbours, "source": source},
        ]
    return Table(f"{figure.title}: how the council compares", columns, rows)


@dataclass
class Behind:
    """The children behind a figure as one user may see them: ``named`` those the policy
    lets them see by name, ``unnamed`` how many others there are (restricted records)."""

    named: list
    unnamed: int

    @property
    def total(self) -> int:
        return len(self.named) + self.unnamed


def behind(user, figure: Figure, value: Value) -> Behind:
    from lantern.people.models import Person

    ids = value.children or frozenset()
    may_name = named_behind_figures(user, ids)
    people = list(Person.objects.filter(pk__in=may_name).order_by("last_name", "first_name", "pk"))
    return Behind(people, len(ids) - len(people))


def children_table(figure: Figure, seen: Behind, period: Period) -> Table:
    columns = [
        Column("council_id", "Council ID"),
        Column("name", "Name"),
        Column("date_of_birth", "Date of birth"),
    ]
    rows = [
        {"council_id": p.council_id, "name": p.full_name, "date_of_birth": p.date_of_birth}
        for p in seen.named
    ]
    caption = _during(period)
    if seen.unnamed:
        caption += f"; {seen.unnamed} more on restricted records, counted and not named"
    return Table(f"{figure.title}: {figure.drill_label or 'the children'}", columns, rows, caption)
