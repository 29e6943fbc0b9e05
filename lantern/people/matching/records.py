"""People as columns of integers, the form the comparisons and blocking work on.

Both sides of a comparison (the index and the incoming records) become a ``RecordTable``:
fixed-width arrays of token ids with ``-1`` for "none". Each name a person is known by is
a *variant* (0 is the main name, then aliases, previous names, agency spellings, in the
order given), and every token slot remembers its variant so an explanation can say
"surname matches an alias used by Metropolitan Police".

Names are split into roles: the first given name (``given``), other given names
(``middle``), surname tokens (``surname``) and each whole surname (``sfull``), so a
hyphenated or double surname can match in part. Parsing is done once per distinct
string, not once per record: a million records hold far fewer distinct names.
"""

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields

import numpy as np

from lantern.people import names
from lantern.people.matching.vocabulary import Vocabulary

# Token slots per record (given, middle, surname tokens, whole surnames). The database path
# keeps every alias a person has; files and benchmarks keep two names, which halves the
# cost of comparing millions of pairs.
WIDE, NARROW = (4, 3, 4, 3), (2, 2, 3, 2)
PLACES = 3
OTHER_NAME_SEPARATOR = re.compile(r"[;|]")
SEX_CODES = {"m": 1, "male": 1, "f": 2, "female": 2}


@dataclass
class RecordTable:
    ids: np.ndarray
    given: np.ndarray
    given_var: np.ndarray
    middle: np.ndarray
    middle_var: np.ndarray
    surname: np.ndarray
    surname_var: np.ndarray
    sfull: np.ndarray
    sfull_var: np.ndarray
    dob: np.ndarray  # proleptic ordinal, -1 when unknown
    year: np.ndarray
    month: np.ndarray
    day: np.ndarray
    dob_estimated: np.ndarray
    sex: np.ndarray  # 0 unknown, 1 male, 2 female
    postcode: np.ndarray  # place ids: full postcode, sector, district
    sector: np.ndarray
    district: np.ndarray
    nhs: np.ndarray  # 0 when unknown

    def __len__(self) -> int:
        return len(self.dob)

    def take(self, rows: np.ndarray, *, for_scoring: bool = False) -> "RecordTable":
        """The records at ``rows``; ``for_scoring`` leaves out the ids and name-variant
        numbers only explanations need (gathering them costs more than scoring)."""
        skip = {"ids", "given_var", "middle_var", "surname_var", "sfull_var"} if for_scoring else ()
        return RecordTable(
            **{
                f.name: getattr(self, f.name)[rows] if f.name not in skip else None
                for f in fields(self)
            }
        )


class Places:
    """Postcodes, sectors and districts as ids (one table: their spellings never collide)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.words: list[str] = []
        self.parsed: dict[str, list[int]] = {}

    def id(self, text: str) -> int:
        found = self.ids.get(text)
        if found is None:
            found = self.ids[text] = len(self.words)
            self.words.append(text)
        return found


@functools.lru_cache(maxsize=50_000)
def split_postcode(text: str) -> tuple[str, str, str]:
    """("N17 6AB", "N17 6", "N17"); a partial postcode ("N17") gives only its district.
    Kept for the postcodes seen most lately: every contact page splits each candidate's."""
    compact = re.sub(r"[^A-Z0-9]", "", (text or "").upper())
    if len(compact) >= 5:
        outward, inward = compact[:-3], compact[-3:]
        return f"{outward} {inward}", f"{outward} {inward[0]}", outward
    if 2 <= len(compact) <= 4:
        return "", "", compact
    return "", "", ""


def parse_other_name(text: str) -> tuple[list[str], list[str]]:
    """Given and surname tokens of one other name. A single word is a given name ("known
    as Bobby"); otherwise the last word is the surname, kept whole if hyphenated."""
    words = text.split()
    if len(words) == 1:
        return names.tokens(words[0]), []
    return names.tokens(*words[:-1]), names.tokens(words[-1])


def dates_to_ordinals(dates: Sequence[dt.date | None]) -> np.ndarray:
    return np.fromiter((d.toordinal() if d else -1 for d in dates), np.int32, len(dates))


def _fill(slots: np.ndarray, var: np.ndarray, row: int, ids: list[int], variant: int) -> None:
    free = np.flatnonzero(slots[row] < 0)
    for slot, token in zip(free, (t for t in ids if t not in slots[row]), strict=False):
        slots[row, slot], var[row, slot] = token, variant


def _whole(vocab: Vocabulary, tokens: list[str]) -> list[int]:
    return [vocab.id(" ".join(tokens))] if tokens else []


def _column(values: Sequence[str], width: int, parse) -> tuple[np.ndarray, np.ndarray]:
    """Parse each distinct string once (anything not a string, such as a missing value read
    from a file, as ""); gather the results back to every row. (A dict, not
    pandas' factorize: a contact's few hundred candidates are built on every MASH page, and
    two Series a column cost more than the parsing.)"""
    first_row: dict[str, int] = {}
    index = np.fromiter(
        (first_row.setdefault(t if isinstance(t, str) else "", len(first_row)) for t in values),
        np.intp,
        len(values),
    )
    uniques = list(first_row)
    table = np.full((len(uniques), width), -1, dtype=np.int32)
    for row, text in enumerate(uniques):
        parsed = parse(text)[:width]
        table[row, : len(parsed)] = parsed
    return table[index], index


def build(
    vocab: Vocabulary,
    places: Places,
    *,
    ids: Sequence,
    first_names: Sequence[str],
    last_names: Sequence[str],
    other_names: Sequence[str | list[tuple[str, str]]] | None = None,
    dob: np.ndarray | None = None,
    dob_estimated: np.ndarray | None = None,
    sexes: Sequence[str] | None = None,
    postcodes: Sequence[str] | None = None,
    nhs_numbers: Sequence[str] | None = None,
    widths: tuple[int, int, int, int] = WIDE,
) -> RecordTable:
    """Columns of strings in, a ``RecordTable`` out. ``postcodes`` may hold an address
    history separated by ";" (current first); ``other_names`` several names the same way,
    or, where the parts are known, a list of (given names, surname) per name."""
    n = len(ids)
    n_given, n_middle, n_surname, n_sfull = widths
    first_tokens, _ = _column(
        first_names, 1 + n_middle, lambda t: [vocab.id(x) for x in names.tokens(t)]
    )
    given = np.full((n, n_given), -1, np.int32)
    given[:, 0] = first_tokens[:, 0]
    middle = np.ascontiguousarray(first_tokens[:, 1:])
    surname, _ = _column(last_names, n_surname, lambda t: [vocab.id(x) for x in names.tokens(t)])
    sfull = np.full((n, n_sfull), -1, np.int32)
    sfull[:, :1] = _column(last_names, 1, lambda t: _whole(vocab, names.tokens(t)))[0]
    given_var = np.where(given >= 0, 0, -1).astype(np.int8)
    middle_var = np.where(middle >= 0, 0, -1).astype(np.int8)
    surname_var = np.where(surname >= 0, 0, -1).astype(np.int8)
    sfull_var = np.where(sfull >= 0, 0, -1).astype(np.int8)
    for row, others in enumerate(other_names or ()):
        if not others:
            continue
        parsed = (
            [parse_other_name(o) for o in OTHER_NAME_SEPARATOR.split(others) if o.strip()]
            if isinstance(others, str)
            else [(names.tokens(g), names.tokens(s)) for g, s in others]
        )
        for variant, (given_tokens, surname_tokens) in enumerate(parsed, start=1):
            ids_given = [vocab.id(t) for t in given_tokens]
            _fill(given, given_var, row, ids_given[:1], variant)
            _fill(middle, middle_var, row, ids_given[1:], variant)
            _fill(surname, surname_var, row, [vocab.id(t) for t in surname_tokens], variant)
            _fill(sfull, sfull_var, row, _whole(vocab, surname_tokens), variant)
    dob = np.full(n, -1, np.int32) if dob is None else np.asarray(dob, np.int32)
    year, month, day = date_parts(dob)
    place = _column(postcodes or [""] * n, 3 * PLACES, lambda t: _places(places, t))[0]
    place = place.reshape(n, 3, PLACES)
    return RecordTable(
        ids=np.asarray(ids, dtype=object),
        given=given,
        given_var=given_var,
        middle=middle,
        middle_var=middle_var,
        surname=surname,
        surname_var=surname_var,
        sfull=sfull,
        sfull_var=sfull_var,
        dob=dob,
        year=year,
        month=month,
        day=day,
        dob_estimated=np.zeros(n, bool)
        if dob_estimated is None
        else np.asarray(dob_estimated, bool),
        sex=np.fromiter(
            (SEX_CODES.get((s or "").strip().lower(), 0) for s in (sexes or [""] * n)), np.int8, n
        ),
        postcode=np.ascontiguousarray(place[:, 0]),
        sector=np.ascontiguousarray(place[:, 1]),
        district=np.ascontiguousarray(place[:, 2]),
        nhs=np.fromiter(
            (int(v) if v and v.isdigit() else 0 for v in (nhs_numbers or [""] * n)), np.int64, n
        ),
    )


def _places(places: Places, text: str) -> list[int]:
    """Place ids for one address history: full postcodes, sectors, districts (3 slots each)."""
    found = places.parsed.get(text or "")
    if found is not None:
        return found
    columns = [[-1] * PLACES for _ in range(3)]
    for slot, part in enumerate(p for p in (text or "").split(";") if p.strip()):
        if slot >= PLACES:
            break
        for level, value in enumerate(split_postcode(part)):
            if value:
                columns[level][slot] = places.id(value)
    flat = places.parsed[text or ""] = columns[0] + columns[1] + columns[2]
    return flat


def date_parts(dob: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    known = dob > 0
    days = np.where(known, dob, dt.date(2000, 1, 1).toordinal()) - 719163  # to 1970-01-01
    as_dates = days.astype("datetime64[D]")
    years = as_dates.astype("datetime64[Y]").astype(int) + 1970
    months = as_dates.astype("datetime64[M]").astype(int) % 12 + 1
    day = (as_dates - as_dates.astype("datetime64[M]")).astype(int) + 1
    zero = np.zeros_like(years)
    return (
        np.where(known, years, zero).astype(np.int16),
        np.where(known, months, zero).astype(np.int8),
        np.where(known, day, zero).astype(np.int8),
    )
