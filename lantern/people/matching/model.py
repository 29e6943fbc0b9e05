"""The trained Fellegi–Sunter model: m and u per comparison level, saved as ``model.json``.

For each comparison level, ``m`` is how often a true match falls in it and ``u`` how often
two different people do; ``log2(m/u)`` is the evidence (match weight) the level adds, as in
Splink. Three additions, each for a failure Splink's standard person model is known for:

- **Term frequencies.** Agreeing on a common name is weak evidence: at the "exact" name
  levels ``u`` is replaced by the share of the index holding that name (Splink's TF
  adjustment), computed from whatever index is being searched.
- **Household look-alikes.** Twins and siblings agree on surname, address and (twins)
  date of birth because they are family, not because they are one person: the fields are
  not independent, so summing their weights calls twins the same child. The non-match
  distribution is therefore a mixture: ordinary strangers (``u``) and, with a small share
  ``s``, members of the same household (``t``, learnt from pairs of different people
  sharing a surname and address in the index). A pair whose first names differ while
  everything else agrees is then explained by the household component and scores low.
- **Competing candidates.** The score is the probability that *this* index record is the
  incoming person's record given all the candidates found, at most one being right:
  ``P_i = (pi/N) L_i / ((1 - pi) + (pi/N) sum_j L_j)`` with ``L`` the likelihood ratio,
  ``N`` the index size and ``pi`` the share of incoming records that are in the index.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from lantern.people.matching.comparisons import LEVELS, PairLevels

MODEL_FILE = Path(__file__).with_name("model.json")
TF_LEVELS = {"forename": 0, "surname": 0}
# A name is never taken as rarer than this. Given names go with surnames (Mohammed with
# Ali, Siobhan with Murphy), so multiplying their frequencies overstates how rare a full
# name is; the floor on given names is the higher because there are far fewer of them.
TF_FLOOR = {"forename": 1e-3, "surname": 1e-4}


@dataclass
class Model:
    m: dict[str, np.ndarray]
    u: dict[str, np.ndarray]
    t: dict[str, np.ndarray]
    prior_match_share: float = 0.8
    household_pairs_per_person: float = 1.5
    link_threshold: float = 0.5
    auto_link_threshold: float = 0.999
    trained: dict | None = None

    @classmethod
    def from_dict(cls, data: dict) -> "Model":
        probabilities = {"m": {}, "u": {}, "t": {}}
        for name, labels in LEVELS.items():
            levels = data["comparisons"][name]
            if [level["label"] for level in levels] != labels:
                raise ValueError(f"model.json: levels of {name} do not match the code")
            for kind in probabilities:
                probabilities[kind][name] = np.array([lv[kind] for lv in levels], dtype=float)
        settings = {k: data[k] for k in ("prior_match_share", "household_pairs_per_person")}
        thresholds = {k: data[k] for k in ("link_threshold", "auto_link_threshold") if k in data}
        return cls(**probabilities, **settings, **thresholds, trained=data.get("trained"))

    def to_dict(self) -> dict:
        return {
            "comparisons": {
                name: [
                    {
                        "label": label,
                        "m": round(float(self.m[name][i]), 8),
                        "u": float(f"{self.u[name][i]:.6g}"),
                        "t": round(float(self.t[name][i]), 6),
                    }
                    for i, label in enumerate(labels)
                ]
                for name, labels in LEVELS.items()
            },
            "prior_match_share": self.prior_match_share,
            "household_pairs_per_person": self.household_pairs_per_person,
            "link_threshold": self.link_threshold,
            "auto_link_threshold": self.auto_link_threshold,
            "trained": self.trained or {},
        }

    def save(self, path: Path = MODEL_FILE) -> None:
        path.write_text(json.dumps(self.to_dict(), indent=1) + "\n", encoding="utf-8")

    def field_weights(self, pairs: PairLevels) -> dict[str, np.ndarray]:
        """log2(m/u) per comparison per pair, TF-adjusted; 0 where a side is missing."""
        weights = {}
        for name, level in pairs.levels.items():
            known = level >= 0
            safe = np.where(known, level, 0)
            m, u = self.m[name][safe], self.u[name][safe].copy()
            if name in TF_LEVELS:
                tf = pairs.tf_forename if name == "forename" else pairs.tf_surname
                exact = known & (level == TF_LEVELS[name]) & np.isfinite(tf)
                u[exact] = np.maximum(tf[exact], TF_FLOOR[name])
            weights[name] = np.where(known, np.log2(m) - np.log2(u), 0.0)
        return weights

    def household_penalty(self, pairs: PairLevels, weights: dict[str, np.ndarray], index_size: int):
        """How much lower the evidence is once household look-alikes are allowed for
        (log2, never positive): log2 P(γ|strangers) - log2 P(γ|strangers or household)."""
        log_m = np.zeros(len(next(iter(weights.values()))))
        log_t = np.zeros_like(log_m)
        for name, level in pairs.levels.items():
            known = level >= 0
            safe = np.where(known, level, 0)
            log_m += np.where(known, np.log2(self.m[name][safe]), 0.0)
            log_t += np.where(known, np.log2(self.t[name][safe]), 0.0)
        log_u = log_m - sum(weights.values())
        share = min(self.household_pairs_per_person / max(index_size, 1), 0.5)
        mixed = np.logaddexp2(np.log2(1 - share) + log_u, np.log2(share) + log_t)
        return log_u - mixed

    def match_weight(self, pairs: PairLevels, index_size: int) -> tuple[np.ndarray, dict]:
        """The pair's total log2 likelihood ratio, and the per-field parts of it."""
        weights = self.field_weights(pairs)
        weights["household"] = self.household_penalty(pairs, weights, index_size)
        return sum(weights.values()), weights

    def posterior(self, groups: np.ndarray, total: np.ndarray, index_size: int) -> np.ndarray:
        """P(this candidate is the incoming person's record | all candidates of the group).

        ``groups`` numbers the incoming record of each pair; candidates compete for it."""
        prior = np.log2(self.prior_match_share / max(index_size, 1))
        evidence = prior + total
        if not len(evidence):
            return evidence
        peak = np.full(groups.max() + 1, -np.inf)
        np.maximum.at(peak, groups, evidence)
        anchor = np.maximum(peak, np.log2(1 - self.prior_match_share))
        shifted = np.exp2(evidence - anchor[groups])
        sums = np.zeros(len(peak))
        np.add.at(sums, groups, shifted)
        none = np.exp2(np.log2(1 - self.prior_match_share) - anchor)
        return shifted / (none + sums)[groups]


@cache
def default_model() -> Model:
    return Model.from_dict(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
