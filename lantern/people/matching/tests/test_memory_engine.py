"""The in-memory engine on synthetic data with known truth (the benchmark, small)."""

import numpy as np
import pytest

from lantern.people.matching import corruption, files, synthetic
from lantern.people.matching.memory import MemoryIndex
from lantern.people.matching.model import default_model
from lantern.people.matching.records import Places
from lantern.people.matching.vocabulary import Vocabulary


@pytest.fixture(scope="module")
def linked():
    index_frame, left_out, population = synthetic.people(4000, seed=7)
    incoming_frame, truth, kinds = corruption.incoming(
        index_frame, left_out, population, 800, seed=8
    )
    vocab, places = Vocabulary(), Places()
    index = files.to_table(vocab, places, files.check_people(index_frame, "index"))
    incoming = files.to_table(vocab, places, files.check_people(incoming_frame, "incoming"))
    engine = MemoryIndex(vocab, places, index)
    best, _ = engine.link(incoming)
    found = np.where(best >= 0, index.ids[np.maximum(best, 0)], "")
    expected = np.array([truth[i] for i in incoming.ids], dtype=object)
    return engine, incoming, found, expected, np.array(kinds)


def test_it_links_synthetic_records_with_high_precision_and_recall(linked):
    _, _, found, expected, _ = linked
    tp = ((found == expected) & (expected != "")).sum()
    precision = tp / max((found != "").sum(), 1)
    recall = tp / (expected != "").sum()
    assert precision > 0.97 and recall > 0.95, (precision, recall)


def test_it_gets_most_of_splinks_hard_cases_right(linked):
    """Swapped names with a typo, and a changed birth date with a moved address and no NHS
    number: Splink's standard person model gets about 38% and 57% of these (bench)."""
    _, _, found, expected, kinds = linked
    for kind, share in (("swap", 0.9), ("moved", 0.65)):
        chosen = kinds == kind
        assert (found[chosen] == expected[chosen]).mean() > share, kind


def test_a_single_lookup_returns_the_same_best_candidate(linked):
    engine, incoming, found, _, _ = linked
    for row in np.flatnonzero(found != "")[:20]:
        top = engine.lookup(incoming.take(np.array([row])), limit=3)
        assert engine.table.ids[top[0][0]] == found[row]
        assert top[0][1] >= default_model().link_threshold


def test_the_shipped_model_loads_and_round_trips():
    model = default_model()
    again = type(model).from_dict(model.to_dict())
    assert again.link_threshold == model.link_threshold
    assert 0 < model.prior_match_share < 1
