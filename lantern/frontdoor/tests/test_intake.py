"""``lantern intake``: a partner's daily file, all or nothing, never twice."""

import hashlib
import io

import pytest
from django.core.management import CommandError, call_command

from lantern.access.models import AuditEntry
from lantern.frontdoor.models import Contact, ContactSubject, IntakeFile
from lantern.people.identifiers import make_nhs_number, make_upn

POLICE_HEADER = (
    "incident_ref,incident_at,officer_name,dash_risk,children_present,victim_name,"
    "perpetrator_name,summary,child_first_name,child_last_name,child_dob,child_sex,"
    "child_nhs_number,postcode"
)
NHS = make_nhs_number("401023213")


def _police_file(tmp_path, *rows, name="mps-2026-03-02.csv"):
    path = tmp_path / name
    path.write_text("\n".join([POLICE_HEADER, *rows]) + "\n", encoding="utf-8")
    return path


GOOD = [
    "DA/1001,2026-03-01 22:10,PC Jones,high,Y,Marie Kouao,Carl Manning,Shouting and a "
    f"broken door,Anna,Kouao,2016-11-02,F,{NHS},N17 6AA",
    "DA/1001,2026-03-01 22:10,PC Jones,high,Y,Marie Kouao,Carl Manning,Shouting and a "
    "broken door,Ben,Kouao,2019-04-12,M,,N17 6AA",
    "DA/1002,2026-03-01 23:40,PC Ahmed,standard,N,,,Verbal argument,Cara,Doyle,2012-07-30,F,,N15",
]


def _run(path, agency="police", **options):
    out, err = io.StringIO(), io.StringIO()
    call_command("intake", str(path), agency=agency, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_a_police_file_loads_one_contact_per_incident_with_its_children(tmp_path, police):
    out, err = _run(_police_file(tmp_path, *GOOD))
    assert "3 rows as 2 contacts" in out
    assert "Loading: 2/2 (100%)" in err
    first = Contact.objects.get(agency_reference="DA/1001")
    assert (first.channel, first.kind, first.source, first.consent) == (
        "file",
        "police_domestic_abuse",
        "6",
        "statutory",
    )
    assert "DASH risk high" in first.concern and "Carl Manning" in first.concern
    assert [s.first_name for s in first.subjects.all()] == ["Anna", "Ben"]
    assert first.subjects.get(first_name="Anna").nhs_number == NHS
    assert first.occurred_at.hour == 22
    record = IntakeFile.objects.get()
    assert (record.rows, record.contacts, record.format) == (3, 2, "police_domestic_abuse")
    assert AuditEntry.objects.filter(object_type="frontdoor.IntakeFile").exists()


def test_a_bad_file_reports_every_bad_row_and_field_and_writes_nothing(tmp_path, police):
    bad = [
        GOOD[0],
        "DA/1003,yesterday,PC Jones,high,Y,,,Summary,Dan,Reid,2015-02-30,X,,N1",
        f"DA/1004,2026-03-01 10:00,PC Jones,extreme,Y,,,,Eve,Reid,2015-01-01,F,{NHS[:-1]}9,N1",
        GOOD[2],
    ]
    audit_rows = AuditEntry.objects.count()
    with pytest.raises(CommandError, match="rejected: 6 problem"):
        _run(_police_file(tmp_path, *bad))
    assert Contact.objects.count() == 0
    assert ContactSubject.objects.count() == 0
    assert IntakeFile.objects.count() == 0
    assert AuditEntry.objects.count() == audit_rows


def test_the_report_names_each_row_and_column(tmp_path, police):
    bad = [GOOD[0], "DA/1003,yesterday,PC Jones,high,Y,,,Summary,Dan,Reid,2015-02-30,X,,N1"]
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("intake", str(_police_file(tmp_path, *bad)), agency="police", stderr=err)
    report = err.getvalue()
    assert "row 3, incident_at: must be a date and time like" in report
    assert "row 3, child_dob: must be a date like" in report
    assert "row 3, child_sex: must be one of M, F, U" in report


def test_a_file_with_wrong_columns_is_refused(tmp_path, police):
    path = tmp_path / "wrong.csv"
    path.write_text("ref,name\n1,Amy\n")
    with pytest.raises(CommandError, match="rejected"):
        _run(path)
    assert Contact.objects.count() == 0


def test_a_re_sent_file_is_recognised_and_not_loaded_twice(tmp_path, police):
    path = _police_file(tmp_path, *GOOD)
    _run(path)
    copy = _police_file(tmp_path, *GOOD, name="mps-resent.csv")
    with pytest.raises(CommandError, match="was already loaded on"):
        _run(copy)
    assert Contact.objects.count() == 2


@pytest.mark.parametrize(
    "resent",
    [
        lambda text: text.replace("\n", "\r\n"),
        lambda text: text.replace("\n", "\r"),
        lambda text: text + "\n\n",
        lambda text: text.rstrip("\n"),
        lambda text: "\ufeff" + text,
        lambda text: text.replace(",PC Jones,", ", PC Jones ,"),
    ],
    ids=["crlf", "cr", "trailing-newlines", "no-final-newline", "bom", "spaces"],
)
def test_the_same_rows_re_sent_differently_are_recognised(tmp_path, police, resent):
    path = _police_file(tmp_path, *GOOD)
    _run(path)
    copy = tmp_path / "mps-resent.csv"
    copy.write_bytes(resent(path.read_text(encoding="utf-8")).encode("utf-8"))
    with pytest.raises(CommandError, match="was already loaded on"):
        _run(copy)
    assert Contact.objects.count() == 2 and IntakeFile.objects.count() == 1


def test_a_nul_character_is_reported_by_row_and_column_and_nothing_is_loaded(tmp_path, police):
    path = _police_file(tmp_path, GOOD[0].replace("Shouting", "Shout\x00ing"), GOOD[2])
    err = io.StringIO()
    with pytest.raises(CommandError, match="rejected: 1 problem"):
        call_command("intake", str(path), agency="police", stderr=err)
    assert "row 2, summary: contains a NUL character" in err.getvalue()
    assert Contact.objects.count() == 0 and IntakeFile.objects.count() == 0


def test_different_rows_are_a_different_file(tmp_path, police):
    _run(_police_file(tmp_path, *GOOD[:2]))
    _run(_police_file(tmp_path, GOOD[2], name="mps-2026-03-03.csv"))
    assert Contact.objects.count() == 2 and IntakeFile.objects.count() == 2


def test_a_file_loaded_before_rows_were_hashed_is_still_recognised(tmp_path, police):
    path = _police_file(tmp_path, *GOOD)
    _run(path)
    IntakeFile.objects.update(sha256=hashlib.sha256(path.read_bytes()).hexdigest())
    with pytest.raises(CommandError, match="was already loaded on"):
        _run(path)


def test_a_school_attendance_file_uses_the_schools_format(tmp_path, school):
    upn = make_upn("123456789012")
    path = tmp_path / "attendance.csv"
    path.write_text(
        "school,contact_name,period_end,first_name,last_name,dob,sex,upn,postcode,"
        "attendance_percent,unexplained_absences,concern\n"
        f"Harbour Street School,Ms Reid,2026-02-27,Amir,Khan,2013-05-01,M,{upn},N17 1AA,"
        "61.5,14,Often hungry\n"
    )
    _run(path, agency="hsc")
    contact = Contact.objects.get()
    assert (contact.kind, contact.source) == ("school_attendance_concern", "2A")
    assert "attendance 61.5%" in contact.concern and "14 unexplained" in contact.concern
    assert contact.subjects.get().upn == upn


def test_an_unknown_agency_is_refused(tmp_path, db):
    with pytest.raises(CommandError, match="No agency"):
        _run(_police_file(tmp_path, *GOOD), agency="nope")


def test_a_hospital_file_gives_a_and_e_rows_the_a_and_e_source(tmp_path, hospital):
    path = tmp_path / "nmuh.csv"
    path.write_text(
        "attendance_ref,attended_at,department,clinician_name,first_name,last_name,dob,sex,"
        "nhs_number,postcode,reason\n"
        f"AE1,2026-02-01 03:10,ae,Dr Okafor,Tia,Reid,2020-06-01,F,{NHS},N9,Scald to the leg\n"
        "MT2,2026-02-01 09:00,maternity,MW Hart,Baby,Reid,2026-01-30,U,,N9,Mother left early\n"
    )
    _run(path, agency="nmuh")
    sources = dict(Contact.objects.values_list("agency_reference", "source"))
    assert sources == {"AE1": "3E", "MT2": "3F"}
    assert Contact.objects.get(agency_reference="AE1").kind == "ae_attendance"


def test_each_loaded_contact_is_audited_after_the_whole_file_is_in(tmp_path, police):
    _run(_police_file(tmp_path, *GOOD))
    contacts = AuditEntry.objects.filter(object_type="frontdoor.Contact", action="create")
    assert contacts.count() == 2
    assert {e.detail for e in contacts} == {
        "contact received from Metropolitan Police by bulk file (2 people named)",
        "contact received from Metropolitan Police by bulk file (1 people named)",
    }
    file_entry = AuditEntry.objects.get(object_type="frontdoor.IntakeFile")
    assert max(e.pk for e in contacts) < file_entry.pk


def test_a_contact_refused_midway_leaves_no_file_contacts_or_audit(tmp_path, police, monkeypatch):
    from django.core.exceptions import ValidationError

    from lantern.frontdoor.actions import intake as intake_actions

    real, calls = intake_actions.receive_contact, []

    def second_fails(details, **kwargs):
        calls.append(details)
        if len(calls) == 2:
            raise ValidationError("refused by a rule the file check does not know")
        return real(details, **kwargs)

    monkeypatch.setattr(intake_actions, "receive_contact", second_fails)
    audit_rows = AuditEntry.objects.count()
    with pytest.raises(CommandError):
        _run(_police_file(tmp_path, *GOOD))
    assert (IntakeFile.objects.count(), Contact.objects.count()) == (0, 0)
    assert AuditEntry.objects.count() == audit_rows
