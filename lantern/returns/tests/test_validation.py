"""The DfE's validators run over small hand-made returns with known faults: each fault comes
back under the DfE's rule code, with its severity, the child's id, the fields to fix and a
link to the child's record; a rule that crashes is "not run", never a pass.

One validator run answers every test of the faulty returns (module fixture): the run takes
seconds, the assertions none. The records it links to are rolled back after it.
"""

import json

import pytest
from django.db import transaction
from django.urls import reverse

from lantern.care.tests.helpers import need_validators
from lantern.people.models import Person
from lantern.returns.tests.validation_inputs import (
    cin_census,
    cin_child,
    fake_builders,
    looked_after_903,
    merged,
    tables_903,
)
from lantern.returns.validation import validate, validate_year
from lantern.returns.years import CollectionYear

YEAR = CollectionYear(2026)  # 2025/26
NAME = ("Zebedee", "Quillfeather")
# 903 rules that compare with last year's tables (episodes, header, UPN / mother's DOB).
YEAR_ON_YEAR = {"502", "503A", "624"}


def faulty_returns() -> dict:
    """CIN: HGY00000001 of school age with UPN unknown UN1 (query 8770Q); HGY00000002 referred
    by source "ZZ" (error 8866). 903: HGY00000011 on legal status "ZZ" (error 144), with the
    UASC table given, on which rule 231 falls over."""
    rows = merged(looked_after_903("HGY00000010"), looked_after_903("HGY00000011", ls="ZZ"))
    return {
        "cin": cin_census(
            cin_child("HGY00000001", born="2015-05-01"),
            cin_child("HGY00000002", referral_source="ZZ"),
        ),
        "ssda903": tables_903(**rows),
    }


@pytest.fixture(scope="module")
def checked(django_db_setup, django_db_blocker):
    need_validators("to run the DfE's validators over the returns")
    with django_db_blocker.unblock(), transaction.atomic():
        people = {
            child: Person.objects.create(council_id=child, first_name=NAME[0], last_name=NAME[1])
            for child in ("HGY00000002", "HGY00000011")
        }
        report = validate(YEAR, **faulty_returns())
        ids = {child: p.pk for child, p in people.items()}
        transaction.set_rollback(True)
    return report, ids


def _issues(report, rule: str):
    return [i for i in report.issues if i.rule == rule]


def test_an_invalid_referral_source_is_cin_error_8866_on_that_child(checked):
    report, ids = checked
    (issue,) = _issues(report, "8866")
    assert (issue.return_name, issue.severity, issue.child, issue.table) == (
        "CIN census",
        "error",
        "HGY00000002",
        "CINdetails",
    )
    assert "ReferralSource" in issue.fields
    assert issue.message == "Source of Referral is missing or an invalid code"
    assert issue.person_id == ids["HGY00000002"]
    assert issue.fix_url() == reverse("casework:overview", args=[issue.person_id]) + "#episodes"


def test_an_invalid_legal_status_is_903_error_144_linked_to_the_care_episodes(checked):
    report, ids = checked
    (issue,) = _issues(report, "144")
    assert (issue.return_name, issue.severity, issue.child, issue.table, issue.fields) == (
        "SSDA903",
        "error",
        "HGY00000011",
        "Episodes",
        ("LS",),
    )
    assert issue.person_id == ids["HGY00000011"]
    assert issue.fix_url() == (
        reverse("casework:overview", args=[issue.person_id]) + "#care-episodes"
    )


def test_queries_are_counted_apart_from_errors(checked):
    report, _ = checked
    (upn,) = _issues(report, "8770Q")
    assert (upn.severity, upn.child, upn.table) == ("query", "HGY00000001", "ChildIdentifiers")
    assert set(upn.fields) == {"UPN", "UPNunknown"}
    (disabilities,) = _issues(report, "2887Q")  # whole return: fewer than 8 codes used
    assert (disabilities.severity, disabilities.child, disabilities.fix_url()) == (
        "query",
        "",
        None,
    )
    assert (report.errors, report.warnings, report.queries) == (2, 0, 2)


def test_a_child_with_no_record_in_lantern_has_no_link(checked):
    report, _ = checked
    (upn,) = _issues(report, "8770Q")
    assert upn.person_id is None
    assert upn.fix_url() is None


def test_a_rule_that_crashes_is_not_run_never_passed(checked):
    report, _ = checked
    (why,) = [why for r, rule, why in report.not_run if (r, rule) == ("SSDA903", "231")]
    assert "failed" in why
    assert not _issues(report, "231")
    assert any("failed to run" in line and "231" in line for line in report.summary_lines())
    assert report.rules_run["CIN census"] > 100 and report.rules_run["SSDA903"] > 200


def test_without_last_year_the_903_year_on_year_rules_are_not_run(checked):
    report, _ = checked
    skipped = {rule for r, rule, why in report.not_run if r == "SSDA903"}
    assert skipped >= YEAR_ON_YEAR


def test_the_json_report_holds_ids_and_no_names(checked):
    report, ids = checked
    text = report.to_json()
    assert not any(part in text for part in NAME)
    data = json.loads(text)
    assert (data["label"], data["errors"], data["queries"]) == ("2025/26", 2, 2)
    ls = next(i for i in data["issues"] if i["rule"] == "144")
    assert (ls["child"], ls["person_id"]) == ("HGY00000011", ids["HGY00000011"])
    assert ls["fix_url"].endswith("#care-episodes")


def test_a_clean_return_has_no_errors_and_last_year_switches_on_the_year_on_year_rules(db):
    need_validators("to run the DfE's validators over the returns")
    rows = merged(looked_after_903("HGY00000010"), looked_after_903("HGY00000011"))
    report = validate(
        YEAR,
        cin=cin_census(cin_child("HGY00000001"), cin_child("HGY00000002")),
        ssda903=tables_903(**rows),
        previous_903=tables_903(),
    )
    assert not report.unchecked, report.not_run
    assert report.rules_run["CIN census"] > 100 and report.rules_run["SSDA903"] > 250
    assert report.errors == 0, [(i.return_name, i.rule, i.message) for i in report.issues]
    assert [i.rule for i in report.issues] == ["2887Q"]  # a tiny return uses < 8 codes
    skipped = {rule for r, rule, why in report.not_run if r == "SSDA903"}
    assert not YEAR_ON_YEAR & skipped


def test_a_return_the_validator_cannot_read_is_not_checked(db):
    need_validators("to run the DfE's validators over the returns")
    files = tables_903()
    files["Episodes.csv"] = b"CHILD,DECOM,NOT_A_903_COLUMN\r\nHGY00000010,01/06/2025,x\r\n"
    report = validate(YEAR, cin=None, ssda903=files)
    assert report.unchecked == ["SSDA903"]
    assert report.rules_run == {"SSDA903": 0} and not report.issues
    (why,) = [why for r, rule, why in report.not_run if (r, rule) == ("SSDA903", "")]
    assert "could not be read" in why


def test_a_year_is_built_and_checked_with_last_years_903(db, monkeypatch):
    """validate_year builds this year's CIN census and 903 and last year's 903 (for the
    year-on-year rules), and says how far it has got as it goes."""
    need_validators("to run the DfE's validators over the returns")
    rows = merged(looked_after_903("HGY00000010"), looked_after_903("HGY00000011", ls="ZZ"))
    asked = fake_builders(
        monkeypatch,
        cin=cin_census(cin_child("HGY00000001")),
        ssda903={2026: tables_903(**rows), 2025: tables_903()},
    )
    steps: list[tuple[str, int, int]] = []
    report = validate_year(YEAR, progress=lambda *step: steps.append(step))
    assert sorted(asked) == [("903", 2025), ("903", 2026), ("cin", 2026)]
    assert [i.rule for i in report.issues if i.severity == "error"] == ["144"]
    skipped = {rule for r, rule, why in report.not_run if r == "SSDA903"}
    assert not YEAR_ON_YEAR & skipped
    done = [d for _, d, _ in steps]
    assert done == sorted(done) and done[0] == 0 and done[-1] == steps[-1][2] == 5
