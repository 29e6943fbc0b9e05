"""``lantern partner-token``: a token is shown once and stored only as a hash."""

import io

import pytest
from django.core.management import CommandError, call_command

from lantern.api.actions import token_from
from lantern.api.models import PartnerToken


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("partner-token", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue()


def test_create_prints_the_token_once_and_keeps_only_its_hash(police):
    token, note = _run("create", "--agency", "police", "--name", "MASH feed")
    record = PartnerToken.objects.get()
    assert token.startswith(f"lnt_{record.prefix}_") and len(token) > 40
    assert record.agency == police and record.name == "MASH feed"
    assert token not in {record.token_hash, record.prefix} and len(record.token_hash) == 64
    assert "shown only now" in note
    assert token_from(token) == record
    listing, _ = _run("list")
    assert record.prefix in listing and token not in listing


def test_a_revoked_token_no_longer_works(police):
    token, _ = _run("create", "--agency", "police", "--name", "feed")
    prefix = PartnerToken.objects.get().prefix
    out, _ = _run("revoke", prefix)
    assert "revoked" in out
    assert token_from(token) is None
    assert PartnerToken.objects.get().revoked_at is not None


def test_unknown_agencies_and_prefixes_are_refused(db):
    with pytest.raises(CommandError, match="No agency"):
        _run("create", "--agency", "nope", "--name", "x")
    with pytest.raises(CommandError, match="No token"):
        _run("revoke", "deadbeef")


def test_issuing_and_revoking_are_audited_with_who_ran_the_command(police):
    import getpass

    from lantern.access.models import AuditEntry
    from lantern.api.models import PartnerToken

    _run("create", "--agency", police.code, "--name", "Feed")
    prefix = PartnerToken.objects.get().prefix
    _run("revoke", prefix)
    details = list(
        AuditEntry.objects.filter(object_type="api.PartnerToken").values_list("detail", flat=True)
    )
    assert len(details) == 2
    assert all(d.endswith(f"(by {getpass.getuser()})") for d in details)
