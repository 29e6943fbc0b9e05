"""Signed checkpoints: a database administrator who deletes a row and re-hashes the whole
chain is caught, by the checkpoints in the table and by the DPO's own exported copy."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from lantern.access import audit, sealing, signing
from lantern.access.models import AuditChainHead, AuditCheckpoint, AuditEntry
from lantern.access.tests.test_audit_chain import as_dba, run_verify

HOUR = dt.timedelta(hours=1)


def checkpoint(*args) -> str:
    out = StringIO()
    call_command("audit", "checkpoint", *args, stdout=out)
    return out.getvalue()


def rewrite_without(seq: int) -> None:
    """What a DBA can do: delete entry ``seq``, renumber and re-hash every later entry with
    the real digest, and move the head, leaving a chain that is consistent in itself."""
    as_dba("DELETE FROM access_auditentry WHERE seq = %s", [seq])
    previous = AuditEntry.objects.get(seq=seq - 1).entry_hash
    for entry in AuditEntry.objects.filter(seq__gt=seq).order_by("seq"):
        entry.seq -= 1
        entry.prev_hash = previous
        entry.entry_hash = previous = audit.entry_digest(entry)
        as_dba(
            "UPDATE access_auditentry SET seq = %s, prev_hash = %s, entry_hash = %s WHERE id = %s",
            [entry.seq, entry.prev_hash, entry.entry_hash, entry.pk],
        )
    last = AuditEntry.objects.order_by("-seq").first()
    AuditChainHead.objects.filter(pk=1).update(seq=last.seq, entry_hash=last.entry_hash)


def test_a_rehashed_chain_fails_at_the_signed_checkpoint(log, clock):
    clock.shift(dt.timedelta(minutes=10))
    checkpoint()  # cron's hourly run signs the head again: entry 6
    rewrite_without(3)
    with pytest.raises(
        CommandError,
        match=r"checkpoint of entry 6 signed 2026-03-10 10:00 UTC \(table id \d+\) is past the "
        r"end of the chain \(entry 5\)",
    ):
        run_verify()


def test_a_rehashed_chain_with_its_checkpoints_deleted_fails_against_the_dpos_copy(
    log, clock, tmp_path
):
    copy = tmp_path / "dpo-checkpoints.jsonl"
    clock.shift(dt.timedelta(minutes=10))
    audit.record(None, AuditEntry.Action.SEARCH, detail="later")  # entry 7
    sealing.seal()
    assert checkpoint("--out", str(copy)).endswith(f"appended to {copy}.\n")
    audit.record(None, AuditEntry.Action.SEARCH, detail="later still")  # entry 8
    sealing.seal()
    rewrite_without(7)
    as_dba("DELETE FROM access_auditcheckpoint WHERE seq > 6")
    assert run_verify().startswith("Audit log intact")  # the table alone is fooled…
    with pytest.raises(
        CommandError,
        match=r"checkpoint of entry 7 signed .* \(dpo-checkpoints.jsonl line 1\) does not match "
        r"entry 7",
    ):
        run_verify("--checkpoints", str(copy))  # …the copy kept outside is not


def test_the_dpo_verifies_with_the_public_key_alone(log, clock, tmp_path, signing_key_file):
    copy = tmp_path / "dpo-checkpoints.jsonl"
    checkpoint("--out", str(copy))
    public = signing.public_path(signing_key_file)
    assert "BEGIN PUBLIC KEY" in public.read_text()
    out = run_verify("--public-key", str(public), "--checkpoints", str(copy))
    assert out == "Audit log intact: 6 entries verified. Held to 3 signed checkpoints.\n"
    stranger = tmp_path / "other.pem"
    signing.write_key_pair(stranger)
    with pytest.raises(CommandError, match=r"signed by key .* which is not trusted"):
        run_verify("--public-key", str(signing.public_path(stranger)))


def test_a_checkpoint_with_a_forged_signature_is_named(log):
    good = AuditCheckpoint.objects.get()
    AuditCheckpoint.objects.create(
        seq=good.seq, entry_hash="f" * 64, at=good.at, key_id=good.key_id, signature=good.signature
    )
    with pytest.raises(CommandError, match=r"checkpoint of entry 6 .* does not verify"):
        run_verify()


def test_a_line_of_the_dpos_file_that_is_not_a_checkpoint_is_refused(log, tmp_path):
    copy = tmp_path / "copy.jsonl"
    copy.write_text('{"seq": 1}\n')
    with pytest.raises(CommandError, match=r"copy\.jsonl line 1 is not a checkpoint"):
        run_verify("--checkpoints", str(copy))


def test_sealing_signs_a_checkpoint_at_least_hourly(log, clock):
    assert list(AuditCheckpoint.objects.values_list("seq", flat=True)) == [6]
    clock.shift(dt.timedelta(minutes=59))
    audit.record(None, AuditEntry.Action.SEARCH, detail="within the hour")
    sealing.seal()
    assert AuditCheckpoint.objects.count() == 1
    clock.shift(dt.timedelta(minutes=1))
    written = audit.record(None, AuditEntry.Action.SEARCH, detail="an hour on")
    sealing.seal()
    written.refresh_from_db()
    newest = AuditCheckpoint.objects.order_by("-id").first()
    assert (newest.seq, newest.entry_hash) == (written.seq, written.entry_hash)
    assert run_verify().endswith("Held to 2 signed checkpoints.\n")


def test_deleting_the_checkpoints_an_hour_apart_is_detected(log, clock):
    clock.shift(2 * HOUR)
    late = audit.record(None, AuditEntry.Action.SEARCH, detail="two hours on")
    sealing.seal()
    late.refresh_from_db()
    as_dba("DELETE FROM access_auditcheckpoint WHERE seq = %s", [late.seq])
    with pytest.raises(CommandError, match=f"entry {late.seq} .* checkpoints were removed"):
        run_verify()
    as_dba("DELETE FROM access_auditcheckpoint")
    with pytest.raises(CommandError, match="no signed checkpoint"):
        run_verify()


def test_keygen_writes_a_pair_and_never_overwrites(tmp_path):
    out = StringIO()
    call_command("audit", "keygen", "--out", str(tmp_path / "k.pem"), stdout=out)
    assert "public key to" in out.getvalue() and (tmp_path / "k.pem.pub").exists()
    assert (tmp_path / "k.pem").stat().st_mode & 0o077 == 0
    with pytest.raises(CommandError, match="never overwritten"):
        call_command("audit", "keygen", "--out", str(tmp_path / "k.pem"))


def test_production_refuses_to_sign_without_its_key_file(log, settings, tmp_path):
    settings.PRODUCTION = True
    settings.LANTERN_AUDIT_SIGNING_KEY_FILE = str(tmp_path / "absent.pem")
    AuditChainHead.objects.update(checkpoint_at=None)
    audit.record(None, AuditEntry.Action.SEARCH, detail="no key")
    with pytest.raises(signing.SigningKeyMissing, match=r"absent\.pem does not exist"):
        sealing.seal()
    assert AuditEntry.objects.filter(seq__isnull=True).count() == 1  # waits for the key
    assert not (tmp_path / "absent.pem").exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL trigger")
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE access_auditentry SET detail = 'x'",
        "DELETE FROM access_auditentry",
        "DELETE FROM access_auditcheckpoint",
        "UPDATE access_auditcheckpoint SET seq = 0",
    ],
)
def test_postgresql_refuses_to_change_or_delete_audit_rows(log, sql):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert AuditEntry.objects.count() == len(log)


def test_an_exported_line_is_the_signed_checkpoint(log, clock, tmp_path):
    copy = tmp_path / "c.jsonl"
    checkpoint("--out", str(copy))
    (line,) = copy.read_text().splitlines()
    data = json.loads(line)
    assert data["seq"] == 6 and data["at"] == "2026-03-10T10:00:00+00:00"
    assert data["entry_hash"] == AuditEntry.objects.get(seq=6).entry_hash
