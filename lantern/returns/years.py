"""Collection years as the DfE names them: by the year they end. The 2025 collection
(2024/25) runs from 1 April 2024 to 31 March 2025, and 31 March is its reference date."""

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class CollectionYear:
    year: int

    @property
    def start(self) -> dt.date:
        return dt.date(self.year - 1, 4, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 3, 31)

    @property
    def label(self) -> str:
        return f"{self.year - 1}/{str(self.year)[2:]}"

    @property
    def previous(self) -> "CollectionYear":
        return CollectionYear(self.year - 1)

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def containing(day: dt.date) -> CollectionYear:
    """The collection year a day falls in."""
    return CollectionYear(day.year + 1 if day.month >= 4 else day.year)


def last_complete(today: dt.date) -> CollectionYear:
    """The latest collection year that has ended by ``today``."""
    return containing(today).previous
