"""Asking for a build: which return, and for which collection year or period.

The year is one of two: the last complete collection year (the one the DfE collects now)
and the current one (to see early what this year's return will say). Annex A takes the
period the inspectors asked for, twelve months up to today unless changed.
"""

import datetime as dt

from django import forms

from lantern.returns.models import ReturnRun
from lantern.returns.years import CollectionYear, containing, last_complete
from lantern.web.forms import DateField, GovukForm

Kind = ReturnRun.Kind


def years_offered(today: dt.date) -> list[CollectionYear]:
    return [last_complete(today), containing(today)]


def twelve_months_to(today: dt.date) -> dt.date:
    """The first day of the twelve months that end today (Annex A's usual period)."""
    try:
        return today.replace(year=today.year - 1) + dt.timedelta(days=1)
    except ValueError:  # 29 February: the year before has none
        return dt.date(today.year - 1, 3, 1)


class BuildForm(GovukForm):
    kind = forms.ChoiceField(
        choices=Kind.choices,
        error_messages={
            "required": "Choose which return to build",
            "invalid_choice": "Choose which return to build",
        },
    )
    year = forms.CharField(required=False)
    start = DateField(
        "From", what="The start of the period", required=False, help_text="For example, 1 4 2026"
    )
    end = DateField(
        "To", what="The end of the period", required=False, help_text="For example, 31 3 2027"
    )

    def __init__(self, *args, today: dt.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.years = years_offered(today)

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind in (Kind.CIN, Kind.SSDA903):
            data["year"] = self._year(self.data.get("year", ""))
        else:
            data["year"] = None
        if kind == Kind.ANNEX_A:
            self._period(data)
        else:
            data["start"] = data["end"] = None
        return data

    def _year(self, text: str) -> int | None:
        labels = " or ".join(y.label for y in self.years)
        text = str(text).strip()
        if not text:
            self.add_error("year", f"Choose the collection year: {labels}")
            return None
        if not (text.isascii() and text.isdigit() and len(text) == 4):
            self.add_error("year", f"Choose the collection year: {labels}, not {text[:20]!r}")
            return None
        if int(text) not in [y.year for y in self.years]:
            self.add_error(
                "year",
                f"Lantern builds the collection years {labels}; "
                f"{CollectionYear(int(text)).label} is not one of them",
            )
            return None
        return int(text)

    def _period(self, data) -> None:
        start, end = data.get("start"), data.get("end")
        if "start" not in self.errors and start is None:
            self.add_error("start", "Enter the start of the period")
        if "end" not in self.errors and end is None:
            self.add_error("end", "Enter the end of the period")
        if start and end and end < start:
            self.add_error("end", "The end of the period must be on or after its start")
        if end and end > self.today:
            self.add_error("end", "The end of the period cannot be after today")
