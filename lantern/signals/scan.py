"""The batch scan: ``lantern signals scan --people PEOPLE.csv --events EVENTS.csv --out
SIGNALS.csv``, for backfilling a partner's history and for trying the rules on data from
outside Lantern. It reads files only (no database) and hands them to the same rule engine as
the live path, in one call, so both give the same answers.

Files (``csvfile.py`` says how strictly they are read):

- PEOPLE.csv ``person_id,date_of_birth``: ids unique and not blank; the date YYYY-MM-DD or
  blank when not known (the age rules then cannot hold).
- EVENTS.csv ``event_id,person_id,occurred_on,agency,kind``: every value required. Event ids
  are unique and have no spaces (SIGNALS.csv lists them separated by spaces); the person is
  in PEOPLE.csv; ``kind`` is one of ``rules.EVENT_KINDS``. ``agency`` is required because
  ``agencies_worried`` counts agencies: a blank would be taken for one agency, the same as
  every other blank. Names differing only in case and spacing are one agency.
- SIGNALS.csv ``person_id,signal,fired_on,event_ids``: one row per person and signal, on the
  first day it holds, with the events that formed it in date order (then file order).
  Sorted by person in PEOPLE.csv order, then ``fired_on``, then ``signal``. Cells that a
  spreadsheet would run as a formula start with ``'`` (``spreadsheet_cells``).

Bad input is refused with the first problem's file, line and column, and nothing is
written: the output is written beside its place and renamed over it only when whole.
"""

import csv
import datetime as dt
import os
import re
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from lantern.signals import engine
from lantern.signals import rules as R
from lantern.signals.csvfile import Check, CsvFile, FileProblem, coded, equals, quoted
from lantern.spreadsheet_cells import safe_cell

PEOPLE_COLUMNS = ("person_id", "date_of_birth")
EVENT_COLUMNS = ("event_id", "person_id", "occurred_on", "agency", "kind")
SIGNAL_COLUMNS = ("person_id", "signal", "fired_on", "event_ids")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NOT_A_DATE = -1
_EPOCH = dt.date(1970, 1, 1).toordinal()

ScanError = FileProblem


@dataclass
class Scanned:
    """What a scan did, in counts (the terminal never shows a person's details), and how
    long each phase took, in seconds (wall clock, CPU: on a shared machine the CPU time says
    what the scan costs)."""

    people: int = 0
    events: int = 0
    signals: int = 0
    people_signalled: int = 0
    phases: dict[str, tuple[float, float]] = field(default_factory=dict)


@dataclass
class People:
    file: str
    ids: np.ndarray  # of str, in file order: a person's index is their row
    born: np.ndarray  # ordinals, engine.UNKNOWN_BIRTH when blank


@dataclass
class EventFile:
    ids: np.ndarray  # of str, in file order: ``engine.Firing.evidence`` indexes it
    events: engine.Events


def scan(
    people_path: Path,
    events_path: Path,
    out_path: Path,
    thresholds: Mapping[str, Mapping[str, int]] | None = None,
) -> Scanned:
    """Read both files, evaluate every rule, write SIGNALS.csv; raise ``ScanError``."""
    out_path = Path(out_path)
    if not out_path.parent.resolve().is_dir():
        raise ScanError(f"{out_path}: its folder does not exist")
    if out_path.is_dir():
        raise ScanError(f"{out_path}: is a folder, not a file")
    done = Scanned()
    lap = _Laps(done.phases)
    people = read_people(people_path)
    lap("read PEOPLE")
    events = read_events(events_path, people)
    lap("read EVENTS")
    firings = engine.evaluate(events.events, people.born, thresholds)
    lap("evaluate")
    write_signals(out_path, people, events, firings)
    lap("write SIGNALS")
    done.people, done.events, done.signals = len(people.ids), len(events.ids), len(firings)
    done.people_signalled = len({f.person for f in firings})
    return done


def read_people(path: Path) -> People:
    file = CsvFile(path, PEOPLE_COLUMNS, coded=["date_of_birth"])
    ids = file.frame["person_id"].to_numpy()
    born, bad_date = _dates(*coded(file.frame["date_of_birth"]))
    empty = ids == ""
    file.check(
        [
            Check("person_id", empty, lambda row: "empty"),
            Check("person_id", _repeated(ids) & ~empty, lambda row: _repeat(file, ids, row)),
            Check("date_of_birth", bad_date, lambda row: _not_a_date(file, "date_of_birth", row)),
        ]
    )
    return People(file.name, ids, born)


def read_events(path: Path, people: People) -> EventFile:
    """Every column but the event id is read coded (a million people among five million
    events, a few thousand days, a few dozen agencies) and checked value by value."""
    file = CsvFile(path, EVENT_COLUMNS, coded=EVENT_COLUMNS[1:])
    ids = file.frame["event_id"].to_numpy()
    empty = {name: equals(file.frame[name], "") for name in EVENT_COLUMNS}
    person_codes, person_ids = coded(file.frame["person_id"])
    person = _index_of(people.ids, person_ids)[person_codes]
    day, bad_date = _dates(*coded(file.frame["occurred_on"]))
    kind = _kinds(*coded(file.frame["kind"]))
    agency = _agencies(*coded(file.frame["agency"]))

    def said(column: str, what: str):
        return lambda row: f"{quoted(file.frame[column].iat[row])} {what}"

    file.check(
        [
            Check("event_id", empty["event_id"], lambda row: "empty"),
            Check(
                "event_id",
                _spaced(ids),
                said("event_id", "has a space in it (SIGNALS.csv lists event ids by spaces)"),
            ),
            Check("event_id", _repeated(ids) & ~empty["event_id"], lambda r: _repeat(file, ids, r)),
            Check("person_id", empty["person_id"], lambda row: "empty"),
            Check(
                "person_id",
                (person < 0) & ~empty["person_id"],
                said("person_id", f"is not in {people.file}"),
            ),
            Check("occurred_on", empty["occurred_on"], lambda row: "empty"),
            Check(
                "occurred_on",
                bad_date & ~empty["occurred_on"],
                lambda row: _not_a_date(file, "occurred_on", row),
            ),
            Check("agency", agency < 0, lambda row: "empty"),
            Check("kind", empty["kind"], lambda row: "empty"),
            Check(
                "kind",
                (kind < 0) & ~empty["kind"],
                said("kind", f"is not an event kind ({', '.join(R.EVENT_KINDS)})"),
            ),
        ]
    )
    return EventFile(ids, engine.Events(person, day, kind.astype(np.int8), agency))


def write_signals(out: Path, people: People, events: EventFile, firings) -> None:
    """One row per firing, in the engine's order (person, day, rule): people are numbered
    in PEOPLE.csv order, so that is the order documented above. Built column by column:
    a national scan writes hundreds of thousands of rows."""
    out = Path(out)
    person = np.fromiter((f.person for f in firings), np.int64, len(firings))
    day = np.fromiter((f.day for f in firings), np.int64, len(firings))
    event_ids = events.ids.tolist()
    columns = (
        [safe_cell(who) for who in people.ids[person].tolist()],
        [f.rule for f in firings],
        np.datetime_as_string((day - _EPOCH).astype("datetime64[D]"), unit="D").tolist(),
        [safe_cell(" ".join([event_ids[i] for i in f.evidence])) for f in firings],
    )
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, then renamed
        "w", dir=out.parent, prefix=f".{out.name}.", suffix=".tmp", delete=False, newline=""
    )
    try:
        with handle:
            writer = csv.writer(handle)
            writer.writerow(SIGNAL_COLUMNS)
            writer.writerows(zip(*columns, strict=True))
        os.replace(handle.name, out)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _dates(codes: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ordinals (``engine.UNKNOWN_BIRTH`` for a blank), and which are not real dates.
    A file holds a few thousand distinct days among millions of rows: each is checked once."""
    days = np.array([_ordinal(text) for text in values], dtype=np.int64)[codes]
    return days, days == _NOT_A_DATE


def _ordinal(text: str) -> int:
    """Only YYYY-MM-DD, a real day (``fromisoformat`` alone takes 20260105 and 2026-W01)."""
    if text == "":
        return engine.UNKNOWN_BIRTH
    if not _ISO_DATE.fullmatch(text):
        return _NOT_A_DATE
    try:
        return dt.date.fromisoformat(text).toordinal()
    except ValueError:
        return _NOT_A_DATE


def _kinds(codes: np.ndarray, values: np.ndarray) -> np.ndarray:
    return np.array([engine.KIND_INDEX.get(kind, -1) for kind in values], dtype=np.int64)[codes]


def _agencies(codes: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Numbered by ``engine.agency_key`` (each spelling keyed once); -1 for a blank."""
    keys = [engine.agency_key(name) for name in values]
    numbers, _ = pd.factorize(np.array(keys, dtype=object))
    numbers = np.where(np.array(keys, dtype=object) == "", -1, numbers).astype(np.int64)
    return numbers[codes]


def _index_of(ids: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Each wanted id's row in ``ids`` (unique), -1 where it is not there."""
    if not len(wanted):
        return np.zeros(0, dtype=np.int64)
    return pd.Index(ids).get_indexer(wanted).astype(np.int64)


def _repeated(values: np.ndarray) -> np.ndarray:
    """Each value seen on an earlier row. Hashed to integers first, which are much faster to
    compare than millions of strings; only the rows whose hash repeats are compared as text."""
    maybe = pd.Series(pd.util.hash_array(values, categorize=False)).duplicated(keep=False)
    repeated = np.zeros(len(values), dtype=bool)
    if maybe.any():
        rows = np.flatnonzero(maybe.to_numpy())
        repeated[rows] = pd.Series(values[rows]).duplicated().to_numpy()
    return repeated


def _spaced(values: np.ndarray) -> np.ndarray:
    """Which values hold white space: all of them joined and split once (fast), and one by
    one only when some do."""
    if len("\0".join(values).split()) <= 1:
        return np.zeros(len(values), dtype=bool)
    return np.array([value.split() != [value] for value in values], dtype=bool)


def _repeat(file: CsvFile, values: np.ndarray, row: int) -> str:
    first = int(np.flatnonzero(values[:row] == values[row])[0])
    return f"{quoted(values[row])} is already on line {file.line(first)}"


def _not_a_date(file: CsvFile, column: str, row: int) -> str:
    return f"{quoted(file.frame[column].iat[row])} is not a real date (YYYY-MM-DD)"


class _Laps:
    def __init__(self, phases: dict[str, tuple[float, float]]):
        self.phases, self.last = phases, (time.perf_counter(), time.process_time())

    def __call__(self, phase: str) -> None:
        now = (time.perf_counter(), time.process_time())
        self.phases[phase] = (now[0] - self.last[0], now[1] - self.last[1])
        self.last = now
