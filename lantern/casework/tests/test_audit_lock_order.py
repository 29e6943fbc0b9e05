"""The lock order that used to deadlock casework against the audit log.

``start_cp_plan`` (plans.py) audits the conference and then locks the child's CIN plan to end
it; ``end_cin_plan`` (episodes.py) locks the CIN plan and then audits. While an audit write
locked the chain head until commit, each held what the other waited for, and PostgreSQL
killed one with "deadlock detected". Audit writes now take no lock, so both finish.
"""

import datetime as dt
import threading
import time

import pytest
from django.db import connection, transaction

from lantern.access import audit, sealing
from lantern.access.models import AuditEntry
from lantern.casework import actions
from lantern.casework.actions import base, episodes
from lantern.casework.models import CINPlan

D = dt.date


@pytest.mark.django_db(transaction=True)
def test_ending_a_cin_plan_while_a_conference_starts_a_cp_plan_does_not_deadlock(
    journey, monkeypatch
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes the one write lock at BEGIN: no row locks, no lock order")
    journey.refer()
    plan = actions.start_cin_plan(
        journey.child, acting_user=journey.worker, start_date=D(2026, 3, 3)
    )
    plan_locked, conference_audited = threading.Event(), threading.Event()
    real_written = episodes.written

    def written_after_the_conference(*args, **kwargs):
        # end_cin_plan holds the plan's row lock here; let the conference audit, then block
        # on that lock, before this audit write goes in.
        plan_locked.set()
        conference_audited.wait(timeout=10)
        time.sleep(0.5)
        return real_written(*args, **kwargs)

    monkeypatch.setattr(episodes, "written", written_after_the_conference)
    outcome = {}

    def end_the_cin_plan():
        try:
            actions.end_cin_plan(
                plan,
                acting_user=journey.manager,
                end_date=D(2026, 3, 10),
                expected_version=plan.version,
            )
            outcome["end"] = "done"
        except Exception as error:
            outcome["end"] = repr(error)
        finally:
            connection.close()

    def conference_starts_the_cp_plan():
        """What ``conference_deciding_plan`` then ``start_cp_plan`` do, in that order: the
        conference's audit entry, then the open CIN plan locked to end it."""
        plan_locked.wait(timeout=10)
        try:
            with transaction.atomic():
                audit.record(
                    None,
                    AuditEntry.Action.CREATE,
                    user=journey.worker,
                    person=journey.child,
                    detail="recorded initial conference",
                )
                conference_audited.set()
                base.bump_version(
                    CINPlan.objects.get(pk=plan.pk), journey.worker, end_date=D(2026, 3, 20)
                )
            outcome["conference"] = "done"
        except Exception as error:
            outcome["conference"] = repr(error)
        finally:
            conference_audited.set()
            connection.close()

    threads = [
        threading.Thread(target=end_the_cin_plan),
        threading.Thread(target=conference_starts_the_cp_plan),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert outcome == {"end": "done", "conference": "done"}
    sealing.seal()
    details = set(AuditEntry.objects.values_list("detail", flat=True))
    assert {"ended CIN plan", "recorded initial conference"} <= details
