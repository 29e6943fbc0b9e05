"""One error summary per page, and "Error: " once at the start of its title."""

from django import forms
from django.template import Context, Template

SUMMARY = Template('{% include "web/error_summary.html" %}')
TITLE = Template("{% load govuk %}{% error_title %}{{ own }}Find{% enderror_title %}")


class Search(forms.Form):
    q = forms.CharField()


def checked(data):
    form = Search(data)
    form.is_valid()
    return form


def test_every_checked_form_and_the_refusal_in_one_summary():
    context = Context(
        {"form": checked({}), "people": [("The child", checked({}))], "error": "Refused"}
    )
    html = SUMMARY.render(context)
    assert html.count('class="govuk-error-summary"') == 1
    assert '<a href="#id_q">This field is required.</a>' in html
    assert "The child: This field is required." in html and "Refused" in html
    assert TITLE.render(context) == "Error: Find"
    assert TITLE.render(Context({"error": "x", "own": "Error: "})) == "Error: Find"


def test_no_summary_for_a_form_not_yet_checked_or_without_errors():
    context = Context({"form": Search({}), "other": checked({"q": "Amy"})})
    assert "govuk-error-summary" not in SUMMARY.render(context)
    assert TITLE.render(context) == "Find"
