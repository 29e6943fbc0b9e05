"""``lantern match`` on files: best link per row, and malformed files refused whole."""

import csv

import pytest
from django.core.management import CommandError, call_command

HEADER = "id,first_name,last_name,other_names,dob,sex,postcode,nhs_number\n"
INDEX = HEADER + (
    "P1,Victoria,Climbie,,2012-11-02,F,N17 6AB,\n"
    "P2,Robert,Jones,Bob Smith,2011-06-14,M,N15 4QT;N22 5XY,9434765919\n"
    "P3,Oliver,Khan,,2016-05-04,M,N4 2AA,\n"
    "P4,Lily,Smith-Okafor,,2017-04-02,F,E17 4PP,\n"
)
INCOMING = HEADER + (
    "R1,Victoria,Cilmbie,,02/11/2012,F,N17 6AB,\n"
    "R2,Bobby,Smith,,2011-06-14,,N22 5XY,\n"
    "R3,Jack,Khan,,2016-05-04,M,N4 2AA,\n"
    "R4,Okafor,Lily,,2017-04-02,F,,\n"
    "R5,Nobody,Known,,2001-01-01,M,SW1A 1AA,\n"
)


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def run(tmp_path, index=INDEX, incoming=INCOMING):
    out = tmp_path / "links.csv"
    call_command(
        "match",
        index=write(tmp_path / "people.csv", index),
        incoming=write(tmp_path / "records.csv", incoming),
        out=out,
    )
    return out


def test_it_writes_the_best_link_for_every_incoming_row(tmp_path):
    with run(tmp_path).open() as handle:
        rows = {r["incoming_id"]: r for r in csv.DictReader(handle)}
    assert list(rows["R1"]) == ["incoming_id", "index_id", "score"]
    assert rows["R1"]["index_id"] == "P1"
    assert rows["R2"]["index_id"] == "P2"  # "known as" alias, previous postcode
    assert rows["R4"]["index_id"] == "P4"  # swapped, part of a hyphenated surname
    assert rows["R3"]["index_id"] == ""  # Oliver's twin brother is not Oliver
    assert rows["R5"]["index_id"] == ""
    assert float(rows["R1"]["score"]) > 0.9


def test_it_names_the_line_and_column_of_an_impossible_date_and_writes_nothing(tmp_path):
    bad = INCOMING.replace("2011-06-14,,N22", "2011-02-30,,N22")
    with pytest.raises(CommandError, match=r"records.csv: line 3, column dob: not a real date"):
        run(tmp_path, incoming=bad)
    assert not (tmp_path / "links.csv").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_it_names_missing_columns(tmp_path):
    bad = INDEX.replace(",nhs_number", "").replace(",sex,", ",gender,")
    with pytest.raises(CommandError, match=r"people\.csv: missing column"):
        run(tmp_path, index=bad)
    assert not (tmp_path / "links.csv").exists()


def test_it_reports_every_problem_at_once(tmp_path):
    bad = INCOMING.replace(",F,N17", ",X,N17").replace("2001-01-01", "2001-13-01")
    with pytest.raises(CommandError) as raised:
        run(tmp_path, incoming=bad)
    assert "line 2, column sex" in str(raised.value)
    assert "line 6, column dob" in str(raised.value)


def test_it_keeps_an_existing_output_when_the_input_is_bad(tmp_path):
    out = write(tmp_path / "links.csv", "old\n")
    with pytest.raises(CommandError):
        run(tmp_path, incoming=INCOMING.replace("02/11/2012", "31/02/2012"))
    assert out.read_text() == "old\n"


def test_errors_name_the_line_and_column_but_never_echo_the_data(tmp_path):
    from lantern.people.matching.files import MatchFileError, read_people

    path = tmp_path / "people.csv"
    path.write_text(
        "id,first_name,last_name,other_names,dob,sex,postcode,nhs_number\n"
        "A1,Secret,Name,,31/02/2015,Q,N17 1AA,943476591\n"
    )
    with pytest.raises(MatchFileError) as raised:
        read_people(path)
    report = str(raised.value)
    assert "line 2, column dob" in report and "line 2, column nhs_number" in report
    for value in ("31/02/2015", "943476591", "'Q'"):
        assert value not in report


def test_ids_that_a_spreadsheet_would_run_as_formulas_are_written_as_text(tmp_path):
    formulas = ['=HYPERLINK("http://example.org","x")', "+1", "-2", "@SUM(A1)", "-3+3"]
    index = INDEX.replace("P1,", '"=1+1",')
    incoming = INCOMING.replace("R1,", '"=HYPERLINK(""http://example.org"",""x"")",')
    for mark, row_id in zip(formulas[1:], ("R2", "R3", "R4", "R5"), strict=True):
        incoming = incoming.replace(f"{row_id},", f'"{mark}",')
    with run(tmp_path, index=index, incoming=incoming).open() as handle:
        rows = list(csv.DictReader(handle))
    assert [r["incoming_id"] for r in rows] == ["'" + f for f in formulas]
    assert rows[0]["index_id"] == "'=1+1"
    assert all(not cell.startswith(("=", "+", "-", "@", "\t")) for r in rows for cell in r.values())
    assert float(rows[0]["score"]) > 0.9  # the score is still a plain number
