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
import hashlib
import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from django.db import connection

from lantern.prepared import CHECKING

MAX_AGE = dt.timedelta(hours=1)
LOG_KEPT = dt.timedelta(days=1)  # far beyond MAX_AGE and any request's transaction
_AGE = MAX_AGE.total_seconds()

# Whether this transaction has changed the index, and whether any change has committed since
# the snapshot ``{held}`` (or been made by this transaction): written once, used below.
_PG_DIRTY = (
    "EXISTS (SELECT 1 FROM people_indexchange WHERE txid = pg_current_xact_id_if_assigned())"
)
_PG_CHANGED_SINCE = (
    "EXISTS (SELECT 1 FROM people_indexchange WHERE (txid >= pg_snapshot_xmin({held}) "
    "AND NOT pg_visible_in_snapshot(txid, {held})) OR txid = pg_current_xact_id_if_assigned())"
)
_PG_SNAPSHOT = f"SELECT pg_current_snapshot()::text, {_PG_DIRTY}"
_PG_CHANGED = "SELECT " + _PG_CHANGED_SINCE.format(held="%(held)s")
_PRUNE_ANSWERS = "DELETE FROM people_indexanswer WHERE made_at < {now} - %s"
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


def prune() -> dict[str, int]:
    """Forget logged changes older than any token can be (PostgreSQL; SQLite keeps one row),
    and shared answers past ``MAX_AGE``, which no one may be given again."""
    with connection.cursor() as cursor:
        cursor.execute(_PRUNE_ANSWERS.format(now=_now_epoch()), [_AGE])
        answers = cursor.rowcount
        if connection.vendor != "postgresql":
            return {"index changes": 0, "shared answers": answers}
        cursor.execute(
            "DELETE FROM people_indexchange WHERE at < clock_timestamp() - %s", [LOG_KEPT]
        )
        return {"index changes": cursor.rowcount, "shared answers": answers}


# One statement for a token to take before reading the index, and another worker's answer
# that still holds, if there is one (its token checked as ``unchanged_since`` checks one):
# a worker that must read the index asks nothing more than it did with no answers shared.
_PG_SHARED = (  # this module's own constants only, no outside value
    f"SELECT now.snapshot, now.dirty, a.token, a.answer, a.age FROM (SELECT "  # noqa: S608
    f"pg_current_snapshot()::text AS snapshot, {_PG_DIRTY} AS dirty) now LEFT JOIN LATERAL "
    "(SELECT token, answer, extract(epoch FROM clock_timestamp()) - made_at AS age "
    "FROM people_indexanswer WHERE key = %(key)s "
    "AND made_at > extract(epoch FROM clock_timestamp()) - %(age)s "
    f"AND NOT {_PG_CHANGED_SINCE.format(held='token::pg_snapshot')}) a ON true"
)
_SQLITE_SHARED = (
    "SELECT v.changes, v.stamp, a.token, a.answer, {now} - a.made_at FROM people_indexversion v "
    "LEFT JOIN people_indexanswer a ON a.key = %(key)s AND a.made_at > {now} - %(age)s "
    "WHERE v.id = 1"
)
_SHARE = (
    "INSERT INTO people_indexanswer (key, kind, token, made_at, answer) "
    "VALUES (%s, %s, %s, {now}, %s) ON CONFLICT (key) DO UPDATE SET token = excluded.token, "
    "made_at = excluded.made_at, answer = excluded.answer"
)


def _now_epoch() -> str:
    """The database's clock in seconds since the epoch: every worker ages a shared answer by
    the one clock, and none by its own (nor by one a test has moved)."""
    if connection.vendor == "postgresql":
        return "extract(epoch FROM clock_timestamp())"
    return "((julianday('now') - 2440587.5) * 86400.0)"


class Answers:
    """Answers worked out from the index, each kept (per process, the ``kept`` most recently
    used) with the token taken before it was read, and given again while the token holds.

    With ``shared`` (a name) and a JSON ``encode``/``decode``, an answer is also written to
    ``people_indexanswer`` for the server's other workers: a MASH's waiting contacts are
    opened by every officer, through whichever worker, and a worker that has not seen one
    takes the answer another worked out, while its token holds, rather than reading the
    index again. It is written only outside a transaction, so its row is never held locked
    while a request goes on: no request waits on another's answer.

    Under tests every answer given again is also worked out afresh, and a difference fails
    loudly: a table read without a change trigger would show there first."""

    def __init__(
        self,
        kept: int,
        *,
        shared: str = "",
        encode: Callable[[object], object] | None = None,
        decode: Callable[[object], object] | None = None,
    ):
        self.kept = kept
        self.shared, self.encode, self.decode = shared, encode, decode
        self._answers: OrderedDict[Hashable, tuple] = OrderedDict()  # key -> (token, when, answer)
        self._lock = threading.Lock()  # a threaded server shares them between requests

    def get(self, key: Hashable, work_out: Callable):
        with self._lock:
            held, when, answer = self._answers.get(key, (None, 0.0, None))
        fresh = time.monotonic() - when <= _AGE
        if fresh and unchanged_since(held):
            return self._again(key, answer, work_out)
        if not self.shared:
            held = token()  # before the read: a change committed during it is not missed
        else:
            held, found = self._shared(key)
            if found is not None:
                self._keep(key, *found)
                return self._again(key, found[2], work_out)
        answer = work_out()
        self._keep(key, held, time.monotonic(), answer)
        if self.shared and held is not None and not connection.in_atomic_block:
            self._share(key, held, answer)
        return answer

    def _again(self, key, answer, work_out):
        if CHECKING and work_out() != answer:
            raise AssertionError(f"an answer given again differs from the index: {key!r}")
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
        return answer

    def _keep(self, key, held, when: float, answer) -> None:
        with self._lock:
            if held is None:  # this transaction changed the index: its read may roll back
                self._answers.pop(key, None)
                return
            self._answers[key] = (held, when, answer)
            self._answers.move_to_end(key)
            if len(self._answers) > self.kept:
                self._answers.popitem(last=False)

    def _digest(self, key: Hashable) -> str:
        # repr, not pickle: pickle's bytes depend on which equal strings are one object.
        return hashlib.sha256(f"{self.shared}:{key!r}".encode()).hexdigest()

    def _shared(self, key: Hashable):
        """``token()``, and (token, when, answer) of another worker's answer that still
        holds, or None."""
        values = {"key": self._digest(key), "age": _AGE}
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(_PG_SHARED, values)
                snapshot, dirty, theirs, answer, age = cursor.fetchone()
                held = None if dirty else snapshot
            else:
                cursor.execute(_SQLITE_SHARED.format(now=_now_epoch()), values)
                *held, theirs, answer, age = cursor.fetchone()
                held = tuple(held)
                if theirs is not None and tuple(json.loads(theirs)) != held:
                    answer = None
                theirs = held
        if answer is None:
            return held, None
        return held, (theirs, time.monotonic() - float(age), self.decode(json.loads(answer)))

    def _share(self, key: Hashable, held, answer) -> None:
        stored = held if connection.vendor == "postgresql" else json.dumps(held)
        encoded = json.dumps(self.encode(answer), separators=(",", ":"))
        with connection.cursor() as cursor:
            cursor.execute(
                _SHARE.format(now=_now_epoch()), [self._digest(key), self.shared, stored, encoded]
            )

    def clear(self) -> None:
        """Forget every answer, this process's and (when shared) the other workers'."""
        with self._lock:
            self._answers.clear()
        if self.shared:
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM people_indexanswer WHERE kind = %s", [self.shared])
