"""Benchmark: the clock engine with 100,000 open cases.

Builds its own SQLite database (``var/bench-clocks.sqlite3``, recreated each run; the demo
database is never touched) holding 100,000 children with realistic clock histories: cases
being assessed, awaiting an ICPC, on child protection plans with visits every few working
days, and children in need. Then it prints:

* the time to recompute every open deadline after a policy change (the council moves CP
  visits from 10 to 15 working days, then declares a closure day), against a naive
  baseline that recomputes and saves each deadline one by one (timed on a sample and
  scaled up);
* the median and p95 time to update one case after an event (a CP visit recorded through
  ``clocks.apply_event`` in its own transaction, as actions do), against the naive
  alternative of recomputing the whole borough after each event; and the same for the
  full ``record_visit`` action (audit, chronology, visit row and clocks).

Targets: full recompute < 5 s; one case < 5 ms.

    .venv/bin/python bench/clocks.py [--cases 100000] [--events 1000] [--seed 1]
"""

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
TODAY = dt.date(2026, 11, 23)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--actions", type=int, default=300)
    parser.add_argument("--baseline-sample", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", default=str(REPO / "var" / "bench-clocks.sqlite3"))
    return parser.parse_args()


def setup_django(db_path: str) -> None:
    path = Path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"  # always its own database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lantern.settings")
    # Its own SQLite file and the demo borough: development settings, DEBUG off for timing.
    os.environ.setdefault("LANTERN_ENV", "development")
    os.environ.setdefault("LANTERN_DEBUG", "0")
    import django

    django.setup()


def histories(rng: random.Random, n: int, calendar):
    """(kind, events) per case: what a borough's open cases look like to the clocks."""
    for _ in range(n):
        roll = rng.random()
        referral = TODAY - dt.timedelta(days=rng.randint(3, 400))
        events = [(referral, "referral")]
        if roll < 0.30:  # on a child protection plan, visited every 4–10 working days
            icpc = TODAY - dt.timedelta(days=rng.randint(5, 170))
            referral = min(referral, icpc - dt.timedelta(days=30))
            held = icpc - dt.timedelta(days=18)
            events = [(referral, "referral"), (held, "harm_suspected")]
            events += [(held, "strategy_discussion_held"), (held, "s47_initiated")]
            events += [(held, "s47_started"), (icpc, "icpc_held"), (icpc, "cp_plan_started")]
            events += [(referral + dt.timedelta(days=40), "assessment_authorised")]
            day = icpc
            while (day := calendar.add_working_days(day, rng.randint(4, 11))) < TODAY:
                events.append((day, "cp_visit_child_seen"))
            yield "cp", events
        elif roll < 0.40:  # section 47 under way, ICPC not yet held
            held = TODAY - dt.timedelta(days=rng.randint(1, 20))
            events += [(held, "harm_suspected"), (held, "strategy_discussion_held")]
            events += [(held, "s47_initiated"), (held, "s47_started")]
            yield "s47", events
        elif roll < 0.60:  # being assessed
            yield "assessment", [(TODAY - dt.timedelta(days=rng.randint(1, 70)), "referral")]
        else:  # child in need, assessment done
            yield "cin", [*events, (referral + dt.timedelta(days=35), "assessment_authorised")]


def build(args, rng):
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import transaction

    from lantern.agencies.models import Agency
    from lantern.clocks.calendar import current_calendar
    from lantern.clocks.engine import replay
    from lantern.clocks.models import Deadline
    from lantern.clocks.queries import rules_in_force
    from lantern.people.models import Person
    from lantern.workforce.models import StaffMember, Team

    call_command("migrate", verbosity=0)
    worker = User.objects.create_user("bench", first_name="Bench", last_name="Worker")
    team = Team.objects.create(name="Bench team", kind=Team.Kind.CHILD_PROTECTION)
    council, _ = Agency.objects.get_or_create(
        code="csc", defaults={"name": "Children's social care", "kind": "council"}
    )
    StaffMember.objects.create(user=worker, team=team, agency=council)
    calendar, rules = current_calendar(), rules_in_force()
    kinds, rows = {}, []
    with transaction.atomic():
        people = Person.objects.bulk_create(
            [
                Person(council_id=f"BN{i:08d}", first_name="Child", last_name=f"{i}")
                for i in range(args.cases)
            ],
            batch_size=5000,
        )
        for person, (kind, events) in zip(
            people, histories(rng, args.cases, calendar), strict=True
        ):
            kinds[person.pk] = kind
            for clock in replay([(d, e, ("", "")) for d, e in events], rules, calendar):
                rows.append(
                    Deadline(
                        person_id=person.pk,
                        rule=clock.rule,
                        started_on=clock.started_on,
                        due_on=clock.due_on,
                        state=clock.state,
                        closed_on=clock.closed_on,
                        started_by=clock.started_by,
                        closed_by=clock.closed_by,
                        calendar_version=calendar.version,
                    )
                )
            if len(rows) > 50_000:
                Deadline.objects.bulk_create(rows, batch_size=5000)
                rows = []
        Deadline.objects.bulk_create(rows, batch_size=5000)
    return worker, people, kinds


def timed(func, *args, **kwargs):
    started = time.perf_counter()
    result = func(*args, **kwargs)
    return time.perf_counter() - started, result


def naive_recompute(sample: int) -> tuple[float, int]:
    """One deadline at a time, through the public ``due_date`` and ``save``."""
    from lantern.clocks import due_date
    from lantern.clocks.models import Deadline

    rows = list(Deadline.objects.filter(state="open").select_related("rule")[:sample])
    started = time.perf_counter()
    for row in rows:
        row.due_on = due_date(row.rule.code, row.started_on)
        row.save(update_fields=["due_on"])
    return time.perf_counter() - started, len(rows)


def action_cases(worker, people, kinds, count: int, rng) -> list:
    """Give a sample of plan cases the casework records ``record_visit`` looks for."""
    from lantern.casework import models as cw
    from lantern.casework.bulk import Batch

    chosen = rng.sample([p for p in people if kinds[p.pk] == "cp"], count)
    batch = Batch()
    for person in chosen:
        start = TODAY - dt.timedelta(days=60)
        add = batch.add
        episode = add(
            cw.CINEpisode,
            person.pk,
            worker.pk,
            referral_date=start,
            referral_source="6",
            referral_reason="Bench",
        )
        talk = add(
            cw.StrategyDiscussion,
            person.pk,
            worker.pk,
            episode=episode,
            held_on=start,
            decision="s47",
        )
        s47 = add(
            cw.Section47Enquiry,
            person.pk,
            worker.pk,
            episode=episode,
            strategy_discussion=talk,
            start_date=start,
        )
        icpc = add(
            cw.Conference,
            person.pk,
            worker.pk,
            episode=episode,
            kind="initial",
            section47=s47,
            held_on=start,
            chair_id=worker.pk,
            decision="plan",
            categories=["NEG"],
        )
        add(
            cw.ChildProtectionPlan,
            person.pk,
            worker.pk,
            episode=episode,
            icpc=icpc,
            start_date=start,
            initial_categories=["NEG"],
            latest_categories=["NEG"],
        )
    batch.save()
    return chosen


def main() -> None:
    args = parse_args()
    setup_django(args.db)
    from django.db import connection, transaction

    from lantern.casework.actions import record_visit
    from lantern.clocks.actions import apply_event, declare_closure_day, recompute_open_deadlines
    from lantern.clocks.models import ClockRule, Deadline

    rng = random.Random(args.seed)
    t, (worker, people, kinds) = timed(build, args, rng)
    total = Deadline.objects.count()
    open_count = Deadline.objects.filter(state="open").count()
    print(
        f"built {args.cases:,} open cases in {t:.0f} s: {total:,} deadlines, {open_count:,} open "
        f"(SQLite {connection.Database.sqlite_version}, {args.db})"
    )

    t_noop, _ = timed(recompute_open_deadlines)
    ClockRule.objects.filter(code="cp_visit").update(amount=15)
    t_interval, moved = timed(recompute_open_deadlines)
    t_closure, moved_closure = timed(declare_closure_day, TODAY + dt.timedelta(days=9), "Bench")
    t_naive, sampled = naive_recompute(args.baseline_sample)
    naive_all = t_naive / sampled * open_count
    print("\nrecompute every open deadline (target < 5 s)")
    print(f"  nothing changed:              {t_noop:6.2f} s")
    print(f"  CP visits 10 -> 15 days:      {t_interval:6.2f} s  ({moved:,} deadlines moved)")
    print(f"  closure day declared:         {t_closure:6.2f} s  ({moved_closure:,} moved, audited)")
    print(
        f"  baseline, one by one:         {naive_all:6.1f} s  (measured on {sampled:,}: "
        f"{t_naive / sampled * 1000:.2f} ms each)"
    )

    plan_cases = [p for p in people if kinds[p.pk] == "cp"]
    sample = rng.sample(plan_cases, min(args.events, len(plan_cases)))
    times = []
    for person in sample:
        started = time.perf_counter()
        with transaction.atomic():
            apply_event(person, "cp_visit_child_seen", TODAY)
        times.append((time.perf_counter() - started) * 1000)
    chosen = action_cases(worker, people, kinds, args.actions, rng)
    action_times = []
    for person in chosen:
        started = time.perf_counter()
        record_visit(
            person,
            acting_user=worker,
            visited_on=TODAY,
            kind="cp",
            child_seen=True,
            seen_alone=True,
            child_words="I'm fine.",
        )
        action_times.append((time.perf_counter() - started) * 1000)

    def p95(values):
        return sorted(values)[int(0.95 * (len(values) - 1))]

    med = statistics.median(times)
    print("\nupdate one case after an event (target < 5 ms)")
    print(
        f"  clocks.apply_event (CP visit): median {med:.2f} ms, p95 {p95(times):.2f} ms "
        f"over {len(times):,} cases"
    )
    print(
        f"  record_visit action, all in:  median {statistics.median(action_times):.2f} ms, "
        f"p95 {p95(action_times):.2f} ms over {len(action_times):,} cases"
    )
    print(
        f"  baseline, recompute the borough per event: {t_interval * 1000:,.0f} ms "
        f"({t_interval * 1000 / med:,.0f}x the incremental median)"
    )


if __name__ == "__main__":
    main()
