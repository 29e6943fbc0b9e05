"""Benchmark: the three statutory returns built for one borough and for all of England.

Builds (or reuses) the default demo borough (seed 1, scale 1), times the CIN census, the
SSDA903 tables and Ofsted's Annex A for the last complete collection year, then does the
same on a national-size database: the borough copied 99 more times in SQL
(``bench/replicate.py``, about 40 minutes the first time, kept for later runs), which gives
about England's volumes (400k children in need, 80k looked after). Each return is timed as
the best of ``--repeats`` builds beside a baseline from the same run: reading the rows it
draws on with bare SQL (the least any builder must do). Targets: under 3 s for the borough
and under 60 s at national scale.

    .venv/bin/python bench/returns.py [--only borough|national] [--copies 99]

Set DATABASE_URL to run the borough part against PostgreSQL instead of the SQLite file.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from chronology import setup_django  # the benches' one way to start Django on a database

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
TARGET_S = {"borough": 3.0, "national": 60.0}
# The tables each return reads most; scanning them is the baseline.
BASELINE_TABLES = {
    "CIN census": [
        "casework_cinepisode",
        "casework_assessment",
        "casework_section47enquiry",
        "casework_childprotectionplan",
        "people_person",
    ],
    "SSDA903": ["care_careepisode", "care_lookedafterreview", "care_placement", "people_person"],
    "Annex A": [
        "frontdoor_contact",
        "frontdoor_referral",
        "casework_cinepisode",
        "care_careepisode",
        "people_person",
    ],
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["borough", "national"])
    parser.add_argument("--db", default=str(REPO / "var" / "bench-returns.sqlite3"))
    parser.add_argument("--national-db", default=str(REPO / "var" / "bench-national.sqlite3"))
    parser.add_argument("--copies", type=int, default=99)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--size", choices=["borough", "national"], help=argparse.SUPPRESS)
    return parser.parse_args()


def ensure_borough() -> None:
    from django.core.management import call_command

    from lantern.people.models import Person

    call_command("migrate", verbosity=0)
    if not Person.objects.exists():
        print("building the default demo borough (seed 1, scale 1)…", flush=True)
        started = time.perf_counter()
        call_command("demo", seed=1, scale=1)
        print(f"built in {time.perf_counter() - started:.0f} s", flush=True)


def ensure_national(args) -> None:
    """The borough copied ``--copies`` times, once; a copy's council ids end ``~k``."""
    from django.core.management import call_command

    from lantern.people.models import Person

    call_command("migrate", verbosity=0)
    if not Person.objects.exists():
        ensure_borough()
    borough_size = Person.objects.exclude(council_id__contains="~").count()  # not copies
    if Person.objects.count() < borough_size * (args.copies + 1):
        from replicate import replicate

        print(f"copying the borough {args.copies} times (about 40 minutes, once)…", flush=True)
        started = time.perf_counter()
        replicate(args.copies, progress=lambda m: print(f"  {m}", flush=True))
        print(f"copied in {time.perf_counter() - started:.0f} s", flush=True)


def best_of(repeats: int, build) -> tuple[float, float]:
    """The best wall time and the CPU time of that build: on a shared machine the CPU time
    says what the build costs, the wall time what a user waits."""
    best = (float("inf"), 0.0)
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        build()
        best = min(best, (time.perf_counter() - t0, time.process_time() - c0))
    return best


def baseline(tables: list[str]) -> float:
    from django.db import connection

    t0 = time.perf_counter()
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (names from BASELINE_TABLES)
            while cursor.fetchmany(10_000):
                pass
    return time.perf_counter() - t0


def run(size: str, args) -> None:
    from django.db import connection

    from lantern.care.models import PeriodOfCare
    from lantern.casework.models import CINEpisode
    from lantern.people.models import Person
    from lantern.returns import annexa, cin, ssda903
    from lantern.returns.years import CollectionYear, last_complete

    year: CollectionYear = last_complete(
        PeriodOfCare.objects.order_by("-start_date").values_list("start_date", flat=True)[0]
    )
    print(
        f"{size}: {connection.vendor}, {Person.objects.count():,} people, "
        f"{CINEpisode.objects.count():,} CIN episodes, "
        f"{PeriodOfCare.objects.count():,} periods of care; collection year {year.label}"
    )
    repeats = args.repeats if size == "borough" else 1
    builds = {
        "CIN census": lambda: cin.build(year),
        "SSDA903": lambda: ssda903.build(year),
        "Annex A": lambda: annexa.build(year.start, year.end),
    }
    total = cpu_total = 0.0
    for name, build in builds.items():
        took, cpu = best_of(repeats, build)
        base = baseline(BASELINE_TABLES[name])
        total, cpu_total = total + took, cpu_total + cpu
        print(
            f"  {name:<11} {took:7.2f} s wall, {cpu:6.2f} s CPU   (bare SQL over its tables "
            f"{base:6.2f} s, {took / max(base, 1e-9):4.1f}x)"
        )
    verdict = "met" if total < TARGET_S[size] else "MISSED"
    print(
        f"  all three   {total:7.2f} s wall, {cpu_total:6.2f} s CPU   target under "
        f"{TARGET_S[size]:.0f} s: {verdict}"
    )


def main() -> None:
    args = parse_args()
    if args.size:  # a child run, one database per process
        setup_django(args.db if args.size == "borough" else args.national_db)
        ensure_borough() if args.size == "borough" else ensure_national(args)
        run(args.size, args)
        return
    for size in ["borough", "national"]:
        if args.only in (None, size):
            env = dict(os.environ)
            if size == "national":
                env.pop("DATABASE_URL", None)  # national scale on its own SQLite file
            subprocess.run(
                [sys.executable, __file__, *sys.argv[1:], "--size", size], check=True, env=env
            )


if __name__ == "__main__":
    main()
