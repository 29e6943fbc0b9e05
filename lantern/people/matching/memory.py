"""The in-memory engine: an index held as arrays, matched in batches or one record at a time.

Used by ``lantern match`` on files, by the benchmark, and by training. The web app's
``find_candidates`` scores the same way (``comparisons`` + ``model``) but finds its
candidates through the database's indexes instead (``engine``).
"""

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from lantern.people.matching.blocking import BlockIndex
from lantern.people.matching.comparisons import PairLevels, compare
from lantern.people.matching.model import Model, default_model
from lantern.people.matching.records import Places, RecordTable
from lantern.people.matching.vocabulary import Vocabulary

CHUNK_ROWS = 2_000
THREADS = min(4, os.cpu_count() or 1)


@dataclass
class Scored:
    """Scored pairs: incoming row, index row, probability, total weight, levels."""

    incoming: np.ndarray
    index: np.ndarray
    score: np.ndarray
    weight: np.ndarray
    levels: PairLevels
    weights: dict[str, np.ndarray]


def count_tokens(vocab: Vocabulary, table: RecordTable) -> None:
    """Term frequencies over the index: how many records hold each token or surname."""
    slots = np.concatenate([table.given, table.middle, table.surname, table.sfull], axis=1)
    present = slots[slots >= 0]
    vocab.counts = np.bincount(present, minlength=len(vocab)).astype(np.int64)
    vocab.population = len(table)


class MemoryIndex:
    def __init__(
        self,
        vocab: Vocabulary,
        places: Places,
        table: RecordTable,
        model: Model | None = None,
    ) -> None:
        self.vocab, self.places, self.table = vocab, places, table
        self.model = model or default_model()
        count_tokens(vocab, table)
        self.blocks = BlockIndex(vocab, table)

    def __len__(self) -> int:
        return len(self.table)

    def score_pairs(self, incoming: RecordTable, ia: np.ndarray, ib: np.ndarray) -> Scored:
        levels = compare(
            self.vocab,
            incoming.take(ia, for_scoring=True),
            self.table.take(ib, for_scoring=True),
        )
        total, weights = self.model.match_weight(levels, len(self))
        score = self.model.posterior(ia, total, len(self))
        return Scored(ia, ib, score, total, levels, weights)

    def candidates(self, incoming: RecordTable) -> Scored:
        ia, ib = self.blocks.pairs(self.vocab, incoming)
        return self.score_pairs(incoming, ia, ib)

    def link(
        self, incoming: RecordTable, threshold: float | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Best index row per incoming row (-1 when none reaches ``threshold``), and its
        score (the best candidate's, even when below the threshold; 0 with no candidate)."""
        threshold = self.model.link_threshold if threshold is None else threshold
        best = np.full(len(incoming), -1, dtype=np.int64)
        score = np.zeros(len(incoming))
        self.vocab.arrays()  # build the shared look-up tables before the threads start
        self.vocab.relation(np.zeros(1, np.int32), np.zeros(1, np.int32))

        def chunk(start: int) -> None:
            rows = np.arange(start, min(start + CHUNK_ROWS, len(incoming)))
            scored = self.candidates(incoming.take(rows))
            if not len(scored.score):
                return
            order = np.lexsort((-scored.score, scored.incoming))
            first = order[np.r_[True, np.diff(scored.incoming[order]) != 0]]
            owner = rows[scored.incoming[first]]
            score[owner] = scored.score[first]
            passed = scored.score[first] >= threshold
            best[owner[passed]] = scored.index[first][passed]

        # numpy releases the GIL in its loops, so threads use both cores on one copy of
        # the index; chunks write to disjoint rows of ``best`` and ``score``.
        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            list(pool.map(chunk, range(0, len(incoming), CHUNK_ROWS)))
        return best, score

    def lookup(self, incoming: RecordTable, limit: int = 5) -> list[tuple[int, float]]:
        """The best ``limit`` candidates for one incoming record: (index row, score)."""
        scored = self.candidates(incoming)
        order = np.argsort(-scored.score)[:limit]
        return [(int(scored.index[i]), float(scored.score[i])) for i in order]
