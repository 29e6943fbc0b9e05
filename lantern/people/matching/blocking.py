"""Which index records are worth scoring for an incoming record (blocking).

Scoring every pair of a million-record index against each incoming record is impossible,
so candidates are the index records that share at least one *key* with it. The keys are
chosen so that each corruption the front door sees still leaves one key intact:

- ``nhs``        the NHS number (exact identifiers first);
- ``dob``        the date of birth and sex with the initial of any name: whatever else
                 happened to the names (typos and nicknames rarely change the first letter
                 of both);
- ``sound+month`` the sound of any first name or surname token with the year and month of
                 birth: a typo or swap in the *other* name, another day, a moved address
                 (the incoming side also tries its day and month swapped);
- ``sound+day``  the same with the day and month of birth: the year is one out;
- ``sound pair`` the sounds of first name and surname, in either order: a changed birth
                 date and a moved address together, names intact.

Name tokens are keyed without regard to which field they came from, so swapped names,
aliases and each part of a double surname all meet. Very large blocks (a common name in a
common year of a huge index) are capped rather than scored whole.
"""

import numpy as np

from lantern.people.matching.records import RecordTable
from lantern.people.matching.vocabulary import Vocabulary

MAX_BLOCK = 2_000
_NHS, _DOB, _YEAR, _DAY, _PAIR = (np.int64(k) << np.int64(58) for k in range(1, 6))


def record_keys(
    vocab: Vocabulary, table: RecordTable, *, incoming: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """Every blocking key of every record: (keys, row of the record each key belongs to).

    An incoming record also asks for the keys it would have with its sex unknown to it
    (both sexes) and with its day and month swapped, so those errors still meet."""
    sound, first, _ = (a.astype(np.int64) for a in vocab.arrays())
    rows = np.arange(len(table))
    found_keys, found_rows = [], []

    def add(keys: np.ndarray, valid: np.ndarray, owner: np.ndarray) -> None:
        valid = np.broadcast_to(valid, keys.shape)
        found_keys.append(keys[valid])
        found_rows.append(np.broadcast_to(owner, keys.shape)[valid])

    add(_NHS | table.nhs, table.nhs > 0, rows)
    tokens = np.concatenate([table.given, table.surname], axis=1)
    valid = tokens >= 0
    initials = np.where(valid, first[np.where(valid, tokens, 0)], 0).astype(np.int64)
    dob, has_dob = table.dob.astype(np.int64)[:, None], (table.dob > 0)[:, None]
    sexes = [table.sex.astype(np.int64)[:, None]]
    if incoming:
        sexes += [np.where(table.sex == 0, s, -1)[:, None] for s in (1, 2)]
    for sex in sexes:
        add(_DOB | dob << 10 | sex << 8 | initials, valid & has_dob & (sex >= 0), rows[:, None])
    sounds = np.where(valid, sound[np.where(valid, tokens, 0)], 0) << 20
    owner = rows[:, None]
    year, month, day = (x.astype(np.int64)[:, None] for x in (table.year, table.month, table.day))
    add(_YEAR | sounds | year << 4 | month, valid & has_dob, owner)
    if incoming:
        swap = has_dob & (day <= 12) & (day != month)
        add(_YEAR | sounds | year << 4 | day, valid & swap, owner)
    add(_DAY | sounds | month << 5 | day, valid & has_dob, owner)
    given = sound[np.maximum(table.given, 0)][:, :, None]
    surname = sound[np.maximum(table.surname, 0)][:, None, :]
    low, high = np.minimum(given, surname), np.maximum(given, surname)
    pair_valid = (table.given >= 0)[:, :, None] & (table.surname >= 0)[:, None, :]
    add(_PAIR | low << 28 | high, pair_valid, rows[:, None, None])
    return np.concatenate(found_keys), np.concatenate(found_rows)


class BlockIndex:
    """The index's keys sorted, so each incoming key finds its block by binary search."""

    def __init__(self, vocab: Vocabulary, table: RecordTable) -> None:
        keys, rows = record_keys(vocab, table)
        order = np.argsort(keys, kind="stable")
        self.keys, self.rows = keys[order], rows[order].astype(np.int64)
        self.size = len(table)

    def pairs(self, vocab: Vocabulary, incoming: RecordTable) -> tuple[np.ndarray, np.ndarray]:
        """Distinct (incoming row, index row) pairs sharing at least one key."""
        keys, owners = record_keys(vocab, incoming, incoming=True)
        start = np.searchsorted(self.keys, keys, side="left")
        stop = np.searchsorted(self.keys, keys, side="right")
        sizes = stop - start
        keep = (sizes > 0) & (sizes <= MAX_BLOCK)
        start, sizes, owners = start[keep], sizes[keep], owners[keep]
        total = int(sizes.sum())
        if not total:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        offsets = np.repeat(start - np.cumsum(sizes) + sizes, sizes) + np.arange(total)
        codes = np.repeat(owners.astype(np.int64), sizes) * self.size + self.rows[offsets]
        codes.sort()
        codes = codes[np.r_[True, codes[1:] != codes[:-1]]]
        return codes // self.size, codes % self.size
