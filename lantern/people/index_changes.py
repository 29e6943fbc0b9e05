"""Whether the person index has changed since a read, known without reading it again.

A MASH contact is opened many times while it waits, and each time the matching engine found
its people's candidates by reading about 600 people's names, dates, addresses and NHS
numbers: in the load test at demo scale 10, a third of the machine went on the contact
page. A read taken with a *token* can be reused for as long as the token holds
(``unchanged_since``), and a token holds until a change to the index commits.

No writer can forget to say it changed the index: the database tells, by a trigger on every
table the matching engine reads (migration ``people 0005``: people, their names and name
keys, identifiers, addresses, merges, "not the same person" decisions, and agencies, whose
names label a candidate's other names).

- PostgreSQL: a statement trigger logs the writing transaction's id in
  ``people_indexchange``, once a transaction. A token is the snapshot taken before the read;
  it holds while no logged transaction is invisible to that snapshot. That is exact in
  whatever order transactions commit, and takes no lock: each writer inserts only its own
  row, so writers never wait for each other (the audit log's lesson, issue 15).
- SQLite: writers take turns, so a row trigger counts changes in the one row of
  ``people_indexversion`` with a random stamp, and the token is that pair. A change rolled
  back takes its count back, and the next change draws another stamp, so no token comes
  back to life.

A transaction that has written to the index itself gets no token: what it read may roll
back. Tokens are good for ``MAX_AGE`` at most, so the change log can be pruned
(``prune``, daily from the scheduler) without ever forgetting a change a token could meet.
"""

import datetime as dt
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from django.db import connection

from lantern.prepared import CHECKING

MAX_AGE = dt.timedelta(hours=1)
LOG_KEPT = dt.timedelta(days=1)  # far beyond MAX_AGE and any request's transaction

_PG_SNAPSHOT = (
    "SELECT pg_current_snapshot()::text, EXISTS (SELECT 1 FROM people_indexchange "
    "WHERE txid = pg_current_xact_id_if_assigned())"
)
_PG_CHANGED = (
    "SELECT EXISTS (SELECT 1 FROM people_indexchange WHERE (txid >= pg_snapshot_xmin(%(held)s) "
    "AND NOT pg_visible_in_snapshot(txid, %(held)s)) OR txid = pg_current_xact_id_if_assigned())"
)
_SQLITE_COUNT = "SELECT changes, stamp FROM people_indexversion WHERE id = 1"


def token():
    """A token for a read about to start. On PostgreSQL, None when this transaction has
    itself changed the index: the read must then be neither kept nor trusted beyond it.
    (SQLite's count includes the transaction's own changes and rolls back with them.)"""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_PG_SNAPSHOT)
            snapshot, dirty = cursor.fetchone()
            return None if dirty else snapshot
        cursor.execute(_SQLITE_COUNT)
        return cursor.fetchone()


def unchanged_since(held) -> bool:
    """Whether no change to the index has committed (or been made by this transaction)
    since ``held`` was taken."""
    if held is None:
        return False
    if connection.vendor != "postgresql":
        return token() == held
    with connection.cursor() as cursor:
        cursor.execute(_PG_CHANGED, {"held": held})
        return not cursor.fetchone()[0]


def prune() -> int:
    """Forget logged changes older than any token can be (PostgreSQL; SQLite keeps one row)."""
    if connection.vendor != "postgresql":
        return 0
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM people_indexchange WHERE at < clock_timestamp() - %s", [LOG_KEPT]
        )
        return cursor.rowcount


class Answers:
    """Answers worked out from the index, each kept (per process, the ``kept`` most recently
    used) with the token taken before it was read, and given again while the token holds.
    Under tests every answer given again is also worked out afresh, and a difference fails
    loudly: a table read without a change trigger would show there first."""

    def __init__(self, kept: int):
        self.kept = kept
        self._answers: OrderedDict[Hashable, tuple] = OrderedDict()  # key -> (token, when, answer)
        self._lock = threading.Lock()  # a threaded server shares them between requests

    def get(self, key: Hashable, work_out: Callable):
        with self._lock:
            held, when, answer = self._answers.get(key, (None, 0.0, None))
        fresh = time.monotonic() - when <= MAX_AGE.total_seconds()
        if fresh and unchanged_since(held):
            if CHECKING and work_out() != answer:
                raise AssertionError(f"an answer given again differs from the index: {key!r}")
            with self._lock:
                if key in self._answers:
                    self._answers.move_to_end(key)
            return answer
        held = token()  # before the read: a change committed during it is not missed
        answer = work_out()
        with self._lock:
            if held is None:  # this transaction changed the index: its read may roll back
                self._answers.pop(key, None)
            else:
                self._answers[key] = (held, time.monotonic(), answer)
                self._answers.move_to_end(key)
                if len(self._answers) > self.kept:
                    self._answers.popitem(last=False)
        return answer

    def clear(self) -> None:
        with self._lock:
            self._answers.clear()
