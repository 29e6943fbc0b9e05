"""Benchmark: the safeguarding signals, scanned at national scale and updated for one child.

Writes synthetic files (seeded: same arguments, same files) to a temporary folder: 1 million
people and 5 million events by default, about England's children known to services over
several years. Events cluster in each person's own busy years, agencies are named in mixed
case and spacing, and a few people have no date of birth. Then it runs the batch scan in
process (``lantern.signals.scan``, what ``lantern signals scan`` runs) and prints each
phase's time against the 30 s target, and the rule engine alone over one child's events:
the least a live update can cost (target under 5 ms for the whole update).

    .venv/bin/python bench/signals.py [--people 1000000] [--events 5000000] [--seed 12]

Figures only: nothing here fails on time.
"""

import argparse
import datetime as dt
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from chronology import setup_django  # the benches' one way to start Django on a database

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SCAN_TARGET_S = 30.0
LIVE_TARGET_MS = 5.0
KINDS = {  # share of events
    "concern": 0.24,
    "ae_attendance": 0.15,
    "not_brought": 0.14,
    "domestic_abuse": 0.10,
    "missing": 0.08,
    "referral": 0.08,
    "injury": 0.05,
    "plan_started": 0.05,
    "plan_ended": 0.04,
    "adult_joined": 0.07,
}
AGENCIES = [
    *(f"{name} School" for name in ("St Mary's", "Northumberland Park", "Woodside", "Park View")),
    *(f"{name} Health Visiting" for name in ("Tottenham", "Wood Green", "Hornsey")),
    "North Middlesex Hospital",
    "Whittington Hospital",
    "Metropolitan Police",
    "Housing Options",
    "GP: Bruce Grove Surgery",
    "GP: Lawrence House",
    "Children's social care",
    "Youth Justice Service",
    "CAMHS",
]
FIRST_DAY, LAST_DAY = dt.date(2018, 1, 1).toordinal(), dt.date(2026, 11, 28).toordinal()


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=5_000_000)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--child-events", type=int, default=40)
    parser.add_argument("--db", default=str(REPO / "var" / "bench-signals.sqlite3"))
    return parser.parse_args()


def write_files(folder: Path, people: int, events: int, seed: int) -> tuple[Path, Path]:
    rng = np.random.default_rng(seed)
    ids = np.array([f"P{i:07d}" for i in range(people)], dtype=object)
    born = rng.integers(dt.date(2008, 1, 1).toordinal(), LAST_DAY, people)
    dob = _iso(born)
    dob[rng.random(people) < 0.03] = ""
    pd.DataFrame({"person_id": ids, "date_of_birth": dob}).to_csv(
        folder / "PEOPLE.csv", index=False
    )
    # A few people have most of the events, as in life; each in their own busy years.
    busy = rng.gamma(0.6, size=people)
    who = rng.choice(people, size=events, p=busy / busy.sum())
    centre = rng.integers(FIRST_DAY + 200, LAST_DAY - 200, people)
    day = np.clip(centre[who] + rng.normal(0, 180, events).astype(np.int64), FIRST_DAY, LAST_DAY)
    spelling = np.array(AGENCIES + [f" {a.upper()}" for a in AGENCIES], dtype=object)
    agency = spelling[rng.choice(len(spelling), events, p=_mostly_first_half(len(AGENCIES)))]
    kinds = np.array(list(KINDS), dtype=object)
    kind = kinds[rng.choice(len(kinds), events, p=list(KINDS.values()))]
    frame = pd.DataFrame(
        {
            "event_id": [f"E{i:08d}" for i in range(events)],
            "person_id": ids[who],
            "occurred_on": _iso(day),
            "agency": agency,
            "kind": kind,
        }
    )
    frame.to_csv(folder / "EVENTS.csv", index=False)
    return folder / "PEOPLE.csv", folder / "EVENTS.csv"


def _iso(ordinals: np.ndarray) -> np.ndarray:
    epoch = dt.date(1970, 1, 1).toordinal()
    days = (ordinals - epoch).astype("datetime64[D]")
    return np.datetime_as_string(days, unit="D").astype(object)


def _mostly_first_half(n: int) -> np.ndarray:
    """Nine in ten agency names as usually spelt, one in ten in capitals with a space."""
    return np.array([0.9 / n] * n + [0.1 / n] * n)


def time_scan(people: Path, events: Path, out: Path) -> None:
    from lantern.signals.scan import scan

    t0, c0 = time.perf_counter(), time.process_time()
    done = scan(people, events, out)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"scan: {done.people:,} people, {done.events:,} events -> {done.signals:,} signals "
        f"for {done.people_signalled:,} people ({done.people_signalled / done.people:.1%})"
    )
    for phase, (took, cpu_took) in done.phases.items():
        print(f"  {phase:<14} {took:7.2f} s wall, {cpu_took:6.2f} s CPU")
    verdict = "met" if wall < SCAN_TARGET_S else "MISSED"
    print(
        f"  {'total':<14} {wall:7.2f} s wall, {cpu:6.2f} s CPU   target under "
        f"{SCAN_TARGET_S:.0f} s: {verdict}"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory    {peak:7.0f} MB")


def one_child(n: int, seed: int) -> tuple[list, np.ndarray]:
    """A busy child's history: ``n`` events over three years, of every kind."""
    rng = np.random.default_rng(seed)
    start = dt.date(2023, 12, 1)
    rows = [
        (
            0,
            start + dt.timedelta(days=int(rng.integers(0, 3 * 365))),
            str(rng.choice(list(KINDS))),
            str(rng.choice(AGENCIES)),
        )
        for _ in range(n)
    ]
    return rows, np.array([dt.date(2023, 6, 1).toordinal()])


def time_live_engine(n: int, seed: int, repeats: int = 2000) -> None:
    """The rule engine on one child's events, built from rows as the live path builds them:
    the floor under a live update, which also reads and writes the database."""
    from lantern.signals import engine

    rows, born = one_child(n, seed)
    took = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        engine.evaluate(engine.Events.of(rows), born, first_only=False)
        took.append((time.perf_counter() - t0) * 1000)
    took.sort()
    print(
        f"live update, rule engine only ({n} events of one child): median "
        f"{statistics.median(took):.3f} ms, p95 {took[int(0.95 * len(took))]:.3f} ms "
        f"(the whole update's target: under {LIVE_TARGET_MS:.0f} ms)"
    )


def time_live_update(args, repeats: int = 300) -> None:
    """The live update through the database: a child with ``args.child_events`` events gets
    one more chronology entry; timed is the whole write with the signals brought in line,
    against the same write with the live path switched off (the baseline, same run). Each
    write is rolled back, so every repeat sees the same child."""
    from django.core.management import call_command
    from django.db import transaction

    from lantern.agencies.models import Agency
    from lantern.chronology import listeners
    from lantern.chronology.actions import record_entry
    from lantern.people.models import Person
    from lantern.signals import (
        actions,  # noqa: F401 (registers the live path)
        engine,
    )

    call_command("migrate", verbosity=0)
    written_as = {"domestic_abuse": "police_domestic_abuse", "concern": "contact"}
    rows, born = one_child(args.child_events, args.seed)
    with transaction.atomic():
        child = Person.objects.create(
            first_name="Bench", last_name="Child", date_of_birth=dt.date.fromordinal(int(born[0]))
        )
        agencies = {
            name: Agency.objects.get_or_create(
                code=engine.agency_key(name)[:20], defaults={"name": name, "kind": "health"}
            )[0]
            for name in AGENCIES
        }
        for _, day, kind, agency in rows:
            said = kind if kind in ("plan_started", "plan_ended", "adult_joined") else ""
            entry_kind = {"plan_started": "plan", "plan_ended": "plan"}.get(kind, kind)
            entry_kind = "household_change" if kind == "adult_joined" else entry_kind
            record_entry(
                child,
                kind=written_as.get(entry_kind, entry_kind),
                when=day,
                summary="bench",
                agency=agencies[agency],
                signal_event=said,
            )
    day, hospital = dt.date(2026, 11, 20), agencies["North Middlesex Hospital"]

    def once(live: bool) -> float:
        saved = list(listeners._LISTENERS)
        if not live:
            listeners._LISTENERS.clear()
        try:
            with transaction.atomic():
                t0 = time.perf_counter()
                record_entry(
                    child, kind="ae_attendance", when=day, summary="bench", agency=hospital
                )
                took = (time.perf_counter() - t0) * 1000
                transaction.set_rollback(True)
        finally:
            listeners._LISTENERS[:] = saved
        return took

    for live in (True, False):
        once(live)  # warm
    timed = {live: sorted(once(live) for _ in range(repeats)) for live in (True, False)}
    on, off = timed[True], timed[False]
    median_on, median_off = statistics.median(on), statistics.median(off)
    print(
        f"live update through {connection_vendor()} ({args.child_events} events of one "
        f"child, {repeats} writes): median {median_on:.2f} ms, p95 "
        f"{on[int(0.95 * len(on))]:.2f} ms; the same write without signals (baseline) "
        f"{median_off:.2f} ms; signals add {median_on - median_off:.2f} ms "
        f"(target: the whole update under {LIVE_TARGET_MS:.0f} ms) "
        f"{'MET' if median_on < LIVE_TARGET_MS else 'MISSED'}"
    )


def connection_vendor() -> str:
    from django.db import connection

    return connection.vendor


def main() -> None:
    args = parse_args()
    setup_django(args.db)
    with tempfile.TemporaryDirectory(prefix="bench-signals-") as folder:
        t0 = time.perf_counter()
        people, events = write_files(Path(folder), args.people, args.events, args.seed)
        size = (people.stat().st_size + events.stat().st_size) / 1e6
        print(
            f"synthetic files: {args.people:,} people, {args.events:,} events, {size:.0f} MB "
            f"(written in {time.perf_counter() - t0:.0f} s, not timed below)",
            flush=True,
        )
        time_scan(people, events, Path(folder) / "SIGNALS.csv")
    time_live_engine(args.child_events, args.seed)
    time_live_update(args)


if __name__ == "__main__":
    main()
