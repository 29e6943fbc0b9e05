"""Which leaving-care duties a young person is owed, from their periods of care alone.

Children Act 1989 s.23A and Sch. 2 para 19B, Care Planning Regs 2010 reg 40 and Care Leavers
(England) Regs 2010 reg 3 (statutory.md 2.8):

* **eligible**: aged 16 or 17, still looked after, and looked after for 13 weeks or more
  (in total) since the 14th birthday, the 13 weeks ending on or after the 16th birthday;
* **relevant**: aged 16 or 17, was eligible, and has left care;
* **former relevant**: aged 18 to 25 (personal adviser support to 25: Children and Social
  Work Act 2017 s.3), and was eligible or relevant before 18;
* **qualifying**: aged 16 to 20, looked after at some time after the 16th birthday but not
  for long enough to be eligible, and no longer looked after.

Pure: dates in, category out, so every boundary is tested without a database. Not modelled:
the reg 40(2) exclusion of pre-planned short breaks, a child detained or in hospital on the
16th birthday (relevant), a relevant child who returns home for 6 months, and qualifying
support to 25 for those in education.
"""

import datetime as dt
from collections.abc import Iterable

ELIGIBLE, RELEVANT, FORMER_RELEVANT, QUALIFYING = (
    "eligible",
    "relevant",
    "former relevant",
    "qualifying",
)
THIRTEEN_WEEKS = dt.timedelta(weeks=13)

Span = tuple[dt.date, dt.date | None]  # a period of care: start, and the day it ceased


def birthday(dob: dt.date, years: int) -> dt.date:
    """29 February birthdays fall on 1 March in common years (as the law counts ages)."""
    try:
        return dob.replace(year=dob.year + years)
    except ValueError:
        return dt.date(dob.year + years, 3, 1)


def age_on(dob: dt.date, day: dt.date) -> int:
    years = day.year - dob.year
    return years if day >= birthday(dob, years) else years - 1


def eligible_from(dob: dt.date, periods: Iterable[Span]) -> dt.date | None:
    """The day the child became eligible (the later of the 16th birthday and completing 13
    weeks since 14), if ever. A child is looked after from the start date up to, not on,
    the day the period ceased."""
    since, at16, at18 = birthday(dob, 14), birthday(dob, 16), birthday(dob, 18)
    counted = dt.timedelta(0)
    for start, end in sorted(periods):
        start, stop = max(start, since), min(end or at18, at18)
        if stop <= start:
            continue
        reached = start + (THIRTEEN_WEEKS - counted)
        day = max(reached, at16)
        if day < stop:
            return day
        counted += stop - start
    return None


def looked_after_on(periods: Iterable[Span], day: dt.date) -> bool:
    return any(start <= day and (end is None or day < end) for start, end in periods)


def category(dob: dt.date, periods: Iterable[Span], on: dt.date) -> str | None:
    """The young person's leaving-care category on ``on``, or None (not a care leaver)."""
    periods = list(periods)
    age = age_on(dob, on)
    if age < 16 or age >= 25:
        return None
    became = eligible_from(dob, periods)
    eligible = became is not None and became <= on
    if age < 18:
        if looked_after_on(periods, on):
            return ELIGIBLE if eligible else None
        if eligible:
            return RELEVANT
    elif eligible:
        return FORMER_RELEVANT
    at16 = birthday(dob, 16)
    after16 = any(end is None or end > at16 for start, end in periods if start <= on)
    if age < 21 and after16 and not looked_after_on(periods, on):
        return QUALIFYING
    return None
