"""The Returns page's writes: asking for a build, and the build itself with its progress.

``request_run`` is what the page calls: it records the run and hands it to the runner, and
returns at once. ``perform_run`` is the build, in the runner's process: it builds the
files, runs the DfE's validators over them, and keeps both, or records why it failed. It
never raises: whatever goes wrong, the run ends "failed" with a message the analyst can read.
"""

import datetime as dt
import hashlib
import logging
import time

from django.db import transaction
from django.utils import timezone

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.returns import builds, findings, queries
from lantern.returns.models import ReturnFile, ReturnRun

logger = logging.getLogger(__name__)
Status = ReturnRun.Status


def request_run(
    kind: str,
    *,
    acting_user,
    year: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    request=None,
) -> tuple[ReturnRun, bool]:
    """Record a build of ``kind`` and start it; returns (run, started). A second click while
    the same build is still moving gives back the run already under way (started False)."""
    from lantern.returns import runner

    with transaction.atomic():
        same = ReturnRun.objects.filter(
            kind=kind, year=year, period_start=start, period_end=end
        ).exclude(status__in=[Status.DONE, Status.FAILED])
        moving = [r for r in same.select_for_update() if not queries.stalled(r)]
        if moving:
            return moving[0], False
        run = ReturnRun.objects.create(
            kind=kind, year=year, period_start=start, period_end=end, requested_by=acting_user
        )
        audit.record(
            request,
            AuditEntry.Action.CREATE,
            user=acting_user,
            obj=run,
            detail=f"Asked for a build of the {builds.what(run)}",
        )
    runner.start(run.pk)
    return run, True


def perform_run(run_id: int) -> ReturnRun:
    """Build and validate one run, keeping the files and the report, or the failure."""
    run = ReturnRun.objects.get(pk=run_id)
    if run.status != Status.QUEUED:
        return run  # started twice (a retried command): the first one owns it
    now = timezone.now()
    ReturnRun.objects.filter(pk=run.pk).update(
        status=Status.RUNNING, started_at=now, heartbeat_at=now, step="Starting"
    )
    progress = Progress(run.pk)
    step = "Building the files"
    try:
        progress(step, 0, 0, force=True)
        built = builds.build(run)
        report = None
        if builds.validated(run.kind):
            step = "Running the DfE's validators"
            progress(step, 0, 0, force=True)
            checked = builds.check(run, built, progress)
            report = findings.from_report(checked, lambda name: builds.belongs(name, run.kind))
        _keep(run.pk, built, report)
    except Exception as exc:  # the run records every failure (see the docstring)
        _fail(run.pk, step, exc)
    return ReturnRun.objects.get(pk=run.pk)


class Progress:
    """The ``progress(step, done, total)`` callback: written at most twice a second, and on
    every change of step, so a fast validator does not spend its time writing progress."""

    def __init__(self, run_id: int):
        self.run_id = run_id
        self.step = None
        self.written = 0.0

    def __call__(self, step: str, done: int = 0, total: int = 0, *, force: bool = False):
        moment = time.monotonic()
        if not force and step == self.step and moment - self.written < 0.5:
            return
        self.step, self.written = step, moment
        ReturnRun.objects.filter(pk=self.run_id).update(
            step=str(step)[:200],
            done=max(int(done or 0), 0),
            total=max(int(total or 0), 0),
            heartbeat_at=timezone.now(),
        )


@transaction.atomic
def _keep(run_id: int, built: builds.Built, report: dict | None) -> None:
    run = ReturnRun.objects.select_for_update().get(pk=run_id)
    for name, data in sorted(built.files.items()):
        data = bytes(data)
        ReturnFile.objects.create(
            run=run, name=name, data=data, size=len(data), sha256=hashlib.sha256(data).hexdigest()
        )
    run.status, run.finished_at, run.heartbeat_at = Status.DONE, timezone.now(), timezone.now()
    run.step, run.children, run.report = "Finished", built.children, report
    counts = (report or {}).get("counts", {})
    run.errors, run.warnings, run.queries = (counts.get(s) for s in findings.SEVERITIES)
    run.save(
        update_fields=[
            *("status", "finished_at", "heartbeat_at", "step", "children", "report"),
            *("errors", "warnings", "queries"),
        ]
    )


def _fail(run_id: int, step: str, exc: BaseException) -> None:
    """The message is for the analyst on the page; the log gets the run and the kind of
    failure only (an exception's text may quote a record, and logs reach the terminal)."""
    logger.error("returns run %s failed while %s: %s", run_id, step, type(exc).__name__)
    text = str(exc).strip() or type(exc).__name__
    if isinstance(exc, ImportError):
        text = f"this version of Lantern cannot build it yet ({text})"
    fail(run_id, f"{step} failed: {text}")


def fail(run_id: int, message: str) -> None:
    """End a run that cannot finish, saying why (also used when its process cannot start)."""
    ReturnRun.objects.filter(pk=run_id).exclude(status=Status.DONE).update(
        status=Status.FAILED, finished_at=timezone.now(), message=message[:2000]
    )
