"""The Standard Safeguarding Dataset from records made through the actions: the rows and
values the sector's reports read, the model's exact headers, and a byte-identical rebuild."""

import csv
import datetime as dt
import io

import pytest

from lantern.access import roles
from lantern.care.models import CareEpisode
from lantern.care.tests.factories import start_care
from lantern.casework.tests.journey import Journey
from lantern.returns import ssd
from lantern.returns.ssd.spec import HEADER_ONLY, TABLES
from lantern.workforce.models import Team

D = dt.date


@pytest.fixture
def amy(make_person, social_worker, allocate):
    child = make_person("Amy", "Carter", D(2016, 5, 4), sex="F", ethnicity="WBRI")
    allocate(child, social_worker, D(2026, 1, 5))
    return child


@pytest.fixture
def ben(make_person, social_worker, allocate):
    child = make_person("Ben", "Osei", D(2012, 9, 1), sex="M", ethnicity="BAFR")
    allocate(child, social_worker, D(2026, 2, 2))
    return child


@pytest.fixture
def amy_on_a_plan(amy, social_worker, make_staff):
    """Amy: referred by her school on 2 March 2026, s47, initial conference on 20 March
    deciding on a plan for neglect."""
    chair = make_staff("irene", roles.IRO, Team.Kind.IRO)
    journey = Journey(amy, social_worker, make_staff("mo", roles.TEAM_MANAGER), chair)
    journey.to_plan()
    return journey


@pytest.fixture
def ben_in_care(ben, social_worker):
    """Ben looked after from 5 October 2026 (C1, foster carers U6, need N1)."""
    return start_care(ben, social_worker, D(2026, 10, 5))


def table(built, name) -> list[dict]:
    return list(csv.DictReader(io.StringIO(built.files[f"{name}.csv"].decode())))


@pytest.mark.django_db
def test_person_rows_are_the_children_with_their_census_details(amy_on_a_plan, ben_in_care):
    built = ssd.build()
    rows = {r["pers_person_id"]: r for r in table(built, "ssd_person")}
    amy = amy_on_a_plan.child
    assert built.children == 2
    assert set(rows) == {amy.council_id, ben_in_care.person.council_id}
    assert rows[amy.council_id] == {
        **rows[amy.council_id],
        "pers_forename": "Amy",
        "pers_surname": "Carter",
        "pers_sex": "F",
        "pers_ethnicity": "WBRI",
        "pers_dob": "2016-05-04",
        "pers_expected_dob": "",
        "pers_death_date": "",
        "pers_is_mother": "N",
    }


@pytest.mark.django_db
def test_cin_episode_is_the_referral_with_its_source_team_and_worker(amy_on_a_plan, social_worker):
    episode = amy_on_a_plan.episode
    [row] = table(ssd.build(), "ssd_cin_episodes")
    assert row == {
        "cine_referral_id": str(episode.pk),
        "cine_person_id": amy_on_a_plan.child.council_id,
        "cine_referral_date": "2026-03-02",
        "cine_cin_primary_need_code": "",
        "cine_referral_source_code": "2A",
        "cine_referral_source_desc": "Schools",
        "cine_referral_outcome_json": "",
        "cine_referral_nfa": "N",
        "cine_close_reason": "",
        "cine_close_date": "",
        "cine_referral_team": str(social_worker.staff.team_id),
        "cine_referral_worker_id": str(social_worker.pk),
    }


@pytest.mark.django_db
def test_cp_plan_names_its_referral_conference_and_categories(amy_on_a_plan):
    plan = amy_on_a_plan.episode.cp_plans.get()
    built = ssd.build()
    [row] = table(built, "ssd_cp_plans")
    assert row == {
        "cppl_cp_plan_id": str(plan.pk),
        "cppl_referral_id": str(amy_on_a_plan.episode.pk),
        "cppl_icpc_id": str(amy_on_a_plan.conference.pk),
        "cppl_person_id": amy_on_a_plan.child.council_id,
        "cppl_cp_plan_start_date": "2026-03-20",
        "cppl_cp_plan_end_date": "",
        "cppl_cp_plan_ola": "N",
        "cppl_cp_plan_initial_category": "NEG",
        "cppl_cp_plan_latest_category": "NEG",
    }
    [icpc] = table(built, "ssd_initial_cp_conference")
    assert (icpc["icpc_cp_plan_id"], icpc["icpc_icpc_outcome_cp_flag"]) == (str(plan.pk), "Y")


@pytest.mark.django_db
def test_cla_episode_is_the_903_episode_in_its_period(ben_in_care):
    episode = CareEpisode.objects.get(period=ben_in_care)
    [row] = table(ssd.build(), "ssd_cla_episodes")
    assert row == {
        "clae_cla_episode_id": str(episode.pk),
        "clae_person_id": ben_in_care.person.council_id,
        "clae_cla_placement_id": str(episode.placement_id),
        "clae_cla_episode_start_date": "2026-10-05",
        "clae_cla_episode_start_reason": "S",
        "clae_cla_primary_need_code": "N1",
        "clae_cla_episode_ceased_date": "",
        "clae_cla_episode_ceased_reason": "",
        "clae_cla_id": str(ben_in_care.pk),
        "clae_referral_id": "",
        "clae_cla_last_iro_contact_date": "",
        "clae_entered_care_date": "2026-10-05",
    }


@pytest.mark.django_db
def test_professional_is_the_council_worker_with_open_caseload(
    amy_on_a_plan, ben_in_care, social_worker, make_staff
):
    make_staff("pete", None, Team.Kind.PARTNER)  # a partner agency's worker is not listed
    rows = {r["prof_professional_id"]: r for r in table(ssd.build(), "ssd_professionals")}
    assert rows[str(social_worker.pk)] == {
        "prof_professional_id": str(social_worker.pk),
        "prof_staff_id": str(social_worker.staff.pk),
        "prof_professional_name": "Alice Tester",
        "prof_social_worker_registration_no": "",
        "prof_agency_worker_flag": "",
        "prof_professional_job_title": "",
        "prof_professional_caseload": "2",
        "prof_professional_department": "Team child_protection",
        "prof_full_time_equivalency": "",
    }
    assert "Pete Tester" not in {r["prof_professional_name"] for r in rows.values()}


@pytest.mark.django_db
def test_every_table_is_present_with_exactly_the_models_header(amy_on_a_plan, ben_in_care):
    ssd.check_every_table_is_built()
    built = ssd.build()
    assert set(built.files) == {f"{name}.csv" for name in TABLES}
    for name, header in TABLES.items():
        lines = built.files[f"{name}.csv"].decode().splitlines()
        assert lines[0] == ",".join(header), name
        if name in HEADER_ONLY:
            assert lines == [",".join(header)], name


@pytest.mark.django_db
def test_rebuild_is_byte_identical(amy_on_a_plan, ben_in_care):
    assert ssd.build().files == ssd.build().files


@pytest.mark.django_db
def test_command_writes_every_table_audits_once_and_names_no_child(
    amy_on_a_plan, ben_in_care, tmp_path
):
    from django.core.management import call_command

    from lantern.access.models import AuditEntry

    before = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).count()
    out = io.StringIO()
    call_command("returns", "ssd", "--out", str(tmp_path / "ssd"), stdout=out)
    written = {p.name for p in (tmp_path / "ssd").iterdir()}
    assert written == {f"{name}.csv" for name in TABLES}
    assert "Carter" in (tmp_path / "ssd" / "ssd_person.csv").read_text()
    exports = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT)
    assert exports.count() == before + 1
    assert exports.latest("pk").detail.startswith("Standard Safeguarding Dataset:")
    printed = out.getvalue()
    assert "46 tables" in printed
    for said in ("Amy", "Carter", "Ben", "Osei", amy_on_a_plan.child.council_id):
        assert said not in printed


def test_a_dated_lookup_finds_the_span_open_that_day_the_latest_started_first():
    from lantern.returns.ssd.common import Spans

    spans = Spans([
        (1, D(2026, 1, 1), D(2026, 1, 31), "January"),
        (1, D(2026, 1, 20), None, "from the 20th"),
        (2, D(2026, 3, 1), D(2026, 3, 1), "one day"),
    ])  # fmt: skip
    assert spans.on(1, D(2025, 12, 31)) is None
    assert spans.on(1, D(2026, 1, 19)) == "January"
    assert spans.on(1, D(2026, 1, 20)) == "from the 20th"
    assert spans.on(2, D(2026, 3, 1)) == "one day"  # the end day is inside the span
    assert spans.on(2, D(2026, 3, 2)) is None
    assert spans.on(3, D(2026, 3, 1)) is None
