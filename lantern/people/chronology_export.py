"""A child's chronology for a court bundle or a conference: a date range and a choice of
agencies, as a printable page (the browser's print makes the PDF) or a CSV file.

The choice is read from the query string, so a printed page can be reopened and a CSV link
carries the same range. Every cell of the CSV goes through ``spreadsheet_cells.safe_row``:
a summary a partner wrote beginning with ``=`` must not run as a formula in Excel.
"""

import csv
import datetime as dt
import io

from django import forms
from django.utils import timezone

from lantern.ids import parse_id
from lantern.people.forms import DateOfBirthForm, date_part
from lantern.spreadsheet_cells import safe_row
from lantern.web.forms import GovukForm

CSV_HEADER = [
    "Date",
    "Time",
    "Agency",
    "Type",
    "Key event",
    "Summary",
    "Recorded by",
    "Written by Lantern from the record",
    "Source record",
]


class AgencyBoxes(forms.CheckboxSelectMultiple):
    """The error summary's link goes to the first box, as the Design System asks."""

    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, "0" if index is None else index)


class ChronologyRangeForm(GovukForm):
    """From and to (GOV.UK date inputs, both optional), the agencies (none ticked: all) and
    key events only. Unbound fields mean "all of it"."""

    from_day = date_part("Day", 2)
    from_month = date_part("Month", 2)
    from_year = date_part("Year", 4)
    to_day = date_part("Day", 2)
    to_month = date_part("Month", 2)
    to_year = date_part("Year", 4)
    key = forms.BooleanField(required=False, label="Key events only")

    def __init__(self, data, *, agencies):
        super().__init__(data)
        self.agencies = agencies
        self.fields["agency"] = forms.MultipleChoiceField(
            required=False,
            choices=[(str(a.pk), a.name) for a in agencies],
            widget=AgencyBoxes,
            error_messages={"invalid_choice": "Choose agencies from the list"},
        )

    def from_fields(self):
        return [self["from_day"], self["from_month"], self["from_year"]]

    def to_fields(self):
        return [self["to_day"], self["to_month"], self["to_year"]]

    def clean(self):
        data = super().clean()
        boxes = DateOfBirthForm.date_from_boxes  # the same three-box rules and messages
        start = boxes(self, data, "from", "The start date")
        end = boxes(self, data, "to", "The end date")
        if start and end and start > end:
            self.add_error("to_day", "The end date must be the same as or after the start date")
        data["start"], data["end"] = start, end
        return data

    def choice(self, first_entry: dt.date | None) -> dict:
        """The range and agencies chosen: an open start is the first entry (or today), an
        open end today; no agency ticked means every agency."""
        today = timezone.localdate()
        ids = [parse_id(pk) for pk in self.cleaned_data.get("agency") or []]
        chosen = [a for a in self.agencies if a.pk in ids]
        return {
            "start": self.cleaned_data["start"] or min(first_entry or today, today),
            "end": self.cleaned_data["end"] or today,
            "agencies": chosen,
            "agency_ids": [a.pk for a in chosen] if chosen else None,
            "key_only": self.cleaned_data["key"],
        }


def described(choice: dict) -> str:
    """The choice in words, for the page, the file and the audit entry."""
    agencies = ", ".join(a.name for a in choice["agencies"]) or "all agencies"
    key = ", key events only" if choice["key_only"] else ""
    return f"{_day(choice['start'])} to {_day(choice['end'])}, {agencies}{key}"


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def csv_text(entries) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(safe_row(CSV_HEADER))
    for e in entries:
        local = timezone.localtime(e.occurred_at)
        source = getattr(e, "source", None)
        writer.writerow(
            safe_row(
                [
                    e.occurred_on.isoformat(),
                    f"{local:%H:%M}" if e.time_known else "",
                    e.agency.name,
                    e.get_kind_display(),
                    "Yes" if e.is_key else "",
                    e.summary,
                    e.author,
                    "Yes" if e.from_record else "No",
                    source.label if source else "",
                ]
            )
        )
    return out.getvalue()
