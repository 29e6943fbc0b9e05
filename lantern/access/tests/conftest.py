"""Fixtures for the access tests: a signing key of the test's own, a pinned clock, a log."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from lantern.access import audit, sealing
from lantern.access.models import AuditEntry

MORNING = dt.datetime(2026, 3, 10, 10, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture(autouse=True)
def signing_key_file(tmp_path, settings):
    """Each test signs with a fresh key in its own directory, never the checkout's var/."""
    path = tmp_path / "keys" / "audit_signing_key.pem"
    settings.LANTERN_AUDIT_SIGNING_KEY_FILE = str(path)
    return path


@pytest.fixture
def clock():
    with time_machine.travel(MORNING, tick=False) as traveller:
        yield traveller


@pytest.fixture
def log(db, clock, make_person, social_worker):
    child = make_person()  # writes a "create" entry
    for i in range(5):
        audit.record(
            None,
            AuditEntry.Action.VIEW_RECORD,
            user=social_worker,
            person=child,
            detail=f"look {i}",
        )
    sealing.seal()
    return list(AuditEntry.objects.order_by("seq"))
