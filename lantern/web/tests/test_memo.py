"""A read-only page asks the closure days once, and the next page sees a change."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import LONDON, PASSWORD
from lantern.clocks.actions import apply_event, declare_closure_day
from lantern.clocks.calendar import current_calendar
from lantern.web.memo import memoising, once_per_request

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(dt.datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)),
]


def closure_reads(statements) -> int:
    return sum('FROM "clocks_closureday"' in q["sql"] for q in statements)


def test_my_work_reads_the_closure_days_once(client, make_person, allocate, social_worker):
    for name in ("Ola", "Priya"):
        child = make_person(name, "Lee")
        allocate(child, social_worker)
        apply_event(child, "cp_plan_started", dt.date(2026, 11, 2))  # visits due and overdue
    client.login(username="alice", password=PASSWORD)
    with CaptureQueriesContext(connection) as statements:
        page = client.get(reverse("casework:my-work"))
    assert page.status_code == 200 and b"Ola" in page.content
    assert closure_reads(statements) == 1


def test_a_closure_declared_is_counted_on_the_next_page(db):
    """Nothing is kept between requests: the next request reads the closure days again."""
    wed = dt.date(2026, 12, 2)
    with memoising():
        assert current_calendar().is_working_day(wed)
    declare_closure_day(wed, "Staff training day")
    with memoising():
        assert not current_calendar().is_working_day(wed)


def test_outside_a_read_only_request_nothing_is_memoised():
    answers = iter([1, 2])
    assert once_per_request("n", lambda: next(answers)) == 1
    assert once_per_request("n", lambda: next(answers)) == 2
    with memoising():
        again = iter([3, 4])
        assert once_per_request("n", lambda: next(again)) == 3
        assert once_per_request("n", lambda: next(again)) == 3
