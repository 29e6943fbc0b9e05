"""The Annex A workbook as a file: Ofsted's headers on every sheet, real dates, the same
bytes from the same records, and the command that writes it, audits it and names no child."""

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from lantern.access.models import AuditEntry
from lantern.care.tests.factories import start_care
from lantern.returns import annexa
from lantern.returns.tests.annexa_fixtures import END, START, sheet_rows, workbook

D = dt.date
CHILD = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]
ALLOCATED = ["Allocated Team", "Allocated Worker"]
DISABILITY = "Does the Child have a Disability"

# Ofsted's Annex A columns for the lists the other test modules do not spell out in full.
OFSTED_HEADERS = {
    2: [*CHILD, "Assessment start date", "Assessment completion date",
        "Organisation completing assessment"],
    4: [*CHILD, DISABILITY, "Continuous Assessment Start Date",
        "Child Seen During Continuous Assessment", "Continuous Assessment Date of Authorisation",
        "Was the child assessed as requiring LA children's social care support?", *ALLOCATED],
    6: [*CHILD, DISABILITY, "CIN Start Date", "Primary Need Code", "Date Child Was Last Seen",
        "CIN Closure Date", "Reason for Closure", "Case Status", *ALLOCATED],
    9: [*CHILD,
        "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
        DISABILITY, *ALLOCATED, "Allocated Personal Advisor", "Eligibility Category",
        "Latest Pathway Plan Review Date", "LA in Touch", "Latest Date of Contact",
        "Type of Accommodation", "Suitability of Accommodation", "Activity Status"],
    10: [CHILD[0], "Family identifier", *CHILD[1:], DISABILITY, "Date the Child Entered Care",
         "Date of Decision that Child Should be Placed for Adoption", "Date of Placement Order",
         "Date of Matching Child and Prospective Adopters", "Date Placed for Adoption",
         "Date of Adoption Order",
         "Date of Decision that Child Should No Longer be Placed for Adoption",
         "Reason Why Child No Longer Placed for Adoption",
         "Date the child was placed for fostering in FFA or concurrent planning placement"],
    11: ["Individual adopter identifier", "Family identifier", "Gender", "Ethnicity",
         "Disability", "Is the (prospective) adopter fostering for adoption?",
         "Date enquiry received", "Date Stage 1 started", "Date Stage 1 ended",
         "Date Stage 2 started", "Date Stage 2 ended", "Date application submitted",
         "Date application approved", "Date adopter matched with child(ren)",
         "Date child/children placed with adopter(s)", "No. of children placed",
         "Date of Adoption Order", "Date of leaving adoption process",
         "Reason for leaving adoption process"],
}  # fmt: skip


@pytest.fixture
def amy_in_care(make_person, social_worker):
    amy = make_person("Amy", "Carter", D(2016, 5, 4))
    start_care(amy, social_worker, D(2026, 3, 2))
    return amy


def test_every_list_is_a_sheet_titled_and_headed_as_ofsted_asks(db):
    book = workbook()
    assert book.sheetnames == [f"List {n}" for n in range(1, 12)]
    assert book["List 8"]["A1"].value == "List 8: Children in care"
    assert book["List 1"]["A2"].value == "Contacts received 01/05/2026 to 31/10/2026: one row " \
        "for each child in a contact."  # fmt: skip
    for number, headers in OFSTED_HEADERS.items():
        assert sheet_rows(number)[0] == headers, f"List {number}"


def test_adopters_are_headers_only_and_the_sheet_says_why(db):
    ws = workbook()["List 11"]
    assert ws.max_row == 3
    assert "Lantern holds no records of adopters" in ws["A2"].value


def test_a_date_is_a_real_date_shown_day_first(amy_in_care):
    ws = workbook()["List 8"]
    started = ws.cell(row=4, column=8)  # Date Started to be Looked After
    assert started.is_date and started.value == dt.datetime(2026, 3, 2)
    assert started.number_format == "DD/MM/YYYY"
    assert ws.cell(row=4, column=5).value == 10  # the age is a number, not text


def test_the_same_records_give_the_same_bytes_and_a_change_gives_others(
    amy_in_care, make_person, social_worker
):
    first = annexa.build(START, END).data
    with time_machine.travel(dt.datetime(2027, 2, 1, 9, 0, tzinfo=dt.UTC)):
        again = annexa.build(START, END).data
    assert again == first
    start_care(make_person("Ben", "Okafor", D(2014, 9, 1)), social_worker, D(2026, 6, 1))
    assert annexa.build(START, END).data != first


def test_the_command_writes_the_workbook_audits_it_once_and_names_no_child(amy_in_care, tmp_path):
    out = io.StringIO()
    path = tmp_path / "annex-a.xlsx"
    call_command("returns", "annexa", "--from", "2026-05-01", "--to", "2026-10-31",
                 "--out", str(path), stdout=out)  # fmt: skip

    book = load_workbook(path)
    assert book["List 8"]["A4"].value == amy_in_care.council_id
    (entry,) = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT)
    assert entry.detail.startswith("Ofsted Annex A: 2026-05-01 to 2026-10-31, 1 rows")
    said = out.getvalue() + entry.detail
    assert "Amy" not in said and "Carter" not in said and amy_in_care.council_id not in said
    assert said.startswith("Annex A 2026-05-01 to 2026-10-31: 1 rows written to ")


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("1/5/2026", "2026-10-31", "--from must be a date as YYYY-MM-DD, not '1/5/2026'"),
        ("2026-05-01", "2026-02-30", "--to must be a date as YYYY-MM-DD, not '2026-02-30'"),
        ("2026-10-31", "2026-05-01", "--to 2026-05-01 is before --from 2026-10-31"),
    ],
)
def test_a_bad_period_is_refused_clearly_and_nothing_is_written(db, tmp_path, start, end, message):
    path = tmp_path / "annex-a.xlsx"
    with pytest.raises(CommandError) as refused:
        call_command("returns", "annexa", "--from", start, "--to", end, "--out", str(path))
    assert str(refused.value) == message
    assert not path.exists()
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).exists()
