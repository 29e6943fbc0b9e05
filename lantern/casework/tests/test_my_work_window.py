"""My work on any day: what is due over the council's next N working days (5 unless it
chose otherwise), day by day, after everything overdue. "Due this week" meant today only on
a Sunday, and lost Monday's deadlines on a Friday."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from conftest import LONDON, PASSWORD
from lantern.casework import queries
from lantern.clocks.actions import set_look_ahead
from lantern.clocks.models import ClockRule, Deadline

pytestmark = pytest.mark.django_db
D = dt.date


def at(day: dt.date):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 9, tzinfo=LONDON))


@pytest.fixture
def due_on(make_person, allocate, social_worker):
    """A child of alice's with one clock falling due on the day given."""
    names = iter(["Ada", "Ben", "Cara", "Dev", "Eli", "Fay"])

    def make(day: dt.date, code: str = "cp_visit"):
        child = make_person(next(names), "Lee")
        allocate(child, social_worker)
        Deadline.objects.create(
            person=child,
            rule=ClockRule.objects.get(code=code),
            started_on=day - dt.timedelta(days=30),
            due_on=day,
            started_by="test",
        )
        return child

    return make


def my_work(client):
    client.login(username="alice", password=PASSWORD)
    response = client.get(reverse("casework:my-work"))
    assert response.status_code == 200
    return response.content.decode()


def section(page: str, day: dt.date) -> str:
    """The part of the page under ``day``'s heading."""
    start = page.index(f'id="due-{day:%Y-%m-%d}"')
    end = page.find("</section>", start)
    return page[start:end]


def test_on_a_friday_mondays_deadline_is_listed_under_monday(client, due_on):
    friday, monday = D(2026, 11, 27), D(2026, 11, 30)
    due_on(monday)
    with at(friday):
        page = my_work(client)
    assert "Ada Lee" in section(page, monday)
    assert "Nothing due." in section(page, friday)  # today, a working day, shown quiet
    assert "Monday 30 November" in section(page, monday)


def test_on_a_sunday_the_window_starts_on_monday(client, due_on):
    sunday = D(2026, 11, 29)
    due_on(D(2026, 12, 4))  # Friday: the fifth working day
    due_on(D(2026, 12, 7))  # the Monday after: beyond the window
    monday_to_friday = [D(2026, 11, 30), *(D(2026, 12, d) for d in (1, 2, 3, 4))]
    assert queries.window_after(sunday) == monday_to_friday
    with at(sunday):
        page = my_work(client)
    assert 'id="due-2026-11-29"' not in page  # no working day today: nothing to show for it
    assert "Ada Lee" in section(page, D(2026, 12, 4))
    assert "Ben Lee" not in page
    assert "next 5 working days (to Friday 4 December)" in page


def test_a_bank_holiday_is_skipped(client, due_on):
    friday, holiday, after = D(2026, 8, 28), D(2026, 8, 31), D(2026, 9, 7)
    due_on(after)  # the fifth working day after the Friday, once the holiday is skipped
    assert queries.window_after(friday)[0] == D(2026, 9, 1)
    with at(friday):
        page = my_work(client)
    assert f'id="due-{holiday:%Y-%m-%d}"' not in page
    assert "Ada Lee" in section(page, after)


def test_a_council_closure_day_is_skipped_as_a_bank_holiday_is(client, due_on):
    from lantern.clocks.actions import declare_closure_day

    declare_closure_day(D(2026, 12, 24), "Council closed")
    assert queries.window_after(D(2026, 12, 23), 1) == [D(2026, 12, 29)]


def test_overdue_items_stay_first(client, due_on):
    friday = D(2026, 11, 27)
    due_on(D(2026, 11, 25))
    due_on(D(2026, 11, 30))
    with at(friday):
        page = my_work(client)
    assert page.index("Ada Lee") < page.index('id="due-2026-11-27"') < page.index("Ben Lee")
    assert "Overdue 2 days" in page


def test_a_review_falling_due_on_a_saturday_is_listed_on_the_saturday(client, due_on):
    """Month-based clocks are not moved off a weekend: the Saturday is listed, with the
    Friday it must be held by."""
    due_on(D(2026, 11, 28), code="first_rcpc")
    with at(D(2026, 11, 26)):
        page = my_work(client)
    saturday = section(page, D(2026, 11, 28))
    assert "Ada Lee" in saturday and "Not a working day" in saturday
    assert "hold it by Fri 27 Nov" in saturday


def test_the_council_sets_how_far_ahead_my_work_looks(client, due_on):
    tuesday = D(2026, 11, 24)
    due_on(D(2026, 11, 26))  # Thursday: the second working day after
    due_on(D(2026, 11, 27))  # Friday: the third
    set_look_ahead(2)
    with at(tuesday):
        page = my_work(client)
    assert "next 2 working days (to Thursday 26 November)" in page
    assert "Ada Lee" in page and "Ben Lee" not in page


def test_a_review_due_the_saturday_after_the_window_is_listed_to_be_held_by_its_friday(
    client, due_on
):
    due_on(D(2026, 12, 5), code="first_rcpc")  # Saturday; the window ends on Friday 4th
    due_on(D(2026, 12, 7), code="first_rcpc")  # Monday: next week's
    with at(D(2026, 11, 29)):
        page = my_work(client)
    saturday = section(page, D(2026, 12, 5))
    assert "Ada Lee" in saturday and "hold it by Fri 4 Dec" in saturday
    assert "Ben Lee" not in page
