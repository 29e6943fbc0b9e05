"""The base of every form: the page shell's Design System classes, so templates stay plain.

It lives with the page shell, below every domain app, so a form in any app can use it without
importing another domain's forms.
"""

from django import forms

GOVUK_CLASSES = {
    forms.TextInput: "govuk-input",
    forms.NumberInput: "govuk-input",
    forms.Select: "govuk-select",
    forms.CheckboxInput: "govuk-checkboxes__input",
}


class GovukForm(forms.Form):
    """Gives each widget its Design System class so templates stay plain."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = GOVUK_CLASSES.get(type(field.widget))
            if css:
                field.widget.attrs.setdefault("class", css)
