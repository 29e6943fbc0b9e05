"""One Annex A list as the workbook writer takes it, and the period it covers.

Ofsted asks for each list over the months before the inspection; the period is given, not
"the last six months from today", so the same records give the same lists whenever they are
built (``lantern returns annexa --from --to``).
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    def overlaps(self, start: dt.date | None, end: dt.date | None) -> bool:
        """Open at any point in the period: began by its end and had not ended before it."""
        return start is not None and start <= self.end and (end is None or end >= self.start)

    def holds(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def known(self, day: dt.date | None) -> dt.date | None:
        """A date as it stood at the period's end: one after it had not happened yet."""
        return day if day is not None and day <= self.end else None

    @property
    def year_before_end(self) -> dt.date:
        """The first day of the 12 months ending on the period's end ("in the last 12
        months", as several lists ask)."""
        return months_before(self.end, 12) + dt.timedelta(days=1)

    @property
    def six_months_before_end(self) -> dt.date:
        return months_before(self.end, 6) + dt.timedelta(days=1)

    def label(self) -> str:
        return f"{self.start:%d/%m/%Y} to {self.end:%d/%m/%Y}"


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` earlier, or the month's last day where it is shorter."""
    month = day.month - months
    year, month = day.year + (month - 1) // 12, (month - 1) % 12 + 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


@dataclass
class Sheet:
    """``number`` and ``name`` as Ofsted numbers and names the list; ``headers`` in Ofsted's
    order and words; ``rows`` one list of cell values per record (dates as ``date``)."""

    number: int
    name: str
    description: str
    headers: Sequence[str]
    rows: list[list[Any]] = field(default_factory=list)
    note: str = ""

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.headers):
                raise ValueError(f"List {self.number}: a row has {len(row)} cells, not "
                                 f"{len(self.headers)}")  # fmt: skip

    @property
    def title(self) -> str:
        return f"List {self.number}: {self.name}"
