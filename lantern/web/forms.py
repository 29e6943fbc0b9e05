"""The base of every form: the page shell's Design System classes, so templates stay plain.

It lives with the page shell, below every domain app, so a form in any app can use it without
importing another domain's forms.
"""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError

GOVUK_CLASSES = {
    forms.TextInput: "govuk-input",
    forms.NumberInput: "govuk-input",
    forms.Select: "govuk-select",
    forms.CheckboxInput: "govuk-checkboxes__input",
}


# Django's own widget, rendered faster (the template says how); the markup is the same.
FAST_TEMPLATES = {forms.Select: "web/widgets/select.html"}


class GovukForm(forms.Form):
    """Gives each widget its Design System class so templates stay plain."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = GOVUK_CLASSES.get(type(field.widget))
            if css:
                field.widget.attrs.setdefault("class", css)
            fast = FAST_TEMPLATES.get(type(field.widget))
            if fast and field.widget.template_name == type(field.widget).template_name:
                field.widget.template_name = fast


def whole_date(text: str) -> dt.date | None:
    """A whole date in one string: 2026-11-03 (a link, a draft kept before the boxes) or
    3/11/2026; None if it is neither."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None


class DateParts(forms.MultiWidget):
    """The GOV.UK date input: day, month and year boxes, never the browser's own picker,
    which shows dates the American way in some browsers and is hard to use on a phone."""

    template_name = "web/widgets/date_parts.html"
    PARTS = (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))

    def __init__(self, attrs=None):
        boxes = {
            name: forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "class": f"govuk-input govuk-date-input__input govuk-input--width-{width}",
                }
            )
            for name, _, width in self.PARTS
        }
        super().__init__(boxes, attrs)

    def decompress(self, value):
        if isinstance(value, str):
            value = whole_date(value)
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        id_ = context["widget"]["attrs"].get("id")
        for box, (part, label, _) in zip(context["widget"]["subwidgets"], self.PARTS, strict=True):
            box["label"] = label
            if id_:
                box["attrs"]["id"] = f"{id_}_{part}"
        return context

    def value_from_datadict(self, data, files, name):
        parts = super().value_from_datadict(data, files, name)
        if not any(parts) and data.get(name):
            # A whole date under the field's own name: a draft kept before the boxes, or a
            # client posting ISO dates.
            return data.get(name)
        return parts

    def value_omitted_from_data(self, data, files, name):
        return name not in data and super().value_omitted_from_data(data, files, name)

    def id_for_label(self, id_):
        # The error summary links to the first box, as the Design System asks.
        return f"{id_}_day" if id_ else ""


class DateField(forms.Field):
    """A date typed into three boxes, refused in the Design System's words ("Date of visit
    must include a month", "... must be a real date") so every form says the same."""

    widget = DateParts

    def __init__(self, label: str, *, what: str = "", **kwargs):
        # ``what`` names the date in errors where the label alone would not ("From").
        self.what = what or label.removesuffix(" (optional)").strip()
        messages = {"required": f"Enter the {self.what[0].lower()}{self.what[1:]}"}
        messages.update(kwargs.pop("error_messages", None) or {})
        super().__init__(label=label, error_messages=messages, **kwargs)

    def to_python(self, value):
        if value in self.empty_values or isinstance(value, dt.date):
            return value or None
        if isinstance(value, str):
            if (day := whole_date(value)) is None:
                raise ValidationError(f"{self.what} must be a real date", code="invalid")
            return day
        if not isinstance(value, list | tuple):
            raise ValidationError(f"{self.what} must be a real date", code="invalid")
        parts = [str(p if p is not None else "").strip() for p in value]
        if len(parts) != len(DateParts.PARTS):
            raise ValidationError(f"{self.what} must be a real date", code="invalid")
        if not any(parts):
            return None
        names = [name for name, _, _ in DateParts.PARTS]
        missing = [name for name, part in zip(names, parts, strict=True) if not part]
        if missing:
            raise ValidationError(
                f"{self.what} must include a {' and '.join(missing)}", code="incomplete"
            )
        if not all(p.isdigit() for p in parts):
            raise ValidationError(f"{self.what} must be a real date", code="invalid")
        if len(parts[2]) != 4:
            raise ValidationError(f"{self.what}: the year must have 4 numbers", code="invalid")
        try:
            return dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
        except (ValueError, OverflowError):
            raise ValidationError(f"{self.what} must be a real date", code="invalid") from None
