"""Record ids from outside (URLs, query strings, form fields), read one way everywhere.

An id the database cannot hold is simply "not found": SQLite refuses a Python int beyond
64 bits with OverflowError and PostgreSQL compares it as numeric, so a 25-digit id typed
into a URL or a form field used to give a 500. Django guards plain ``pk=`` lookups itself,
but not foreign-key or ``__in`` lookups; reading every outside id through ``parse_id`` (and
URLs through the ``id`` converter, form choices through the fields below) closes them all.
"""

from django import forms
from django.urls import register_converter

MAX_ID = 2**63 - 1  # the largest BigAutoField / bigint


def parse_id(value) -> int | None:
    """A positive id the database could hold, or None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    else:
        text = str(value).strip() if value is not None else ""
        if not text.isascii() or not text.isdigit() or len(text) > 19:
            return None
        number = int(text)
    return number if 0 < number <= MAX_ID else None


class RecordIdConverter:
    """``<id:person_id>``: at most 19 digits, so a longer id never reaches a view (404)."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError("not a record id")  # the resolver treats this as no match
        return number

    def to_url(self, value) -> str:
        return str(int(value))


register_converter(RecordIdConverter, "id")


class _ChoicesInOneRead(forms.models.ModelChoiceIterator):
    """A list's choices read in one statement. Django's own uses ``iterator()``, which on
    PostgreSQL is a server-side cursor: DECLARE, FETCH and CLOSE, three round trips for a
    list of a few dozen teams or agencies (16 a view of a MASH contact)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for record in self.queryset:  # the form's own copy: read once, however often shown
            yield self.choice(record)


class RecordChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose out-of-range pk is "Select a valid choice", not a 500."""

    iterator = _ChoicesInOneRead

    def to_python(self, value):
        outside = value not in self.empty_values and self.to_field_name is None
        if outside and parse_id(value) is None:
            message = self.error_messages["invalid_choice"]
            raise forms.ValidationError(message, code="invalid_choice")
        return super().to_python(value)


class RecordsChoiceField(forms.ModelMultipleChoiceField):
    """The many-choice form: Django looks the pks up with ``__in``, which has no range guard."""

    iterator = _ChoicesInOneRead

    def _check_values(self, value):
        if self.to_field_name is None:
            for pk in value if isinstance(value, list | tuple | set | frozenset) else [value]:
                if parse_id(pk) is None:
                    raise forms.ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": pk},
                    )
        return super()._check_values(value)
