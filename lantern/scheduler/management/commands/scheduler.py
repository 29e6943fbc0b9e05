"""``lantern scheduler``: the one process that does Lantern's time-driven work.

lantern scheduler                 # run until stopped: the jobs on their schedules, and queued tasks
lantern scheduler --once          # one pass: every job now due, then every queued task; exit
lantern scheduler list            # the jobs, when each runs next, how it last went, and why
lantern scheduler run overdue     # one job now (still under its lock)

Two threads: one ticks the periodic jobs every second, the other runs queued tasks, so a
long task (applying a new signal threshold to every child) never holds up the sealer.
Run one per server or several: the jobs' leases and the task table's row locks keep them
from doing the same work twice. SIGTERM or Ctrl-C lets the running job finish, then exits.
"""

import logging
import signal
import sys
import threading

from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils import timezone

from lantern.scheduler import runner
from lantern.scheduler.jobs import BY_CODE, JOBS
from lantern.scheduler.models import JobState
from lantern.scheduler.queue import run_queued_task, run_queued_tasks


class Command(BaseCommand):
    help = "Run Lantern's scheduled jobs and queued tasks (see `lantern scheduler list`)."

    def add_arguments(self, parser):
        parser.add_argument("action", nargs="?", choices=["list", "run"], default=None)
        parser.add_argument("job", nargs="?", help="run: the job's code")
        parser.add_argument("--once", action="store_true", help="one pass, then exit")

    def handle(self, *args, action=None, job=None, once=False, verbosity=1, **options):
        self.configure_logging(verbosity)
        if action == "list":
            return self.list_jobs()
        if action == "run":
            if job not in BY_CODE:
                raise CommandError(f"name a job: {', '.join(BY_CODE)}")
            ran = runner.run_now(job)
            self.stdout.write(f"{ran.job}: {ran.outcome}")
            if ran.failed:
                raise CommandError(f"{ran.job} did not complete")
            return None
        if once:
            for ran in runner.tick():
                self.stdout.write(f"{ran.job}: {ran.outcome}")
            self.stdout.write(f"{run_queued_tasks(runner.worker_name())} queued task(s) run")
            return None
        return self.run_forever()

    def configure_logging(self, verbosity: int) -> None:
        log = logging.getLogger("lantern.scheduler")
        log.setLevel(logging.INFO if verbosity >= 1 else logging.WARNING)
        if not log.handlers:
            handler = logging.StreamHandler(sys.stdout)
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
            log.addHandler(handler)
            log.propagate = False

    def list_jobs(self) -> None:
        now = timezone.now()
        states = {s.job: s for s in JobState.objects.all()}
        for job in JOBS:
            state = states.get(job.code)
            nxt = timezone.localtime(job.schedule.next_after(now))
            self.stdout.write(f"{job.code:16} {job.schedule}; next {nxt:%Y-%m-%d %H:%M:%S %Z}")
            if state and state.last_finished_at:
                done = timezone.localtime(state.last_finished_at)
                error = f" ({state.last_error})" if state.last_error else ""
                self.stdout.write(
                    f"    last run {done:%Y-%m-%d %H:%M:%S}: {state.last_outcome}{error}"
                )
            else:
                self.stdout.write("    not run yet")
            self.stdout.write(f"    calls {job.call}")
            self.stdout.write(f"    why: {job.why}")

    def run_forever(self) -> None:
        stop = threading.Event()

        def ask_to_stop(signum, frame):
            if stop.is_set():
                sys.exit(1)
            logging.getLogger("lantern.scheduler").warning(
                "stopping after the running job (again to stop now)"
            )
            stop.set()

        signal.signal(signal.SIGINT, ask_to_stop)
        signal.signal(signal.SIGTERM, ask_to_stop)
        name = runner.worker_name()
        logging.getLogger("lantern.scheduler").info(
            "scheduler %s started: %s", name, ", ".join(f"{j.code} ({j.schedule})" for j in JOBS)
        )
        tasks = threading.Thread(target=self.task_loop, args=(stop, name), daemon=True)
        tasks.start()
        try:
            while not stop.is_set():
                runner.tick(holder=name)
                stop.wait(1 - timezone.now().microsecond / 1e6)  # on the next second
        finally:
            connections.close_all()
        tasks.join(timeout=60)
        logging.getLogger("lantern.scheduler").info("scheduler %s stopped", name)

    def task_loop(self, stop: threading.Event, name: str) -> None:
        try:
            while not stop.is_set():
                if not run_queued_task(name):
                    stop.wait(1)
        finally:
            connections.close_all()
