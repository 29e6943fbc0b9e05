"""Each job in the list does its work when the scheduler runs it, and a second run the same
day does nothing more. Tuesday 24 November 2026, 07:00 in London, unless a test says."""

import datetime as dt
import logging

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from conftest import LONDON
from lantern.access import audit, roles
from lantern.access.models import AuditCheckpoint, AuditEntry
from lantern.care.tests.factories import start_care
from lantern.clocks.actions import apply_event, extend_deadline
from lantern.clocks.models import Deadline
from lantern.people.models import Person
from lantern.scheduler import runner
from lantern.scheduler.jobs import BY_CODE
from lantern.scheduler.models import JobState
from lantern.signals.tasks import apply_rule_change
from lantern.workforce.models import Notification, Team

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(dt.datetime(2026, 11, 24, 7, 0, 5, tzinfo=LONDON), tick=False),
]


@pytest.fixture(autouse=True)
def signing_key_file(tmp_path, settings):
    settings.LANTERN_AUDIT_SIGNING_KEY_FILE = str(tmp_path / "audit_signing_key.pem")


def run(code: str):
    """One scheduler pass over this job alone, as `lantern scheduler` makes it."""
    return runner.tick(jobs=[BY_CODE[code]])


def told(user) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user).order_by("id"))


@pytest.fixture
def amy(make_person, social_worker, allocate):
    amy = make_person("Amy", "Smith")
    allocate(amy, social_worker)
    apply_event(amy, "referral", dt.date(2025, 12, 19))  # assessment due 25 Feb 2026
    return amy


def test_the_overdue_job_tells_the_allocated_worker_once_in_one_notice(amy, social_worker):
    assert [r.outcome for r in run("overdue")] == [
        "workers told 1, clocks 1, on unallocated children 0"
    ]
    (notice,) = told(social_worker)
    assert notice.subject == "1 thing on your children went overdue"
    assert notice.body == "Amy Smith: Child and family assessment, due 25 Feb 2026"
    assert notice.link == reverse("casework:my-work")
    assert run("overdue") == []  # the same morning: nothing to run
    assert (
        runner.run_now("overdue").outcome == "workers told 0, clocks 0, on unallocated children 0"
    )
    assert len(told(social_worker)) == 1


def test_a_clock_moved_by_an_extension_is_told_again_when_its_new_date_passes(amy, social_worker):
    run("overdue")
    extend_deadline(Deadline.objects.get(person=amy, rule__code="assessment"), 14)
    runner.run_now("overdue")
    assert [n.body for n in told(social_worker)][-1].endswith("due 11 Mar 2026")
    assert len(told(social_worker)) == 2


def test_a_child_no_one_holds_is_told_to_the_worker_who_is_later_allocated(
    make_person, social_worker, allocate
):
    ben = make_person("Ben", "Baker")
    apply_event(ben, "referral", dt.date(2025, 12, 19))
    assert run("overdue")[0].outcome.endswith("on unallocated children 1")
    allocate(ben, social_worker, dt.date(2026, 11, 24))
    runner.run_now("overdue")
    assert [n.body for n in told(social_worker)] == [
        "Ben Baker: Child and family assessment, due 25 Feb 2026"
    ]


def test_the_pathway_clocks_job_starts_the_clock_of_a_child_who_turned_16_in_care(
    make_person, social_worker
):
    bea = make_person("Bea", "Lowe", dt.date(2010, 3, 10))
    start_care(bea, social_worker, dt.date(2025, 6, 2))
    assert [r.outcome for r in run("pathway_clocks")] == ["1"]
    assert runner.run_now("pathway_clocks").outcome == "0"
    assert Deadline.objects.filter(person=bea, rule__code="pathway_plan").count() == 1


def test_the_retention_job_reminds_each_dpo_once_until_they_read_it(make_staff, make_person):
    dora = make_staff("dora", roles.DATA_PROTECTION_OFFICER, Team.Kind.ADMINISTRATION)
    make_person("Old", "Care", dt.date(1940, 1, 1), care_status=Person.CareStatus.CARE_LEAVER)
    assert run("retention")[0].outcome == "waiting 1, reminded 1"
    (notice,) = told(dora)
    assert notice.subject == "Retention review: 1 record waiting for your decision"
    assert notice.link == reverse("access:retention") and "Old" not in notice.body
    assert runner.run_now("retention").outcome == "waiting 1, reminded 0"
    notice.read_at = notice.created_at
    notice.save(update_fields=["read_at"])
    with time_machine.travel(dt.datetime(2026, 11, 25, 7, 30, 5, tzinfo=LONDON), tick=False):
        run("retention")
    assert len(told(dora)) == 2


def test_the_retention_job_is_quiet_when_nothing_waits(make_staff):
    dora = make_staff("dora", roles.DATA_PROTECTION_OFFICER, Team.Kind.ADMINISTRATION)
    assert run("retention")[0].outcome == "waiting 0, reminded 0"
    assert told(dora) == []


def test_the_checkpoint_job_signs_a_moved_head_and_only_then(make_person):
    make_person()  # an audited write: the first entry is checkpointed as it is written
    assert run("checkpoint")[0].outcome.endswith("already checkpointed")
    audit.record(None, AuditEntry.Action.UPDATE, detail="a later change")
    head = AuditEntry.objects.count()  # the job seals the new entry before it signs
    assert runner.run_now("checkpoint").outcome == f"signed checkpoint of entry {head}"
    assert runner.run_now("checkpoint").outcome == f"entry {head} already checkpointed"
    assert AuditCheckpoint.objects.filter(seq=head).count() == 1


def test_the_sealer_runs_when_installed_and_is_skipped_with_a_log_line_when_not(caplog):
    caplog.set_level(logging.INFO, logger="lantern.scheduler")
    runner.reported_missing.clear()
    (ran,) = run("seal")
    try:
        import lantern.access.sealing  # noqa: F401  (the sealer's own change brings it)
    except ModuleNotFoundError:
        assert ran.outcome == "skipped: lantern.access.sealing.seal is not installed"
        assert "job seal skipped: lantern.access.sealing.seal is not installed" in caplog.text
    else:
        assert not ran.failed


def test_the_command_runs_what_is_due_once_and_lists_the_jobs(amy, capsys):
    call_command("scheduler", "--once")
    out = capsys.readouterr().out
    assert "overdue: workers told 1" in out and "0 queued task(s) run" in out
    call_command("scheduler", "--once")
    assert "overdue" not in capsys.readouterr().out
    call_command("scheduler", "list")
    listing = capsys.readouterr().out
    assert (
        "overdue          cron '0 7 * * *' (London time); next 2026-11-25 07:00:00 GMT" in listing
    )
    assert "last run 2026-11-24 07:00:05: workers told 1" in listing
    assert "why: A statutory visit" in listing
    assert JobState.objects.get(job="overdue").runs == 1


def test_the_prune_job_deletes_finished_tasks_after_30_days_and_keeps_the_rest():
    enqueue = apply_rule_change.enqueue
    finished, recent, waiting = (enqueue("repeat_ae") for _ in range(3))
    for result, age in ((finished, 31), (recent, 29)):
        DBTaskResult.objects.filter(pk=result.id).update(
            status="SUCCESSFUL", finished_at=timezone.now() - dt.timedelta(days=age)
        )
    assert run("prune_tasks")[0].outcome == "tasks deleted 1"
    kept = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert {str(pk) for pk in kept} == {str(recent.id), str(waiting.id)}
