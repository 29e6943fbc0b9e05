"""The Jinja2 fragments' dates read as Django's ``date`` filter writes them, in the council's
time zone: a page part-rendered by each engine shows one format."""

import datetime as dt

import pytest
from django.template.defaultfilters import date as django_date
from django.utils import timezone

from lantern.web import jinja

DAYS = [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(0, 400, 3)]


@pytest.mark.parametrize(
    ("ours", "django_format"),
    [
        (jinja.day_month_year, "j M Y"),
        (jinja.day_fullmonth_year, "j F Y"),
        (jinja.weekday_day_month, "D j M"),
        (jinja.weekday_day_month_year, "D j M Y"),
        (jinja.weekday_day_fullmonth, "l j F"),
    ],
)
def test_a_day_reads_as_djangos_date_filter_writes_it(ours, django_format):
    assert [ours(day) for day in DAYS] == [django_date(day, django_format) for day in DAYS]


@pytest.mark.parametrize(
    ("ours", "django_format"),
    [(jinja.local_minute, "j M Y H:i"), (jinja.local_weekday_minute, "D j M H:i")],
)
def test_a_moment_reads_in_local_time_as_djangos_date_filter_writes_it(ours, django_format):
    # Either side of the clocks changing, in UTC as the database hands them back.
    moments = [
        dt.datetime(2026, month, day, hour, 5, tzinfo=dt.UTC)
        for month, day in ((3, 28), (3, 29), (10, 24), (10, 25), (11, 24))
        for hour in (0, 9, 23)
    ]
    expected = [django_date(timezone.localtime(at), django_format) for at in moments]
    assert [ours(at) for at in moments] == expected
