"""Two care actions on one child at the same moment take turns, and a page view of the child
is not held up by either.

Recording a child's return used to lock the missing episode and then the child's row, while
recording a new missing episode locked the child's row first: the one lock order of
casework, broken. Every care action now locks the child's row first (``lock_child``), so the
second waits at that first lock holding nothing and then finds the world the first one left.
Care also locked the child ``FOR UPDATE``, which makes any insert naming the child (the
audit entry of a worker merely opening the record) wait until the action commits; ``FOR NO
KEY UPDATE`` does not.

The harness is casework's (``test_casework_lock_order``): on PostgreSQL the second action
starts while the first is paused holding its locks; on SQLite, one writer at a time, they
run one after the other in the same two orders, with the same outcomes.
"""

import datetime as dt
import threading

import pytest
from django.db import connection

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.care.actions import missing
from lantern.care.models import MissingEpisode
from lantern.casework.tests.test_casework_lock_order import Paused, overlap, runner

D = dt.date
WENT_MISSING, RETURNED = D(2026, 11, 10), D(2026, 11, 12)
# An earlier episode, recorded late while the return is being saved.
EARLIER = (D(2026, 11, 1), D(2026, 11, 3))


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("first", ["return", "new episode"])
def test_a_return_and_a_new_missing_episode_at_once_take_turns(
    in_care, child, social_worker, monkeypatch, first
):
    episode = missing.record_missing_episode(
        child, acting_user=social_worker, kind="M", start_date=WENT_MISSING
    )
    outcome, pids = {}, {}
    run = runner(outcome, pids)

    def record_return():
        missing.record_return(
            episode, acting_user=social_worker, expected_version=episode.version, end_date=RETURNED
        )

    def new_episode():
        missing.record_missing_episode(
            child, acting_user=social_worker, kind="M", start_date=EARLIER[0], end_date=EARLIER[1]
        )

    actions = {"return": record_return, "new episode": new_episode}
    threads = {
        name: threading.Thread(target=run, args=(name, action), name=name)
        for name, action in actions.items()
    }
    # The first stops at its audit entry, every lock it has taken still held.
    pause = Paused(missing, first, monkeypatch)
    second = "new episode" if first == "return" else "return"
    overlap(threads, first, second, pause, pids)

    assert outcome == {"return": "done", "new episode": "done"}
    episodes = MissingEpisode.objects.filter(person=child).order_by("start_date")
    assert [(e.start_date, e.end_date) for e in episodes] == [EARLIER, (WENT_MISSING, RETURNED)]


@pytest.mark.django_db(transaction=True)
def test_opening_the_childs_record_is_not_held_up_by_a_care_action(
    in_care, child, social_worker, monkeypatch
):
    """While a return is being saved (the child's row locked), another worker opens the
    child's record: the audit entry of that view is written at once, not after the save."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time: every insert waits for the save")
    episode = missing.record_missing_episode(
        child, acting_user=social_worker, kind="M", start_date=WENT_MISSING
    )
    outcome, pids = {}, {}
    run = runner(outcome, pids)
    pause = Paused(missing, "return", monkeypatch)
    saving = threading.Thread(
        target=run,
        args=(
            "return",
            lambda: missing.record_return(
                episode, acting_user=social_worker, expected_version=1, end_date=RETURNED
            ),
        ),
        name="return",
    )
    saving.start()
    assert pause.reached.wait(timeout=20)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '3s'")
        audit.record(None, AuditEntry.Action.VIEW_RECORD, user=social_worker, person=child)
        viewed = "written"
    except Exception as error:
        viewed = f"error: {error!r}"
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")
        pause.release.set()
        saving.join(timeout=30)
    assert (viewed, outcome) == ("written", {"return": "done"})
