"""The load test (issue 15): gunicorn + PostgreSQL with production settings, on loopback.

    .venv/bin/python bench/load/run.py [--levels 50,100,200] [--duration 120] [--scale 1]

Builds a demo borough once into the template database ``lantern_load_template`` (about
15–25 minutes at scale 1 on two cores; kept for later runs), copies it into a throwaway
``lantern_load_<pid>``, gives its staff accounts authenticators (``accounts.py``), collects
static files, starts gunicorn with production settings on 127.0.0.1 (plain HTTP through
``LANTERN_INSECURE_HTTP_LOOPBACK=1``; TOTP second factor still on), then runs locust
headless at each level for a bounded time. For each level it prints, per endpoint and
overall, requests/s, failures and p50/p95/p99 in ms, the server's CPU per request, and the
PostgreSQL lock waits sampled every second during the run. The server and the copy are
removed at the end whatever happens (``--keep`` keeps the copy).
"""

import argparse
import contextlib
import csv
import os
import re
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import psutil
import psycopg

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SERVER = "postgres://postgres@127.0.0.1:5432/"  # loopback, trust auth, as in .ci/run
ADMIN = SERVER + "postgres"
TEMPLATE = "lantern_load_template"
LOCKS = """
SELECT count(*) FILTER (WHERE wait_event_type = 'Lock'),
       count(*) FILTER (WHERE wait_event_type = 'LWLock'),
       count(*) FILTER (WHERE state = 'active'),
       string_agg(DISTINCT wait_event, ',') FILTER (WHERE wait_event_type = 'Lock')
FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()
"""
UNGRANTED = "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
UNGRANTED += "WHERE NOT l.granted AND d.datname = %s"
# The server's own settings that change what a statement costs: printed with the figures,
# since the same pages on the same cores differ with them (docs/deploy.md §3).
SERVER_SETTINGS = ("shared_buffers", "effective_cache_size", "work_mem", "jit")


def admin(sql: str) -> None:
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        conn.execute(sql)


COMPLETE = "lantern load template: complete"


def exists(db: str) -> bool:
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (db,)).fetchone()


def complete(db: str) -> bool:
    """A template is used only once its demo finished: a build cut short leaves no mark."""
    query = "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s"
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        row = conn.execute(query, (db,)).fetchone()
    return bool(row) and row[0] == COMPLETE


def run(command: list[str], env: dict[str, str], **kwargs) -> None:
    subprocess.run(command, env=env, check=True, cwd=REPO, **kwargs)


def build_template(template: str, scale: float, seed: int) -> None:
    """The demo is generated with development settings (``lantern demo`` refuses others);
    everything after this runs with production settings."""
    print(f"building {template} (demo --scale {scale}); kept for later runs", flush=True)
    admin(f"CREATE DATABASE {template}")
    env = {**os.environ, "LANTERN_ENV": "development", "DATABASE_URL": SERVER + template}
    try:
        run([str(BIN / "lantern"), "migrate", "--verbosity", "0"], env)
        run([str(BIN / "lantern"), "demo", "--seed", str(seed), "--scale", str(scale)], env)
    except BaseException:
        admin(f"DROP DATABASE IF EXISTS {template}")
        raise
    admin(f"COMMENT ON DATABASE {template} IS '{COMPLETE}'")


def server_settings() -> str:
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        return ", ".join(
            f"{name} {conn.execute(f'SHOW {name}').fetchone()[0]}" for name in SERVER_SETTINGS
        )


def interpreter() -> str:
    """The Python the server and locust run on, and its speed on this machine now: the
    same code took 8–10 % less worker CPU on Debian's python3.11 (built with
    profile-guided optimisation, as the container's python:3.11-slim is) than on a
    default pyenv build, so figures from two machines compare only with this line."""
    timing = subprocess.run(
        [sys.executable, "-m", "timeit", "sum(range(10**6))"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.strip()
    speed = timing.split(": ", 1)[-1]
    real = Path(sys.executable).resolve()
    return f"{sys.executable} ({real}, {sys.version.split()[0]}); sum(range(10**6)): {speed}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LockSampler(threading.Thread):
    """pg_stat_activity once a second: sessions waiting on a heavyweight lock (row, tuple,
    transaction id), on a lightweight lock, active, and ungranted pg_locks rows."""

    def __init__(self, db: str):
        super().__init__(daemon=True)
        self.db, self.samples, self.events = db, [], set()
        self.stopping = threading.Event()

    def run(self):
        with psycopg.connect(SERVER + self.db, autocommit=True) as conn:
            while not self.stopping.wait(1.0):
                lock, lwlock, active, events = conn.execute(LOCKS, (self.db,)).fetchone()
                ungranted = conn.execute(UNGRANTED, (self.db,)).fetchone()[0]
                self.samples.append((lock, lwlock, active, ungranted))
                self.events.update(set((events or "").split(",")) - {""})

    def summary(self) -> str:
        if not self.samples:
            return "no samples"
        n = len(self.samples)
        waiting = [s[0] for s in self.samples]
        return (
            f"{n} samples: sessions waiting on a lock mean {sum(waiting) / n:.2f}, "
            f"max {max(waiting)}, in {sum(1 for w in waiting if w)} of {n} samples; "
            f"ungranted pg_locks max {max(s[3] for s in self.samples)}; "
            f"LWLock waits mean {sum(s[1] for s in self.samples) / n:.2f}; "
            f"active sessions mean {sum(s[2] for s in self.samples) / n:.1f}; "
            f"lock events: {', '.join(sorted(self.events)) or 'none'}"
        )


STATEMENTS = """
SELECT calls, total_plan_time, total_exec_time, query FROM pg_stat_statements
WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY total_plan_time + total_exec_time DESC
"""


class Statements:
    """Where PostgreSQL's time went in a level: planning against execution, and the
    statements that took most, from ``pg_stat_statements`` where the server loads it
    (README: "Where PostgreSQL's time goes"). Its texts have ``$1`` for every value, so
    nothing anyone typed is printed."""

    def __init__(self, db: str):
        self.db = db

    def reset(self) -> bool:
        try:
            with psycopg.connect(SERVER + self.db, autocommit=True) as conn:
                conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
                conn.execute("SELECT pg_stat_statements_reset()")
            return True
        except psycopg.Error:
            return False

    def summary(self, requests: int, top: int = 8) -> str:
        with psycopg.connect(SERVER + self.db, autocommit=True) as conn:
            rows = conn.execute(STATEMENTS).fetchall()
        calls = sum(r[0] for r in rows)
        plan, execute = sum(r[1] for r in rows), sum(r[2] for r in rows)
        per = max(requests, 1)
        lines = [
            f"PostgreSQL statements: {calls:,} calls of {len(rows)} kinds, "
            f"{calls / per:.1f} a request; planning {plan / 1000:.1f} s, "
            f"execution {execute / 1000:.1f} s ({(plan + execute) / per:.2f} ms a request, "
            "wall-clock inside the server)"
        ]
        for runs, planned, executed, query in rows[:top]:
            text = " ".join(query.split())[:100]
            lines.append(
                f"  {(planned + executed) / 1000:6.1f} s {runs:>7,} calls "
                f"plan {planned / max(runs, 1):.2f} exec {executed / max(runs, 1):.2f} ms  {text}"
            )
        return "\n".join(lines)


def cpu_seconds(pid: int) -> float:
    """The server's CPU: the master, its workers now, and any worker it has replaced (a
    reaped worker's time is the master's children's time)."""
    root = psutil.Process(pid)
    reaped = root.cpu_times()
    total = reaped.children_user + reaped.children_system
    for proc in [root, *root.children(recursive=True)]:
        try:
            times = proc.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            pass
    return total


def workers_now(pid: int) -> dict[int, float]:
    """Each worker's resident memory in MB, by process id."""
    out = {}
    for proc in psutil.Process(pid).children():
        with contextlib.suppress(psutil.NoSuchProcess):
            out[proc.pid] = proc.memory_info().rss / 2**20
    return out


def postgres_cpu_seconds() -> float | None:
    """The PostgreSQL server's CPU on this machine: the postmaster, its live processes, and
    the backends it has reaped (its children's times). Every database's work, the lock
    sampler's too, which is a query a second; None if no server process can be read."""
    total, found = 0.0, False
    for proc in psutil.process_iter(["name", "ppid"]):
        try:
            if (
                proc.info["name"] != "postgres"
                or psutil.Process(proc.info["ppid"]).name() == "postgres"
            ):
                continue
            found = True
            times = proc.cpu_times()
            total += times.user + times.system + times.children_user + times.children_system
            for child in proc.children(recursive=True):
                times = child.cpu_times()
                total += times.user + times.system
        except psutil.Error:
            continue
    return total if found else None


def children_cpu_seconds() -> float:
    """CPU of this process's finished children: read before and after a locust run, the
    load generator's own share of the two cores."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def print_stats(
    path: Path, cpu: float, database_cpu: float | None = None, locust_cpu: float | None = None
) -> None:
    rows = list(csv.DictReader(path.open()))
    head = f"{'endpoint':<34}{'reqs':>7}{'fails':>6}{'req/s':>8}{'p50':>7}{'p95':>7}{'p99':>7}"
    print(head)
    for row in sorted(rows, key=lambda r: (r["Name"] == "Aggregated", r["Name"])):
        name = "OVERALL" if row["Name"] == "Aggregated" else row["Name"]
        print(
            f"{name[:33]:<34}{row['Request Count']:>7}{row['Failure Count']:>6}"
            f"{float(row['Requests/s']):>8.1f}{row['50%']:>7}{row['95%']:>7}{row['99%']:>7}"
        )
        if name == "OVERALL" and int(row["Request Count"]):
            n = int(row["Request Count"])
            print(f"server CPU (gunicorn): {1000 * cpu / n:.1f} ms/request")
            if database_cpu is not None:
                print(f"database CPU (PostgreSQL): {1000 * database_cpu / n:.1f} ms/request")
            if locust_cpu is not None:
                print(f"load generator CPU (locust): {1000 * locust_cpu / n:.1f} ms/request")


def requests_in(path: Path) -> int:
    rows = [r for r in csv.DictReader(path.open()) if r["Name"] == "Aggregated"]
    return int(rows[0]["Request Count"]) if rows else 0


def print_cpu_by_page(lines: list[str]) -> None:
    """The workers' CPU per kind of request (``gunicorn_cpu.py``): where the cores went."""
    spent: dict[str, list[float]] = {}
    collected = 0.0
    for line in lines:
        ms, gc_ms, kind = line.split(" ", 2)
        spent.setdefault(kind.strip(), []).append(float(ms))
        collected += float(gc_ms)
    total = sum(sum(v) for v in spent.values()) or 1.0
    print(f"of the workers' CPU, in Python's garbage collector: {100 * collected / total:.1f}%")
    print(f"{'request (worker CPU)':<46}{'reqs':>7}{'median':>8}{'p95':>7}{'share':>7}")
    for kind, times in sorted(spent.items(), key=lambda kv: -sum(kv[1])):
        times.sort()
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        print(
            f"{kind[:45]:<46}{len(times):>7}{statistics.median(times):>8.1f}{p95:>7.1f}"
            f"{100 * sum(times) / total:>6.0f}%"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default="50,100,200", help="simultaneous users per level")
    parser.add_argument("--duration", type=int, default=120, help="seconds per level (>= 60)")
    parser.add_argument("--spawn-rate", type=float, default=10, help="users started per second")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (0: config)")
    parser.add_argument(
        "--prepare-after",
        type=int,
        default=None,
        help="the server's LANTERN_DB_PREPARE_AFTER (0: no statements prepared; default: its own)",
    )
    parser.add_argument("--scale", type=float, default=1.0, help="demo scale for the template")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--template", default=TEMPLATE, help="the demo database to copy")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the template first")
    parser.add_argument("--keep", action="store_true", help="keep the database copy")
    args = parser.parse_args()
    if args.duration < 60:
        parser.error("--duration must be at least 60 s: each level signs in with fresh codes")
    levels = [int(n) for n in args.levels.split(",")]

    template = args.template
    if not re.fullmatch(r"lantern_load\w*", template):
        parser.error("--template must name a lantern_load* database (letters, digits, _)")
    if exists(template) and (args.rebuild or not complete(template)):
        print(f"dropping {template} (--rebuild, or its build did not finish)", flush=True)
        admin(f"DROP DATABASE {template} WITH (FORCE)")
    if not exists(template):
        build_template(template, args.scale, args.seed)
    db = f"lantern_load_{os.getpid()}"
    work = Path(tempfile.mkdtemp(prefix="lantern-load-"))
    port = free_port()
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("LANTERN_") and k != "DATABASE_URL"
    }
    env.update(
        PYTHONPATH=f"{REPO}{os.pathsep}{env.get('PYTHONPATH', '')}",
        DJANGO_SETTINGS_MODULE="lantern.settings",
        DATABASE_URL=SERVER + db,
        LANTERN_SECRET_KEY=os.urandom(32).hex(),
        LANTERN_AUDIT_SIGNING_KEY_FILE=str(work / "audit_signing_key.pem"),
        LANTERN_STATIC_ROOT=str(work / "static"),
        LANTERN_BIND=f"127.0.0.1:{port}",
        LANTERN_INSECURE_HTTP_LOOPBACK="1",
        LANTERN_ACCESS_LOG=str(work / "access.log"),
        LANTERN_LOAD_CPU_LOG=str(work / "cpu.log"),
        LANTERN_LOAD_ACCOUNTS=str(work / "accounts.json"),
    )
    if args.workers:
        env["LANTERN_WEB_WORKERS"] = str(args.workers)
    if args.prepare_after is not None:
        env["LANTERN_DB_PREPARE_AFTER"] = str(args.prepare_after)
    server = None
    admin(f"CREATE DATABASE {db} TEMPLATE {template}")
    try:
        key = env["LANTERN_AUDIT_SIGNING_KEY_FILE"]
        run([str(BIN / "lantern"), "audit", "keygen", "--out", key], env, stdout=subprocess.DEVNULL)
        run([str(BIN / "lantern"), "migrate", "--verbosity", "0"], env)
        run([str(BIN / "lantern"), "collectstatic", "--noinput", "--verbosity", "0"], env)
        accounts = env["LANTERN_LOAD_ACCOUNTS"]
        run([str(BIN / "python"), "bench/load/accounts.py", "--out", accounts], env)
        # Planner statistics for what the demo wrote: a copy carries its template's, and a
        # template analysed before its bulk load (or never, if autovacuum had not reached it)
        # leaves PostgreSQL planning for a few thousand people, not 35,000: hash joins over
        # sequential scans, 30-85 ms a query on the record page. VACUUM too: until the
        # visibility map is set, a count over the name keys reads every matching row from
        # the table instead of the index alone (70 ms against 8 for a common surname at
        # scale 10). A council loading its data runs the same (docs/deploy.md).
        with psycopg.connect(SERVER + db, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "-c",
                "bench/load/gunicorn_cpu.py",  # deploy/gunicorn.conf.py, timing each request
                # Workers are not recycled (production: after about 2,000 requests), so each
                # level measures workers that live through it.
                "--max-requests",
                "0",
                "lantern.wsgi:application",
            ],
            env=env,
            cwd=REPO,
            stdout=(work / "server.log").open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(60):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=5)  # noqa: S310 (loopback)
                break
            except OSError:
                if server.poll() is not None:
                    sys.exit(f"gunicorn exited: see {work / 'server.log'}")
                time.sleep(1)
        workers = 0  # counted once gunicorn has stopped forking: the first may answer first
        for _ in range(20):
            time.sleep(0.5)
            forked, workers = workers, len(psutil.Process(server.pid).children())
            if forked == workers:
                break
        print(f"gunicorn on {base}, {workers} workers; database {db}", flush=True)
        print(f"PostgreSQL: {server_settings()}", flush=True)
        print(f"Python: {interpreter()}", flush=True)
        for users in levels:
            print(f"\n== {users} users, {args.duration} s, spawn {args.spawn_rate}/s", flush=True)
            sampler = LockSampler(db)
            sampler.start()
            statements = Statements(db)
            counted = statements.reset()
            workers_before = workers_now(server.pid)
            before, database_before = cpu_seconds(server.pid), postgres_cpu_seconds()
            locust_before = children_cpu_seconds()
            cpu_log = work / "cpu.log"
            timed_before = cpu_log.stat().st_size if cpu_log.exists() else 0
            prefix = work / f"level{users}"
            run(
                [
                    str(BIN / "locust"),
                    "-f",
                    "bench/load/locustfile.py",
                    "--headless",
                    "--host",
                    base,
                    "-u",
                    str(users),
                    "-r",
                    str(args.spawn_rate),
                    "-t",
                    f"{args.duration}s",
                    "--stop-timeout",
                    "10",
                    "--csv",
                    str(prefix),
                    "--only-summary",
                    "--loglevel",
                    "WARNING",
                    "--exit-code-on-error",
                    "0",
                ],
                env,
                stdout=subprocess.DEVNULL,
                stderr=(work / f"locust{users}.log").open("w"),
                timeout=args.duration + 120,
            )
            cpu = cpu_seconds(server.pid) - before
            locust_cpu = children_cpu_seconds() - locust_before
            database_after = postgres_cpu_seconds()
            database_cpu = (
                database_after - database_before
                if database_before is not None and database_after is not None
                else None
            )
            sampler.stopping.set()
            sampler.join()
            print_stats(Path(f"{prefix}_stats.csv"), cpu, database_cpu, locust_cpu)
            memory = workers_now(server.pid)
            replaced = len(set(memory) - set(workers_before))  # a timeout or a crash
            low, high = min(memory.values()), max(memory.values())
            print(
                f"gunicorn workers: {replaced} replaced during the level; "
                f"resident memory {low:.0f}–{high:.0f} MB"
            )
            print(f"PostgreSQL lock waits: {sampler.summary()}")
            if counted:
                print(statements.summary(requests_in(Path(f"{prefix}_stats.csv"))))
            else:
                print("PostgreSQL statements: pg_stat_statements not loaded (README says how)")
            with cpu_log.open() as timed:
                timed.seek(timed_before)
                print_cpu_by_page(timed.readlines())
            failures = Path(f"{prefix}_failures.csv")
            if failures.exists() and len(failures.read_text().splitlines()) > 1:
                print(f"failures: {failures}")
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        if not args.keep:
            admin(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
        print(f"\nlogs and CSVs: {work}")


if __name__ == "__main__":
    main()
