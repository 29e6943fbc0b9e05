"""A CSV file of the batch scan read strictly, as columns of text, fast.

The scan reads a nation's history (5 million rows), so files are parsed by pandas' C reader
into columns and checked column by column; a problem is named by the line it is on, found
again with Python's ``csv`` reader only when there is one (rows with line breaks inside
quotes make the line differ from the row).

What is accepted: UTF-8 (a byte order mark is fine); a header of exactly the expected
columns, in order (spaces around a name are fine, nothing else is); every value read as
written, never trimmed. A row that stops early reads as if its last values were blank (and
is then refused if one of them is required); a row with more values than the header is
refused. Blank lines at the end are ignored; a blank line anywhere else is refused.
"""

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

_EXTRA = "\x00extra"  # catches a value past the last column
_SHOWN = 60  # characters of a bad value quoted back


class FileProblem(ValueError):
    """One line, naming the file, the line and the column: the first problem found."""


def quoted(value: str) -> str:
    text = value if len(value) <= _SHOWN else value[: _SHOWN - 1] + "…"
    return '"' + text.replace('"', '\\"') + '"'


@dataclass
class Check:
    """Rows of ``column`` with a problem (``bad``), and what to say about one of them."""

    column: str
    bad: np.ndarray
    say: Callable[[int], str]


@dataclass
class CsvFile:
    """``coded`` names the columns with few distinct values among many rows (a date, a
    kind): read as categories, each distinct value becomes one string, not one per row."""

    path: Path
    columns: Sequence[str]
    coded: Sequence[str] = ()
    frame: pd.DataFrame = field(init=False)

    @property
    def name(self) -> str:
        return self.path.name

    def __post_init__(self):
        self.path = Path(self.path)
        self._check_header()
        self.frame = self._read()

    def __len__(self) -> int:
        return len(self.frame)

    def refuse(self, row: int, column: str | None, text: str) -> FileProblem:
        where = f"{self.name} line {self.line(row)}"
        return FileProblem(f"{where}, column {column}: {text}" if column else f"{where}: {text}")

    def check(self, checks: list[Check]) -> None:
        """Refuse the earliest bad row (for a tie, the earlier column), saying how many
        other values are bad too, so one pass over a large file shows how much to fix."""
        found = [(int(np.argmax(c.bad)), i) for i, c in enumerate(checks) if c.bad.any()]
        if not found:
            return
        row, i = min(found)
        more = sum(int(c.bad.sum()) for c in checks) - 1
        also = f" ({more} more bad value{'s' if more > 1 else ''} in {self.name})" if more else ""
        raise self.refuse(row, checks[i].column, checks[i].say(row) + also)

    def line(self, row: int) -> int:
        """The line data row ``row`` starts on, counting the header as line 1."""
        with self._text() as handle:
            reader = csv.reader(handle)
            next(reader, None)
            start = reader.line_num + 1
            for i, _ in enumerate(reader):
                if i == row:
                    break
                start = reader.line_num + 1
        return start

    def _text(self):
        return self.path.open(encoding="utf-8-sig", newline="")

    def _check_header(self) -> None:
        expected = ", ".join(self.columns)
        try:
            with self._text() as handle:
                header = next(csv.reader(handle), None)
        except UnicodeDecodeError as error:
            raise self._not_utf8(error) from None
        except OSError as error:
            raise FileProblem(f"{self.name}: cannot be read ({error.strerror})") from None
        if not header:
            raise FileProblem(f"{self.name} line 1: no header (the columns are {expected})")
        found = [name.strip() for name in header]
        for position, (want, have) in enumerate(zip(self.columns, found, strict=False), 1):
            if have != want:
                raise FileProblem(
                    f"{self.name} line 1, column {position}: expected {quoted(want)}, found "
                    f"{quoted(have)} (the columns are {expected}, in that order)"
                )
        if len(found) < len(self.columns):
            missing = ", ".join(self.columns[len(found) :])
            raise FileProblem(
                f"{self.name} line 1: missing column {missing} (the columns are {expected})"
            )
        if len(found) > len(self.columns):
            raise FileProblem(
                f"{self.name} line 1, column {len(self.columns) + 1}: unexpected column "
                f"{quoted(found[len(self.columns)])} (the columns are {expected})"
            )

    def _read(self) -> pd.DataFrame:
        names = [*self.columns, _EXTRA]
        categories = {*self.coded, _EXTRA}
        try:
            frame = pd.read_csv(
                self.path,
                header=None,
                skiprows=1,
                names=names,
                index_col=False,
                dtype={name: "category" if name in categories else str for name in names},
                keep_default_na=False,
                na_filter=False,
                skip_blank_lines=False,
                encoding="utf-8",
                engine="c",
                low_memory=False,
            )
        except pd.errors.EmptyDataError:
            return pd.DataFrame({name: pd.Series([], dtype=object) for name in self.columns})
        except UnicodeDecodeError as error:
            raise self._not_utf8(error) from None
        except pd.errors.ParserError as error:
            raise self._unreadable(error) from None
        frame = _without_trailing_blanks(frame)
        extra = ~equals(frame.pop(_EXTRA), "")
        blank = _blank(frame) & ~extra
        self.check(
            [
                Check("", blank, lambda row: "a row with no values"),
                Check("", extra, lambda row: self._too_many),
            ]
        )
        return frame

    @property
    def _too_many(self) -> str:
        return f"more values than the {len(self.columns)} columns of the header"

    def _unreadable(self, error: Exception) -> FileProblem:
        """pandas stops at a row it cannot split; find which, by line, with ``csv``."""
        width = len(self.columns)
        with self._text() as handle:
            reader = csv.reader(handle, strict=True)
            next(reader, None)
            start = 2
            try:
                for values in reader:
                    if len(values) > width + 1 or any(values[width:]):
                        return FileProblem(f"{self.name} line {start}: {self._too_many}")
                    start = reader.line_num + 1
            except csv.Error:
                return FileProblem(f"{self.name} line {start}: a quoted value is never closed")
        return FileProblem(f"{self.name}: cannot be read as CSV ({error})")

    def _not_utf8(self, error: UnicodeDecodeError) -> FileProblem:
        data = self.path.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exact:
            line = data.count(b"\n", 0, exact.start) + 1
            return FileProblem(f"{self.name} line {line}: not UTF-8 text (save it as UTF-8 CSV)")
        return FileProblem(f"{self.name}: not UTF-8 text ({error})")


def coded(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Each row's number, and the distinct values numbered: checking those checks the rows."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        return column.cat.codes.to_numpy(), column.cat.categories.to_numpy(dtype=object)
    codes, values = pd.factorize(column.to_numpy())
    return codes, np.asarray(values, dtype=object)


def equals(column: pd.Series, text: str) -> np.ndarray:
    if not isinstance(column.dtype, pd.CategoricalDtype):
        return column.to_numpy() == text
    at = np.flatnonzero(column.cat.categories.to_numpy(dtype=object) == text)
    return column.cat.codes.to_numpy() == at[0] if len(at) else np.zeros(len(column), bool)


def _blank(frame: pd.DataFrame) -> np.ndarray:
    blank = np.ones(len(frame), dtype=bool)
    for name in frame.columns:
        blank &= equals(frame[name], "")
    return blank


def _without_trailing_blanks(frame: pd.DataFrame) -> pd.DataFrame:
    end = len(frame)
    while end and all(value == "" for value in frame.iloc[end - 1]):
        end -= 1
    return frame.iloc[:end] if end < len(frame) else frame
