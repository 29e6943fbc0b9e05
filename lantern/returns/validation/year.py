"""Validating a year as it would be sent: this year's returns built from the records, and
last year's SSDA903 tables beside them so the 903's year-on-year rules run."""

from django.utils import timezone

from lantern.returns.validation.report import Report
from lantern.returns.validation.run import Progress, validate
from lantern.returns.years import CollectionYear

BUILDS = 3  # this year's CIN census, this year's 903, last year's 903
CHECKS = 2  # the two validators


def validate_year(year: CollectionYear, *, progress: Progress | None = None) -> Report:
    """Build and check ``year``'s CIN census and SSDA903 return.

    Last year's CIN census is not built: the CIN validator has no year-on-year rules, so it
    would never be read. Builders are imported here, not at the top, so this module loads
    whatever returns exist yet.
    """
    from lantern.returns import cin, ssda903

    total = BUILDS + CHECKS

    def step(what: str, done: int) -> None:
        if progress:
            progress(what, done, total)

    step(f"Building the {year.label} CIN census", 0)
    census = cin.build(year)
    step(f"Building the {year.label} SSDA903 return", 1)
    this = ssda903.build(year)
    step(f"Building the {year.previous.label} SSDA903 return for the year-on-year rules", 2)
    last = ssda903.build(year.previous)

    def checking(what: str, done: int, _total: int) -> None:
        step(what, BUILDS + done)

    return validate(
        year,
        cin=census.data,
        ssda903=this.files,
        previous_903=last.files,
        progress=checking,
        as_at=timezone.localdate(),
    )
