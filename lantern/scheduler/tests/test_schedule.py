"""When jobs fall due, on London's clock, across the changes to and from summer time."""

import datetime as dt

import pytest
from cronsim import CronSimError

from lantern.scheduler.jobs import BY_CODE, JOBS
from lantern.scheduler.schedule import Cron, Every

UTC = dt.UTC


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def test_a_daily_job_at_seven_runs_at_seven_london_time_either_side_of_the_october_change():
    # Clocks go back at 02:00 BST on Sunday 25 October 2026 (the last Sunday in October).
    daily = Cron("0 7 * * *")
    assert daily.next_after(at(2026, 10, 23, 12)) == at(2026, 10, 24, 6)  # 07:00 BST
    assert daily.next_after(at(2026, 10, 24, 6)) == at(2026, 10, 25, 7)  # 07:00 GMT, 25 h on
    assert daily.latest(at(2026, 10, 25, 6, 59, 59)) == at(2026, 10, 24, 6)
    assert daily.latest(at(2026, 10, 25, 7)) == at(2026, 10, 25, 7)


def test_an_hourly_job_runs_twice_in_the_hour_that_happens_twice():
    hourly = Cron("0 * * * *")
    assert hourly.latest(at(2026, 10, 25, 0, 30)) == at(2026, 10, 25, 0)  # 01:00 BST
    assert hourly.latest(at(2026, 10, 25, 1, 30)) == at(2026, 10, 25, 1)  # 01:00 GMT
    assert hourly.next_after(at(2026, 10, 25, 0)) == at(2026, 10, 25, 1)


def test_a_daily_job_in_the_repeated_hour_runs_once_and_in_the_skipped_hour_runs_at_two():
    at_half_one = Cron("30 1 * * *")
    assert at_half_one.next_after(at(2026, 10, 24, 12)) == at(2026, 10, 25, 0, 30)
    assert at_half_one.next_after(at(2026, 10, 25, 0, 30)) == at(2026, 10, 26, 1, 30)
    # Sunday 29 March 2026: 01:00 GMT becomes 02:00 BST; 01:30 never happens.
    assert at_half_one.next_after(at(2026, 3, 28, 12)) == at(2026, 3, 29, 1)  # 02:00 BST


def test_every_ten_seconds_counts_from_the_epoch_so_two_schedulers_agree():
    assert Every(10).latest(at(2026, 11, 24, 10, 0, 17, 500)) == at(2026, 11, 24, 10, 0, 10)
    assert Every(10).next_after(at(2026, 11, 24, 10, 0, 17)) == at(2026, 11, 24, 10, 0, 20)


def test_a_bad_cron_line_is_refused_when_the_job_list_is_read():
    with pytest.raises(CronSimError, match="Bad hour"):
        Cron("0 25 * * *")


def test_every_job_says_why_it_exists_and_names_its_function():
    assert len(BY_CODE) == len(JOBS)
    assert set(BY_CODE) == {
        "seal",
        "checkpoint",
        "overdue",
        "pathway_clocks",
        "retention",
        "prune_index_changes",
        "prune_tasks",
    }
    for job in JOBS:
        assert len(job.why) > 60 and job.call.startswith("lantern.")
    assert BY_CODE["overdue"].schedule.next_after(at(2026, 11, 24, 10)) == at(2026, 11, 25, 7)
