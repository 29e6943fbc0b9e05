"""Timestamps read on PostgreSQL by psycopg's compiled loader (``lantern.timestamps``) are
the values Django's own loader gives: the same instant, ``tzinfo`` UTC."""

import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's loaders"),
]

UTC = dt.UTC


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01 23:21:35.707118+00", dt.datetime(2026, 12, 1, 23, 21, 35, 707118)),
        # The night the clocks go forward, given in British Summer Time.
        ("2026-03-29 02:30:00.5+01", dt.datetime(2026, 3, 29, 1, 30, 0, 500000)),
        ("2024-02-29 00:00:00-05:30", dt.datetime(2024, 2, 29, 5, 30)),
        ("1899-12-31 23:59:59.000001+00", dt.datetime(1899, 12, 31, 23, 59, 59, 1)),
        ("0099-06-01 12:00:00+00", dt.datetime(99, 6, 1, 12, 0)),
    ],
)
def test_a_timestamp_reads_as_the_same_instant_in_utc(text, expected):
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::timestamptz", [text])
        (value,) = cursor.fetchone()

    assert value == expected.replace(tzinfo=UTC)
    assert value.tzinfo is UTC


def test_a_record_written_reads_back_unchanged():
    at = dt.datetime(2026, 10, 25, 1, 59, 59, 999999, tzinfo=UTC)  # the clocks go back at 2
    Session.objects.create(session_key="k" * 32, session_data="", expire_date=at)

    read = Session.objects.get(session_key="k" * 32).expire_date
    assert read == at and read.tzinfo is UTC


def test_the_compiled_loader_is_the_one_in_use():
    connection.ensure_connection()
    adapters = connection.connection.adapters
    with connection.cursor() as cursor:
        loader = cursor.cursor.adapters.get_loader(adapters.types["timestamptz"].oid, 0)
        assert type(loader(0, cursor.cursor)).__module__ == "psycopg_binary._psycopg"
