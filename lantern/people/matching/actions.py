"""The officer's decisions about matches, as named, atomic, audited actions (STYLE.md §2).

- ``record_not_same_person``: "this record is not that person", remembered so the pair is
  never suggested again (``find_candidates`` leaves it out).
- ``merge_people`` / ``unmerge``: two index records that are one person. Every row that
  points at the duplicate (names, identifiers, addresses, households, relationships,
  chronology, allocations, and any record another app adds later) is moved to the record
  kept, and the ``Merge`` row lists what moved, so ``unmerge`` puts back exactly that.
  The audit log is never rewritten: its entries about the duplicate stay as they were.
- ``may_link_automatically``: the only case where no officer is needed. Nothing is merged
  or linked automatically below ``model.auto_link_threshold`` (0.999), and even above it
  only when the NHS number agrees: a probabilistic match alone never joins two records.
  Two index records can never share an NHS number (a database constraint), so merging
  *index records* is always an officer's decision; the rule applies to linking an
  incoming record (a contact) to the person it names.
"""

from django.apps import apps
from django.db import IntegrityError, transaction
from django.utils import timezone

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.people.actions import refresh_name_keys
from lantern.people.matching.model import default_model
from lantern.people.matching.types import Candidate, IncomingPerson, fingerprint
from lantern.people.models import Merge, NameKey, NotSamePerson, Person, PersonName

# Rows that are about the person's identity in the log, not facts to carry over.
NOT_MOVED = {"access.auditentry", "people.namekey", "people.merge", "people.notsameperson"}


@transaction.atomic
def record_not_same_person(
    person: Person,
    *,
    acting_user,
    incoming: IncomingPerson | None = None,
    other_person: Person | None = None,
    reason: str = "",
    request=None,
) -> NotSamePerson:
    if (incoming is None) == (other_person is None):
        raise ValueError("say what the person is not: an incoming record or another person")
    decision = NotSamePerson.objects.create(
        person=person,
        other_person=other_person,
        incoming_fingerprint=fingerprint(incoming) if incoming else "",
        reason=reason,
        recorded_by=acting_user,
    )
    if other_person is not None:  # symmetric: neither is suggested for the other
        NotSamePerson.objects.create(
            person=other_person, other_person=person, reason=reason, recorded_by=acting_user
        )
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        person=person,
        obj=decision,
        detail="recorded: not the same person"
        + (f" as {other_person.council_id}" if other_person else " as an incoming record"),
    )
    return decision


def may_link_automatically(candidate: Candidate) -> bool:
    nhs_agrees = any(
        c.field == "nhs_number" and c.outcome == "agrees" for c in candidate.comparisons
    )
    return nhs_agrees and candidate.score >= default_model().auto_link_threshold


def _relations():
    """Every foreign key to Person in any installed app (one-to-one included, and those
    with no reverse accessor, which ``_meta.related_objects`` would leave out)."""
    for model in apps.get_models():
        if model._meta.label_lower in NOT_MOVED:
            continue
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is Person:
                yield model, field.name


@transaction.atomic
def merge_people(
    keep: Person, duplicate: Person, *, acting_user, score: float | None = None, request=None
) -> Merge:
    """Move everything recorded against ``duplicate`` to ``keep``; reversible by ``unmerge``.

    A row that cannot move (it would break a rule: the same relationship twice, a person
    related to themselves) stays with the duplicate and is listed as ``kept_back``."""
    if keep.pk == duplicate.pk:
        raise ValueError("a person cannot be merged with themselves")
    # Lock both rows (in key order, so two merges cannot deadlock); count() would drop the lock.
    list(
        Person.objects.select_for_update()
        .filter(pk__in=[keep.pk, duplicate.pk])
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if Merge.objects.filter(duplicate=duplicate, undone_at__isnull=True).exists():
        raise ValueError(f"{duplicate.council_id} has already been merged")
    if Merge.objects.filter(duplicate=keep, undone_at__isnull=True).exists():
        raise ValueError(f"{keep.council_id} was itself merged away: merge into the record kept")
    moved: dict[str, list] = {"rows": [], "relabelled": [], "kept_back": []}
    for model, field in _relations():
        label = model._meta.label_lower
        rows = model._base_manager.filter(**{field: duplicate}).values_list("pk", flat=True)
        for pk in list(rows):
            try:
                with transaction.atomic():
                    model._base_manager.filter(pk=pk).update(**{field: keep})
                moved["rows"].append([label, field, pk])
            except IntegrityError:
                moved["kept_back"].append([label, field, pk])
    # The duplicate's legal name becomes a name the kept record was also known by.
    legal = PersonName.objects.filter(
        pk__in=[pk for label, _, pk in moved["rows"] if label == "people.personname"],
        kind=PersonName.Kind.LEGAL,
    )
    moved["relabelled"] = list(legal.values_list("pk", flat=True))
    legal.update(kind=PersonName.Kind.VARIANT)
    NameKey.objects.filter(person=duplicate).delete()
    refresh_name_keys(keep)
    merge = Merge.objects.create(
        keep=keep, duplicate=duplicate, moved=moved, score=score, merged_by=acting_user
    )
    summary = (
        f"merged {duplicate.council_id} into {keep.council_id}: {len(moved['rows'])} records moved"
    )
    for who in (keep, duplicate):
        audit.record(
            request,
            AuditEntry.Action.UPDATE,
            user=acting_user,
            person=who,
            obj=merge,
            detail=summary,
        )
    return merge


@transaction.atomic
def unmerge(merge: Merge, *, acting_user, request=None) -> Merge:
    """Put back every row the merge moved, restore the duplicate's name keys, audit it."""
    merge = Merge.objects.select_for_update().get(pk=merge.pk)
    if merge.undone_at is not None:
        raise ValueError("this merge has already been undone")
    PersonName.objects.filter(pk__in=merge.moved.get("relabelled", [])).update(
        kind=PersonName.Kind.LEGAL
    )
    for label, field, pk in merge.moved.get("rows", []):
        rows = apps.get_model(label)._base_manager.filter(pk=pk, **{field: merge.keep_id})
        rows.update(**{field: merge.duplicate_id})
    refresh_name_keys(merge.duplicate)
    refresh_name_keys(merge.keep)
    merge.undone_at, merge.undone_by = timezone.now(), acting_user
    merge.save(update_fields=["undone_at", "undone_by"])
    summary = f"undid the merge of {merge.duplicate.council_id} into {merge.keep.council_id}"
    for who in (merge.keep, merge.duplicate):
        audit.record(
            request,
            AuditEntry.Action.UPDATE,
            user=acting_user,
            person=who,
            obj=merge,
            detail=summary,
        )
    return merge
