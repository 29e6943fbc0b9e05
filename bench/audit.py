"""Benchmark: audited page views per second, against the same views with auditing off.

A "page view" here is the database side of a record page: in one transaction, read the
child, their open allocation and the newest 50 chronology entries, and write the audit
entry (what ``lantern.access.audit.record`` writes for a record view). It is not the
template rendering, which costs the same with auditing on or off and would hide the audit
log's cost behind the CPU. Each level runs N client processes (one database connection
each; processes, not threads, so that the clients' own Python does not queue on one
interpreter lock and count as the database's latency) for ``--seconds``, in three modes, in
the same run:

- ``off``: the same transaction without the audit write;
- ``sealed``: the audit write as it is now (a plain INSERT), with the sealer running every
  second in its own thread, as the scheduler runs it;
- ``head-lock``: the audit write as it was before sealing (chain head locked until commit),
  for comparison.

It prints throughput and p50/p95 per mode and level, the ratio of ``off`` to ``sealed`` at
each level (goal: at most 1.5 at 32 clients, p95 under 50 ms at 32), then seals and runs
``lantern audit verify``. Run it on PostgreSQL (SQLite serialises writers anyway):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lantern_bench_audit \\
        .venv/bin/python bench/audit.py [--clients 1,8,32,64] [--seconds 5] [--people 200]

It migrates the database it is given and adds people and audit rows to it: use a
throwaway database. Figures only: nothing here fails on time.
"""

import argparse
import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path

from chronology import setup_django  # the benches' one way to start Django on a database

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def prepare(people: int):
    from django.contrib.auth.models import User
    from django.core.management import call_command

    from lantern.people import actions
    from lantern.people.models import Person

    call_command("migrate", verbosity=0)
    user, _ = User.objects.get_or_create(username="bench-audit", defaults={"first_name": "B"})
    have = list(Person.objects.order_by("id").values_list("id", flat=True)[:people])
    for i in range(len(have), people):
        person = actions.register_person(
            acting_user=user, first_name=f"Bench{i}", last_name="Child", date_of_birth=None
        )
        have.append(person.pk)
    return user, have


def view_page(person_id: int, user, mode: str) -> None:
    from django.db import transaction

    from lantern.access import audit
    from lantern.access.models import AuditEntry
    from lantern.chronology.models import ChronologyEntry
    from lantern.people.models import Person
    from lantern.workforce.models import Allocation

    with transaction.atomic():
        person = Person.objects.get(pk=person_id)
        Allocation.objects.filter(child=person, end__isnull=True).first()
        list(ChronologyEntry.objects.filter(person=person).order_by("-occurred_at", "-id")[:50])
        if mode == "sealed":
            audit.record(None, AuditEntry.Action.VIEW_RECORD, user=user, person=person)
        elif mode == "head-lock":
            head_locked_record(user, person)


def head_locked_record(user, person) -> None:
    """The audit write before sealing, kept here only to measure against."""
    from django.utils import timezone

    from lantern.access.audit import entry_digest
    from lantern.access.models import AuditChainHead, AuditEntry

    head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
    entry = AuditEntry(
        user=user,
        username=user.username,
        action=AuditEntry.Action.VIEW_RECORD,
        person=person,
        at=timezone.now(),
        seq=head.seq + 1,
        prev_hash=head.entry_hash,
        sealed_at=timezone.now(),
    )
    entry.entry_hash = entry_digest(entry)
    AuditEntry.objects.bulk_create([entry])
    head.seq, head.entry_hash = entry.seq, entry.entry_hash
    head.save(update_fields=["seq", "entry_hash"])


def run_level(clients: int, seconds: float, mode: str, user, people: list[int]) -> dict:
    from django.db import connections

    processes = multiprocessing.get_context("fork")
    start = processes.Barrier(clients + 1)
    stop = processes.Event()
    results = processes.Queue()
    shared = (start, stop, results)
    connections.close_all()  # each child opens its own connection, none shared across fork
    children = [
        processes.Process(target=_client, args=(n, clients, mode, user, people, shared))
        for n in range(clients)
    ]
    if mode == "sealed":
        children.append(processes.Process(target=_sealer, args=(stop,)))
    for child in children:
        child.start()
    start.wait()
    began = time.perf_counter()
    time.sleep(seconds)
    stop.set()
    every: list[float] = []
    for _ in range(clients):
        latencies, error = results.get()
        if error:
            raise RuntimeError(f"a client failed: {error}")
        every.extend(latencies)
    elapsed = time.perf_counter() - began
    for child in children:
        child.join()
    every.sort()
    return {
        "rate": len(every) / elapsed,
        "p50": statistics.median(every) * 1000,
        "p95": every[int(len(every) * 0.95) - 1] * 1000 if len(every) > 20 else every[-1] * 1000,
    }


def _client(n, clients, mode, user, people, shared) -> None:
    """One client process: page views back to back until told to stop, then its latencies."""
    from django.db import connection

    start, stop, results = shared
    latencies: list[float] = []
    error = ""
    try:
        start.wait()
        i = n
        while not stop.is_set():
            began = time.perf_counter()
            view_page(people[i % len(people)], user, mode)
            latencies.append(time.perf_counter() - began)
            i += clients
    except Exception as failure:  # reported to the parent, which stops the run
        error = repr(failure)
    finally:
        connection.close()
        results.put((latencies, error))


def _sealer(stop) -> None:
    """The scheduler's sealer, once a second, as in production."""
    from django.db import connection

    from lantern.access import sealing

    try:
        while not stop.wait(1.0):
            sealing.seal()
    finally:
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", default="1,8,32,64")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--modes", default="off,sealed,head-lock")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL=postgres://… (a throwaway database): see the docstring.")
    os.environ.setdefault("LANTERN_DB_CONN_MAX_AGE", "600")
    setup_django("")
    from django.core.management import call_command

    from lantern.access import sealing

    user, people = prepare(args.people)
    sealing.seal()
    modes = args.modes.split(",")
    print(f"load before: {os.getloadavg()[0]:.1f} (1-min average, {os.cpu_count()} cores)")
    print(f"{'clients':>7} {'mode':<10} {'views/s':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for clients in [int(c) for c in args.clients.split(",")]:
        results = {}
        for mode in modes:
            results[mode] = r = run_level(clients, args.seconds, mode, user, people)
            print(f"{clients:>7} {mode:<10} {r['rate']:>8.0f} {r['p50']:>8.1f} {r['p95']:>8.1f}")
        if "off" in results and "sealed" in results:
            ratio = results["off"]["rate"] / results["sealed"]["rate"]
            print(f"{clients:>7} off/sealed throughput ratio {ratio:.2f}", flush=True)
    print(f"load after: {os.getloadavg()[0]:.1f}")
    started = time.perf_counter()
    sealed = sealing.seal()
    print(f"sealed the last {sealed:,} entries in {time.perf_counter() - started:.2f} s")
    call_command("audit", "verify")


if __name__ == "__main__":
    main()
