"""The period a page shows (a collection year, or from and to), and a target's form."""

import datetime as dt

from django import forms

from lantern.insight.measures import Period
from lantern.returns.forms import twelve_months_to, years_offered
from lantern.returns.years import CollectionYear
from lantern.web.forms import DateField, GovukForm


class PeriodForm(GovukForm):
    """A GET form: no choice means the twelve months to today, the live picture."""

    year = forms.CharField(required=False)
    start = DateField("From", what="The start of the period", required=False,
                      help_text="For example, 1 4 2026")  # fmt: skip
    end = DateField("To", what="The end of the period", required=False,
                    help_text="For example, 31 3 2027")  # fmt: skip

    def __init__(self, *args, today: dt.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.years = years_offered(today)

    def clean(self):
        data = super().clean()
        year, start, end = str(data.get("year") or "").strip(), data.get("start"), data.get("end")
        if year:
            offered = {str(y.year): y for y in self.years}
            if year not in offered:
                labels = " or ".join(y.label for y in self.years)
                self.add_error("year", f"Choose the collection year {labels}, or give dates")
                return data
            chosen = offered[year]
            data["period"] = Period(chosen.start, min(chosen.end, self.today))
            return data
        if start is None and end is None and not self.errors:
            data["period"] = self.default()
            return data
        if "start" not in self.errors and start is None:
            self.add_error("start", "Enter the start of the period")
        if "end" not in self.errors and end is None:
            self.add_error("end", "Enter the end of the period")
        if start and end and end < start:
            self.add_error("end", "The end of the period must be on or after its start")
        if start and end and end >= start and not self.errors:
            data["period"] = Period(start, end)
        return data

    def default(self) -> Period:
        return Period(twelve_months_to(self.today), self.today)

    def period(self) -> Period:
        """The period asked for, or the default where the form was refused."""
        if self.is_valid():
            return self.cleaned_data["period"]
        return self.default()

    def year_of(self, period: Period) -> CollectionYear | None:
        return next((y for y in self.years if y.start == period.start), None)


def period_query(period: Period) -> str:
    """The query string that asks for ``period`` again (download links carry it)."""
    return f"start={period.start.isoformat()}&end={period.end.isoformat()}"


class TargetForm(GovukForm):
    """Checked by ``actions.set_target`` alone, so the page and any other caller refuse the
    same things in the same words. Prefixed by the figure's code: the page holds one per
    figure, and their boxes' ids must differ."""

    green = forms.CharField(label="Green: on target at", max_length=20, required=False)
    amber = forms.CharField(label="Amber: near target at", max_length=20, required=False)
    reason = forms.CharField(
        label="Why the council sets this target", max_length=500, required=False,
        widget=forms.Textarea(
            attrs={"class": "govuk-textarea", "rows": 2})
    )  # fmt: skip
