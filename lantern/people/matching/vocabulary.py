"""Name tokens as integers, and how any two of them relate.

Scoring millions of record pairs in Python one string at a time is too slow, so every
name token gets an integer id once, and what is known about a token (its sound, its
single-letter deletions, its nickname group, how common it is) is worked out once per
distinct token rather than once per pair. Relations between two tokens are then array
look-ups:

- ``EXACT``    the same token;
- ``NICKNAME`` the same given name to the people who use it (``nicknames.csv``);
- ``TYPO``     one keystroke apart: a wrong, missing, extra or swapped letter. Two tokens
               within one edit share a single-letter deletion (the SymSpell trick that
               ``people.names`` also uses for ``NameKey``), so close pairs come from a
               join on deletions, not from comparing every token with every other;
- ``SOUND``    the same Metaphone code ("Klimbie" and "Climbie");
- ``INITIAL``  one side is a bare initial that the other starts with.
"""

import csv
from functools import cache
from pathlib import Path

import numpy as np

from lantern.people import names

NONE, INITIAL, SOUND, TYPO, NICKNAME, EXACT = 0, 1, 2, 3, 4, 5
MISSING = -1
NICKNAMES_FILE = Path(__file__).with_name("nicknames.csv")
_SHIFT = np.int64(1 << 31)


@cache
def nickname_groups() -> tuple[frozenset[str], ...]:
    groups = []
    with NICKNAMES_FILE.open(encoding="utf-8") as handle:
        for row in csv.reader(line for line in handle if not line.startswith("#")):
            group = frozenset(t for cell in row for t in names.tokens(cell))
            if len(group) > 1:
                groups.append(group)
    return tuple(groups)


def are_nicknames(a: str, b: str) -> bool:
    return any(a in group and b in group for group in nickname_groups())


def _pair_codes(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    low, high = np.minimum(a, b).astype(np.int64), np.maximum(a, b).astype(np.int64)
    return low * _SHIFT + high


def _member(codes: np.ndarray, sorted_codes: np.ndarray) -> np.ndarray:
    if not len(sorted_codes) or not codes.size:
        return np.zeros(codes.shape, dtype=bool)
    at = np.searchsorted(sorted_codes, codes).clip(0, len(sorted_codes) - 1)
    return sorted_codes[at] == codes


class Vocabulary:
    """Token ids shared by the index and the incoming records being compared with it."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.words: list[str] = []
        self._sound: list[int] = []
        self._sound_ids: dict[str, int] = {}
        self._first: list[int] = []
        self._length: list[int] = []
        self._arrays: tuple[np.ndarray, ...] | None = None
        self._deletions: dict[str, list[int]] = {}
        self._nick_groups: dict[str, list[int]] = {}
        for number, group in enumerate(nickname_groups()):
            for token in group:
                self._nick_groups.setdefault(token, []).append(number)
        self._by_group: dict[int, list[int]] = {}
        self._close: set[int] = set()
        self._nicks: set[int] = set()
        self._sorted: tuple[np.ndarray, np.ndarray] | None = None
        self._late: tuple[set[int], set[int]] = (set(), set())
        self.counts = np.zeros(0, dtype=np.int64)
        self.population = 0

    def __len__(self) -> int:
        return len(self.words)

    def id(self, token: str) -> int:
        """The token's id, adding it (and its relations to known tokens) if new."""
        found = self.ids.get(token)
        if found is not None:
            return found
        new = len(self.words)
        self.ids[token] = new
        self.words.append(token)
        code = names.phonetic(token)
        self._sound.append(self._sound_ids.setdefault(code, len(self._sound_ids)))
        self._first.append(ord(token[0]))
        self._length.append(len(token))
        # Once the pair tables are sorted (the index is built), later tokens (a single
        # lookup's typo) go to small side tables instead of re-sorting millions of pairs.
        close, nicks = (self._close, self._nicks) if self._sorted is None else self._late
        # Earlier tokens have smaller ids, so (older << 31) | new is the pair's code.
        for deletion in names.deletions(token):
            partners = self._deletions.setdefault(deletion, [])
            close.update((older << 31) | new for older in partners)
            partners.append(new)
        for group in self._nick_groups.get(token, ()):
            members = self._by_group.setdefault(group, [])
            nicks.update((older << 31) | new for older in members)
            members.append(new)
        return new

    def _tables(self) -> tuple[np.ndarray, np.ndarray]:
        if self._sorted is None:
            self._sorted = (
                np.sort(np.fromiter(self._close, dtype=np.int64, count=len(self._close))),
                np.sort(np.fromiter(self._nicks, dtype=np.int64, count=len(self._nicks))),
            )
            self._close, self._nicks = set(), set()
        return self._sorted

    def _is_pair(self, codes: np.ndarray, kind: int) -> np.ndarray:
        found = _member(codes, self._tables()[kind])
        late = self._late[kind]
        if late:
            found |= np.isin(codes, np.fromiter(late, dtype=np.int64, count=len(late)))
        return found

    def arrays(self) -> tuple[np.ndarray, ...]:
        """Per-token sound code, first letter and length, indexed by token id."""
        have = 0 if self._arrays is None else len(self._arrays[0])
        if have < len(self.words):
            tails = (self._sound[have:], self._first[have:], self._length[have:])
            new = tuple(np.asarray(t, dtype=np.int32) for t in tails)
            self._arrays = (
                new
                if self._arrays is None
                else tuple(np.concatenate(pair) for pair in zip(self._arrays, new, strict=True))
            )
        return self._arrays

    def relation(self, a: np.ndarray, b: np.ndarray, *, nicknames: bool = True) -> np.ndarray:
        """The strongest relation between tokens ``a`` and ``b`` element-wise (same shape);
        ``MISSING`` where either side has no token."""
        sound, first, lengths = self.arrays()
        out = np.full(np.broadcast_shapes(a.shape, b.shape), NONE, dtype=np.int8)
        a, b = np.broadcast_to(a, out.shape), np.broadcast_to(b, out.shape)
        present = (a >= 0) & (b >= 0)
        out[~present] = MISSING
        ia, ib = a[present], b[present]
        rel = np.full(ia.shape, NONE, dtype=np.int8)
        la, lb = lengths[ia], lengths[ib]
        rel[((la == 1) | (lb == 1)) & (first[ia] == first[ib])] = INITIAL
        rel[sound[ia] == sound[ib]] = SOUND
        same = ia == ib
        # Only tokens one letter apart in length can be one keystroke apart: look only those
        # up (the pair tables are large); nicknames are looked up for given names only.
        near = ~same & (np.abs(la - lb) <= 1)
        rel[np.flatnonzero(near)[self._is_pair(_pair_codes(ia[near], ib[near]), 0)]] = TYPO
        if nicknames:
            other = np.flatnonzero(~same)
            rel[other[self._is_pair(_pair_codes(ia[other], ib[other]), 1)]] = NICKNAME
        rel[same] = EXACT
        out[present] = rel
        return out

    def frequency(self, ids: np.ndarray) -> np.ndarray:
        """Share of the index whose names contain each token (term frequency), for
        Splink-style adjustment: agreeing on "Smith" is weaker evidence than on "Okonkwo"."""
        counts = np.zeros(ids.shape, dtype=np.float64)
        known = (ids >= 0) & (ids < len(self.counts))
        counts[known] = self.counts[ids[known]]
        population = max(self.population, 1)
        return np.maximum(counts, 1.0) / population
