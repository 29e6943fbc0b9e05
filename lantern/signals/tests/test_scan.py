"""``lantern signals scan`` on files: the rules' edge cases through the batch path, people
kept apart, and every kind of bad input refused by file, line and column, writing nothing.

No database: the scan reads files only (pytest-django refuses any query here)."""

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from lantern.signals.tests.cases import CASES, Case
from lantern.signals.tests.test_engine import sorted_ids

PEOPLE = "person_id,date_of_birth\n"
EVENTS = "event_id,person_id,occurred_on,agency,kind\n"
GOOD_PEOPLE = PEOPLE + "P1,2026-06-15\nP2,\nP3,2010-05-17\n"
GOOD_EVENTS = EVENTS + (
    "a,P1,2026-10-01,Hospital,injury\n"
    "b,P2,2026-10-01,Police,missing\n"
    "c,P2,2026-10-01,Police,missing\n"
    "d,P2,2026-10-02,Police,missing\n"
)


def scan(tmp_path: Path, people: str, events: str) -> list[dict]:
    (tmp_path / "PEOPLE.csv").write_text(people, encoding="utf-8")
    (tmp_path / "EVENTS.csv").write_text(events, encoding="utf-8")
    out = tmp_path / "SIGNALS.csv"
    call_command(
        "signals",
        "scan",
        "--people",
        str(tmp_path / "PEOPLE.csv"),
        "--events",
        str(tmp_path / "EVENTS.csv"),
        "--out",
        str(out),
    )
    with out.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["person_id", "signal", "fired_on", "event_ids"]
        return list(reader)


def person_rows(case: Case, person: str, prefix: str = "") -> list[str]:
    return [
        f"{prefix}{eid},{person},{day},{agency},{kind}\n" for eid, day, agency, kind in case.events
    ]


def expected(case: Case, prefix: str = "") -> dict:
    return {
        rule: (day.isoformat(), " ".join(prefix + i for i in sorted_ids(case, ids)))
        for rule, (day, ids) in case.fires.items()
    }


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_edge_case_gives_the_engines_answer(tmp_path, case):
    born = case.born.isoformat() if case.born else ""
    rows = scan(tmp_path, PEOPLE + f"child,{born}\n", EVENTS + "".join(person_rows(case, "child")))
    assert {r["signal"]: (r["fired_on"], r["event_ids"]) for r in rows} == expected(case)
    assert {r["person_id"] for r in rows} <= {"child"}


def test_people_in_one_file_are_kept_apart_and_listed_in_the_people_files_order(tmp_path):
    """Every case at once, one person each, events interleaved by date across people."""
    people = list(reversed(range(len(CASES))))  # PEOPLE.csv order is not the cases' order
    born = {i: CASES[i].born.isoformat() if CASES[i].born else "" for i in people}
    events = []
    for i, case in enumerate(CASES):
        events += [
            (day, row)
            for (_, day, *_), row in zip(
                case.events, person_rows(case, f"C{i}", f"{i}-"), strict=True
            )
        ]
    events.sort(key=lambda pair: pair[0])  # stable: one day's events keep their order
    rows = scan(
        tmp_path,
        PEOPLE + "".join(f"C{i},{born[i]}\n" for i in people),
        EVENTS + "".join(row for _, row in events),
    )
    for i, case in enumerate(CASES):
        mine = {
            r["signal"]: (r["fired_on"], r["event_ids"]) for r in rows if r["person_id"] == f"C{i}"
        }
        assert mine == expected(case, f"{i}-"), case.name
    order = [(people.index(int(r["person_id"][1:])), r["fired_on"], r["signal"]) for r in rows]
    assert order == sorted(order)
    assert len({r["person_id"] for r in rows}) > 10


def test_signals_on_one_day_are_in_the_order_of_their_codes(tmp_path):
    rows = scan(
        tmp_path,
        PEOPLE + "P1,2026-06-15\n",
        EVENTS
        + "".join(f"m{i},P1,2026-10-01,Police,missing\n" for i in range(3))
        + "i1,P1,2026-10-01,GP,injury\n",
    )
    assert [(r["signal"], r["event_ids"]) for r in rows] == [
        ("injury_non_mobile", "i1"),
        ("repeat_missing", "m0 m1 m2"),
    ]


def test_a_header_only_events_file_gives_a_header_only_signals_file(tmp_path):
    assert scan(tmp_path, GOOD_PEOPLE, EVENTS) == []
    assert (tmp_path / "SIGNALS.csv").read_bytes() == b"person_id,signal,fired_on,event_ids\r\n"


def test_it_reads_a_bom_spaced_header_quoted_values_crlf_and_trailing_blank_lines(tmp_path):
    people = "\ufeff person_id , date_of_birth\r\nP1,2026-06-15\r\n"
    events = EVENTS + 'a,P1,2026-10-01,"North Middlesex, A&E",injury\r\n\r\n\r\n'
    rows = scan(tmp_path, people, events)
    assert [(r["person_id"], r["signal"], r["event_ids"]) for r in rows] == [
        ("P1", "injury_non_mobile", "a")
    ]


def test_ids_a_spreadsheet_would_run_are_written_safe(tmp_path):
    rows = scan(
        tmp_path,
        PEOPLE + "=P1,2026-06-15\n",
        EVENTS + "@a,=P1,2026-10-01,GP,injury\n",
    )
    assert [(r["person_id"], r["event_ids"]) for r in rows] == [("'=P1", "'@a")]


def test_the_summary_names_counts_only(tmp_path, capsys):
    scan(tmp_path, GOOD_PEOPLE, GOOD_EVENTS)
    said = capsys.readouterr().out
    assert said.startswith("2 signals for 2 of 3 people, from 4 events")
    assert "P1" not in said


BAD = [
    # (what, PEOPLE.csv, EVENTS.csv, message)
    (
        "unknown person",
        None,
        GOOD_EVENTS + "e,P9,2026-10-03,GP,concern\n",
        'EVENTS.csv line 6, column person_id: "P9" is not in PEOPLE.csv',
    ),
    (
        "unknown kind",
        None,
        GOOD_EVENTS.replace("Police,missing\nd", "Police,Missing\nd"),
        'EVENTS.csv line 4, column kind: "Missing" is not an event kind (injury, ae_attendance',
    ),
    (
        "impossible date",
        None,
        GOOD_EVENTS.replace("2026-10-02", "2026-02-30"),
        'EVENTS.csv line 5, column occurred_on: "2026-02-30" is not a real date (YYYY-MM-DD)',
    ),
    (
        "date without leading zeros",
        None,
        GOOD_EVENTS.replace("2026-10-02", "2026-1-5"),
        'EVENTS.csv line 5, column occurred_on: "2026-1-5" is not a real date',
    ),
    (
        "ISO basic date",
        None,
        GOOD_EVENTS.replace("2026-10-02", "20261002"),
        'line 5, column occurred_on: "20261002" is not a real date',
    ),
    (
        "year 0",
        None,
        GOOD_EVENTS.replace("2026-10-02", "0000-10-02"),
        'line 5, column occurred_on: "0000-10-02" is not a real date',
    ),
    (
        "date and time",
        None,
        GOOD_EVENTS.replace("2026-10-02", "2026-10-02T10:00"),
        'line 5, column occurred_on: "2026-10-02T10:00" is not a real date',
    ),
    (
        "date of birth",
        PEOPLE + "P1,15/06/2026\nP2,\nP3,2010-05-17\n",
        None,
        'PEOPLE.csv line 2, column date_of_birth: "15/06/2026" is not a real date',
    ),
    (
        "duplicate person",
        GOOD_PEOPLE + "P2,2011-01-01\n",
        None,
        'PEOPLE.csv line 5, column person_id: "P2" is already on line 3',
    ),
    (
        "duplicate event",
        None,
        GOOD_EVENTS + "b,P2,2026-10-03,GP,concern\n",
        'EVENTS.csv line 6, column event_id: "b" is already on line 3',
    ),
    (
        "empty event id",
        None,
        GOOD_EVENTS.replace("\nc,P2", "\n,P2"),
        "EVENTS.csv line 4, column event_id: empty",
    ),
    (
        "empty person id in events",
        None,
        GOOD_EVENTS.replace("c,P2", "c,"),
        "EVENTS.csv line 4, column person_id: empty",
    ),
    (
        "empty person id in people",
        PEOPLE + "P1,\n,2011-01-01\n",
        None,
        "PEOPLE.csv line 3, column person_id: empty",
    ),
    (
        "empty date",
        None,
        GOOD_EVENTS.replace("c,P2,2026-10-01", "c,P2,"),
        "EVENTS.csv line 4, column occurred_on: empty",
    ),
    (
        "empty agency",
        None,
        GOOD_EVENTS.replace("c,P2,2026-10-01,Police", "c,P2,2026-10-01,  "),
        "EVENTS.csv line 4, column agency: empty",
    ),
    (
        "empty kind",
        None,
        GOOD_EVENTS.replace("d,P2,2026-10-02,Police,missing", "d,P2,2026-10-02,Police,"),
        "EVENTS.csv line 5, column kind: empty",
    ),
    (
        "row cut short",
        None,
        GOOD_EVENTS + "e,P1,2026-10-03\n",
        "EVENTS.csv line 6, column agency: empty",
    ),
    (
        "space in an event id",
        None,
        GOOD_EVENTS.replace("\nc,P2", "\nc 1,P2"),
        'EVENTS.csv line 4, column event_id: "c 1" has a space in it',
    ),
    (
        "first problem named, the rest counted",
        None,
        GOOD_EVENTS.replace("2026-10-02", "2026-02-30").replace("c,P2", "c,P9"),
        'EVENTS.csv line 4, column person_id: "P9" is not in PEOPLE.csv (1 more bad value in',
    ),
    (
        "missing column",
        None,
        EVENTS.replace(",kind", "") + "a,P1,2026-10-01,GP\n",
        "EVENTS.csv line 1: missing column kind (the columns are event_id, person_id",
    ),
    (
        "extra column",
        None,
        EVENTS.replace("\n", ",notes\n"),
        'EVENTS.csv line 1, column 6: unexpected column "notes"',
    ),
    (
        "renamed column",
        None,
        EVENTS.replace("occurred_on", "date"),
        'EVENTS.csv line 1, column 3: expected "occurred_on", found "date"',
    ),
    (
        "columns in another order",
        "date_of_birth,person_id\n",
        None,
        'PEOPLE.csv line 1, column 1: expected "person_id", found "date_of_birth" (the columns are '
        "person_id, date_of_birth, in that order)",
    ),
    (
        "capitalised column",
        "Person_ID,date_of_birth\n",
        None,
        'PEOPLE.csv line 1, column 1: expected "person_id", found "Person_ID"',
    ),
    ("empty file", "", None, "PEOPLE.csv line 1: no header"),
    (
        "extra value in the first row",
        None,
        EVENTS + "a,P1,2026-10-01,GP,injury,x\n",
        "EVENTS.csv line 2: more values than the 5 columns of the header",
    ),
    (
        "extra values in a later row",
        None,
        GOOD_EVENTS + "e,P1,2026-10-03,GP,injury,x,y\n",
        "EVENTS.csv line 6: more values than the 5 columns of the header",
    ),
    (
        "blank line",
        None,
        GOOD_EVENTS.replace("\nc,P2", "\n\nc,P2"),
        "EVENTS.csv line 4: a row with no values",
    ),
    (
        "line break in a quoted value",
        None,
        GOOD_EVENTS.replace("a,P1,2026-10-01,Hospital", 'a,P1,2026-10-01,"North\nMid"')
        + "e,P1,2026-13-01,GP,injury\n",
        'EVENTS.csv line 7, column occurred_on: "2026-13-01" is not a real date',
    ),
    (
        "quote never closed",
        None,
        GOOD_EVENTS + 'e,P1,2026-10-03,"GP,injury\n',
        "EVENTS.csv line 6: a quoted value is never closed",
    ),
]


@pytest.mark.parametrize(
    ("people", "events", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD]
)
def test_bad_input_is_refused_by_line_and_column_and_nothing_is_written(
    tmp_path, people, events, message
):
    with pytest.raises(CommandError) as refused:
        scan(tmp_path, people if people is not None else GOOD_PEOPLE, events or GOOD_EVENTS)
    said = str(refused.value)
    assert message in said
    assert "\n" not in said and said.endswith("; nothing written")
    assert sorted(os.listdir(tmp_path)) == ["EVENTS.csv", "PEOPLE.csv"]  # no temp file left


def test_a_file_that_is_not_utf8_is_named_by_line(tmp_path):
    (tmp_path / "PEOPLE.csv").write_text(GOOD_PEOPLE)
    (tmp_path / "EVENTS.csv").write_bytes(
        GOOD_EVENTS.encode() + "e,P1,2026-10-03,Sant\xe9,GP\n".encode("latin-1")
    )
    with pytest.raises(CommandError, match=r"EVENTS\.csv line 6: not UTF-8 text"):
        call_command(
            "signals",
            "scan",
            "--people",
            str(tmp_path / "PEOPLE.csv"),
            "--events",
            str(tmp_path / "EVENTS.csv"),
            "--out",
            str(tmp_path / "SIGNALS.csv"),
        )
    assert not (tmp_path / "SIGNALS.csv").exists()


def test_an_existing_signals_file_is_left_as_it_was_when_input_is_bad(tmp_path):
    (tmp_path / "SIGNALS.csv").write_text("last week's\n")
    with pytest.raises(CommandError):
        scan(tmp_path, GOOD_PEOPLE, GOOD_EVENTS + "e,P9,2026-10-03,GP,concern\n")
    assert (tmp_path / "SIGNALS.csv").read_text() == "last week's\n"
    assert sorted(os.listdir(tmp_path)) == ["EVENTS.csv", "PEOPLE.csv", "SIGNALS.csv"]


def test_an_output_folder_that_does_not_exist_is_refused_before_reading(tmp_path):
    with pytest.raises(CommandError, match="its folder does not exist"):
        call_command(
            "signals",
            "scan",
            "--people",
            "nowhere.csv",
            "--events",
            "nowhere.csv",
            "--out",
            str(tmp_path / "no" / "SIGNALS.csv"),
        )


def test_a_missing_input_file_is_named(tmp_path):
    with pytest.raises(CommandError, match=r"PEOPLE\.csv: cannot be read \(No such file"):
        call_command(
            "signals",
            "scan",
            "--people",
            str(tmp_path / "PEOPLE.csv"),
            "--events",
            str(tmp_path / "EVENTS.csv"),
            "--out",
            str(tmp_path / "SIGNALS.csv"),
        )


def test_from_the_shell_bad_input_exits_1_with_one_line_on_stderr(tmp_path):
    (tmp_path / "PEOPLE.csv").write_text(GOOD_PEOPLE)
    (tmp_path / "EVENTS.csv").write_text(GOOD_EVENTS.replace("2026-10-02", "2026-02-30"))
    env = {
        **os.environ,
        "LANTERN_ENV": "development",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
    }
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "lantern",
            "signals",
            "scan",
            "--people",
            "PEOPLE.csv",
            "--events",
            "EVENTS.csv",
            "--out",
            "SIGNALS.csv",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [
        'CommandError: EVENTS.csv line 5, column occurred_on: "2026-02-30" is not a real date '
        "(YYYY-MM-DD); nothing written"
    ]
    assert run.stdout == ""
    assert not (tmp_path / "SIGNALS.csv").exists()
