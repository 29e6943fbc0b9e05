"""Benchmark: every insight figure for a year, for the demo borough and at national scale.

Builds (or reuses) the default demo borough (seed 1, scale 1) and times every registered
figure (``lantern.insight.REGISTRY``) over the last 12 whole months; with ``--scale 100``
the same on the borough copied 99 more times in SQL (``bench/replicate.py``, kept for later
runs), about England's volumes. Targets: under 1 s for the borough, under 30 s at scale 100.
It also prints each figure beside England's published figure (``insight.references``), the
table the closing note quotes.

    .venv/bin/python bench/insight.py [--scale 100] [--repeats 3]

Rates per 10,000 use ``LANTERN_CHILD_POPULATION`` times the scale (58,000 children under 18
at scale 1, the demo's Haringey-sized borough).
"""

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from chronology import setup_django  # the benches' one way to start Django on a database

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
TARGET_S = {1: 1.0, 100: 30.0}
BOROUGH_CHILDREN = 58_000


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="1 (the borough) or e.g. 100")
    parser.add_argument("--db", default=str(REPO / "var" / "bench-insight.sqlite3"))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def db_path(args) -> str:
    if args.scale == 1:
        return args.db
    return str(Path(args.db).with_name(f"bench-insight-x{args.scale}.sqlite3"))


def ensure_borough() -> None:
    from django.core.management import call_command

    from lantern.people.models import Person

    call_command("migrate", verbosity=0)
    if not Person.objects.exists():
        print("building the default demo borough (seed 1, scale 1)…", flush=True)
        started = time.perf_counter()
        call_command("demo", seed=1, scale=1)
        print(f"built in {time.perf_counter() - started:.0f} s", flush=True)


def ensure_scaled(args) -> None:
    """The borough copied ``scale - 1`` times into its own file, once."""
    from lantern.people.models import Person

    borough_size = Person.objects.exclude(council_id__contains="~").count()
    if Person.objects.count() < borough_size * args.scale:
        from replicate import replicate

        print(f"copying the borough {args.scale - 1} times (once; it takes a while)…", flush=True)
        started = time.perf_counter()
        replicate(args.scale - 1, progress=lambda m: print(f"  {m}", flush=True))
        print(f"copied in {time.perf_counter() - started:.0f} s", flush=True)


def last_twelve_months():
    """The 12 whole months before this one: the demo's records run up to today."""
    from django.utils import timezone

    from lantern.insight.measures import Period

    end = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
    return Period((end + dt.timedelta(days=1)).replace(year=end.year - 1), end)


def copy_borough(args) -> None:
    """The scaled database starts as a copy of the borough's file, written by a process of
    its own (Django reads its database setting once per process), WAL folded in first."""
    import sqlite3

    subprocess.run([sys.executable, __file__, "--scale", "1", "--build-only"], check=True)
    with sqlite3.connect(args.db) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(args.db, db_path(args))


def main() -> None:
    args = parse_args()
    if "DATABASE_URL" not in os.environ and args.scale != 1 and not Path(db_path(args)).exists():
        copy_borough(args)
    os.environ["LANTERN_CHILD_POPULATION"] = str(BOROUGH_CHILDREN * args.scale)
    setup_django(db_path(args))
    ensure_borough()
    if args.scale != 1:
        ensure_scaled(args)
    if args.build_only:
        return
    run(args)


def best_of(repeats: int, compute) -> tuple[float, object]:
    best, value = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        value = compute()
        best = min(best, time.perf_counter() - t0)
    return best, value


def shown(value, unit) -> str:
    if value is None:
        return "-"
    return f"{value:.1f}" + (" %" if unit == "percent" else "")


def run(args) -> None:
    from django.db import connection

    from lantern.insight.measures import REGISTRY
    from lantern.people.models import Person

    period = last_twelve_months()
    print(
        f"scale {args.scale}: {connection.vendor}, {Person.objects.count():,} people, "
        f"{os.environ['LANTERN_CHILD_POPULATION']} children 0-17; {period.start} to {period.end}"
    )
    print(f"  {'figure':<40} {'time':>8}  {'ours':>9} {'England':>9}  n")
    total = 0.0
    for figure in REGISTRY.values():
        took, value = best_of(args.repeats, lambda f=figure: f.compute(period))
        total += took
        england = figure.reference.england if figure.reference else None
        print(
            f"  {figure.code:<40} {took:7.3f}s  {shown(value.value, figure.unit):>9} "
            f"{shown(england, figure.unit):>9}  {value.numerator} / {value.denominator}"
        )
    target = TARGET_S.get(args.scale, 30.0)
    verdict = "met" if total < target else "MISSED"
    print(f"  all {len(REGISTRY)} figures: {total:.2f} s; target under {target:.0f} s: {verdict}")


if __name__ == "__main__":
    main()
