"""Annex A test helpers: the period the tests ask for, and reading a list back out of the
workbook ``build`` wrote (by its sheet, headers and rows), so tests read what an inspector
would open."""

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from lantern.access import roles
from lantern.returns import annexa
from lantern.returns.annexa.workbook import HEADER_ROW
from lantern.workforce.models import Team

START, END = dt.date(2026, 5, 1), dt.date(2026, 10, 31)


def workbook(start=START, end=END):
    return load_workbook(io.BytesIO(annexa.build(start, end).data))


def sheet_rows(number: int, start=START, end=END) -> tuple[list[str], list[dict]]:
    """The list's headers, and its rows as {header: value}."""
    ws = workbook(start, end)[f"List {number}"]
    rows = list(ws.iter_rows(min_row=HEADER_ROW, values_only=True))
    headers = list(rows[0])
    return headers, [dict(zip(headers, row, strict=True)) for row in rows[1:]]


def ids(number: int, start=START, end=END) -> list[str]:
    return [row["Child Unique ID"] for row in sheet_rows(number, start, end)[1]]


@pytest.fixture
def assessment_team(make_staff):
    boss = make_staff("tm", roles.TEAM_MANAGER, Team.Kind.ASSESSMENT)
    team = Team.objects.get(kind=Team.Kind.ASSESSMENT)
    team.manager = boss
    team.save(update_fields=["manager"])
    return team
