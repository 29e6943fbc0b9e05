"""Loading a partner's bulk file: all of it or none of it, and never the same file twice.

Validation runs over every row before anything is written; the load is one transaction, so a
row the database refuses also leaves nothing behind. The SHA-256 of the file's rows
(``intake.rows_digest``: the same rows with other line endings or a trailing newline are the
same file) is unique in ``IntakeFile``: a re-sent file is refused by the check below, and by
the constraint when two loads race. Files loaded before that digest were recorded by the
SHA-256 of their bytes, so the check also looks for that: a byte-identical re-send of an old
file is still refused.
"""

import hashlib
from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.frontdoor.actions.receive import audit_received, receive_contact
from lantern.frontdoor.intake import (
    Format,
    Problem,
    contacts_in,
    details_for,
    rows_digest,
    validate,
)
from lantern.frontdoor.models import IntakeFile


class AlreadyLoaded(Exception):
    def __init__(self, earlier: IntakeFile):
        super().__init__(f"already loaded on {earlier.loaded_at:%d %B %Y at %H:%M}")
        self.earlier = earlier


class FileRejected(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def _no_progress(items: Iterable, total: int, label: str) -> Iterable:
    return items


def load_file(
    content: bytes,
    *,
    filename: str,
    agency,
    fmt: Format,
    loaded_by: str = "",
    progress: Callable[[Iterable, int, str], Iterable] = _no_progress,
) -> IntakeFile:
    digest = rows_digest(content)
    legacy = hashlib.sha256(content).hexdigest()
    earlier = IntakeFile.objects.filter(sha256__in=[digest, legacy]).order_by("loaded_at").first()
    if earlier is not None:
        raise AlreadyLoaded(earlier)
    checked = validate(fmt, content)
    if checked.problems:
        raise FileRejected(checked.problems)
    groups = contacts_in(fmt, checked.rows)
    received = timezone.now()
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = IntakeFile.objects.create(
                    agency=agency,
                    sha256=digest,
                    filename=filename[-255:],
                    format=fmt.code,
                    rows=len(checked.rows),
                    contacts=len(groups),
                    loaded_by=loaded_by[:150],
                )
        except IntegrityError:
            raise AlreadyLoaded(IntakeFile.objects.get(sha256=digest)) from None
        problems, loaded = [], []
        for group in progress(groups, len(groups), "Loading"):
            details = details_for(
                fmt,
                agency,
                group,
                intake_file=record,
                received_at=received,
                channel_detail=f"file {filename}"[:200],
            )
            try:
                loaded.append((receive_contact(details, audited=False)[0], len(details.subjects)))
            except ValidationError as problem:
                problems += [Problem(row["_row"], "row", problem.messages[0]) for row in group]
        if problems:
            raise FileRejected(problems)
        # Audited last, just before commit: the audit chain's lock is held only briefly.
        for contact, named in loaded:
            audit_received(contact, named)
        audit.record(
            None,
            AuditEntry.Action.CREATE,
            obj=record,
            detail=f"loaded {fmt.code} file {filename} from {agency.name}: "
            f"{len(checked.rows)} rows, {len(groups)} contacts (by {loaded_by or 'unknown'})",
        )
    return record
