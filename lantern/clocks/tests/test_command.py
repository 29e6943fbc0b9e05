"""``lantern clocks due`` and ``lantern clocks list``."""

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("clocks", *args, stdout=out)
    return out.getvalue()


def test_due_prints_the_date_alone():
    assert run("due", "referral_decision", "2025-12-19") == "2025-12-22\n"
    assert run("due", "assessment", "2025-12-19") == "2026-02-25\n"


def test_due_refuses_an_unknown_rule_or_a_bad_date():
    with pytest.raises(CommandError, match="no clock called"):
        run("due", "nonsense", "2025-12-19")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run("due", "assessment", "19/12/2025")


def test_list_prints_every_rule_with_its_interval_trigger_and_source():
    text = run("list")
    assert "cp_visit" in text and "10 working days (local policy)" in text
    assert "first_rcpc" in text and "3 months" in text
    assert "starts: a strategy discussion decides to start a section 47 enquiry" in text
    assert "Care Planning, Placement and Case Review" in text


def test_the_public_function_and_the_command_agree():
    import datetime as dt

    from lantern.clocks import due_date

    assert (
        run("due", "rcpc", "2026-08-31").strip()
        == due_date("rcpc", dt.date(2026, 8, 31)).isoformat()
    )
