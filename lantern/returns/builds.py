"""What each kind of return builds, and which of the DfE's validators checks it.

One table in words: the Returns page and ``lantern returns run`` both read it, so a return
added here appears on the page with its button. The builders are imported when a build runs,
never at start-up: a build runs in its own process (``lantern.returns.runner``).
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

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
# that says which return it belongs to (each run keeps the issues of its own return).
VALIDATED = {Kind.CIN: "cin", Kind.SSDA903: "903"}


def validated(kind: str) -> bool:
    return kind in VALIDATED


def check(run: ReturnRun, built: Built, progress):
    """The DfE's validator over exactly the files this run keeps (what the analyst
    downloads is what was checked); a 903 is checked with last year's tables beside it, so
    the year-on-year rules run."""
    from lantern.returns import validation

    year, today = CollectionYear(run.year), timezone.localdate()
    if run.kind == Kind.CIN:
        (census,) = built.files.values()
        return validation.validate(year, cin=census, ssda903=None, progress=progress, as_at=today)
    from lantern.returns import ssda903

    progress(f"Building the {year.previous.label} SSDA903 return for the year-on-year rules")
    last = ssda903.build(year.previous)
    return validation.validate(
        year,
        cin=None,
        ssda903=built.files,
        previous_903=last.files,
        progress=progress,
        as_at=today,
    )


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
