"""Writing field history. Called by the actions that change a record, inside their
transaction, so a change and its revision are committed together or not at all."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import models

from lantern.history.models import Revision


def stored_values(model, names, **lookup) -> dict | None:
    """The values of fields ``names`` as stored now (a related record as its id), or None
    when no row matches ``lookup``: read just before an update, they are the "old" side."""
    fields = [model._meta.get_field(name) for name in names]
    if any(field.many_to_many for field in fields):
        raise ValueError("many-to-many changes are not kept in field history")
    row = model._base_manager.filter(**lookup).values(*[f.attname for f in fields]).first()
    if row is None:
        return None
    return {field.name: row[field.attname] for field in fields}


def record_revision(
    record,
    *,
    version: int,
    acting_user,
    at: dt.datetime,
    before: dict,
    after: dict,
) -> Revision:
    """Keep ``[old, new]`` for each field in ``after`` whose value differs from ``before``.

    A save that changed nothing still makes a version, so it is still recorded (empty)."""
    meta = type(record)._meta
    changes = {}
    for name, new in after.items():
        field = meta.get_field(name)
        if field.is_relation and isinstance(new, models.Model):
            new = new.pk
        if before[name] != new:
            changes[name] = [before[name], new]
    return Revision.objects.create(
        content_type=ContentType.objects.get_for_model(type(record)),
        object_id=record.pk,
        version=version,
        changed_by=acting_user,
        changed_at=at,
        changes=changes,
    )
