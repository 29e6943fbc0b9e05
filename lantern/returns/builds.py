"""What each kind of return builds, and which of the DfE's validators checks it.

One table in words: the Returns page and ``lantern returns run`` both read it, so a return
added here appears on the page with its button. The builders are imported when a build runs,
never at start-up: a build runs in its own process (``lantern.returns.runner``).
"""

import datetime as dt
from dataclasses import dataclass

from lantern.returns.models import ReturnRun
from lantern.returns.years import CollectionYear

Kind = ReturnRun.Kind


@dataclass(frozen=True)
class Built:
    files: dict[str, bytes]
    children: int


def build(run: ReturnRun) -> Built:
    """The files of ``run``'s return, named as the DfE (or Ofsted, or the SSD) names them."""
    if run.kind == Kind.CIN:
        from lantern.returns import cin

        made = cin.build(CollectionYear(run.year))
        return Built({f"CIN_census_{run.year}.xml": made.data}, made.children)
    if run.kind == Kind.SSDA903:
        from lantern.returns import ssda903

        tables = ssda903.build(CollectionYear(run.year))
        return Built(dict(tables.files), tables.children)
    if run.kind == Kind.ANNEX_A:
        from lantern.returns import annexa

        made = annexa.build(run.period_start, run.period_end)
        name = f"Annex_A_{run.period_start:%Y-%m-%d}_to_{run.period_end:%Y-%m-%d}.xlsx"
        return Built({name: made.data}, made.children)
    if run.kind == Kind.SSD:
        from lantern.returns import ssd

        tables = ssd.build()
        return Built(dict(tables.files), tables.children)
    raise ValueError(f"no builder for the return kind {run.kind!r}")


# The returns the DfE's validators check, and the word in a validation issue's return name
# that says which return it belongs to (``validate_year`` checks a year's CIN census and
# SSDA903 together; each run keeps the issues of its own return).
VALIDATED = {Kind.CIN: "cin", Kind.SSDA903: "903"}


def validated(kind: str) -> bool:
    return kind in VALIDATED


def belongs(return_name: str, kind: str) -> bool:
    return VALIDATED[kind] in "".join(ch for ch in str(return_name).lower() if ch.isalnum())


def what(run: ReturnRun) -> str:
    """The run in words, as the audit log and the page say it: "CIN census 2025/26"."""
    if run.year:
        return f"{run.get_kind_display()} {CollectionYear(run.year).label}"
    if run.period_start:
        return f"{run.get_kind_display()} {_day(run.period_start)} to {_day(run.period_end)}"
    return str(run.get_kind_display())


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"
