"""What every casework action shares: the guards, the optimistic lock, and the record of
what was done (audit log, chronology, the child's care status, messages after commit)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.chronology.actions import record_entry
from lantern.chronology.describe import sync_entries
from lantern.history.actions import record_revision, stored_values

# The date-of-birth and age guards live with the person (``people.ages``), so the front door
# and the person index refuse the same way; casework actions import them from here.
from lantern.people.ages import before_birth as before_birth
from lantern.people.ages import check_child_seen as check_child_seen
from lantern.people.ages import check_not_before_birth as check_not_before_birth
from lantern.people.ages import check_referral_age as check_referral_age
from lantern.people.models import Person


class StaleRecord(Exception):
    """Someone else saved this record after it was opened: never overwrite their work."""

    def __init__(self, current):
        who = current.updated_by.get_full_name() or current.updated_by.get_username()
        at = timezone.localtime(current.updated_at).strftime("%H:%M")
        super().__init__(f"This record was changed by {who} at {at}; reload to see their changes")
        self.current = current


def today() -> dt.date:
    return timezone.localdate()


def refuse(message: str, field: str | None = None):
    raise ValidationError({field: message} if field else message)


def in_the_past(day: dt.date | None, what: str, field: str) -> None:
    """Something that has happened cannot be dated tomorrow (a typo in the year is the
    usual cause, and a future visit would clear an overdue clock that is still overdue)."""
    if day is not None and day > today():
        refuse(f"{what} must be today or in the past", field)


def not_before(day: dt.date, earliest: dt.date, message: str, field: str) -> None:
    if day < earliest:
        refuse(message, field)


def create(model, person: Person, acting_user, **fields):
    record = model(person=person, created_by=acting_user, updated_by=acting_user, **fields)
    record.full_clean(exclude=["person", "created_by", "updated_by"])
    record.save()
    return record


def save_versioned(record, *, expected_version: int, acting_user, **changes):
    """``UPDATE … WHERE id = ? AND version = ?``: the second of two concurrent saves matches
    no row and is told who saved first, instead of silently overwriting them. Every save
    keeps the old and new value of each field it changed (``lantern.history``)."""
    model = type(record)
    now = timezone.now()
    # Read before the update, matched on the same version: if the update then matches, no
    # save came in between (every save moves the version), so these are the values replaced.
    before = stored_values(model, changes, pk=record.pk, version=expected_version)
    updated = before is not None and model.objects.filter(
        pk=record.pk, version=expected_version
    ).update(version=F("version") + 1, updated_by=acting_user, updated_at=now, **changes)
    if not updated:
        raise StaleRecord(model.objects.select_related("updated_by").get(pk=record.pk))
    # A QuerySet.update sends no signals: the field history is written here, for every save.
    record_revision(
        record,
        version=expected_version + 1,
        acting_user=acting_user,
        at=now,
        before=before,
        after=changes,
    )
    for name, value in changes.items():
        setattr(record, name, value)
    record.version, record.updated_by, record.updated_at = expected_version + 1, acting_user, now
    # Its chronology entries say what the record says now (one fact, one place).
    sync_entries(record, acting_user=acting_user)
    return record


def bump_version(record, acting_user, **changes):
    """Change a record as a side effect of another (a review updates its plan's categories):
    no form was read, so there is no version to check, but readers must see it moved."""
    return save_versioned(
        record, expected_version=lock(record).version, acting_user=acting_user, **changes
    )


def lock(record):
    """Re-read ``record`` under a row lock so checks and writes see one state. Only after
    ``lock_child``: see there for the order."""
    return type(record).objects.select_for_update().get(pk=record.pk)


def lock_child(person) -> None:
    """The one lock order of casework: every action locks the child's row first, before any
    record of theirs (episode, enquiry, plan, assessment) and before the clocks, the audit
    log and the chronology. Two actions on one child then take turns at the first lock and
    never hold one row each while waiting for the other's: holding an initial conference
    (its clock event locked the child, then its CP plan ended the CIN plan) and ending that
    CIN plan (the plan, then the child) used to deadlock on PostgreSQL.

    ``FOR NO KEY UPDATE``: it excludes other writers of the child, but not an insert that
    only refers to the child (a page view's audit entry, a case note), which takes the
    weaker key-share lock and need not wait. SQLite takes one write lock at BEGIN, so the
    order holds there by construction. ``person``: the child, or its id."""
    pk = getattr(person, "pk", person)
    Person.objects.select_for_update(no_key=True).filter(pk=pk).values_list("pk").first()


def written(
    request,
    record,
    *,
    acting_user,
    detail: str,
    created: bool = True,
    chronology: str | None = None,
    summary: str = "",
    when: dt.date | None = None,
):
    """Audit the write and, where the worker should see it in the child's story, add it to
    the chronology; both inside the action's transaction. A record kind with a describer
    (``lantern.casework.chronology``) writes its own entries from what it now says, and
    ``summary`` is ignored; others still pass theirs."""
    audit.record(
        request,
        AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
        user=acting_user,
        person=record.person,
        obj=record,
        detail=detail,
    )
    if sync_entries(record, acting_user=acting_user):
        return
    if chronology:
        record_entry(
            record.person,
            kind=chronology,
            summary=summary,
            when=when,
            acting_user=acting_user,
            source=record,
        )


def after_commit(func, *args, **kwargs) -> None:
    transaction.on_commit(lambda: func(*args, **kwargs))


def refresh_care_status(person: Person) -> str:
    """Keep ``Person.care_status`` (search results, flags) in step with open casework.
    Looked-after and care-leaver status belong to the care app and are left alone."""
    from lantern.casework.models import ChildProtectionPlan, CINEpisode, CINPlan

    status = Person.CareStatus
    if person.care_status in (status.LOOKED_AFTER, status.CARE_LEAVER):
        return person.care_status
    if ChildProtectionPlan.objects.filter(person=person, end_date__isnull=True).exists():
        new = status.CHILD_PROTECTION
    elif CINPlan.objects.filter(person=person, end_date__isnull=True).exists():
        new = status.CHILD_IN_NEED
    elif CINEpisode.objects.filter(person=person, close_date__isnull=True).exists():
        new = status.ASSESSMENT
    elif CINEpisode.objects.filter(person=person).exists():
        new = status.CLOSED
    else:
        return person.care_status
    if new != person.care_status:
        Person.objects.filter(pk=person.pk).update(care_status=new)
        person.care_status = new
    return new


def open_episode_of(person: Person, *, for_update: bool = True):
    """The child's open CIN episode: every piece of casework belongs to one."""
    from lantern.casework.models import CINEpisode

    episodes = CINEpisode.objects.filter(person=person, close_date__isnull=True)
    episode = (episodes.select_for_update() if for_update else episodes).first()
    if episode is None:
        refuse("There is no open episode for this child: record the referral first")
    return episode


def who(user) -> str:
    return user.get_full_name() or user.get_username()


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def tell_worker(person: Person, acting_user, subject: str, link: str = "") -> None:
    """After commit: a message to the child's allocated worker, unless they did it."""
    from lantern.people.queries import allocated_worker
    from lantern.workforce.actions import notify

    allocation = allocated_worker(person)
    if allocation is not None and allocation.worker_id != acting_user.pk:
        worker = allocation.worker
        after_commit(notify, worker, subject, person=person, link=link or f"/people/{person.pk}/")
