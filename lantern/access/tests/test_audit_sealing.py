"""Entries are written by requests unsealed, in their own transaction, and chained later by
the sealer: a rolled-back action leaves none, a committed one always has its entry, each is
sealed exactly once, and the chain still verifies (issue 15 §1)."""

import datetime as dt
import threading
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import close_old_connections, connection, transaction

from lantern.access import audit, sealing
from lantern.access.models import AuditEntry
from lantern.access.tests.test_audit_chain import as_dba, run_verify
from lantern.people.models import Person


class Refused(Exception):
    pass


def test_a_rolled_back_action_leaves_no_audit_entry(make_person):
    before = AuditEntry.objects.count()
    with pytest.raises(Refused), transaction.atomic():
        make_person("Ruby", "Ward")  # registers and audits the person
        raise Refused  # something later in the same action fails
    assert not Person.objects.filter(first_name="Ruby").exists()
    assert AuditEntry.objects.count() == before
    assert sealing.seal() == before


def test_a_committed_action_has_its_entry_unsealed_until_the_sealer_runs(make_person):
    person = make_person("Ruby", "Ward")
    entry = AuditEntry.objects.get(person=person)
    assert (entry.seq, entry.entry_hash) == (None, "")
    assert sealing.seal() >= 1
    entry.refresh_from_db()
    assert entry.seq is not None and len(entry.entry_hash) == 64
    assert run_verify().startswith("Audit log intact")


def test_the_sealer_seals_in_batches_and_each_entry_once(log, social_worker):
    for i in range(7):
        audit.record(None, AuditEntry.Action.SEARCH, user=social_worker, detail=f"search {i}")
    assert sealing.seal(batch=3) == 7
    assert sealing.seal(batch=3) == 0
    seqs = list(AuditEntry.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, len(log) + 8))
    out = StringIO()
    call_command("audit", "seal", stdout=out)
    assert out.getvalue() == "Sealed 0 entries into the chain.\n"


def test_entries_unsealed_for_over_a_minute_are_reported(log, clock, social_worker):
    audit.record(None, AuditEntry.Action.SEARCH, user=social_worker, detail="waiting")
    assert run_verify().startswith("Audit log intact")  # a few seconds old: normal
    clock.shift(dt.timedelta(minutes=2))
    with pytest.raises(CommandError, match=r"But 1 older than a minute is not sealed yet"):
        run_verify()
    sealing.seal()
    assert run_verify().startswith("Audit log intact: 7 entries verified")


def test_an_edit_after_sealing_is_detected(log):
    as_dba("UPDATE access_auditentry SET purpose = %s WHERE id = %s", ["audit", log[4].pk])
    with pytest.raises(CommandError, match=f"entry {log[4].seq} .* was altered"):
        run_verify()


def test_a_changed_seal_time_is_detected(log):
    """The seal time decides whether an hourly checkpoint was due: it is hashed too."""
    as_dba(
        "UPDATE access_auditentry SET sealed_at = %s WHERE id = %s",
        [
            connection.ops.adapt_datetimefield_value(log[2].sealed_at - dt.timedelta(hours=3)),
            log[2].pk,
        ],
    )
    with pytest.raises(CommandError, match=f"entry {log[2].seq} .* was altered"):
        run_verify()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL trigger")
def test_postgresql_lets_only_the_seal_be_filled_in_once(log, social_worker):
    waiting = audit.record(None, AuditEntry.Action.SEARCH, user=social_worker, detail="x")
    with connection.cursor() as cursor:
        for sql, params in [
            (
                "UPDATE access_auditentry SET detail = 'y', seq = 99, sealed_at = now() "
                "WHERE id = %s",
                [waiting.pk],
            ),
            ("UPDATE access_auditentry SET seq = 99, sealed_at = now() WHERE id = %s", [log[0].pk]),
        ]:
            with pytest.raises(Exception, match="append-only"), transaction.atomic():
                cursor.execute(sql, params)
    assert sealing.seal() == 1


@pytest.mark.django_db(transaction=True)
def test_entries_committed_concurrently_are_each_sealed_exactly_once(social_worker):
    """Eight writers commit entries while two sealers run: every committed entry ends up
    with one sequence number, none skipped or doubled, and the chain verifies."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("SQLite's in-memory test database refuses a second writer outright")
    writers, each = 8, 25
    start = threading.Barrier(writers + 2)
    writing = threading.Event()
    errors = []

    def write(n):
        try:
            start.wait(timeout=10)
            for i in range(each):
                with transaction.atomic():
                    audit.record(
                        None,
                        AuditEntry.Action.SEARCH,
                        user=social_worker,
                        detail=f"writer {n} entry {i}",
                    )
                    if i % 5 == 4:  # an action that fails: its entry must never be sealed
                        audit.record(None, AuditEntry.Action.SEARCH, detail="rolled back")
                        transaction.set_rollback(True)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    def seal_repeatedly():
        try:
            start.wait(timeout=10)
            while writing.is_set():
                sealing.seal(batch=7)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    writing.set()
    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    sealers = [threading.Thread(target=seal_repeatedly) for _ in range(2)]
    for t in threads + sealers:
        t.start()
    for t in threads:
        t.join(timeout=60)
    writing.clear()
    for t in sealers:
        t.join(timeout=60)
    close_old_connections()
    assert errors == []
    sealing.seal()
    committed = AuditEntry.objects.filter(username="alice", detail__startswith="writer ")
    assert committed.count() == writers * each - writers * (each // 5)
    assert not AuditEntry.objects.filter(detail="rolled back").exists()
    assert not AuditEntry.objects.filter(seq__isnull=True).exists()
    seqs = sorted(AuditEntry.objects.values_list("seq", flat=True))
    assert seqs == list(range(1, AuditEntry.objects.count() + 1))
    assert run_verify().startswith(f"Audit log intact: {AuditEntry.objects.count()} entries")
