import itertools

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from lantern.access import audit, sealing
from lantern.access.dba import append_only_lifted
from lantern.access.models import AuditEntry, AuditLogIsAppendOnly


def run_verify(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("audit", "verify", *args, stdout=out)
    return out.getvalue()


def as_dba(sql: str, params=()) -> None:
    """Run SQL as the table owner would: past PostgreSQL's append-only trigger."""
    with append_only_lifted(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_an_intact_log_verifies(log):
    assert run_verify() == (
        f"Audit log intact: {len(log)} entries verified. Held to 1 signed checkpoint.\n"
    )
    assert [e.seq for e in log] == list(range(1, len(log) + 1))
    assert all(b.prev_hash == a.entry_hash for a, b in itertools.pairwise(log))


def test_an_altered_row_is_named(log):
    victim = log[3]
    as_dba("UPDATE access_auditentry SET detail = %s WHERE id = %s", ["nothing to see", victim.pk])
    with pytest.raises(CommandError, match=f"entry {victim.seq} \\(id {victim.pk}\\) was altered"):
        run_verify()


def test_a_changed_user_is_detected_too(log, make_staff):
    other = make_staff("mallory", None)
    as_dba("UPDATE access_auditentry SET user_id = %s WHERE id = %s", [other.pk, log[2].pk])
    with pytest.raises(CommandError, match=f"entry {log[2].seq} "):
        run_verify()


def test_a_deleted_row_is_named(log):
    victim = log[2]
    as_dba("DELETE FROM access_auditentry WHERE id = %s", [victim.pk])
    with pytest.raises(CommandError, match=f"entry {victim.seq} is missing"):
        run_verify()


def test_a_deleted_tail_is_named(log):
    as_dba("DELETE FROM access_auditentry WHERE seq >= %s", [log[-2].seq])
    with pytest.raises(CommandError, match=f"entries {log[-2].seq} to {log[-1].seq} are missing"):
        run_verify()


def test_a_rewritten_chain_without_the_head_is_detected(log):
    """Re-hashing the altered row alone breaks the link from the next one."""
    victim = log[1]
    victim.detail = "forged"
    forged = audit.entry_digest(victim)
    as_dba(
        "UPDATE access_auditentry SET detail = %s, entry_hash = %s WHERE id = %s",
        ["forged", forged, victim.pk],
    )
    with pytest.raises(CommandError, match=f"entry {log[2].seq} .* does not link"):
        run_verify()


def test_the_application_cannot_change_or_delete_entries(log):
    entry = log[0]
    entry.detail = "changed"
    with pytest.raises(AuditLogIsAppendOnly):
        entry.save()
    with pytest.raises(AuditLogIsAppendOnly):
        entry.delete()
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).update(detail="x")
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEntry.objects.all().delete()


def test_entries_written_together_chain_and_verify(log, make_person, social_worker):
    children = [make_person(f"Child{i}", "Listed") for i in range(3)]
    sealing.seal()  # the children's "create" entries
    audit.record_each(
        None,
        AuditEntry.Action.VIEW_RECORD,
        children,
        user=social_worker,
        detail="listed in my work",
    )
    written = AuditEntry.objects.filter(detail="listed in my work").order_by("id")
    assert [e.person for e in written] == children
    assert {(e.user, e.username, e.action) for e in written} == {
        (social_worker, social_worker.username, AuditEntry.Action.VIEW_RECORD)
    }
    assert len({e.at for e in written}) == 1
    assert sealing.seal() == 3
    seqs = [AuditEntry.objects.get(pk=e.pk).seq for e in written]
    assert seqs == [len(log) + 4, len(log) + 5, len(log) + 6]  # after the three "create"s
    assert run_verify().startswith("Audit log intact")
