"""Benchmark: application CPU per request for the pages staff open most.

Builds (or reuses) a small demo borough in a throwaway SQLite file, signs in in process as
the demo's social worker, team manager and MASH officer (Django's test Client, second factor
off), and for each page prints the median and p95 of the CPU time the request cost this
process (``time.process_time``: Python, templates, the ORM and SQLite's own work, not time
spent waiting) and the number of SQL statements it ran. The baseline in the same run is
``/healthz``: the whole middleware stack (session, sign-in, CSP, no-store), one
``SELECT 1`` and no page, the least any request costs here; a page's figure less the
baseline is what its view and template cost.

    .venv/bin/python bench/pages.py [--db /tmp/lantern-bench-pages.sqlite3] [--scale 0.1]
        [--repeats 40] [--profile record]

Set DATABASE_URL to run against PostgreSQL (its CPU is then outside this process: compare
like with like). ``--profile PAGE`` prints the cProfile of that page's requests instead.
The machine's load average is printed with the figures: other work on the cores inflates
them, and the figures mean little without it.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

from chronology import percentile, setup_django  # the benches' one way to start Django

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
TARGET_RECORD_MS = 12.0


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/lantern-bench-pages.sqlite3")  # noqa: S108 (throwaway)
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--profile", default="", help="a page's name: profile it instead")
    parser.add_argument("--sort", default="cumulative", help="the profile's order")
    parser.add_argument("--lines", type=int, default=45, help="the profile's length")
    return parser.parse_args()


def ensure_borough(args) -> None:
    from django.contrib.auth.models import User
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # as production serves it
    if not User.objects.filter(username="social.worker").exists():
        print(f"building a demo borough at scale {args.scale}…", flush=True)
        call_command("demo", seed=args.seed, scale=args.scale)


def busiest_child_of(username: str) -> int:
    """The worker's allocated child with the longest chronology: the page at its heaviest."""
    from django.db.models import Count

    from lantern.people.models import Person
    from lantern.workforce.models import Allocation

    mine = Allocation.objects.filter(worker__username=username, end__isnull=True)
    return (
        Person.objects.filter(pk__in=mine.values("child_id"))
        .annotate(n=Count("chronology"))
        .order_by("-n", "pk")
        .values_list("pk", flat=True)
        .first()
    )


def pages() -> list[tuple[str, str, str]]:
    """(name, who, url) for each page measured, the baseline first."""
    from lantern.frontdoor.models import Contact
    from lantern.people.models import Person

    child = busiest_child_of("social.worker")
    surname = Person.objects.get(pk=child).last_name
    # The MASH officer's heaviest page: a contact still waiting, its people matched afresh.
    contact = Contact.objects.filter(status=Contact.Status.AWAITING).order_by("pk")
    return [
        ("baseline /healthz", "social.worker", "/healthz"),
        ("child's record", "social.worker", f"/people/{child}/"),
        ("chronology (print)", "social.worker", f"/people/{child}/chronology/print/"),
        ("casework overview", "social.worker", f"/casework/{child}/"),
        ("my work", "social.worker", "/casework/my-work/"),
        ("team view", "team.manager", "/casework/team/"),
        ("search", "social.worker", f"/people/search/?q={surname}"),
        ("MASH queue", "mash.officer", "/front-door/"),
        ("MASH contact", "mash.officer", f"/front-door/contacts/{contact.first().pk}/"),
        ("key events", "social.worker", f"/people/{child}/?key=1"),
    ]


def client_for(username: str):
    from django.contrib.auth.models import User
    from django.test import Client

    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def statements(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def cpu_ms(client, url: str, repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        started = time.process_time()
        response = client.get(url)
        times.append((time.process_time() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return times


def main() -> None:
    args = parse_args()
    setup_django(args.db)
    ensure_borough(args)
    from django.db import connection

    clients: dict[str, object] = {}
    measured = pages()
    for _name, who, url in measured:
        client = clients.setdefault(who, client_for(who))
        for _ in range(3):  # warm: templates compiled, connections open, as a live server
            client.get(url)

    if args.profile:
        name, who, url = next(p for p in measured if args.profile.lower() in p[0].lower())
        profile = cProfile.Profile()
        profile.runcall(cpu_ms, clients[who], url, args.repeats)
        print(f"profile of {name} ({url}), {args.repeats} requests")
        pstats.Stats(profile).sort_stats(args.sort).print_stats(args.lines)
        return

    load = os.getloadavg()
    print(
        f"database: {connection.vendor}; load average {load[0]:.1f} {load[1]:.1f} "
        f"on {os.cpu_count()} cores; {args.repeats} requests a page"
    )
    print(f"{'page':<22} {'median ms':>10} {'p95 ms':>8} {'statements':>11}")
    results = {}
    for name, who, url in measured:
        times = cpu_ms(clients[who], url, args.repeats)
        count = statements(clients[who], url)
        results[name] = statistics.median(times)
        print(
            f"{name:<22} {results[name]:>10.1f} {percentile(times, 95):>8.1f} {count:>11}",
            flush=True,
        )
    record = results["child's record"]
    verdict = "within" if record <= TARGET_RECORD_MS else "over"
    print(f"record page median {record:.1f} ms CPU: {verdict} the {TARGET_RECORD_MS:.0f} ms target")


if __name__ == "__main__":
    main()
