"""Benchmark: the child's record page against the bare SQL it needs.

Builds (or reuses) a demo borough large enough for at least 1M chronology entries, then for
a sample of children, the busiest included, times the full record page in process (view,
queries, template) and the bare chronology query alone, and prints median and p95 of each
and their ratio. The bare query is the baseline: the page should cost a small multiple of it
whatever the size of the table or of the child's chronology.

    .venv/bin/python bench/chronology.py [--scale 3] [--db var/bench.sqlite3] [--children 60]

Set DATABASE_URL to run against PostgreSQL instead of the SQLite file.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

BARE_SQL = """
SELECT e.id, e.occurred_at, e.kind, e.summary, e.author, a.name
FROM chronology_chronologyentry e JOIN agencies_agency a ON a.id = e.agency_id
WHERE e.person_id = %s ORDER BY e.occurred_at DESC, e.id DESC LIMIT 51
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", default=str(REPO / "var" / "bench.sqlite3"))
    parser.add_argument("--children", type=int, default=60)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--min-entries", type=int, default=1_000_000)
    return parser.parse_args()


def setup_django(db_path: str) -> None:
    if "DATABASE_URL" not in os.environ:
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lantern.settings")
    # Its own SQLite file and the demo borough: development settings, DEBUG off for timing.
    os.environ.setdefault("LANTERN_ENV", "development")
    os.environ.setdefault("LANTERN_DEBUG", "0")
    # Timed in process with a forced sign-in: no second factor to present.
    os.environ["LANTERN_REQUIRE_2FA"] = "0"
    import django

    django.setup()


def ensure_borough(args) -> int:
    from django.core.management import call_command

    from lantern.chronology.models import ChronologyEntry

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # as production serves it
    count = ChronologyEntry.objects.count()
    if count < args.min_entries:
        print(f"building a borough at scale {args.scale} (have {count:,} entries)…", flush=True)
        started = time.perf_counter()
        call_command("demo", seed=args.seed, scale=args.scale, reset=count > 0)
        print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
        count = ChronologyEntry.objects.count()
    return count


def sample_children(n: int) -> list[int]:
    from django.db.models import Count

    from lantern.chronology.models import ChronologyEntry

    busiest = list(
        ChronologyEntry.objects.values("person_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("person_id", flat=True)[: n // 3]
    )
    everyone = list(
        ChronologyEntry.objects.values_list("person_id", flat=True)
        .distinct()
        .order_by("person_id")[:50_000]
    )
    rng = random.Random(1)
    return busiest + rng.sample(everyone, min(len(everyone), n - len(busiest)))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    args = parse_args()
    setup_django(args.db)
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client

    from lantern.access.roles import MASH_OFFICER

    entries = ensure_borough(args)
    children = sample_children(args.children)
    # The front door reads any child's record without stating a reason: no redirects.
    user = User.objects.filter(groups__name=MASH_OFFICER).first()
    client = Client()
    client.force_login(user)

    page_ms, sql_ms = [], []
    from lantern.chronology.models import ChronologyEntry

    sizes = {pid: ChronologyEntry.objects.filter(person_id=pid).count() for pid in children}
    by_size: dict[str, list[float]] = {"< 100 entries": [], ">= 1,000 entries": []}
    for pid in children:
        client.get(f"/people/{pid}/")  # warm caches as a real server would be warm
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            response = client.get(f"/people/{pid}/")
            page_ms.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, response.status_code
            if sizes[pid] < 100:
                by_size["< 100 entries"].append(page_ms[-1])
            elif sizes[pid] >= 1000:
                by_size[">= 1,000 entries"].append(page_ms[-1])
            with connection.cursor() as cursor:
                t0 = time.perf_counter()
                cursor.execute(BARE_SQL, [pid])
                cursor.fetchall()
                sql_ms.append((time.perf_counter() - t0) * 1000)

    with connection.cursor() as cursor:
        explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
        cursor.execute(explain + BARE_SQL, [children[0]])
        plan = " | ".join(str(row[-1]) for row in cursor.fetchall())

    biggest = ChronologyEntry.objects.filter(person_id=children[0]).count()
    print(
        f"database: {connection.vendor}; chronology entries: {entries:,}; "
        f"children sampled: {len(children)} (busiest has {biggest:,} entries)"
    )
    print(f"query plan: {plan}")
    med_page, p95_page = statistics.median(page_ms), percentile(page_ms, 95)
    med_sql, p95_sql = statistics.median(sql_ms), percentile(sql_ms, 95)
    print(f"record page server time: median {med_page:.2f} ms, p95 {p95_page:.2f} ms")
    print(f"bare chronology SQL:     median {med_sql:.2f} ms, p95 {p95_sql:.2f} ms")
    print(
        f"ratio page/SQL:          median {med_page / med_sql:.1f}x, p95 {p95_page / p95_sql:.1f}x"
    )
    for label, times in by_size.items():
        if times:
            print(
                f"record page, children with {label}: median "
                f"{statistics.median(times):.2f} ms over {len(times)} requests"
            )


if __name__ == "__main__":
    main()
