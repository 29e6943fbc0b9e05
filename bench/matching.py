"""Benchmark: Lantern's matching engine beside Splink and recordlinkage, same data, same run.

    .venv/bin/python bench/matching.py                       # 1,000,000 index, 100,000 incoming
    .venv/bin/python bench/matching.py --index-size 100000 --incoming 10000    # a quick run

Needs the ``bench`` extra (``pip install -e ".[bench]"``: splink, recordlinkage). Not run in
CI. Prints precision, recall and F1 against the known truth, batch throughput (incoming
records per second, from raw columns to best link, model training not counted) and single
record lookup latency (median, p95) for each system.

**Data** (``lantern.people.matching.synthetic``, seeds fixed): households sharing a
surname and address, 1–2 adults and 1–4 children, twins 1 birth in 30; names drawn with
long-tailed frequencies from Faker's English, Irish, Turkish, Spanish, Italian, French,
German, Portuguese, Romanian, Polish, Yoruba, Twi, Zulu and Pakistani name lists, so
common names repeat (namesakes); 10% hold another name (previous surname, "known as",
an agency's spelling); NHS numbers valid and unique; 1–3 postcodes each.

**Incoming records** (``lantern.people.matching.corruption``): 85% are index people,
corrupted independently per field — first name: nickname 10%, typo 8%, middle name
instead 2%, initial 1%, middle names dropped 50%; surname: typo 8%, one part of a double
surname 50%, an alias's surname 50% where one is held; names swapped 6%; date of birth:
day/month transposed 4%, a year out 3%, another day 3%, another month 1%, missing 3%,
a different date 1%; sex missing 10%, wrong 0.5%; address moved 25% (half in the same
district), missing 5%, a previous one 5%; NHS number missing 60%, mistyped 1%. Forced
hard cases: 2% of matches have names swapped *and* a typo, 2% a changed birth date *and*
a moved address with no NHS number. The other 15% have **no** record in the index:
twins and siblings left out of it (same surname and address; twins share the birth
date), namesakes (an index person's name, another birth date and address) and strangers.

**Metrics.** One predicted link (or none) per incoming record: a link to the true record
is a true positive, a link anywhere else a false positive, a true record not linked a
false negative. Each system links its best candidate when it reaches its threshold:
ours the shipped model's ``link_threshold`` (tuned on training data of another seed);
Splink and recordlinkage 0.5, with their best threshold on *this* data shown as well
(an oracle, in their favour).

**Batch throughput** is incoming records per second from cleaned columns to the best
link, each system on the same footing: Splink's ``predict`` on registered tables (its
training not counted), recordlinkage's blocking, comparison and ECM fit, ours the term
frequencies, blocking index, incoming parsing and linking. Turning the index's raw strings
into our token tables (the counterpart of the cleaning given to the others for free) is
shown separately, with the end-to-end rate.

**Splink** (DuckDB) is set up as its documentation does for person data: NameComparison
(Jaro-Winkler levels, term frequencies) on first name and surname, DateOfBirthComparison,
PostcodeComparison, exact sex and NHS number; trained unsupervised —
``estimate_probability_two_random_records_match`` from deterministic rules,
``estimate_u_using_random_sampling``, then EM blocked on names and on date of birth.
Its single-record lookup is ``predict_between`` of one registered record and the index.

**recordlinkage**: standard blocking (surname + birth year, or date of birth), Jaro-Winkler
on names (0.85), exact date of birth, sex, postcode and NHS number, and the unsupervised
ECM classifier. To keep the whole run within twenty minutes on two cores it matches the
first ``--rl-incoming`` incoming records (10,000) against the whole index; its throughput
is measured on those and its quality figures are for that subsample (stated in the output).
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lantern.people.matching import corruption, files, records, synthetic
from lantern.people.matching.memory import MemoryIndex
from lantern.people.matching.records import Places
from lantern.people.matching.vocabulary import Vocabulary


def quality(predicted: np.ndarray, expected: np.ndarray) -> tuple[float, float, float]:
    tp = int(((predicted == expected) & (expected != "")).sum())
    fp = int(((predicted != "") & (predicted != expected)).sum())
    fn = int((expected != "").sum()) - tp
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    return precision, recall, 2 * tp / max(2 * tp + fp + fn, 1)


def best_per_incoming(pairs: pd.DataFrame, ids: list[str], threshold: float) -> np.ndarray:
    """pairs: incoming, index, p. The best index id per incoming id, "" below threshold."""
    top = pairs.sort_values("p", ascending=False).drop_duplicates("incoming")
    top = top[top["p"] >= threshold].set_index("incoming")["index"]
    return np.array([top.get(i, "") for i in ids], dtype=object)


def oracle(pairs: pd.DataFrame, ids: list[str], expected: np.ndarray) -> tuple[float, float]:
    results = []
    for threshold in (0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999):
        results.append((quality(best_per_incoming(pairs, ids, threshold), expected)[2], threshold))
    return max(results)


def run_ours(index: pd.DataFrame, incoming: pd.DataFrame, expected, args) -> dict:
    started = time.perf_counter()
    vocab, places = Vocabulary(), Places()
    index_table = files.to_table(vocab, places, files.check_people(index.copy(), "index"))
    parsed = time.perf_counter()
    engine = MemoryIndex(vocab, places, index_table)
    prepared = time.perf_counter()
    incoming_people = files.check_people(incoming.copy(), "incoming")
    incoming_table = files.to_table(vocab, places, incoming_people)
    best, _ = engine.link(incoming_table)
    done = time.perf_counter()
    predicted = np.where(best >= 0, index_table.ids[np.maximum(best, 0)], "")
    latencies = []
    sample = incoming.sample(n=min(args.lookups, len(incoming)), random_state=1)
    for row in sample.itertuples(index=False):
        start = time.perf_counter()
        one = records.build(
            vocab, places, ids=[row.id], first_names=[row.first_name], last_names=[row.last_name],
            other_names=[row.other_names],
            dob=files._dates("lookup", pd.Series([row.dob]), []), sexes=[row.sex],
            postcodes=[row.postcode], nhs_numbers=[row.nhs_number], widths=records.NARROW,
        )  # fmt: skip
        engine.lookup(one, limit=5)
        latencies.append(time.perf_counter() - start)
    return {
        "name": "Lantern (ours)",
        "quality": quality(predicted, expected),
        "batch_seconds": done - parsed,
        "batch_records": len(incoming),
        "note": f"batch time: term frequencies and blocking index {prepared - parsed:.1f} s, "
        f"incoming parsed and linked {done - prepared:.1f} s. Not counted, like the cleaned "
        f"columns given to the others: parsing the index's strings, {parsed - started:.1f} s; "
        f"end to end from raw columns {len(incoming) / (done - started):,.0f} records/s",
        "latencies": latencies,
        "predicted": predicted,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index-size", type=int, default=1_000_000)
    parser.add_argument("--incoming", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--lookups", type=int, default=1000, help="single lookups to time (ours)")
    parser.add_argument("--splink-lookups", type=int, default=50)
    parser.add_argument("--splink-max-pairs", type=float, default=1e7)
    parser.add_argument("--rl-incoming", type=int, default=10_000)
    parser.add_argument("--rl-lookups", type=int, default=20)
    parser.add_argument("--skip", nargs="*", default=[], choices=["splink", "recordlinkage"])
    args = parser.parse_args()

    started = time.perf_counter()
    index, left_out, population = synthetic.people(args.index_size, seed=args.seed)
    incoming, truth, kinds = corruption.incoming(
        index, left_out, population, args.incoming, seed=args.seed + 1
    )
    incoming = corruption.shuffled(incoming, args.seed)
    kinds_by_id = dict(zip([f"R{n:07d}" for n in range(len(kinds))], kinds, strict=True))
    expected = np.array([truth[i] for i in incoming["id"]], dtype=object)
    print(f"data: index {len(index):,}, incoming {len(incoming):,} "
          f"({(expected != '').mean():.0%} with a true record), made in "
          f"{time.perf_counter() - started:.0f} s", flush=True)  # fmt: skip

    results = [run_ours(index, incoming, expected, args)]
    report(results[-1], incoming, expected, kinds_by_id)
    if "splink" not in args.skip:
        results.append(run_splink(index, incoming, expected, args))
        report(results[-1], incoming, expected, kinds_by_id)
    if "recordlinkage" not in args.skip:
        results.append(run_recordlinkage(index, incoming, expected, args))
        report(results[-1], incoming, expected, kinds_by_id)
    summary(results, args)


def splink_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns as Splink's person examples clean them: lower case, nulls for blanks."""
    out = pd.DataFrame({
        "unique_id": frame["id"],
        "first_name": frame["first_name"].str.split().str[0].str.lower(),
        "surname": frame["last_name"].str.lower().str.replace("-", " "),
        "dob": frame["dob"],
        "sex": frame["sex"],
        "postcode": frame["postcode"].str.split(";").str[0],
        "nhs_number": frame["nhs_number"],
    })  # fmt: skip
    return out.replace({"": None})


def run_splink(index: pd.DataFrame, incoming: pd.DataFrame, expected, args) -> dict:
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    settings = SettingsCreator(
        link_type="link_only",
        blocking_rules_to_generate_predictions=[
            block_on("first_name", "surname"),
            block_on("surname", "dob"),
            block_on("first_name", "dob"),
            block_on("postcode", "first_name"),
            block_on("nhs_number"),
        ],
        comparisons=[
            cl.NameComparison("first_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.PostcodeComparison("postcode"),
            cl.ExactMatch("sex"),
            cl.ExactMatch("nhs_number"),
        ],
    )
    db_api = DuckDBAPI()
    left = db_api.register(splink_frame(index), dataset_display_name="index")
    right = db_api.register(splink_frame(incoming), dataset_display_name="incoming")
    linker = Linker([left, right], settings, log_level=None)
    trained = time.perf_counter()
    deterministic = [block_on("first_name", "surname", "dob"), block_on("nhs_number")]
    linker.training.estimate_probability_two_random_records_match(deterministic, recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=args.splink_max_pairs, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("first_name", "surname")
    )
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    started = time.perf_counter()
    predictions = linker.inference.predict(threshold_match_probability=0.05)
    frame = predictions.as_pandas_dataframe()
    left_is_index = frame["unique_id_l"].str.startswith("P")
    pairs = pd.DataFrame({
        "incoming": np.where(left_is_index, frame["unique_id_r"], frame["unique_id_l"]),
        "index": np.where(left_is_index, frame["unique_id_l"], frame["unique_id_r"]),
        "p": frame["match_probability"],
    })  # fmt: skip
    ids = incoming["id"].tolist()
    predicted = best_per_incoming(pairs, ids, 0.5)
    done = time.perf_counter()
    best_f1, best_threshold = oracle(pairs, ids, expected)
    latencies = []
    for name in ("first_name", "surname"):
        linker.table_management.compute_tf_table(name)
    for n, row in enumerate(splink_frame(incoming.head(args.splink_lookups)).to_dict("records")):
        start = time.perf_counter()
        one = db_api.register(pd.DataFrame([row]), dataset_display_name=f"lookup_{n}")
        found = linker.inference.predict_between(left, one, warning_mode="never")
        found.as_pandas_dataframe()
        latencies.append(time.perf_counter() - start)
    return {
        "name": "Splink 5 (DuckDB)",
        "quality": quality(predicted, expected),
        "batch_seconds": done - started,
        "batch_records": len(incoming),
        "note": f"trained in {started - trained:.0f} s (not counted); "
        f"best threshold on this data {best_threshold}: F1 {best_f1:.4f}",
        "latencies": latencies,
        "predicted": predicted,
    }


def run_recordlinkage(index: pd.DataFrame, incoming: pd.DataFrame, expected, args) -> dict:
    import recordlinkage

    sample = incoming.head(args.rl_incoming)

    def prepare(frame):
        out = splink_frame(frame).set_index("unique_id")
        out["birth_year"] = out["dob"].str[:4]
        return out

    people, records_ = prepare(index), prepare(sample)
    started = time.perf_counter()
    indexer = recordlinkage.Index()
    indexer.block(left_on=["surname", "birth_year"], right_on=["surname", "birth_year"])
    indexer.block(left_on="dob", right_on="dob")
    candidates = indexer.index(records_, people)
    compare = recordlinkage.Compare()
    compare.string("first_name", "first_name", method="jarowinkler", threshold=0.85)
    compare.string("surname", "surname", method="jarowinkler", threshold=0.85)
    for column in ("dob", "sex", "postcode", "nhs_number"):
        compare.exact(column, column)
    features = compare.compute(candidates, records_, people)
    classifier = recordlinkage.ECMClassifier()
    classifier.fit(features)
    probability = classifier.prob(features)
    pairs = pd.DataFrame({
        "incoming": features.index.get_level_values(0),
        "index": features.index.get_level_values(1),
        "p": probability.to_numpy(),
    })  # fmt: skip
    ids = sample["id"].tolist()
    predicted = best_per_incoming(pairs, ids, 0.5)
    done = time.perf_counter()
    expected = expected[: len(sample)]
    best_f1, best_threshold = oracle(pairs, ids, expected)
    latencies = []
    for n in range(min(args.rl_lookups, len(sample))):
        start = time.perf_counter()
        one = records_.iloc[[n]]
        found = indexer.index(one, people)
        if len(found):
            classifier.prob(compare.compute(found, one, people))
        latencies.append(time.perf_counter() - start)
    return {
        "name": "recordlinkage 0.16 (ECM)",
        "quality": quality(predicted, expected),
        "batch_seconds": done - started,
        "batch_records": len(sample),
        "note": f"on the first {len(sample):,} incoming records against the whole index; "
        f"{len(candidates):,} candidate pairs; best threshold on this data {best_threshold}: "
        f"F1 {best_f1:.4f}",
        "latencies": latencies,
        "predicted": predicted,
    }


def report(result: dict, incoming: pd.DataFrame, expected, kinds_by_id) -> None:
    """Per-system line, and how it did on each kind of hard case."""
    ids = incoming["id"].to_numpy()[: len(result["predicted"])]
    expected = expected[: len(result["predicted"])]
    right = result["predicted"] == expected
    by_kind: dict[str, list[bool]] = {}
    for rid, ok in zip(ids, right, strict=True):
        by_kind.setdefault(kinds_by_id[rid], []).append(bool(ok))
    shares = ", ".join(f"{k} {np.mean(v):.1%} of {len(v)}" for k, v in sorted(by_kind.items()))
    print(f"\n{result['name']}: right by kind: {shares}", flush=True)
    if result.get("note"):
        print(f"  {result['note']}", flush=True)


def summary(results: list[dict], args) -> None:
    print(f"\n{'system':28} {'precision':>9} {'recall':>7} {'F1':>7} {'batch rec/s':>12} "
          f"{'lookup median':>14} {'p95':>9}")  # fmt: skip
    for r in results:
        p, rc, f1 = r["quality"]
        rate = r["batch_records"] / r["batch_seconds"]
        lat = r["latencies"]
        median = statistics.median(lat) * 1000 if lat else float("nan")
        p95 = float(np.percentile(lat, 95)) * 1000 if lat else float("nan")
        print(f"{r['name']:28} {p:9.4f} {rc:7.4f} {f1:7.4f} {rate:12,.0f} "
              f"{median:11.1f} ms {p95:6.1f} ms")  # fmt: skip
        for extra in r.get("extra", []):
            print(f"  {extra}")


if __name__ == "__main__":
    main()
