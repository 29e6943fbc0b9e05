"""How a value is written in the dataset, and the dated lookups several tables share.

Dates are ISO (YYYY-MM-DD): the model's columns are SQL dates, and its own DfE-return
extracts convert them with style 23, which is ISO. Flags are the model's single letters
``Y``/``N``; a fact not recorded is an empty cell, never a guessed ``N``. Ids are the
record's own primary key, so a rebuild from the same records gives the same ids.
"""

import bisect
import csv
import datetime as dt
import io
from collections import defaultdict


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def yn(flag: bool | None) -> str:
    return "" if flag is None else ("Y" if flag else "N")


def text(value) -> str:
    return "" if value is None else str(value)


def csv_bytes(header: tuple[str, ...], rows: list[tuple]) -> bytes:
    """One table as CSV: the model's header, then the rows in the order given."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        if len(row) != len(header):
            raise ValueError(f"row of {len(row)} values for {len(header)} columns")
        writer.writerow([text(v) for v in row])
    return out.getvalue().encode("utf-8")


class Spans:
    """Dated spans per person (an allocation, a CIN episode, a period of care, a plan), so
    "which one was open on this day" is a lookup, not a query per row.

    ``spans`` are ``(person_id, start, end, value)``; an open span has ``end`` None. Where
    spans overlap, the one that started last wins.
    """

    def __init__(self, spans):
        by_person = defaultdict(list)
        for person_id, start, end, value in spans:
            by_person[person_id].append((start, end, value))
        self._starts = {}
        self._spans = {}
        for person_id, items in by_person.items():
            items.sort(key=lambda s: s[0])
            self._spans[person_id] = items
            self._starts[person_id] = [s[0] for s in items]

    def on(self, person_id, day: dt.date | None):
        if day is None or person_id not in self._spans:
            return None
        items = self._spans[person_id]
        for i in range(bisect.bisect_right(self._starts[person_id], day) - 1, -1, -1):
            _start, end, value = items[i]
            if end is None or end >= day:
                return value
        return None
