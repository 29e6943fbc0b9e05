"""Training the model the way Splink does, on synthetic data: ``lantern match train``.

1. **u** by random sampling: pairs drawn at random are almost all different people, so
   their level frequencies are the u probabilities (Splink's
   ``estimate_u_using_random_sampling``).
2. **m** and the match rate by expectation maximisation over the blocked pairs, u held
   fixed (``estimate_parameters_using_expectation_maximisation``). No labels are used.
3. **t**, the household look-alike distribution, from pairs of *different* index records
   sharing a surname and a postcode: in a deduplicated index these are family members.
4. Swapped names are never evidence *for* a match (see ``train``).
5. The link threshold is the only step that looks at the known truth: the score at which
   F1 peaks on the training data (a different seed from the benchmark's), rounded.
"""

import numpy as np

from lantern.people.matching import corruption, files, records, synthetic
from lantern.people.matching.comparisons import LEVELS, compare
from lantern.people.matching.memory import MemoryIndex
from lantern.people.matching.model import Model
from lantern.people.matching.records import Places
from lantern.people.matching.vocabulary import Vocabulary

EM_ROUNDS = 40
SMOOTHING = 1.0


def frequencies(levels: dict, weight: np.ndarray | None = None, names=None) -> dict:
    out = {}
    for name in names or LEVELS:
        labels, level = LEVELS[name], levels[name]
        w = np.ones(len(level)) if weight is None else weight
        counts = np.bincount(level[level >= 0], weights=w[level >= 0], minlength=len(labels))
        out[name] = (counts + SMOOTHING) / (counts.sum() + SMOOTHING * len(labels))
    return out


def starting_model() -> Model:
    """Guesses EM starts from: agreement likely among matches, rare among non-matches."""
    m, u = {}, {}
    for name, labels in LEVELS.items():
        m[name] = np.geomspace(0.8, 0.01, len(labels))
        u[name] = np.geomspace(0.01, 0.9, len(labels))
    return Model(m=m, u=u, t={k: v.copy() for k, v in u.items()})


def expectation_maximisation(levels: dict, u: dict, m: dict, skip: set[str]):
    """m and the share of matches among the blocked pairs, u fixed (Fellegi–Sunter EM).

    As in Splink, the comparisons the pairs were blocked on (``skip``) say nothing here:
    every pair agrees on them by construction."""
    names = [n for n in LEVELS if n not in skip]
    stacked = np.stack([levels[n].astype(np.int16) + 1 for n in names], axis=1)
    patterns, counts = np.unique(stacked, axis=0, return_counts=True)
    patterns = patterns - 1
    share = 0.1
    for _ in range(EM_ROUNDS):
        log_m = np.zeros(len(patterns))
        log_u = np.zeros(len(patterns))
        for k, name in enumerate(names):
            level = patterns[:, k]
            known = level >= 0
            safe = np.where(known, level, 0)
            log_m += np.where(known, np.log(m[name][safe]), 0)
            log_u += np.where(known, np.log(u[name][safe]), 0)
        odds = np.log(share) + log_m - np.log(1 - share) - log_u
        posterior = 1 / (1 + np.exp(-np.clip(odds, -60, 60)))
        weight = posterior * counts
        share = float(np.clip(weight.sum() / counts.sum(), 1e-6, 1 - 1e-6))
        found = frequencies({n: patterns[:, k] for k, n in enumerate(names)}, weight, names)
        m = {**m, **found}
    return m, share


def pairs_on(a_keys: np.ndarray, b_keys: np.ndarray, cap: int = 500):
    """(a row, b row) pairs with equal keys (negative keys never match): a blocking rule."""
    b_rows = np.flatnonzero(b_keys >= 0)
    b_rows = b_rows[np.argsort(b_keys[b_rows], kind="stable")]
    b_sorted = b_keys[b_rows]
    a_rows = np.flatnonzero(a_keys >= 0)
    start = np.searchsorted(b_sorted, a_keys[a_rows], "left")
    sizes = np.searchsorted(b_sorted, a_keys[a_rows], "right") - start
    keep = (sizes > 0) & (sizes <= cap)
    start, sizes, a_rows = start[keep], sizes[keep], a_rows[keep]
    total = int(sizes.sum())
    offsets = np.repeat(start - np.cumsum(sizes) + sizes, sizes) + np.arange(total)
    return np.repeat(a_rows, sizes), b_rows[offsets]


def household_pairs(table, limit: int = 200_000) -> tuple[np.ndarray, np.ndarray, float]:
    """Pairs of different records sharing a whole surname and a current postcode."""
    keys = table.sfull[:, 0].astype(np.int64) * (1 << 31) + table.postcode[:, 0]
    usable = np.flatnonzero((table.sfull[:, 0] >= 0) & (table.postcode[:, 0] >= 0))
    order = usable[np.argsort(keys[usable], kind="stable")]
    sorted_keys = keys[order]
    left, right = [], []
    for gap in (1, 2, 3, 4, 5):
        same = sorted_keys[gap:] == sorted_keys[:-gap]
        left.append(order[:-gap][same])
        right.append(order[gap:][same])
    a, b = np.concatenate(left), np.concatenate(right)
    per_person = 2 * len(a) / max(len(table), 1)
    pick = np.random.default_rng(0).permutation(len(a))[:limit]
    return a[pick], b[pick], per_person


def best_threshold(engine: MemoryIndex, incoming, truth: dict[str, str]) -> float:
    best_row, score = engine.link(incoming, threshold=0.0)
    linked = np.where(best_row >= 0, engine.table.ids[np.maximum(best_row, 0)], "")
    expected = np.array([truth[i] for i in incoming.ids], dtype=object)
    results = []
    for threshold in np.round(np.arange(0.05, 1.0, 0.05), 2):
        predicted = np.where(score >= threshold, linked, "")
        tp = int(((predicted == expected) & (expected != "")).sum())
        fp = int(((predicted != "") & (predicted != expected)).sum())
        fn = int((expected != "").sum()) - tp
        results.append((2 * tp / max(2 * tp + fp + fn, 1), float(threshold)))
    return max(results)[1]


def train(index_size: int = 200_000, incoming_size: int = 40_000, seed: int = 101) -> Model:
    index_frame, left_out, population = synthetic.people(index_size, seed=seed)
    incoming_frame, truth, _ = corruption.incoming(
        index_frame, left_out, population, incoming_size, seed=seed + 1
    )
    vocab, places = Vocabulary(), Places()
    index = files.to_table(vocab, places, _as_people(index_frame))
    incoming = files.to_table(vocab, places, _as_people(incoming_frame))
    model = starting_model()
    engine = MemoryIndex(vocab, places, index, model)
    rng = np.random.default_rng(seed)
    estimated_ages(index, incoming, truth, rng)
    ra = rng.integers(0, len(incoming), 1_000_000)
    rb = rng.integers(0, len(index), 1_000_000)
    model.u = frequencies(compare(vocab, incoming.take(ra), index.take(rb)).levels)
    # Two EM sessions, as Splink's documentation recommends: pairs born on the same day
    # teach the name, sex, address and NHS levels; pairs with the same names teach the rest.
    da, db = pairs_on(incoming.dob.astype(np.int64), index.dob.astype(np.int64))
    by_dob = compare(vocab, incoming.take(da), index.take(db)).levels
    m_names, share_dob = expectation_maximisation(by_dob, model.u, model.m, {"date_of_birth"})
    name_key = lambda t: np.where(  # noqa: E731
        (t.given[:, 0] >= 0) & (t.sfull[:, 0] >= 0),
        t.given[:, 0].astype(np.int64) * (1 << 31) + t.sfull[:, 0],
        -1,
    )
    na, nb = pairs_on(name_key(incoming), name_key(index))
    by_name = compare(vocab, incoming.take(na), index.take(nb)).levels
    m_dob, _ = expectation_maximisation(
        by_name, model.u, model.m, {"forename", "surname", "name_order"}
    )
    model.m = {**m_names, "date_of_birth": m_dob["date_of_birth"]}
    for shared in ("sex", "postcode", "nhs_number"):
        model.m[shared] = (m_names[shared] + m_dob[shared]) / 2
    # The swapped reading is chosen *because* the names then agree, so its rarity among
    # strangers is already counted in the name levels: swapping is allowed, never rewarded.
    model.u["name_order"] = np.maximum(model.u["name_order"], model.m["name_order"])
    matches = share_dob * len(da) / model.m["date_of_birth"][0]
    ha, hb, per_person = household_pairs(index)
    model.t = frequencies(compare(vocab, index.take(ha), index.take(hb)).levels)
    model.household_pairs_per_person = round(per_person, 4)
    model.prior_match_share = round(min(max(matches / len(incoming), 0.05), 0.99), 4)
    model.link_threshold = best_threshold(engine, incoming, truth)
    model.trained = {
        "data": f"synthetic: index {index_size}, incoming {incoming_size}, seed {seed}",
        "em_pairs_same_birth_date": len(da),
        "em_pairs_same_names": len(na),
        "u_random_pairs": 1_000_000,
        "household_pairs": len(ha),
    }
    return model


def estimated_ages(index, incoming, truth: dict[str, str], rng) -> None:
    """One index record in thirty has an estimated date of birth (an age assessment, a
    child whose papers are lost); an agency's record of that child gives a date up to ten
    months away, so the "estimated, within a year" level has matches to learn from."""
    at = {pid: row for row, pid in enumerate(index.ids)}
    rows = np.array([at.get(truth[i], -1) for i in incoming.ids])
    index.dob_estimated = (rng.random(len(index)) < 1 / 30) & (index.dob > 0)
    moved = (rows >= 0) & index.dob_estimated[np.maximum(rows, 0)] & (incoming.dob > 0)
    incoming.dob[moved] += rng.integers(-300, 301, int(moved.sum())).astype(np.int32)
    incoming.year, incoming.month, incoming.day = records.date_parts(incoming.dob)


def _as_people(frame) -> files.People:
    return files.check_people(frame, "synthetic")
