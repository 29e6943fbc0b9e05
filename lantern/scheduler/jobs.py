"""Every piece of time-driven work Lantern does, in one list: what runs, when, and why.

Each job calls one function by dotted path (imported when it runs, so this list imports no
domain app and a job whose code is not installed is skipped with a log line, not a crash).
Every function is idempotent: it brings things in line with now, so a second run for the
same moment, a run by hand, or a late run after the scheduler was stopped does no harm.
Times are London times (``schedule.Cron``). ``lease`` is how long a run may hold the job
before another scheduler may assume the holder died.

The one-off work that follows a request (applying a changed signal threshold to every
child) is not here: it is a queued task (``lantern.signals.tasks``), enqueued in the same
transaction as the change and run by the same ``lantern scheduler`` process.
"""

import datetime as dt
from dataclasses import dataclass

from lantern.scheduler.schedule import Cron, Every


@dataclass(frozen=True)
class Job:
    code: str
    schedule: Every | Cron
    call: str
    why: str
    lease: dt.timedelta = dt.timedelta(minutes=30)
    # Logged at debug level: a job every few seconds would bury the others' lines.
    quiet: bool = False


JOBS = [
    Job(
        "seal",
        Every(10),
        "lantern.access.sealing.seal",
        "Audit entries are written without a global lock and sealed into the hash chain "
        "afterwards, in batches; `lantern audit verify` reports entries left unsealed for "
        "more than a minute, so the sealer runs every 10 seconds.",
        lease=dt.timedelta(minutes=2),
        quiet=True,
    ),
    Job(
        "checkpoint",
        Cron("0 * * * *"),
        "lantern.scheduler.audit_jobs.checkpoint",
        "A signed checkpoint of the audit chain at least hourly bounds how much of the log a "
        "database administrator could rewrite unnoticed (docs/audit.md).",
        lease=dt.timedelta(minutes=5),
    ),
    Job(
        "overdue",
        Cron("0 7 * * *"),
        "lantern.clocks.overdue.tell_workers",
        "A statutory visit or assessment that has slipped past its due date must reach the "
        "allocated worker before the working day starts, not wait for them to open My work.",
    ),
    Job(
        "pathway_clocks",
        Cron("15 6 * * *"),
        "lantern.care.actions.leaving_care.start_pathway_plan_clocks",
        "A looked-after child becomes eligible for leaving care on a birthday or after 13 "
        "weeks in care, with no event recorded that day: the pathway plan clock (Care Leavers "
        "Regulations 2010) starts from a daily sweep.",
    ),
    Job(
        "retention",
        Cron("30 7 * * *"),
        "lantern.access.retention_reminders.remind",
        "Records whose retention period has ended wait for the data protection officer's "
        "decision (UK GDPR storage limitation); a reminder keeps the review from being "
        "forgotten while nothing is ever destroyed without a person deciding.",
    ),
    Job(
        "prune_index_changes",
        Cron("15 3 * * *"),
        "lantern.people.index_changes.prune",
        "The front door reuses a contact's candidates and a search's ranking while the "
        "person index is unchanged, told by a log of the transactions that changed it; a "
        "day's log is far more than any reused answer can need (an hour at most), so older "
        "lines go, and so do the answers shared between workers that are past their hour.",
    ),
    Job(
        "prune_tasks",
        Cron("0 3 * * *"),
        "lantern.scheduler.queue.prune_finished",
        "A finished queued task is kept 30 days to show what it did; a failed one holds its "
        "traceback, which may quote a record, so the table is not left to grow for ever.",
    ),
]

BY_CODE = {job.code: job for job in JOBS}
