"""The Returns page as the performance analyst uses it: ask for a build, watch it move, read
the DfE rules' findings (errors apart from warnings and queries), download the files."""

import datetime as dt
import hashlib
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from lantern.access.models import AuditEntry
from lantern.returns import actions, runner
from lantern.returns.models import ReturnFile, ReturnRun
from lantern.returns.tests import fakes

pytestmark = pytest.mark.django_db


@pytest.fixture
def child(make_person):
    return make_person("Amy", "Carter")


@pytest.fixture
def pat(client, analyst):
    client.force_login(analyst)
    return client


def section(html: str, section_id: str) -> str:
    found = re.search(rf'<section id="{section_id}".*?</section>', html, re.S)
    assert found, f"no section {section_id}"
    return found.group(0)


def table(html: str, table_id: str) -> str:
    found = re.search(rf'<table class="govuk-table" id="{table_id}".*?</table>', html, re.S)
    assert found, f"no table {table_id}"
    return found.group(0)


def test_it_lists_each_return_with_its_button_and_the_two_years(pat):
    page = pat.get(reverse("returns:returns")).content.decode()
    for title in ("CIN census", "SSDA903", "Ofsted Annex A", "Standard Safeguarding Dataset"):
        assert title in page
    assert page.count("Build and validate") == 2  # the two the DfE publishes validators for
    # Tue 24 Nov 2026: the last complete collection year is 2025/26 (chosen), this one 2026/27
    assert re.search(r'value="2026" checked>\s*<label[^>]*>2025/26 \(last complete', page)
    assert "2026/27 (this year, so far)" in page
    # Annex A: the last 12 months, in the date boxes
    assert 'name="start_day" value="25"' in page and 'name="start_year" value="2025"' in page
    assert 'name="end_day" value="24"' in page and 'name="end_year" value="2026"' in page


def test_it_builds_the_cin_census_and_shows_errors_apart_from_warnings_and_queries(
    pat, child, monkeypatch
):
    fakes.install_returns(monkeypatch, child)
    response = pat.post(reverse("returns:build"), {"kind": "cin", "year": "2026"})
    run = ReturnRun.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/returns/runs/{run.pk}/"
    page = pat.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' not in page  # finished: nothing left to refresh for
    assert "CIN census 2025/26" in page and "Done" in page
    assert "rules found <strong>1 error, 1 warning and 1 query</strong>" in page

    errors, warnings, queries = (section(page, s) for s in ("errors", "warnings", "querys"))
    assert "8525" in errors and "Either Date of Birth or Expected Date of Birth" in errors
    assert f'<a class="govuk-link" href="/people/{child.pk}/">{child.council_id}</a>' in errors
    assert "ChildIdentifiers: PersonBirthDate, ExpectedPersonBirthDate" in errors
    assert "8794Q" not in errors and "2887Q" not in errors
    assert "2887Q" in warnings and "The whole return" in warnings and "8525" not in warnings
    assert "8794Q" in queries and "Child has two referrals on the same day" in queries
    assert "Carter" not in page and not re.search(r"\bAmy\b", page)  # council id, not the name
    assert "ETHNIC" not in page  # the SSDA903's own error belongs to the SSDA903's build
    not_run = section(page, "not-run")
    assert "8840" in not_run and "the rule needs last year" in not_run and "231" not in not_run

    download = reverse("returns:download", args=[run.pk, "CIN_census_2026.xml"])
    assert f'href="{download}"' in page
    run.refresh_from_db()
    assert (run.errors, run.warnings, run.queries, run.children) == (1, 1, 1, 1)
    listing = pat.get(reverse("returns:returns")).content.decode()
    assert "1 error, 1 warning, 1 query" in listing


def test_it_shows_progress_while_the_build_runs_then_the_results(
    pat, analyst, child, monkeypatch, settings, django_capture_on_commit_callbacks
):
    settings.LANTERN_RETURNS_RUNNER = "subprocess"
    spawned = []
    monkeypatch.setattr(runner, "_spawn", spawned.append)
    fakes.install_returns(monkeypatch, child)
    with django_capture_on_commit_callbacks(execute=True):
        response = pat.post(reverse("returns:build"), {"kind": "903", "year": "2027"})
    run = ReturnRun.objects.get()
    assert spawned == [run.pk]  # its own process, started once the run was committed
    url = response["Location"]
    waiting = pat.get(url).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in waiting and "Waiting to start" in waiting

    ReturnRun.objects.filter(pk=run.pk).update(status=ReturnRun.Status.RUNNING)
    actions.Progress(run.pk)("Running the SSDA903 rules", 3, 7)
    moving = pat.get(url).content.decode()
    assert "Running the SSDA903 rules: 3 of 7" in moving and 'value="43"' in moving
    assert 'http-equiv="refresh"' in moving

    ReturnRun.objects.filter(pk=run.pk).update(status=ReturnRun.Status.QUEUED)
    actions.perform_run(run.pk)  # what `lantern returns run <id>` does in that process
    done = pat.get(url).content.decode()
    assert 'http-equiv="refresh"' not in done
    errors = section(done, "errors")
    assert "103" in errors and "ETHNIC" in errors and "8525" not in errors
    assert "header.csv" in done and "episodes.csv" in done
    # Neither errors nor passes: a rule's known defect, and what the year can still put right.
    assert "SW12STG2" in table(done, "defect-list") and "186" not in errors
    assert child.council_id in table(done, "not-yet-due-list")


def test_a_second_click_while_it_builds_goes_to_the_build_under_way(
    pat, child, monkeypatch, settings
):
    settings.LANTERN_RETURNS_RUNNER = "subprocess"
    monkeypatch.setattr(runner, "_spawn", lambda run_id: None)
    first = pat.post(reverse("returns:build"), {"kind": "cin", "year": "2026"})
    second = pat.post(reverse("returns:build"), {"kind": "cin", "year": "2026"}, follow=True)
    assert ReturnRun.objects.count() == 1
    assert second.redirect_chain[0][0] == first["Location"]
    assert "already being built" in second.content.decode()


def test_a_build_that_stopped_says_so_and_can_be_asked_for_again(
    pat, analyst, monkeypatch, settings
):
    settings.LANTERN_RETURNS_RUNNER = "subprocess"
    monkeypatch.setattr(runner, "_spawn", lambda run_id: None)
    pat.post(reverse("returns:build"), {"kind": "ssd"})
    stuck = ReturnRun.objects.get()
    quiet = timezone.now() - dt.timedelta(minutes=16)  # nothing heard: its process is gone
    ReturnRun.objects.filter(pk=stuck.pk).update(requested_at=quiet, heartbeat_at=quiet)
    page = pat.get(reverse("returns:run", args=[stuck.pk])).content.decode()
    assert "it stopped without finishing" in page and 'http-equiv="refresh"' not in page
    pat.post(reverse("returns:build"), {"kind": "ssd"})
    assert ReturnRun.objects.count() == 2


def test_a_download_is_the_stored_file_byte_for_byte_and_is_audited(
    pat, analyst, child, monkeypatch
):
    fakes.install_returns(monkeypatch, child)
    pat.post(reverse("returns:build"), {"kind": "903", "year": "2026"})
    run = ReturnRun.objects.get()
    stored = ReturnFile.objects.get(run=run, name="header.csv")
    assert stored.sha256 == hashlib.sha256(fakes.TABLES["header.csv"]).hexdigest()
    before = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).count()

    response = pat.get(reverse("returns:download", args=[run.pk, "header.csv"]))

    assert response.status_code == 200
    assert response.content == bytes(stored.data) == fakes.TABLES["header.csv"]
    assert response["Content-Disposition"] == 'attachment; filename="header.csv"'
    exports = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT)
    assert exports.count() == before + 1
    entry = exports.latest("id")
    assert entry.user == analyst
    assert entry.detail == f"SSDA903 2025/26: header.csv from build {run.pk}, 1 children"
    missing = pat.get(reverse("returns:download", args=[run.pk, "settings.py"]))
    assert missing.status_code == 404


def test_the_annex_a_and_the_ssd_build_without_a_validator(pat, child, monkeypatch):
    fakes.install_returns(monkeypatch, child)
    pat.post(reverse("returns:build"), {"kind": "annexa", "start": "1/4/2026", "end": "24/11/2026"})
    run = ReturnRun.objects.get()
    page = pat.get(reverse("returns:run", args=[run.pk])).content.decode()
    assert "Ofsted Annex A 1 April 2026 to 24 November 2026" in page
    assert "Annex_A_2026-04-01_to_2026-11-24.xlsx" in page
    assert "publishes no validator" in page and 'id="errors"' not in page


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({"kind": "cin", "year": "twenty"}, "Choose the collection year: 2025/26 or 2026/27, not"),
        ({"kind": "cin"}, "Choose the collection year: 2025/26 or 2026/27"),
        ({"kind": "903", "year": "2019"}, "2018/19 is not one of them"),
        ({"kind": "903", "year": "99999999999999999999999"}, "Choose the collection year"),
        ({"kind": "nope", "year": "2026"}, "Choose which return to build"),
        ({}, "Choose which return to build"),
        (
            {"kind": "annexa", "start": "31/13/2026", "end": "1/1/2026"},
            "The start of the period must be a real date",
        ),
        (
            {"kind": "annexa", "start_day": "1", "start_year": "2026", "end": "1/1/2026"},
            "The start of the period must include a month",
        ),
        ({"kind": "annexa", "start": "2/1/2026", "end": "1/1/2026"}, "on or after its start"),
        ({"kind": "annexa", "start": "1/1/2026", "end": "1/1/2027"}, "cannot be after today"),
    ],
)
def test_bad_input_is_a_clear_error_and_builds_nothing(pat, posted, message):
    response = pat.post(reverse("returns:build"), posted)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and message in page.replace("&#x27;", "'")
    assert not ReturnRun.objects.exists()


def test_a_failed_build_shows_its_message_and_keeps_nothing(pat, child, monkeypatch):
    fakes.install_returns(monkeypatch, child, fail_with=ValueError("no LA code is set"))
    response = pat.post(reverse("returns:build"), {"kind": "cin", "year": "2026"}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "The build failed" in page
    assert "Building the files failed: no LA code is set" in page
    run = ReturnRun.objects.get()
    assert run.status == ReturnRun.Status.FAILED and not run.files.exists()
    assert "Failed" in pat.get(reverse("returns:returns")).content.decode()


def test_a_validator_that_cannot_start_fails_the_build_with_its_reason(pat, child, monkeypatch):
    fakes.install_returns(monkeypatch, child)

    def no_venv(year, progress=None, **returns):
        raise FileNotFoundError("the validators' virtualenv is missing: run make install")

    fakes.install(monkeypatch, "validation", validate=no_venv)
    pat.post(reverse("returns:build"), {"kind": "cin", "year": "2026"})
    run = ReturnRun.objects.get()
    assert run.status == "failed" and not run.files.exists()
    assert run.message == (
        "Running the DfE's validators failed: the validators' virtualenv is missing: run make "
        "install"
    )


def test_the_command_line_carries_out_a_build(analyst, child, monkeypatch, settings, capsys):
    from django.core.management import call_command

    settings.LANTERN_RETURNS_RUNNER = "subprocess"
    monkeypatch.setattr(runner, "_spawn", lambda run_id: None)
    fakes.install_returns(monkeypatch, child)
    run, _ = actions.request_run("cin", acting_user=analyst, year=2026)
    call_command("returns", "run", str(run.pk))
    run.refresh_from_db()
    assert run.status == "done" and bytes(run.files.get().data) == fakes.CIN_XML
    out = capsys.readouterr().out
    assert out == f"Build {run.pk}: done\n" and child.council_id not in out


def test_viewing_a_finished_build_audits_each_child_it_names(pat, child, monkeypatch):
    """The results name children by council id: a list like any other, so each child named
    gets an audit entry for the analyst who looked."""
    fakes.install_returns(monkeypatch, child)
    pat.post(reverse("returns:build"), {"kind": "cin", "year": "2026"})
    run = ReturnRun.objects.get()
    before = AuditEntry.objects.filter(action="listed", person=child).count()
    assert child.council_id in pat.get(reverse("returns:run", args=[run.pk])).content.decode()
    seen = AuditEntry.objects.filter(action="listed", person=child)
    assert seen.count() == before + 1
    assert f"validation results of build {run.pk}" in seen.latest("pk").detail
