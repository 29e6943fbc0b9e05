"""The SSDA903 return built from children set up through the care actions, each value worked
out by hand from what the worker recorded (DfE SSDA903 guidance; csc-validator-be-903)."""

import csv
import datetime as dt
import io

import pytest

from lantern.access import roles
from lantern.access.models import AuditEntry
from lantern.care.actions.leaving_care import record_care_leaver_contact
from lantern.care.actions.periods import change_legal_status, end_care
from lantern.care.actions.permanence import decide_adoption, record_adoption_milestones
from lantern.care.actions.placements import move_placement
from lantern.care.actions.reviews import record_lac_review
from lantern.care.models import Carer
from lantern.care.tests.factories import foster_carers, start_care
from lantern.people.census import record_census_details
from lantern.returns import ssda903
from lantern.returns.ssda903.tables import COLUMNS, FILE_NAMES
from lantern.returns.years import CollectionYear
from lantern.workforce.actions import allocate_worker

D = dt.date
Y2026, Y2027 = CollectionYear(2026), CollectionYear(2027)
pytestmark = pytest.mark.django_db

FILES_2026 = {
    "header.csv", "episodes.csv", "reviews.csv", "uasc.csv", "oc2.csv", "oc3.csv", "ad1.csv",
    "placed_for_adoption.csv", "previous_permanence.csv", "missing.csv", "sw_episodes.csv",
}  # fmt: skip


@pytest.fixture
def child(make_person, social_worker, allocate):
    """Amy, a girl of 9, allocated to alice from 5 January 2026."""
    amy = make_person("Amy", "Carter", D(2016, 5, 4), sex="F")
    allocate(amy, social_worker, D(2026, 1, 5))
    return amy


def tables(year: CollectionYear) -> dict[str, list[dict]]:
    """The built return, each table as its rows (column → cell text)."""
    built = ssda903.build(year)
    by_file = {name: table for table, name in FILE_NAMES.items()}
    read = {}
    for name, data in built.files.items():
        text = data.decode()
        assert text.splitlines()[0] == ",".join(COLUMNS[by_file[name]])
        read[by_file[name]] = list(csv.DictReader(io.StringIO(text)))
    return read


def episodes_of(read, child) -> list[tuple]:
    return [
        (e["DECOM"], e["RNE"], e["LS"], e["PLACE"], e["DEC"], e["REC"], e["REASON_PLACE_CHANGE"])
        for e in read["Episodes"]
        if e["CHILD"] == child.council_id
    ]


def test_every_table_is_written_header_only_when_empty(db):
    built = ssda903.build(Y2026)
    assert set(built.files) == FILES_2026
    for table, name in FILE_NAMES.items():
        if name in built.files:
            assert built.files[name] == (",".join(COLUMNS[table]) + "\r\n").encode()
    assert built.children == 0
    # Deprivation of liberty orders are collected from 2026/27: header only, Lantern keeps none.
    later = ssda903.build(Y2027)
    assert set(later.files) == FILES_2026 | {"dolo.csv"}
    assert later.files["dolo.csv"] == b"CHILD,DOB,DOLO_START,DOLO_END\r\n"


def test_a_child_who_left_care_and_came_back_has_two_periods(child, social_worker):
    first = start_care(child, social_worker, D(2025, 5, 1))
    end_care(first, acting_user=social_worker, on=D(2025, 8, 1), reason_ceased="E4A")
    start_care(child, social_worker, D(2025, 10, 6), legal_status="V2")
    read = tables(Y2026)
    assert episodes_of(read, child) == [
        ("01/05/2025", "S", "C1", "U6", "01/08/2025", "E4A", ""),
        ("06/10/2025", "S", "V2", "U6", "", "", ""),
    ]
    [row] = [h for h in read["Header"] if h["CHILD"] == child.council_id]
    # Amy, a girl with no child of her own: MOTHER 0; SEX M/F/U from 2024/25.
    assert row == {
        "CHILD": child.council_id,
        "SEX": "F",
        "DOB": "04/05/2016",
        "ETHNIC": child.ethnicity,
        "UPN": row["UPN"],
        "MOTHER": "0",
        "MC_DOB": "",
    }
    # The year before she came into care she is in no table.
    assert tables(CollectionYear(2025))["Header"] == []


def test_an_episode_open_on_1_april_is_carried_into_the_year(child, social_worker):
    period = start_care(child, social_worker, D(2025, 2, 3))
    end_care(period, acting_user=social_worker, on=D(2025, 6, 30), reason_ceased="E13")
    read = tables(Y2026)
    assert episodes_of(read, child) == [("03/02/2025", "S", "C1", "U6", "30/06/2025", "E13", "")]
    # In 2024/25 the episode was open on 31 March: written open.
    assert episodes_of(tables(CollectionYear(2025)), child) == [
        ("03/02/2025", "S", "C1", "U6", "", "", "")
    ]


def test_a_same_day_change_of_legal_status_and_carer_is_one_new_episode(child, social_worker):
    period = start_care(child, social_worker, D(2025, 5, 1))
    change_legal_status(period, acting_user=social_worker, on=D(2025, 7, 1), code="C2")
    move_placement(
        period,
        acting_user=social_worker,
        on=D(2025, 7, 1),
        carer=foster_carers("The Ahmed household"),
        placement_type="U4",
        reason_changed="CARPL",
    )
    assert episodes_of(tables(Y2026), child) == [
        # the first episode ends the day the next starts (X1) with the move's reason
        ("01/05/2025", "S", "C1", "U6", "01/07/2025", "X1", "CARPL"),
        # status and carer changed together: B, one episode, not two
        ("01/07/2025", "B", "C2", "U4", "", "", ""),
    ]


def test_an_adoption_fills_ad1_and_placed_for_adoption(make_person, social_worker):
    baby = make_person("Ben", "Rowe", D(2023, 3, 1), sex="M")
    period = start_care(baby, social_worker, D(2024, 1, 8), legal_status="C2")
    adoption = decide_adoption(baby, acting_user=social_worker, decided_on=D(2024, 6, 3))
    change_legal_status(period, acting_user=social_worker, on=D(2024, 9, 2), code="E1")
    adopters = Carer.objects.create(
        name="The Lee family",
        kind=Carer.Kind.ADOPTERS,
        provider="PR1",
        urn="XXXXXXX",
        postcode="N8 7AA",
    )
    record_adoption_milestones(
        adoption,
        acting_user=social_worker,
        expected_version=adoption.version,
        placement_order_on=D(2024, 9, 2),
        matched_on=D(2025, 4, 14),
        placed_on=D(2025, 5, 12),
        number_of_adopters="2",
        sex_adopter="MF",
        legal_status_adopter="L2",
        foster_carers_adopting="0",
    )
    move_placement(
        period,
        acting_user=social_worker,
        on=D(2025, 5, 12),
        carer=adopters,
        placement_type="A6",
        reason_changed="CARPL",
    )
    adoption.refresh_from_db()
    record_adoption_milestones(
        adoption,
        acting_user=social_worker,
        expected_version=adoption.version,
        adoption_order_on=D(2025, 11, 20),
    )
    end_care(period, acting_user=social_worker, on=D(2025, 11, 20), reason_ceased="E11")
    read = tables(Y2026)
    # The C2 episode ended on 2 Sep 2024, before the year: the E1 one is carried in.
    assert episodes_of(read, baby) == [
        ("02/09/2024", "L", "E1", "U6", "12/05/2025", "X1", "CARPL"),
        ("12/05/2025", "P", "E1", "A6", "20/11/2025", "E11", ""),
    ]
    assert read["AD1"] == [
        {
            "CHILD": baby.council_id,
            "DOB": "01/03/2023",
            "DATE_INT": "03/06/2024",
            "DATE_MATCH": "14/04/2025",
            "FOSTER_CARE": "0",
            "NB_ADOPTR": "2",
            "SEX_ADOPTR": "MF",
            "LS_ADOPTR": "L2",
        }
    ]
    assert read["PlacedAdoption"] == [
        {
            "CHILD": baby.council_id,
            "DOB": "01/03/2023",
            "DATE_PLACED": "03/06/2024",
            "DATE_PLACED_CEASED": "",
            "REASON_PLACED_CEASED": "",
        }
    ]
    # The year before: the decision is there, the adoption is not yet.
    earlier = tables(CollectionYear(2025))
    assert earlier["AD1"] == []
    assert [r["DATE_PLACED"] for r in earlier["PlacedAdoption"]] == ["03/06/2024"]
    # Adopted in 2025/26: nothing of Ben's in 2026/27.
    assert tables(Y2027)["Header"] == []


def test_a_uasc_turning_18_has_the_date_the_status_ceased(make_person, social_worker):
    omar = make_person("Omar", "Haidari", D(2007, 9, 10), sex="M", uasc_since=D(2024, 6, 3))
    period = start_care(omar, social_worker, D(2024, 6, 3), legal_status="V2")
    end_care(period, acting_user=social_worker, on=D(2025, 9, 10), reason_ceased="E5")
    record_census_details(omar, acting_user=social_worker, uasc_ceased=D(2025, 9, 10))
    assert tables(Y2026)["UASC"] == [
        {"CHILD": omar.council_id, "SEX": "M", "DOB": "10/09/2007", "DUC": "10/09/2025"}
    ]
    # At 31 March 2025 he was still an unaccompanied asylum-seeking child: DUC is the day
    # the status would cease, his 18th birthday (rule 205B reads it so the next year).
    assert tables(CollectionYear(2025))["UASC"] == [
        {"CHILD": omar.council_id, "SEX": "M", "DOB": "10/09/2007", "DUC": "10/09/2025"}
    ]


def test_a_care_leavers_birthday_contact_is_the_oc3_row(make_person, social_worker):
    dan = make_person("Dan", "Price", D(2007, 6, 15), sex="M")
    period = start_care(dan, social_worker, D(2022, 1, 10), legal_status="C2")
    end_care(period, acting_user=social_worker, on=D(2025, 6, 15), reason_ceased="E5")
    record_care_leaver_contact(
        dan,
        acting_user=social_worker,
        contact_on=D(2026, 6, 22),  # within 3 months before to 1 month after 15 June
        in_touch="YES",
        activity="F2",
        accommodation="T1",
    )
    read = tables(Y2027)  # his 19th birthday, 15 June 2026, is in 2026/27
    assert read["OC3"] == [
        {
            "CHILD": dan.council_id,
            "DOB": "15/06/2007",
            "IN_TOUCH": "YES",
            "ACTIV": "F2",
            "ACCOM": "T1",
        }
    ]
    # Not looked after in 2026/27, but in the Header for his OC3 row, no mother status.
    assert read["Header"] == [
        {
            "CHILD": dan.council_id,
            "SEX": "M",
            "DOB": "15/06/2007",
            "ETHNIC": dan.ethnicity,
            "UPN": read["Header"][0]["UPN"],
            "MOTHER": "",
            "MC_DOB": "",
        }
    ]
    assert read["Episodes"] == []


def test_reviews_and_social_worker_episodes_of_the_year(child, social_worker, make_staff):
    irene = make_staff("irene", roles.IRO)
    bob = make_staff("bob", roles.SOCIAL_WORKER)
    # ``child`` is allocated to alice from 5 Jan 2026; bob takes over on 2 Mar 2026.
    start_care(child, social_worker, D(2026, 1, 12))
    record_lac_review(
        child,
        acting_user=irene,
        held_on=D(2026, 2, 6),
        chair=irene,
        participation="PN1",
        decisions="Stay with the Okafors",
    )
    allocate_worker(child, bob, acting_user=social_worker, start=D(2026, 3, 2))
    read = tables(Y2026)
    assert read["Reviews"] == [
        {
            "CHILD": child.council_id,
            "DOB": "04/05/2016",
            "REVIEW": "06/02/2026",
            "REVIEW_CODE": "PN1",
        }
    ]
    assert [
        (r["SW_ID"], r["SW_DECOM"], r["SW_DEC"], r["SW_REASON"]) for r in read["SWEpisodes"]
    ] == [
        (f"SW{social_worker.pk:06d}", "05/01/2026", "02/03/2026", "FCONTA"),
        (f"SW{bob.pk:06d}", "02/03/2026", "", "MANAGE"),
    ]


def test_a_rebuild_is_byte_identical(child, social_worker):
    start_care(child, social_worker, D(2025, 5, 1))
    assert ssda903.build(Y2026).files == ssda903.build(Y2026).files


def test_the_command_writes_every_file_audits_once_and_prints_no_name(
    child, social_worker, tmp_path, capsys
):
    from django.core.management import call_command

    start_care(child, social_worker, D(2025, 5, 1))
    before = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).count()
    call_command("returns", "903", "--year", "2026", "--out", str(tmp_path / "903"))
    assert {p.name for p in (tmp_path / "903").iterdir()} == FILES_2026
    assert (tmp_path / "903" / "episodes.csv").read_bytes() == ssda903.build(Y2026).files[
        "episodes.csv"
    ]
    [entry] = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT)[before:]
    assert "SSDA903: 2025/26, 1 children" in entry.detail
    out = capsys.readouterr().out
    assert "SSDA903 2025/26: 1 children, 11 tables" in out
    assert child.first_name not in out and child.last_name not in out
    assert child.council_id not in out
