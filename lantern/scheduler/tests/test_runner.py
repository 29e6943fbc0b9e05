"""The scheduler's pass over its jobs: each due moment run once, a held job left alone, a
failing or missing job logged without stopping the others, and nothing personal logged."""

import datetime as dt
import logging
import threading
import time

import pytest
from django.db import connections

from lantern.scheduler import runner
from lantern.scheduler.jobs import Job
from lantern.scheduler.models import JobState
from lantern.scheduler.schedule import Cron, Every

pytestmark = pytest.mark.django_db
UTC = dt.UTC
CALLS: list[str] = []


def count_a_run() -> dict[str, int]:
    CALLS.append("ran")
    return {"done": len(CALLS)}


def fail_with_a_name() -> None:
    raise ValueError("Ann Able, born 1 Jan 2015")


@pytest.fixture(autouse=True)
def _fresh_calls():
    CALLS.clear()
    runner.reported_missing.clear()


TEN_SECONDS = Job("tens", Every(10), f"{__name__}.count_a_run", "test", dt.timedelta(minutes=1))
MORNING = Job("morning", Cron("0 7 * * *"), f"{__name__}.count_a_run", "test")
BROKEN = Job("broken", Cron("0 7 * * *"), f"{__name__}.fail_with_a_name", "test")
ABSENT = Job("absent", Every(10), "lantern.access.no_such_module.seal", "test")


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def test_a_due_moment_runs_once_however_often_the_scheduler_ticks():
    now = at(2026, 11, 24, 10, 0, 3)
    assert [r.job for r in runner.tick(now, holder="a", jobs=[TEN_SECONDS])] == ["tens"]
    assert runner.tick(now + dt.timedelta(seconds=5), holder="a", jobs=[TEN_SECONDS]) == []
    assert runner.tick(now, holder="b", jobs=[TEN_SECONDS]) == []  # another scheduler too
    assert CALLS == ["ran"]
    runner.tick(now + dt.timedelta(seconds=7), holder="a", jobs=[TEN_SECONDS])  # 10:00:10
    assert CALLS == ["ran", "ran"]
    state = JobState.objects.get(job="tens")
    assert (state.last_slot, state.runs, state.last_outcome) == (
        at(2026, 11, 24, 10, 0, 10),
        2,
        "done 2",
    )
    assert state.holder == "" and state.lease_until is None


def test_a_scheduler_stopped_for_days_catches_up_with_one_run():
    runner.tick(at(2026, 11, 20, 8), holder="a", jobs=[MORNING])
    ran = runner.tick(at(2026, 11, 24, 9), holder="a", jobs=[MORNING])
    assert [(r.job, r.slot) for r in ran] == [("morning", at(2026, 11, 24, 7))]
    assert CALLS == ["ran", "ran"]


def test_a_job_another_scheduler_holds_is_not_run_until_its_lease_runs_out():
    now = at(2026, 11, 24, 10, 0, 1)
    assert runner.claim(TEN_SECONDS, at(2026, 11, 24, 10), now, "other")  # and then it hangs
    later = now + dt.timedelta(seconds=30)
    assert runner.tick(later, holder="me", jobs=[TEN_SECONDS]) == []
    assert CALLS == []
    expired = now + dt.timedelta(minutes=1, seconds=1)
    assert [r.job for r in runner.tick(expired, holder="me", jobs=[TEN_SECONDS])] == ["tens"]
    # The hung holder cannot overwrite the state when it finally finishes.
    runner.release(TEN_SECONDS, at(2026, 11, 24, 10), "other", "late", "")
    assert JobState.objects.get(job="tens").last_outcome == "done 1"


def test_a_failing_job_is_logged_by_class_without_its_message_and_the_others_still_run(caplog):
    caplog.set_level(logging.INFO, logger="lantern.scheduler")
    ran = runner.tick(at(2026, 11, 24, 9), holder="a", jobs=[BROKEN, MORNING])
    assert [(r.job, r.failed) for r in ran] == [("broken", True), ("morning", False)]
    state = JobState.objects.get(job="broken")
    assert (state.last_outcome, state.last_error) == ("failed", "ValueError")
    assert "job broken failed" in caplog.text and "ValueError" in caplog.text
    assert "Ann" not in caplog.text and "2015" not in caplog.text
    # Not retried every second: the next attempt is the next morning.
    assert runner.tick(at(2026, 11, 24, 9, 0, 1), holder="a", jobs=[BROKEN]) == []


def test_a_job_whose_code_is_not_installed_is_skipped_with_a_clear_log_line(caplog):
    ran = runner.tick(at(2026, 11, 24, 9), holder="a", jobs=[ABSENT, MORNING])
    assert [r.job for r in ran] == ["absent", "morning"]
    assert "job absent skipped: lantern.access.no_such_module.seal is not installed" in caplog.text
    assert JobState.objects.get(job="absent").last_outcome.startswith("skipped")
    caplog.clear()
    runner.tick(at(2026, 11, 24, 9, 0, 10), holder="a", jobs=[ABSENT])
    assert "absent" not in caplog.text  # said once a process, not every ten seconds


def test_an_import_error_inside_an_installed_job_is_a_failure_not_a_skip():
    broken_import = Job("bad", Every(10), "lantern.scheduler.tests.no_such.thing", "test")
    with pytest.raises(runner.NotInstalled):
        runner.resolve(broken_import.call)
    with pytest.raises(runner.NotInstalled):
        runner.resolve("lantern.scheduler.runner.no_such_function")


def slow_run() -> str:
    CALLS.append("started")
    time.sleep(0.5)
    return "slow"


@pytest.mark.django_db(transaction=True)
def test_two_schedulers_ticking_at_once_run_the_job_once():
    """Two threads with their own database connections, as two processes would have."""
    slow = Job("slow", Every(10), f"{__name__}.slow_run", "test")
    now = at(2026, 11, 24, 10, 0, 1)
    JobState.objects.create(job="slow")  # as the first tick of either would
    ran: dict[str, list] = {}

    def scheduler(name: str) -> None:
        try:
            ran[name] = runner.tick(now, holder=name, jobs=[slow])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=scheduler, args=(n,)) for n in ("one", "two")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert CALLS == ["started"]
    assert sorted(len(r) for r in ran.values()) == [0, 1]
    assert JobState.objects.get(job="slow").runs == 1
