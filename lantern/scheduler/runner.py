"""Running the jobs: take a job's lease, run it once for its latest moment, let it go.

``tick(now)`` is one pass over ``jobs.JOBS``; ``lantern scheduler`` calls it every second
and, between ticks, runs queued tasks (``run_queued_task``). Logs name jobs, moments,
counts and exception classes, never a child or a member of staff: an exception's message
can carry a name, so only its class and the files and lines it passed through are logged.
"""

import dataclasses
import datetime as dt
import importlib
import logging
import os
import socket
import time
import traceback

from django.db import OperationalError
from django.db.models import F, Q
from django.utils import timezone

from lantern.scheduler.jobs import JOBS, Job
from lantern.scheduler.models import JobState

log = logging.getLogger("lantern.scheduler")
reported_missing: set[str] = set()


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:80]


@dataclasses.dataclass
class Ran:
    job: str
    slot: dt.datetime
    outcome: str
    failed: bool = False


class NotInstalled(Exception):
    """The job's code is not in this version of Lantern (another change brings it)."""


def resolve(path: str):
    module, _, name = path.rpartition(".")
    try:
        found = importlib.import_module(module)
    except ModuleNotFoundError as missing:
        if missing.name and path.startswith(missing.name):
            raise NotInstalled(path) from None
        raise
    try:
        return getattr(found, name)
    except AttributeError:
        raise NotInstalled(path) from None


def describe(result) -> str:
    """Counts only: a job returns a number, a dict of numbers or a short sentence."""
    if isinstance(result, dict):
        return ", ".join(f"{key} {value}" for key, value in result.items()) or "nothing to do"
    if result is None:
        return "done"
    return str(result)[:200]


def claim(job: Job, slot: dt.datetime, now: dt.datetime, holder: str) -> bool:
    """Take the job for ``slot`` if no live lease holds it and the slot is not yet run."""
    JobState.objects.get_or_create(job=job.code)
    taken = (
        JobState.objects.filter(job=job.code)
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        .filter(Q(last_slot__isnull=True) | Q(last_slot__lt=slot))
        .update(holder=holder, lease_until=now + job.lease, last_started_at=now)
    )
    return taken == 1


def release(job: Job, slot: dt.datetime, holder: str, outcome: str, error: str) -> None:
    # The slot counts as run even when the job failed: it is tried again at its next moment,
    # not every second (a failing daily job would otherwise fill the log).
    state = JobState.objects.filter(job=job.code, holder=holder)
    state.update(
        last_slot=slot,
        holder="",
        lease_until=None,
        last_finished_at=timezone.now(),
        last_outcome=outcome[:200],
        last_error=error[:200],
    )
    JobState.objects.filter(job=job.code).update(runs=F("runs") + 1)


def run_job(job: Job, slot: dt.datetime, holder: str) -> Ran:
    started = time.monotonic()
    try:
        outcome, error = describe(resolve(job.call)()), ""
    except NotInstalled:
        outcome, error = f"skipped: {job.call} is not installed", ""
        # Said once a process (then at debug level), not every ten seconds.
        level = logging.DEBUG if job.code in reported_missing else logging.WARNING
        reported_missing.add(job.code)
        log.log(level, "job %s skipped: %s is not installed in this version", job.code, job.call)
    except Exception as failure:
        outcome, error = "failed", type(failure).__name__
        where = "\n".join(
            f"  {frame.filename}:{frame.lineno} in {frame.name}"
            for frame in traceback.extract_tb(failure.__traceback__)
        )
        log.error("job %s failed for %s: %s\n%s", job.code, slot.isoformat(), error, where)
    else:
        log.log(
            logging.DEBUG if job.quiet else logging.INFO,
            "job %s ran for %s in %.2f s: %s",
            job.code,
            slot.isoformat(),
            time.monotonic() - started,
            outcome,
        )
    release(job, slot, holder, outcome, error)
    return Ran(job.code, slot, outcome, failed=bool(error))


def tick(now: dt.datetime | None = None, *, holder: str | None = None, jobs=None) -> list[Ran]:
    """Run every job whose latest moment has not been run. Returns what ran."""
    now = now or timezone.now()
    holder = holder or worker_name()
    ran = []
    for job in JOBS if jobs is None else jobs:
        slot = job.schedule.latest(now)
        try:
            if not claim(job, slot, now, holder):
                continue
        except OperationalError as busy:  # SQLite busy beyond its timeout: next tick
            log.warning("job %s not claimed: %s", job.code, type(busy).__name__)
            continue
        ran.append(run_job(job, slot, holder))
    return ran


def run_now(code: str, *, holder: str | None = None) -> Ran:
    """``lantern scheduler run JOB``: run one job now, under its lease, for this moment."""
    from lantern.scheduler.jobs import BY_CODE

    job = BY_CODE[code]
    now = timezone.now()
    holder = holder or worker_name()
    JobState.objects.get_or_create(job=job.code)
    taken = (
        JobState.objects.filter(job=job.code)
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        .update(holder=holder, lease_until=now + job.lease, last_started_at=now)
    )
    if not taken:
        return Ran(job.code, now, "another scheduler is running it now", failed=True)
    return run_job(job, job.schedule.latest(now), holder)
