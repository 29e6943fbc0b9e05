"""Queued one-off tasks (Django's tasks framework, the database backend): run one at a time
by ``lantern scheduler`` beside the periodic jobs.

A task is a row of ``django_tasks_db``'s table, written in the transaction of the request
that asked for it, so it exists only if that request's change committed and no worker can
see it before then. Claiming uses the library's own locking (``SELECT … FOR UPDATE SKIP
LOCKED`` on PostgreSQL, an exclusive transaction on SQLite), so several scheduler processes
never run one task twice. Its ``Worker.run`` loop is not used: it closes database
connections between tasks, which a test's transaction cannot survive, and a process that
also runs the periodic jobs needs one task at a time.
"""

import datetime as dt
import logging

from django.db import OperationalError
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.compat import DEFAULT_TASK_BACKEND_ALIAS, TaskResultStatus, task_backends
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

log = logging.getLogger("lantern.scheduler")


def run_queued_task(worker_id: str, backend: str = DEFAULT_TASK_BACKEND_ALIAS) -> bool:
    """Claim and run the next ready task. False when there was none (or the database was
    busy); a task that raises is recorded as failed with its traceback in the task table."""
    if not isinstance(task_backends[backend], DatabaseBackend):
        return False  # tasks already ran when enqueued (an immediate backend)
    ready = DBTaskResult.objects.ready().filter(backend_name=backend)
    try:
        with exclusive_transaction(ready.db):
            found = ready.get_locked()
            if found is not None:
                found.claim(worker_id)
    except OperationalError as error:
        if is_locked_database_exception(error):
            return False
        raise
    if found is None:
        return False
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name=backend,
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )
    worker.run_task(found)
    found.refresh_from_db(fields=["status", "return_value"])
    # A task returns counts (``signals.tasks``); its traceback, if any, stays in the table.
    counts = found.return_value if isinstance(found.return_value, dict) else {}
    said = ", ".join(f"{key} {value}" for key, value in counts.items())
    log.info("task %s %s%s", found.task_path, found.status.lower(), f": {said}" if said else "")
    return True


def run_queued_tasks(worker_id: str = "tests", limit: int = 1000) -> int:
    """Every ready task, one after another (tests; ``lantern scheduler --once``)."""
    ran = 0
    while ran < limit and run_queued_task(worker_id):
        ran += 1
    return ran


KEEP_FINISHED = dt.timedelta(days=30)


def prune_finished() -> dict[str, int]:
    """Delete finished tasks after 30 days: a failed one keeps its traceback, whose message
    may name a child, and the table is not a record anyone needs to keep."""
    done = (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED)
    old = DBTaskResult.objects.filter(
        status__in=done, finished_at__lt=timezone.now() - KEEP_FINISHED
    )
    deleted, _ = old.delete()
    return {"tasks deleted": deleted}
