"""One demo borough (seed 5, scale 0.05, as of Mon 23 Nov 2026) shared by every test that
asks for ``demo_borough``: building it takes about half a minute, and the tests of eleven
modules read it (those that only read a borough used to build their own, 21 between them).

It is built inside a transaction that stays open while those tests run, one after another
(this conftest puts them together, and on one xdist worker with ``--dist loadgroup``); each
test runs in a savepoint inside it (pytest-django), so whatever a test changes to show a
check catching it is gone before the next. The transaction is rolled back as soon as the
next test does not use the borough, so no other test ever sees it. The same pattern as
tests/access_matrix/conftest.py, across modules instead of within one.
"""

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

from conftest import ORDINARY_DAY

TODAY = dt.date(2026, 11, 23)
SEED, SCALE = 5, 0.05
FIXTURE = "demo_borough"


class SharedBorough:
    """The borough's transaction: opened (and the borough built) on demand, rolled back when
    the tests that read it are done."""

    def __init__(self, blocker):
        self.blocker = blocker
        self.outer = None
        self.output = ""  # what ``lantern demo`` printed: counts and the demo logins

    def open(self) -> None:
        if self.outer is not None:
            return
        with self.blocker.unblock():
            self.outer = transaction.atomic()
            self.outer.__enter__()
            printed = io.StringIO()
            try:
                # What the suite's autouse fixtures give a test (root conftest.py): its
                # ordinary Tuesday, and cheap password hashes for the demo's staff.
                with (
                    time_machine.travel(ORDINARY_DAY, tick=True),
                    override_settings(
                        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
                        AXES_ENABLED=False,
                        LANTERN_REQUIRE_2FA=False,
                    ),
                ):
                    call_command(
                        "demo",
                        seed=SEED,
                        scale=SCALE,
                        today=TODAY.isoformat(),
                        stdout=printed,
                    )
                self.output = printed.getvalue()
                # PostgreSQL defers foreign-key checks to the end of a transaction, and each
                # test's teardown asks for them (Django's TestCase) inside its savepoint, whose
                # rollback puts them back: checked here once, the borough's rows are not
                # checked again after every test (seconds each).
                connection.check_constraints()
            except BaseException:
                self.close()
                raise

    def close(self) -> None:
        if self.outer is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.outer.__exit__(None, None, None)
        self.outer = None


_shared: SharedBorough | None = None


def _uses_borough(item) -> bool:
    return item is not None and FIXTURE in getattr(item, "fixturenames", ())


@pytest.fixture(scope="session")
def _shared_borough(django_db_setup, django_db_blocker):
    """Session-scoped so it is set up before (and torn down after) each test's own
    transaction, and before the test database is destroyed."""
    global _shared
    _shared = SharedBorough(django_db_blocker)
    _shared.open()
    yield _shared
    _shared.close()
    _shared = None


@pytest.fixture
def demo_borough(_shared_borough, db):
    """The shared borough, as of ``TODAY``; read it, or change it inside the test (rolled
    back with the test's savepoint)."""
    assert _shared_borough.outer is not None, "the shared borough's transaction is closed"
    return _shared_borough


def pytest_itemcollected(item):
    """On one worker under ``--dist loadgroup`` (marked as collected: xdist reads the mark in
    its own pytest_collection_modifyitems, which may run before this conftest's)."""
    if _uses_borough(item):
        item.add_marker(pytest.mark.xdist_group(FIXTURE))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """The borough's tests run back to back (first, being the longest piece of work)."""
    using = [item for item in items if _uses_borough(item)]
    if using:
        items[:] = using + [item for item in items if not _uses_borough(item)]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """A borough test after others (only if something reordered the run): build it again."""
    if _shared is not None and _uses_borough(item):
        _shared.open()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        if _shared is not None and _uses_borough(item) and not _uses_borough(nextitem):
            _shared.close()
