"""Batch matching of files: ``lantern match --index people.csv --incoming records.csv``.

Both files have the columns ``id, first_name, last_name, other_names, dob, sex, postcode,
nhs_number`` (other columns are ignored). ``other_names`` may hold several names separated
by ";" and ``postcode`` an address history the same way, current first. Dates are
``YYYY-MM-DD`` or ``DD/MM/YYYY``. Every problem in a file is reported, by line and column,
before anything is written (STYLE.md §8: validate, collect all errors, then write); the
output appears whole or not at all (written to a temporary file, then renamed).
"""

import csv
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from lantern.people.matching import records
from lantern.people.matching.memory import MemoryIndex
from lantern.people.matching.model import Model
from lantern.people.matching.records import Places, RecordTable
from lantern.people.matching.vocabulary import Vocabulary
from lantern.spreadsheet_cells import safe_row

COLUMNS = ["id", "first_name", "last_name", "other_names", "dob", "sex", "postcode", "nhs_number"]
SEXES = {"", "m", "f", "u", "male", "female", "unknown"}
EPOCH_ORDINAL = 719163  # date(1970, 1, 1).toordinal()
MAX_ERRORS_SHOWN = 20


class MatchFileError(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = problems[:MAX_ERRORS_SHOWN]
        more = len(problems) - len(shown)
        super().__init__("\n".join(shown + ([f"… and {more} more problems"] if more else [])))


@dataclass
class People:
    frame: pd.DataFrame
    dob: np.ndarray  # ordinals, -1 unknown
    warnings: list[str]


def _dates(name: str, column: pd.Series, problems: list[str]) -> np.ndarray:
    text = column.str.strip()
    parsed = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    other = parsed.isna() & (text != "")
    if other.any():
        parsed[other] = pd.to_datetime(text[other], format="%d/%m/%Y", errors="coerce")
    bad = (text != "") & parsed.isna()
    for line in np.flatnonzero(bad.to_numpy())[: MAX_ERRORS_SHOWN + 1]:
        problems.append(
            f"{name}: line {line + 2}, column dob: not a real date "
            "(expected YYYY-MM-DD or DD/MM/YYYY)"
        )
    if bad.sum() > MAX_ERRORS_SHOWN + 1:
        problems.append(f"{name}: {int(bad.sum())} rows in all have an impossible dob")
    days = parsed.to_numpy(dtype="datetime64[D]").astype("int64")
    return np.where(parsed.isna().to_numpy(), -1, days + EPOCH_ORDINAL).astype(np.int32)


def nhs_valid(numbers: np.ndarray) -> np.ndarray:
    """Modulus-11 check of many 10-digit strings at once (blank counts as valid)."""
    blank = numbers == ""
    digits = np.frombuffer(
        np.where(blank, "0000000000", numbers).astype("S10").tobytes(), dtype=np.uint8
    ).reshape(-1, 10).astype(np.int64) - ord("0")
    check = 11 - (digits[:, :9] @ np.arange(10, 1, -1)) % 11
    check = np.where(check == 11, 0, check)
    return blank | ((check != 10) & (check == digits[:, 9]))


def read_people(path: Path, *, unique_ids: bool = True) -> People:
    """Read and check one file; raise ``MatchFileError`` naming every bad line and column."""
    name = Path(path).name
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, skipinitialspace=True)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError, ValueError) as error:
        raise MatchFileError([f"{name}: cannot be read as CSV ({error})"]) from error
    return check_people(frame, name, unique_ids=unique_ids)


def check_people(frame: pd.DataFrame, name: str, *, unique_ids: bool = True) -> People:
    """Validate columns of strings (a read file, or synthetic data) into ``People``."""
    frame.columns = [c.strip().lower() for c in frame.columns]
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise MatchFileError([f"{name}: missing column(s): {', '.join(missing)}"])
    frame = frame[COLUMNS].copy()
    problems: list[str] = []
    ids = frame["id"].str.strip()
    for line in np.flatnonzero((ids == "").to_numpy())[:MAX_ERRORS_SHOWN]:
        problems.append(f"{name}: line {line + 2}, column id: empty")
    if unique_ids:
        for line in np.flatnonzero(ids.duplicated().to_numpy() & (ids != ""))[:MAX_ERRORS_SHOWN]:
            problems.append(f"{name}: line {line + 2}, column id: repeats an earlier row's id")
    sexes = frame["sex"].str.strip().str.lower()
    for line in np.flatnonzero(~sexes.isin(SEXES).to_numpy())[:MAX_ERRORS_SHOWN]:
        problems.append(f"{name}: line {line + 2}, column sex: expected M, F, U or blank")
    nhs = frame["nhs_number"].str.replace(r"[\s-]", "", regex=True)
    malformed = (nhs != "") & ~nhs.str.fullmatch(r"\d{10}")
    for line in np.flatnonzero(malformed.to_numpy())[:MAX_ERRORS_SHOWN]:
        problems.append(f"{name}: line {line + 2}, column nhs_number: not 10 digits")
    dob = _dates(name, frame["dob"], problems)
    if problems:
        raise MatchFileError(problems)
    valid = pd.Series(nhs_valid(nhs.to_numpy(dtype=str)), index=nhs.index)
    warnings = []
    if (~valid).any():
        warnings.append(
            f"{name}: {int((~valid).sum())} NHS numbers fail the check digit and are ignored"
        )
    frame["id"], frame["nhs_number"] = ids, nhs.where(valid, "")
    return People(frame, dob, warnings)


def to_table(vocab: Vocabulary, places: Places, people: People) -> RecordTable:
    frame = people.frame
    return records.build(
        vocab,
        places,
        ids=frame["id"].tolist(),
        first_names=frame["first_name"].tolist(),
        last_names=frame["last_name"].tolist(),
        other_names=frame["other_names"].tolist(),
        dob=people.dob,
        sexes=frame["sex"].tolist(),
        postcodes=frame["postcode"].tolist(),
        nhs_numbers=frame["nhs_number"].tolist(),
        widths=records.NARROW,
    )


def write_links(out: Path, incoming: RecordTable, index: RecordTable, best, score) -> None:
    """``incoming_id, index_id, score``: written beside ``out`` then renamed over it."""
    out = Path(out)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, then renamed
        "w", dir=out.parent or ".", prefix=f".{out.name}.", suffix=".tmp", delete=False, newline=""
    )
    try:
        with handle:
            writer = csv.writer(handle)
            writer.writerow(["incoming_id", "index_id", "score"])
            linked = np.where(best >= 0, index.ids[np.maximum(best, 0)], "")
            rows = zip(incoming.ids, linked, np.round(score, 4).tolist(), strict=True)
            writer.writerows(safe_row(row) for row in rows)
        os.replace(handle.name, out)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def link_files(
    index_path: Path,
    incoming_path: Path,
    out_path: Path,
    *,
    threshold: float | None = None,
    model: Model | None = None,
) -> dict:
    """Match every incoming row against the index and write the best link per row."""
    index_people = read_people(index_path)
    incoming_people = read_people(incoming_path)
    if not Path(out_path).resolve().parent.is_dir():
        raise MatchFileError([f"{out_path}: its folder does not exist"])
    vocab, places = Vocabulary(), Places()
    index = to_table(vocab, places, index_people)
    incoming = to_table(vocab, places, incoming_people)
    engine = MemoryIndex(vocab, places, index, model)
    best, score = engine.link(incoming, threshold)
    write_links(out_path, incoming, index, best, score)
    return {
        "incoming": len(incoming),
        "linked": int((best >= 0).sum()),
        "threshold": engine.model.link_threshold if threshold is None else threshold,
        "warnings": index_people.warnings + incoming_people.warnings,
    }
