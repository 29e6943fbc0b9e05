"""The three-box date every form uses: what a worker types, what they are told."""

import datetime as dt

import pytest
from django import forms

from lantern.web.forms import DateField


class VisitForm(forms.Form):
    visited_on = DateField("Date of visit")
    review_by = DateField("Review by (optional)", required=False)


def errors(data: dict) -> list[str]:
    form = VisitForm(data)
    form.is_valid()
    return form.errors.get("visited_on", [])


def test_three_boxes_make_a_date():
    form = VisitForm({"visited_on_day": "3", "visited_on_month": "11", "visited_on_year": "2026"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"visited_on": dt.date(2026, 11, 3), "review_by": None}


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("3", "", "2026", "Date of visit must include a month"),
        ("", "", "2026", "Date of visit must include a day and month"),
        ("31", "2", "2026", "Date of visit must be a real date"),
        ("3", "Nov", "2026", "Date of visit must be a real date"),
        ("3", "11", "26", "Date of visit: the year must have 4 numbers"),
        ("", "", "", "Enter the date of visit"),
        ("3", "11", "99999999999999999999", "Date of visit: the year must have 4 numbers"),
        ("99999999999999999999", "11", "2026", "Date of visit must be a real date"),
    ],
)
def test_each_mistake_is_named_in_the_design_systems_words(day, month, year, message):
    assert errors({"visited_on_day": day, "visited_on_month": month, "visited_on_year": year}) == [
        message
    ]


def test_an_optional_date_left_blank_is_none_and_its_errors_drop_the_optional():
    form = VisitForm({"visited_on": "2026-11-03", "review_by_day": "1"})
    assert not form.is_valid()
    assert form.errors["review_by"] == ["Review by must include a month and year"]


def test_a_whole_iso_date_is_still_read_for_drafts_kept_before_the_boxes():
    form = VisitForm({"visited_on": "2026-11-03"})
    assert form.is_valid()
    assert form.cleaned_data["visited_on"] == dt.date(2026, 11, 3)


def test_the_boxes_are_labelled_and_keep_what_was_typed():
    html = str(VisitForm({"visited_on_day": "31", "visited_on_month": "2"})["visited_on"])
    assert 'id="id_visited_on_day"' in html and 'for="id_visited_on_year"' in html
    assert 'value="31"' in html and 'value="2"' in html
    assert 'type="date"' not in html
    initial = str(VisitForm(initial={"visited_on": dt.date(2026, 11, 3)})["visited_on"])
    assert 'value="3"' in initial and 'value="2026"' in initial
