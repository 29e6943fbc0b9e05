"""Comparison levels for record pairs, computed a whole array of pairs at a time.

Each comparison puts a pair into one level, best first, as in Splink; ``-1`` means one
side did not say (no evidence either way). The levels are the trained model's vocabulary
(``model.json``) and the explanation's too, so they are named in ``LEVELS``.

Names are compared without regard to order or to which name a person was known by: the
incoming first given name against every given name the person has had (aliases, agency
spellings, "known as"), then the same with first and last names swapped, keeping the
better reading (Splink's separate forename and surname comparisons lose swapped names
with a second error; this is the case they miss).
"""

from dataclasses import dataclass, field, replace

import numpy as np

from lantern.people.matching import vocabulary as rel
from lantern.people.matching.records import RecordTable
from lantern.people.matching.vocabulary import Vocabulary

LEVELS: dict[str, list[str]] = {
    "forename": ["exact", "nickname", "typo", "sounds alike", "middle name", "initial", "differs"],
    "surname": ["exact", "part of double surname", "typo", "sounds alike", "differs"],
    "name_order": ["as given", "first and last swapped"],
    "date_of_birth": [
        "exact",
        "day and month swapped",
        "one year out",
        "same year and month",
        "same year and day",
        "estimated, within a year",
        "differs",
    ],
    "sex": ["agrees", "differs"],
    "postcode": ["exact", "same sector", "same district", "differs"],
    "nhs_number": ["agrees", "differs"],
}
FORENAME_BY_RELATION = {rel.EXACT: 0, rel.NICKNAME: 1, rel.TYPO: 2, rel.SOUND: 3, rel.INITIAL: 5}
SURNAME_BY_RELATION = {rel.EXACT: 1, rel.TYPO: 2, rel.SOUND: 3}


@dataclass
class PairLevels:
    """Levels per comparison for P pairs, and which index slots gave the name agreement."""

    levels: dict[str, np.ndarray]
    tf_forename: np.ndarray  # term frequency of the agreeing token where a level is "exact"
    tf_surname: np.ndarray
    detail: dict[str, np.ndarray] = field(default_factory=dict)


def _flat(grid: np.ndarray) -> np.ndarray:
    return grid.reshape(grid.shape[0], grid.shape[1] * grid.shape[2])


def _best(relation: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Strongest relation over the last two axes, and the index-side slot that gave it."""
    flat = _flat(relation)
    at = flat.argmax(axis=1)
    return flat[np.arange(len(flat)), at], at % relation.shape[2]


def _map(codes: np.ndarray, table: dict[int, int], otherwise: int) -> np.ndarray:
    out = np.full(codes.shape, otherwise, dtype=np.int8)
    for code, level in table.items():
        out[codes == code] = level
    out[codes == rel.MISSING] = -1
    return out


def _any_equal(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    flat = _flat((a[:, :, None] == b[:, None, :]) & (a[:, :, None] >= 0))
    return flat.any(axis=1), flat.argmax(axis=1) % b.shape[1]


def _names(vocab, ga, ma, sa, fa, gb, mb, sb, fb) -> dict[str, np.ndarray]:
    """Forename and surname levels for one reading (as given, or swapped)."""
    given_rel, given_slot = _best(vocab.relation(ga[:, :, None], gb[:, None, :]))
    forename = _map(given_rel, FORENAME_BY_RELATION, otherwise=6)
    middle = _any_equal(ga, mb)[0] | _any_equal(ma, gb)[0]
    forename[(forename >= 5) & middle] = 4
    token_rel, surname_slot = _best(vocab.relation(sa[:, :, None], sb[:, None, :], nicknames=False))
    surname = _map(token_rel, SURNAME_BY_RELATION, otherwise=4)
    whole, whole_slot = _any_equal(fa, fb)
    surname[whole] = 0
    strength = np.where(forename >= 0, 7 - forename, 0) + np.where(surname >= 0, 5 - surname, 0)
    return {
        "forename": forename,
        "surname": surname,
        "strength": strength,
        "given_slot": given_slot,
        "surname_slot": np.where(whole, whole_slot, surname_slot),
        "surname_whole": whole,
    }


SLOTTED = ("given", "middle", "surname", "sfull", "postcode", "sector", "district")


def _trimmed(table: RecordTable) -> RecordTable:
    """The table without trailing slot columns that no record uses (most people have one
    name and one postcode): every comparison is then over fewer slot pairs."""
    changes = {}
    for name in SLOTTED:
        slots = getattr(table, name)
        used = np.flatnonzero((slots >= 0).any(axis=0)) if len(slots) else []
        width = max(int(used[-1]) + 1 if len(used) else 1, 1)
        if width < slots.shape[1]:
            changes[name] = slots[:, :width]
    return replace(table, **changes) if changes else table


def compare(vocab: Vocabulary, a: RecordTable, b: RecordTable) -> PairLevels:
    """Levels for pairs (a[i], b[i]): ``a`` the incoming side, ``b`` the index side, both
    already gathered to pair order."""
    a, b = _trimmed(a), _trimmed(b)
    straight = _names(
        vocab, a.given, a.middle, a.surname, a.sfull, b.given, b.middle, b.surname, b.sfull
    )
    swapped = _names(
        vocab, a.given, a.middle, a.surname, a.sfull, b.surname, b.middle, b.given, b.given
    )
    swap = swapped["strength"] > straight["strength"]
    chosen = {k: np.where(swap, swapped[k], straight[k]) for k in straight}
    has_names = (chosen["forename"] >= 0) | (chosen["surname"] >= 0)
    # Term frequency of the incoming record's own first name and surname: where the level
    # is "exact" that is (nearly always) the name both records share.
    tf_forename = vocab.frequency(a.given[:, 0])
    tf_surname = vocab.frequency(a.sfull[:, 0])
    postcode, postcode_slot = _postcode(a, b)
    levels = {
        "forename": chosen["forename"],
        "surname": chosen["surname"],
        "name_order": np.where(has_names, swap.astype(np.int8), -1).astype(np.int8),
        "date_of_birth": _dob(a, b),
        "sex": _agree(a.sex, b.sex, missing=0),
        "postcode": postcode,
        "nhs_number": _agree(a.nhs, b.nhs, missing=0),
    }
    detail = {
        "given_slot": chosen["given_slot"],
        "surname_slot": chosen["surname_slot"],
        "surname_whole": chosen["surname_whole"],
        "postcode_slot": postcode_slot,
    }
    return PairLevels(levels, tf_forename, tf_surname, detail)


def _agree(a: np.ndarray, b: np.ndarray, *, missing) -> np.ndarray:
    out = np.where(a == b, 0, 1).astype(np.int8)
    out[(a == missing) | (b == missing)] = -1
    return out


def _dob(a: RecordTable, b: RecordTable) -> np.ndarray:
    out = np.full(len(a), 6, dtype=np.int8)
    near = np.abs(a.dob.astype(np.int64) - b.dob) <= 366
    out[(a.dob_estimated | b.dob_estimated) & near] = 5
    same_year = a.year == b.year
    out[same_year & (a.day == b.day)] = 4
    out[same_year & (a.month == b.month)] = 3
    out[
        (np.abs(a.year.astype(np.int32) - b.year) == 1) & (a.month == b.month) & (a.day == b.day)
    ] = 2
    swapped = same_year & (a.day == b.month) & (a.month == b.day) & (a.day != a.month)
    out[swapped] = 1
    out[a.dob == b.dob] = 0
    out[(a.dob < 0) | (b.dob < 0)] = -1
    return out


def _postcode(a: RecordTable, b: RecordTable) -> tuple[np.ndarray, np.ndarray]:
    out = np.full(len(a), 3, dtype=np.int8)
    slot = np.zeros(len(a), dtype=np.int8)
    for level, column in ((2, "district"), (1, "sector"), (0, "postcode")):
        hit, where = _any_equal(getattr(a, column), getattr(b, column))
        out[hit] = level
        slot[hit] = where[hit]
    missing = (a.district.max(axis=1) < 0) | (b.district.max(axis=1) < 0)
    out[missing] = -1
    return out, slot
