"""Reads whose SQL is written once per process: ``@prepared``.

Django builds a QuerySet and compiles its SQL afresh every time it runs. On the pages staff
open most that is a quarter of the CPU: 4.2 ms of a child's record's 17 ms, 7.2 of the
casework overview's 27 (bench/pages.py, SQLite), for the same twenty reads each time with
only an id changed. A read marked ``@prepared`` is built once per database with stand-in
values, its SQL kept, and then run with each call's values; it hands back exactly what
Django would (model instances with their ``select_related`` rows, or values rows), read by
Django's own iterables and converters. django-prepared-queries did this for Django 1 and
2 and is not maintained; this is the small part of it Lantern needs.

The rules, and what holds each:

- A prepared read takes ids (whole numbers), dates, and sets of ids or of words (strings),
  nothing else, and each must reach the SQL as a value compared with ``=``, ``<=`` and the
  like. A set must reach it through ``__any`` (``lantern.long_lists``), which on
  PostgreSQL is one array value whatever the set's length; ``__in`` writes a placeholder
  per member, so it is refused. Where a set cannot be one value (SQLite writes ``__any``
  as ``__in``) or is empty (Django then leaves the condition out of the SQL, or asks
  nothing), the read is built the ordinary way for that call: the same answers, without
  the saving. The sets are what the busiest pages pass: a page's children, a search's
  name keys, a contact's candidates.
- Its QuerySet depends on its arguments only: not today's date, not a setting, not the
  user. Under tests (``LANTERN_CHECK_PREPARED``, set by ``lantern.pytest_plugin``) every
  call also builds the QuerySet the ordinary way and fails if its SQL or values differ
  from the prepared ones, so a value frozen into the SQL is caught by the first test that
  changes it.
- It returns a list, never a QuerySet: nothing can be chained onto SQL already written.
  ``prefetch_related`` is refused (its second query would be silently skipped).

Not every read gains. On PostgreSQL a statement run often is prepared on the server
(``LANTERN_DB_PREPARE_AFTER``) and, after five runs, may be given one generic plan for
every value. A set compared with a column of few distinct values then reads the whole
table: ``team = ANY($1)`` took 9.5 ms a call in the load test at demo scale 10, where the
ordinary read with the teams' ids written in was not among the slowest. Reads by team stay
ordinary (``casework.queries.awaiting_allocation``).

Nor does a generic plan suit a long set. PostgreSQL plans ``= ANY($1)`` for an array of
about ten, so a team page's few hundred children were read by a nested loop fit for ten:
17–20 ms for the team's late work and overdue clocks where a plan for the real array took
3–4 ms. Any statement given a list longer than ``PLAN_EACH_ABOVE`` (prepared read or not) is
therefore sent unprepared (``plan_long_lists_afresh``): PostgreSQL plans it for its values
each time, about a millisecond, and skips the trap.
"""

import contextlib
import copy
import datetime as dt
import functools
import os
import threading
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet

CHECKING = os.environ.get("LANTERN_CHECK_PREPARED") == "1"
# Stand-ins no real id or date equals, each distinct, so each is found in the SQL's values.
# Within a 32-bit integer column's range: Django answers a lookup beyond a column's range
# with an empty result without asking the database, and writes no SQL for it.
MOST_VALUES = 16  # a prepared read takes at most this many values
_STAND_IN_IDS = [-2_000_000_000 - i for i in range(MOST_VALUES)]
_STAND_IN_DAYS = [dt.date(1111, 1, 1) + dt.timedelta(days=i) for i in range(MOST_VALUES)]
_STAND_IN_SETS = [frozenset({-1_900_000_000 - i}) for i in range(MOST_VALUES)]
_STAND_IN_WORDS = [frozenset({f"\x00stand-in {i}"}) for i in range(MOST_VALUES)]
# What each argument is, for its stand-in and for how its value reaches the driver.
ID, DAY, IDS, WORDS = "id", "day", "ids", "words"
SETS = (IDS, WORDS)
_STAND_INS = {ID: _STAND_IN_IDS, DAY: _STAND_IN_DAYS, IDS: _STAND_IN_SETS, WORDS: _STAND_IN_WORDS}


# A statement given a list longer than this is planned for its values on each call (see
# above), prepared read or not: a worker's caseload (15–30 children), a search's name keys
# and a queue's contacts stay prepared; a team's children (hundreds) do not.
PLAN_EACH_ABOVE = 100


class PreparedReadError(TypeError):
    """A read that cannot be prepared, or was called with values it cannot take."""


class _Plan:
    """One read's SQL on one database: where each argument's value goes."""

    def __init__(self, queryset: QuerySet, compiler, sql: str, params: list, slots: list):
        self.queryset, self.compiler, self.sql = queryset, compiler, sql
        # Each slot: (position in the values, (which argument goes there, its kind)).
        self.params, self.slots = params, slots

    def values_for(self, values: tuple) -> list:
        connection = connections[self.queryset.db]
        params = list(self.params)
        for position, (index, kind) in self.slots:
            params[position] = _as_param(connection, values[index], kind)
        return params

    def run(self, values: tuple) -> list:
        params = tuple(self.values_for(values))
        compiler = copy.copy(self.compiler)
        # This thread's connection, not the one the first caller compiled on.
        compiler.connection = connections[self.queryset.db]
        compiler.as_sql = lambda *args, **kwargs: (self.sql, params)
        # A shallow copy by hand: ``copy.copy`` of a QuerySet pickles it, which runs it.
        shim = object.__new__(type(self.queryset))
        shim.__dict__.update(self.queryset.__dict__)
        shim.query = _Query(self.queryset.query, compiler)
        return list(self.queryset._iterable_class(shim))


class _Query:
    """The QuerySet's query as its iterable sees it, with the prepared compiler."""

    def __init__(self, query, compiler):
        self._query, self._compiler = query, compiler

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        return self._compiler

    def __getattr__(self, name):
        return getattr(self._query, name)


def prepared(build: Callable[..., QuerySet]) -> Callable[..., list]:
    """``build(*values)`` gives a QuerySet; the decorated read gives its results as a list,
    compiling the SQL on the first call only (per database and kind of argument)."""
    plans: dict[tuple, _Plan] = {}
    lock = threading.Lock()

    def plan_for(values: tuple) -> _Plan | None:
        """The read's plan for these values; None where it cannot be prepared (sets of
        values on SQLite, or an empty set: the ordinary QuerySet then)."""
        if len(values) > MOST_VALUES:
            raise PreparedReadError(
                f"{build.__qualname__} is prepared: it takes at most {MOST_VALUES} values, "
                f"not {len(values)}"
            )
        kinds = tuple(_kind(value, build) for value in values)
        vendor = connections["default"].vendor
        if set(kinds) & set(SETS) and (vendor != "postgresql" or not all(map(len, _sets(values)))):
            return None
        key = (vendor, kinds)
        plan = plans.get(key)
        if plan is None:
            with lock:
                plan = plans.get(key) or plans.setdefault(key, _plan(build, kinds))
        return plan

    @functools.wraps(build)
    def read(*values) -> list:
        plan = plan_for(values)
        if plan is None:
            return list(_build(build, values))
        rows = plan.run(values)
        if CHECKING:
            _check(build, values, plan, rows)
        return rows

    def statement(*values) -> tuple[str, list]:
        """The SQL and values ``read(*values)`` would run, for a caller that runs several
        reads as one statement (a ``UNION ALL`` of them): each read's SQL is written once,
        however the reads are combined, where a QuerySet of the combination was compiled
        afresh for each new combination."""
        plan = plan_for(values)
        if plan is None:
            sql, params = _build(build, values).query.sql_with_params()
            return sql, list(params)
        if CHECKING:
            _check(build, values, plan, [])
        return plan.sql, plan.values_for(values)

    read.statement = statement
    return read


def _kind(value, build) -> str:
    """An id, a date, a set of ids or a set of words; anything else is refused."""
    if isinstance(value, set | frozenset):
        if all(type(v) is int for v in value):
            return IDS
        if all(type(v) is str for v in value):
            return WORDS
    if isinstance(value, bool | dt.datetime) or not isinstance(value, int | dt.date):
        raise PreparedReadError(
            f"{build.__qualname__} is prepared: it takes ids, dates and sets of ids or words, "
            f"not {value!r}"
        )
    return DAY if isinstance(value, dt.date) else ID


def _sets(values: tuple) -> list:
    return [v for v in values if isinstance(v, set | frozenset)]


def _build(build, values: tuple) -> QuerySet:
    queryset = build(*values)
    if not isinstance(queryset, QuerySet):
        raise PreparedReadError(f"{build.__qualname__} must return a QuerySet")
    if queryset._prefetch_related_lookups:
        raise PreparedReadError(f"{build.__qualname__}: prefetch_related cannot be prepared")
    return queryset


def _as_param(connection, value, kind: str):
    """The value as Django's compiler hands it to the driver (a set as ``__any`` does)."""
    if kind == DAY:
        return connection.ops.adapt_datefield_value(value)
    return list(value) if kind in SETS else value


def _plan(build, kinds: tuple) -> _Plan:
    stand_ins = tuple(_STAND_INS[kind][i] for i, kind in enumerate(kinds))
    queryset = _build(build, stand_ins)
    compiler = queryset.query.get_compiler(using=queryset.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet as empty:
        raise PreparedReadError(f"{build.__qualname__}: Django wrote no SQL for it") from empty
    connection = connections[queryset.db]
    wanted = [
        (index, _as_param(connection, value, kinds[index])) for index, value in enumerate(stand_ins)
    ]
    slots = [
        (position, (index, kinds[index]))
        for position, param in enumerate(params)
        for index, stand_in in wanted
        if type(param) is type(stand_in) and param == stand_in
    ]
    missing = set(range(len(kinds))) - {index for _, (index, _) in slots}
    if missing:
        raise PreparedReadError(
            f"{build.__qualname__}: argument {sorted(missing)} does not reach the SQL as a "
            "value (a list, or a set not given to __any, or a value the read transforms), "
            "so it cannot be prepared"
        )
    return _Plan(queryset, compiler, sql, list(params), slots)


def _check(build, values: tuple, plan: _Plan, rows: list) -> None:
    """Under tests: the ordinary QuerySet's SQL and values must be the prepared ones (or,
    where Django knows without asking that nothing matches, the prepared read found
    nothing either: an id beyond a column's range)."""
    queryset = _build(build, values)
    try:
        sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    except EmptyResultSet:
        if rows:
            message = f"prepared read {build.__qualname__} found rows for {values}"
            raise AssertionError(message) from None
        return
    expected = plan.values_for(values)
    if sql != plan.sql or list(params) != expected:
        raise AssertionError(
            f"prepared read {build.__qualname__} depends on more than its arguments: "
            f"prepared {plan.sql!r} {expected!r}, built {sql!r} {list(params)!r}"
        )


def keep_prepared_statements(sender, connection, **kwargs) -> None:
    """On PostgreSQL, let psycopg keep as many server-side prepared statements as settings
    say (``LANTERN_DB_PREPARED_MAX``): its default of 100 is fewer than the distinct reads
    one server process runs, so the least recently used would be dropped and prepared
    again, a round trip each time, for as long as the process lives."""
    keep = getattr(settings, "LANTERN_DB_PREPARED_MAX", None)
    if connection.vendor == "postgresql" and keep:
        connection.connection.prepared_max = keep


def keep_long_lists_unprepared(sender, connection, **kwargs) -> None:
    """On PostgreSQL, every statement this connection runs passes through
    ``plan_long_lists_afresh``."""
    if (
        connection.vendor == "postgresql"
        and plan_long_lists_afresh not in connection.execute_wrappers
    ):
        connection.execute_wrappers.append(plan_long_lists_afresh)


def plan_long_lists_afresh(execute, sql, params, many, context):
    """A statement given a list longer than ``PLAN_EACH_ABOVE`` runs unprepared, planned for
    its values; every other statement as psycopg would run it (module docstring)."""
    if many or not params or not any(type(p) is list and len(p) > PLAN_EACH_ABOVE for p in params):
        return execute(sql, params, many, context)
    with planned_afresh(context["connection"]):
        return execute(sql, params, many, context)


@contextlib.contextmanager
def planned_afresh(connection=None):
    """Statements run inside are neither prepared nor run as prepared by psycopg: PostgreSQL
    plans each for the values it comes with. For a read whose best plan turns on its
    values in a way a generic plan cannot know (``frontdoor.queries.possible_duplicates``),
    and for long lists (``plan_long_lists_afresh``). Elsewhere it changes nothing."""
    connection = connection or connections["default"]
    if connection.vendor != "postgresql":
        yield
        return
    connection.ensure_connection()
    manager = connection.connection
    threshold = manager.prepare_threshold
    manager.prepare_threshold = None
    try:
        yield
    finally:
        manager.prepare_threshold = threshold
