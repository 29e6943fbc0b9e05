"""Two casework actions on one child at the same moment: they take turns, never deadlock.

Holding the initial conference used to lock the child's row (its clock event) and then the
open CIN plan (its CP plan ends that plan); ending the CIN plan locked the plan and then the
child's row. Run together on PostgreSQL, each held one row and waited for the other's until
the server killed one with "deadlock detected", a 500 to whoever pressed save. Every action
now locks the child's row first (``actions.base.lock_child``), so the second waits at that
first lock holding nothing, and then finds the world the first one left: it goes ahead, or
is refused with a message a worker understands.

On PostgreSQL the second action is started while the first is paused holding its locks, and
the first resumes only once the second is seen waiting on a lock. SQLite takes its one write
lock at BEGIN, so writers queue whole: there the two run one after the other, in the same
two orders, and the same outcomes are expected.
"""

import datetime as dt
import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from lantern.casework import actions
from lantern.casework.actions import episodes, plans
from lantern.casework.models import ChildProtectionPlan, CINPlan
from lantern.people.models import Person

D = dt.date
CIN_PLAN_ENDED, ICPC = D(2026, 3, 10), D(2026, 3, 20)


def _backend_pid() -> int | None:
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _wait_until_blocked(pid: int, timeout: float = 15) -> bool:
    """Whether backend ``pid`` is waiting on a row lock (seen from this thread's connection)."""
    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
            row = cursor.fetchone()
            if row and row[0] == "Lock":
                return True
            time.sleep(0.05)
    return False


class Paused:
    """Wraps a module's ``written`` so the first call from the named thread stops there,
    with every lock its action has taken so far still held, until released."""

    def __init__(self, module, thread_name: str, monkeypatch):
        self.real, self.thread_name = module.written, thread_name
        self.reached, self.release = threading.Event(), threading.Event()
        monkeypatch.setattr(module, "written", self)

    def __call__(self, *args, **kwargs):
        if threading.current_thread().name == self.thread_name and not self.reached.is_set():
            self.reached.set()
            self.release.wait(timeout=20)
        return self.real(*args, **kwargs)


@pytest.fixture
def on_a_cin_plan_awaiting_conference(journey):
    """A child on a CIN plan whose section 47 enquiry is waiting for its conference."""
    journey.refer()
    journey.cin_plan = actions.start_cin_plan(
        journey.child, acting_user=journey.worker, start_date=D(2026, 3, 3)
    )
    journey.strategy()
    journey.s47()
    return journey


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("first", ["conference", "plan ending"])
def test_a_conference_and_the_cin_plan_ending_at_once_take_turns(
    on_a_cin_plan_awaiting_conference, monkeypatch, first
):
    journey = on_a_cin_plan_awaiting_conference
    plan = CINPlan.objects.get(pk=journey.cin_plan.pk)
    outcome, pids = {}, {}

    run = runner(outcome, pids)

    def conference():
        journey.icpc(ICPC)

    def plan_ending():
        actions.end_cin_plan(
            plan, acting_user=journey.manager, end_date=CIN_PLAN_ENDED, expected_version=1
        )

    threads = {
        "conference": threading.Thread(
            target=run, args=("conference", conference), name="conference"
        ),
        "plan ending": threading.Thread(
            target=run, args=("plan ending", plan_ending), name="plan ending"
        ),
    }
    # The first action stops just after its first write's locks: the conference once its
    # clock event has run (the old code then held the child's row), the plan's ending once
    # the plan is saved and its clocks moved (the plan's row and the child's).
    pause = Paused(plans if first == "conference" else episodes, first, monkeypatch)
    second = "plan ending" if first == "conference" else "conference"
    overlap(threads, first, second, pause, pids)

    cin_plan = CINPlan.objects.get(pk=plan.pk)
    cp_plan = ChildProtectionPlan.objects.get(person=journey.child)
    assert cp_plan.end_date is None and cp_plan.start_date == ICPC
    assert Person.objects.get(pk=journey.child.pk).care_status == "child_protection"
    if first == "conference":
        # The conference ended the CIN plan as its CP plan started; the later save is told.
        assert outcome == {
            "conference": "done",
            "plan ending": "refused: This plan already ended on 20 March 2026",
        }
        assert (cin_plan.end_date, cin_plan.version) == (ICPC, 2)
    else:
        # The plan had ended by the time the conference looked for one to end.
        assert outcome == {"plan ending": "done", "conference": "done"}
        assert (cin_plan.end_date, cin_plan.version) == (CIN_PLAN_ENDED, 2)


def _wait_until_blocked_on(pids: dict, name: str) -> bool:
    deadline = time.monotonic() + 15
    while name not in pids and time.monotonic() < deadline:
        time.sleep(0.01)
    return name in pids and _wait_until_blocked(pids[name])


def overlap(threads: dict, first: str, second: str, pause: Paused, pids: dict) -> None:
    """Start ``first``; once it is paused holding its locks, start ``second`` and (on
    PostgreSQL) let ``first`` go on only when ``second`` is seen waiting on a lock. SQLite
    has one writer at a time: there the second starts when the first has committed."""
    threads[first].start()
    assert pause.reached.wait(timeout=20)
    if connection.vendor == "postgresql":
        threads[second].start()
        assert _wait_until_blocked_on(pids, second), f"{second} never waited on a lock"
        pause.release.set()
    else:
        pause.release.set()
        threads[first].join(timeout=30)
        threads[second].start()
    for thread in threads.values():
        thread.join(timeout=30)


def runner(outcome: dict, pids: dict):
    """A thread's body: run an action, note "done", its refusal or the error a worker would
    see, and the database backend it used (to watch it wait), then close its connection."""

    def run(name, action):
        try:
            pids[name] = _backend_pid()
            action()
            outcome[name] = "done"
        except ValidationError as refused:
            outcome[name] = f"refused: {' '.join(refused.messages)}"
        except Exception as error:  # a deadlock, or any error a worker would see as a 500
            outcome[name] = f"error: {error!r}"
        finally:
            connections.close_all()

    return run
