"""Lists to choose from (a team, an agency, a need code) are written by Lantern's own select
template, faster than Django's: the markup must stay exactly Django's, whatever is chosen,
grouped or disabled, and escaped the same."""

from django import forms

from lantern.web.forms import GovukForm


class Choosing(GovukForm):
    team = forms.ChoiceField(
        choices=[("", "Choose a team"), ("1", "Children in care"), ("2", 'Tom & "Jerry" <b>')]
    )
    need = forms.ChoiceField(
        choices=[("Abuse", [("N1", "Abuse or neglect"), ("N2", "Disability")]), ("N9", "Other")]
    )
    many = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.Select)


def django_rendered(bound) -> str:
    widget = bound.field.widget
    fast = widget.template_name
    widget.template_name = type(widget).template_name
    try:
        return str(bound)
    finally:
        widget.template_name = fast


def test_the_select_is_written_as_django_writes_it():
    form = Choosing(data={"team": "2", "need": "N2", "many": "b"})
    form.fields["team"].widget.attrs["disabled"] = True
    for bound in form:
        assert bound.field.widget.template_name == "web/widgets/select.html"
        ours = str(bound)
        assert ours == django_rendered(bound)
        assert "<select" in ours and "govuk-select" in ours
    team = str(form["team"])
    assert '<option value="2" selected>Tom &amp; &#34;Jerry&#34; &lt;b&gt;</option>' in team
    assert '<optgroup label="Abuse">' in str(form["need"])


def test_a_select_with_its_own_template_keeps_it():
    class Own(GovukForm):
        kind = forms.ChoiceField(choices=[("x", "X")])

        def __init__(self, *args, **kwargs):
            self.base_fields["kind"].widget.template_name = "web/widgets/date_parts.html"
            super().__init__(*args, **kwargs)

    assert Own()["kind"].field.widget.template_name == "web/widgets/date_parts.html"
