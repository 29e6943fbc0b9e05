"""Cells written to a CSV or XLSX file, made safe to open in a spreadsheet.

A text cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) is read by
Excel and LibreOffice as a formula: an id like ``=HYPERLINK("http://…", "open")`` in a
partner's file would run on the analyst's machine when they open Lantern's output (OWASP,
"CSV injection"). Every CSV or XLSX writer passes its rows through ``safe_row``. Only text
is changed, by a leading ``'``; real numbers stay numbers, so a negative figure written as
a number is still a number.
"""

from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [safe_cell(value) for value in row]
