"""Benchmark: the instructions each page costs the web process, counted by valgrind, for
this checkout and a baseline revision in the same run.

Timed figures (``bench/pages.py``, the load test) move with whatever else the machine is
doing: on a shared two-core machine, two load tests run back to back drifted by about 10 %
in minutes, on code neither run changed. A count of instructions does not drift: the same
code, data and requests give the same count on a busy machine or a quiet one, so a change
is compared with its baseline exactly, page by page. It counts the web process only:
Python, Django, the templates, the driver's side and, on SQLite, the database's own work;
PostgreSQL's backends are other processes and are not counted.

    .venv/bin/python bench/instructions.py --base main~3 [--repeats 5] [--db PATH]

Needs valgrind (Debian's ``valgrind``). The baseline is checked out with ``git worktree``
into a temporary folder and measured against the same database (``DATABASE_URL``, or the
SQLite borough ``bench/pages.py`` builds), so the two must share its schema: the script
refuses a baseline whose migrations differ. Both are measured at once, one per core; about
five minutes at the default size. Each page is opened three times to warm up (templates
compiled, statements prepared), then ``--repeats`` times inside ``itertools.dropwhile``,
the one function callgrind is told to count in (``--toggle-collect``); it writes each
page's count to a file of its own as the function returns (``--dump-after``).
"""

import argparse
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COUNTED = "dropwhile_next"  # CPython's C function behind itertools.dropwhile


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="the baseline revision (a commit, tag or branch)")
    parser.add_argument("--db", default="/tmp/lantern-bench-pages.sqlite3")  # noqa: S108 (throwaway)
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--prepare", metavar="TREE", help=argparse.SUPPRESS)
    parser.add_argument("--measure", metavar="TREE", help=argparse.SUPPRESS)
    return parser.parse_args()


def start_django(tree: Path, db: str):
    """Django from ``tree``'s own code, with the benches' settings (``bench/chronology.py``)."""
    sys.path[:0] = [str(tree), str(tree / "bench")]
    os.chdir(tree)
    from chronology import setup_django

    setup_django(db)
    import pages

    return pages


def prepare(tree: Path, args) -> None:
    """Without valgrind: the borough, built by the checkout being measured (with its static
    files), and the baseline's own static files, as production serves them."""
    from django.core.management import call_command

    pages = start_django(tree, args.db)
    if tree == REPO:
        pages.ensure_borough(args)
    else:
        call_command("collectstatic", interactive=False, verbosity=0)


def measure(tree: Path, args) -> None:
    """Under valgrind: each page's requests counted as one dump, in the order printed."""
    pages = start_django(tree, args.db)
    clients = {}
    for name, who, url in pages.pages():
        client = clients.setdefault(who, pages.client_for(who))
        for _ in range(3):
            client.get(url)

        def requests(_, client=client, url=url) -> bool:
            for _ in range(args.repeats):
                assert client.get(url).status_code == 200, url
            return False  # dropwhile yields at once: its function is called once

        next(itertools.dropwhile(requests, [None]))
        print(f"page {name}", flush=True)


def counts(out: Path, label: str, log: str) -> dict[str, int]:
    """Each page's instructions, from its dump (``<label>.<pid>.<n>``, n from 1): one dump
    a page, or the run is refused rather than a page given another's count."""
    names = [line[5:] for line in log.splitlines() if line.startswith("page ")]
    dumps = sorted(out.glob(f"{label}.*.*"), key=lambda p: int(p.name.rsplit(".", 1)[1]))
    if len(dumps) != len(names):
        sys.exit(f"{label}: {len(names)} pages but {len(dumps)} counts in {out}")
    found = {}
    for name, dump in zip(names, dumps, strict=True):
        totals = re.search(r"^totals:\s*(\d+)", dump.read_text(), re.MULTILINE)
        if totals is None:
            sys.exit(f"{label}: no total in {dump}")
        found[name] = int(totals.group(1))
    return found


def main() -> None:
    args = parse_args()
    if args.prepare or args.measure:
        tree = Path(args.prepare or args.measure).resolve()
        (prepare if args.prepare else measure)(tree, args)
        return
    if not args.base:
        sys.exit("--base is required: the revision to compare this checkout with")
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (Debian: apt-get install -y valgrind)")
    git = ["git", "-C", str(REPO)]
    changed = subprocess.run(
        [*git, "diff", "--quiet", args.base, "--", ":(glob)lantern/*/migrations/*.py"],
        check=False,
    )
    if changed.returncode != 0:
        sys.exit(
            f"{args.base} has other migrations than this checkout: one database can't serve both"
        )

    work = Path(tempfile.mkdtemp(prefix="lantern-instructions-"))
    base = work / "base"
    subprocess.run(
        [*git, "worktree", "add", "--detach", "--quiet", str(base), args.base], check=True
    )
    try:
        (base / "node_modules").symlink_to(REPO / "node_modules")
        own = [sys.executable, str(Path(__file__).resolve()), "--db", args.db]
        own += ["--scale", str(args.scale), "--seed", str(args.seed)]
        own += ["--repeats", str(args.repeats)]
        for tree in (REPO, base):
            subprocess.run([*own, "--prepare", str(tree)], check=True)
        runs = {}
        for label, tree in (("base", base), ("this", REPO)):
            valgrind = ["valgrind", "--tool=callgrind", "--collect-atstart=no"]
            valgrind += [f"--toggle-collect={COUNTED}", f"--dump-after={COUNTED}"]
            valgrind += [f"--callgrind-out-file={work}/{label}.%p"]
            runs[label] = subprocess.Popen(
                [*valgrind, *own, "--measure", str(tree)],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
        logs = {label: run.communicate()[0] for label, run in runs.items()}
        if any(run.returncode for run in runs.values()):
            sys.exit(f"a measured run failed; its dumps are in {work}")
        before, after = counts(work, "base", logs["base"]), counts(work, "this", logs["this"])
    finally:
        subprocess.run([*git, "worktree", "remove", "--force", str(base)], check=False)

    database = os.environ.get("DATABASE_URL", "").split(":", 1)[0] or "sqlite"
    print(f"instructions a request (millions), {args.repeats} requests a page, {database}")
    print(f"{'page':<22} {args.base[:12]:>12} {'this':>8} {'change':>8}")
    for name, now in after.items():
        then = before.get(name)
        if not then:
            print(f"{name:<22} {'—':>12} {now / args.repeats / 1e6:>8.1f}")
            continue
        change = (now - then) / then * 100
        then, now = then / args.repeats / 1e6, now / args.repeats / 1e6
        print(f"{name:<22} {then:>12.1f} {now:>8.1f} {change:>+7.0f}%")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
