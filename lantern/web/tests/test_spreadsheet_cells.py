"""Text a spreadsheet would run as a formula gets a leading quote; numbers stay numbers."""

import pytest

from lantern.spreadsheet_cells import safe_cell, safe_row


@pytest.mark.parametrize(
    "value,expected",
    [
        ("=1+1", "'=1+1"),
        ("+44 20 7946 0001", "'+44 20 7946 0001"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Anna", "Anna"),
        ("", ""),
        (-3, -3),
        (-0.25, -0.25),
        (None, None),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_safe_row_keeps_the_order_and_the_numbers():
    assert safe_row(["=A1", 2, "b"]) == ["'=A1", 2, "b"]
