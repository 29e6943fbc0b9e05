"""Turning revisions into what a reader sees: the field's label, its old and new value as
the record page would show them (choice labels, not codes), and for text the words that
changed marked, so a reworded paragraph of analysis does not have to be compared by eye."""

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from lantern.history.models import Revision
from lantern.history.queries import revisions_of

WORDS = re.compile(r"(\s+)")


@dataclass
class Shown:
    """A value as a page shows it: text, or a list of items (factors, categories)."""

    text: str = ""
    items: list | None = None


@dataclass
class Part:
    text: str
    changed: bool = False


@dataclass
class FieldChange:
    label: str
    old: Shown
    new: Shown
    # Long text only: each side in full, split into parts with the changed words marked.
    old_parts: list[Part] | None = None
    new_parts: list[Part] | None = None


@dataclass
class Version:
    number: int
    by: str
    at: dt.datetime
    changes: list[FieldChange] = field(default_factory=list)


def word_diff(old: str, new: str) -> tuple[list[Part], list[Part]]:
    """Both texts in full, split at whitespace; words removed from ``old`` and added in
    ``new`` are marked. Whitespace is kept, so joining the parts gives the text back."""
    a = [word for word in WORDS.split(old) if word]
    b = [word for word in WORDS.split(new) if word]
    old_parts, new_parts = [], []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        same = op == "equal"
        if i2 > i1:
            old_parts.append(Part("".join(a[i1:i2]), changed=not same))
        if j2 > j1:
            new_parts.append(Part("".join(b[j1:j2]), changed=not same))
    return old_parts, new_parts


def as_stored(model, name: str, value):
    """A fresh, unsaved instance holding just ``value`` in field ``name``, so the record's
    own display code (choices, code lists, a related worker's name) can show it."""
    instance = model()
    model_field = model._meta.get_field(name)
    if model_field.is_relation:
        setattr(instance, model_field.attname, value)
    else:
        setattr(instance, name, model_field.to_python(value))
    return instance


def label_of(model, name: str) -> str:
    label = str(model._meta.get_field(name).verbose_name)
    return label[:1].upper() + label[1:]


def field_change(model, name: str, old, new, show: Callable) -> FieldChange:
    change = FieldChange(
        label_of(model, name),
        show(as_stored(model, name, old), name),
        show(as_stored(model, name, new), name),
    )
    if isinstance(model._meta.get_field(name), models.TextField):
        change.old_parts, change.new_parts = word_diff(old or "", new or "")
    return change


def history_of(record, show: Callable) -> list[Version]:
    """Each version after the first, newest first; ``show(instance, field name)`` gives a
    ``Shown`` for one field (the caller's record-page formatting)."""
    model = type(record)
    return [version_of(model, revision, show) for revision in revisions_of(record)]


def version_of(model, revision: Revision, show: Callable) -> Version:
    user = revision.changed_by
    by = user.get_full_name() or user.get_username()
    version = Version(revision.version, by, revision.changed_at)
    for name, (old, new) in revision.changes.items():
        try:
            model._meta.get_field(name)
        except FieldDoesNotExist:  # a field since removed: show the raw values, never hide them
            version.changes.append(FieldChange(name, Shown(str(old)), Shown(str(new))))
            continue
        version.changes.append(field_change(model, name, old, new, show))
    return version
