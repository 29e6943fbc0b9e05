"""Where a build runs: never in the web request that asked for it.

In production it runs as ``lantern returns run <id>``, a process of its own started in a
new session. A gunicorn sync worker that is recycled (``max_requests``), timed out or
restarted by a deploy would take a background thread down with it, leaving the run
"running" for ever; a detached process finishes its build whatever happens to the worker,
and the validators it starts are subprocesses anyway. A process that dies without a word
shows on the page as stalled (``queries.stalled``) and the build can be asked for again.

``LANTERN_RETURNS_RUNNER = "inline"`` builds inside the calling process before returning:
the tests use it so a test sees the finished run without waiting.
"""

import subprocess
import sys
import threading
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import transaction

import lantern

ROOT = Path(lantern.__file__).resolve().parent.parent


def start(run_id: int) -> None:
    """Build run ``run_id``: at once when inline, else in its own process once the run is
    committed (a process started earlier could not see it)."""
    from lantern.returns import actions

    if getattr(settings, "LANTERN_RETURNS_RUNNER", "subprocess") == "inline":
        actions.perform_run(run_id)
        return
    transaction.on_commit(partial(_spawn, run_id))


def _spawn(run_id: int) -> None:
    from lantern.returns import actions

    command = [sys.executable, "-m", "lantern", "returns", "run", str(run_id)]
    try:
        process = subprocess.Popen(  # noqa: S603 (our own command, no user input but an id)
            command,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as exc:
        actions.fail(run_id, f"The build could not be started: {exc.strerror or exc}")
        return
    # Reap it when it ends, so a long-lived worker does not collect finished processes.
    threading.Thread(target=process.wait, daemon=True).start()
