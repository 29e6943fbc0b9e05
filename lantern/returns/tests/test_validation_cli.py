"""``lantern returns validate``: counts on the terminal and never a child, a failing exit
while the returns have errors or were not checked, and the JSON report audited."""

import json

import pytest
from django.core.management import CommandError, call_command

from lantern.access.models import AuditEntry
from lantern.care.validator_lists import ValidatorsMissing, validators_python
from lantern.returns import validation
from lantern.returns.tests.validation_inputs import (
    cin_census,
    fake_builders,
    tables_903,
)
from lantern.returns.validation import Issue, Report
from lantern.returns.years import CollectionYear


def _issue(rule: str, severity: str, child: str, person_id: int | None = None) -> Issue:
    return Issue(
        return_name="SSDA903",
        rule=rule,
        message=f"message of rule {rule}",
        severity=severity,
        child=child,
        table="Episodes",
        fields=("LS",),
        person_id=person_id,
    )


@pytest.fixture
def report_of(monkeypatch):
    """The command's year's report is the one the test gives."""

    def give(*issues: Issue, not_run=()) -> list[CollectionYear]:
        asked: list[CollectionYear] = []

        def validate_year(year, *, progress=None):
            asked.append(year)
            return Report(year, list(issues), list(not_run), {"SSDA903": 290})

        monkeypatch.setattr(validation, "validate_year", validate_year)
        return asked

    return give


def test_it_prints_counts_by_rule_and_names_no_child(report_of, capsys, db, make_person):
    person = make_person("Zebedee", "Quillfeather")
    asked = report_of(
        _issue("144", "error", person.council_id, person.pk),
        _issue("144", "error", "HGY00000099"),
        _issue("232", "query", person.council_id, person.pk),
    )
    with pytest.raises(CommandError, match="2 error"):
        call_command("returns", "validate", "--year", "2026")
    out = capsys.readouterr().out
    assert asked == [CollectionYear(2026)]
    assert "2 errors, 0 warnings, 1 query" in out
    assert "SSDA903 error 144 ×2: message of rule 144" in out
    assert "Zebedee" not in out and "Quillfeather" not in out
    assert person.council_id not in out and "HGY00000099" not in out


def test_a_year_with_only_queries_exits_cleanly(report_of, capsys, db):
    report_of(_issue("232", "query", "HGY00000099"))
    call_command("returns", "validate", "--year", "2026")
    assert "0 errors, 0 warnings, 1 query" in capsys.readouterr().out


def test_a_return_not_checked_fails_even_without_errors(report_of, db):
    report_of(not_run=[("SSDA903", "", "the return could not be read: UploadError")])
    with pytest.raises(CommandError, match="SSDA903 not checked"):
        call_command("returns", "validate", "--year", "2026")


def test_the_json_out_names_no_child_and_is_audited(report_of, tmp_path, db, make_person):
    person = make_person("Zebedee", "Quillfeather")
    report_of(_issue("103", "error", person.council_id, person.pk))
    out = tmp_path / "issues.json"
    with pytest.raises(CommandError):
        call_command("returns", "validate", "--year", "2026", "--out", str(out))
    text = out.read_text()
    assert "Zebedee" not in text and "Quillfeather" not in text
    (issue,) = json.loads(text)["issues"]
    assert (issue["rule"], issue["child"], issue["person_id"]) == (
        "103",
        person.council_id,
        person.pk,
    )
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert "DfE validation report: 2025/26: 1 errors, 0 warnings, 0 queries" in entry.detail


def test_without_the_validators_it_says_what_to_run(monkeypatch, tmp_path, db):
    fake_builders(monkeypatch, cin=cin_census(), ssda903={2026: tables_903(), 2025: tables_903()})
    monkeypatch.setenv("LANTERN_VALIDATORS_VENV", str(tmp_path / "absent"))
    assert validators_python() is None
    with pytest.raises(CommandError, match="make install"):
        call_command("returns", "validate", "--year", "2026")
    with pytest.raises(ValidatorsMissing):
        validation.validate(CollectionYear(2026), cin=cin_census(), ssda903=None)
