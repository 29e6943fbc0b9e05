"""When a job is due: "every N seconds" or a cron line read on the council's clock.

A daily job at 07:00 runs at 07:00 in London in summer and in winter (06:00 or 07:00 UTC),
so cron lines are read in ``Europe/London``, not UTC. Cron arithmetic across the clock
changes is cronsim's (the library healthchecks.io uses for its cron checks): an hour that
happens twice (01:00 on the last Sunday in October) gives an hourly job two runs and a daily
job one; a time the clocks skip (01:30 on the last Sunday in March) runs when the clocks
reach 02:00, as Debian's cron does.

The scheduler asks only one question, ``latest(now)``: the most recent moment the job was
due. A job is run once for that moment, however many moments were missed while the
scheduler was stopped (every job brings things in line with today, so one run catches up).
"""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from cronsim import CronSim

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class Every:
    """Every ``seconds``, on multiples of it since the epoch (so two schedulers agree)."""

    seconds: int

    def latest(self, now: dt.datetime) -> dt.datetime:
        stamp = int(now.timestamp()) // self.seconds * self.seconds
        return dt.datetime.fromtimestamp(stamp, dt.UTC)

    def next_after(self, now: dt.datetime) -> dt.datetime:
        return self.latest(now) + dt.timedelta(seconds=self.seconds)

    def __str__(self) -> str:
        return f"every {self.seconds} s"


@dataclass(frozen=True)
class Cron:
    """A five-field cron line read in London time."""

    line: str

    def __post_init__(self) -> None:
        CronSim(self.line, dt.datetime(2026, 1, 1, tzinfo=LONDON))  # refuses a bad line now

    def latest(self, now: dt.datetime) -> dt.datetime:
        # Reverse iteration finds a recent slot but can miss the second of two equal wall
        # times (01:00 GMT after 01:00 BST); forward iteration does not, so step forward
        # from there. A time with microseconds is skipped by reverse iteration: start just
        # past ``now`` so a slot falling exactly on it counts.
        start = now.astimezone(LONDON).replace(microsecond=0) + dt.timedelta(seconds=1)
        slot = next(CronSim(self.line, start, reverse=True))
        for later in CronSim(self.line, slot):
            if later > now:
                break
            slot = later
        return slot.astimezone(dt.UTC)

    def next_after(self, now: dt.datetime) -> dt.datetime:
        start = now.astimezone(LONDON).replace(microsecond=0)
        return next(CronSim(self.line, start)).astimezone(dt.UTC)

    def __str__(self) -> str:
        return f"cron '{self.line}' (London time)"
