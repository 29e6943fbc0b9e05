"""What a subject access pack covers: every model that points at a person is either exported
here or excluded with a reason, and a test fails when a new one is neither.

Records are written out field by field, not hand-picked: every concrete field goes in
except the keys that only link rows together, so a field added to a model later is exported
without anyone remembering to. Free text (and text inside JSON) passes through the redactor.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

from lantern.people.models import Person

# model label -> section title in the pack. The people sections (names, identifiers,
# addresses, relationships) and the chronology are laid out by subject_access itself.
EXPORTED = {
    "people.PersonName": "Names recorded",
    "people.Identifier": "Identifiers",
    "people.PersonAddress": "Addresses",
    "people.Relationship": "Relationships",
    "chronology.ChronologyEntry": "Chronology",
    "people.Disability": "Disabilities",
    "people.HouseholdMembership": "Households",
    "workforce.Allocation": "Allocated workers",
    "workforce.CaseSupervision": "Case discussed in the worker's supervision",
    "frontdoor.ContactSubject": "Contacts and referrals to the front door",
    "frontdoor.Referral": "Referrals accepted",
    "clocks.Deadline": "Timescales",
    "casework.CINEpisode": "Children in need episodes",
    "casework.Assessment": "Assessments",
    "casework.CINPlan": "Child in need plans",
    "casework.CINPlanReview": "Child in need plan reviews",
    "casework.StrategyDiscussion": "Strategy discussions",
    "casework.Section47Enquiry": "Section 47 enquiries",
    "casework.TransferInNotice": "Notices of a move from another council",
    "casework.Conference": "Child protection conferences",
    "casework.ChildProtectionPlan": "Child protection plans",
    "casework.CoreGroupMeeting": "Core group meetings",
    "casework.Visit": "Visits",
    "casework.CaseNote": "Case notes",
    "casework.ManagementOversight": "Management oversight",
    "casework.Draft": "Unsaved drafts held at the time of the request",
    "care.PeriodOfCare": "Periods of care",
    "care.LegalStatus": "Legal status while looked after",
    "care.Placement": "Placements",
    "care.PreProceedings": "Pre-proceedings (Public Law Outline)",
    "care.PreProceedingsMeeting": "Pre-proceedings meetings",
    "care.CourtApplication": "Applications to court",
    "care.TimetableExtension": "Extensions of the care proceedings timetable",
    "care.CourtOrder": "Court orders",
    "care.Section20Consent": "Consent to accommodation under section 20",
    "care.IROAllocation": "Independent reviewing officers",
    "care.LookedAfterReview": "Looked-after reviews",
    "care.IROConcern": "Concerns raised by the independent reviewing officer",
    "care.HealthAssessment": "Health assessments",
    "care.DentalCheck": "Dental checks",
    "care.ImmunisationStatus": "Immunisations",
    "care.StrengthsAndDifficulties": "Strengths and difficulties questionnaires",
    "care.SubstanceMisuse": "Substance misuse",
    "care.Conviction": "Convictions",
    "care.PersonalEducationPlan": "Personal education plans",
    "care.EducationSetting": "Schools and education settings",
    "care.MissingEpisode": "Missing and away from placement",
    "care.AgeAssessment": "Age assessments",
    "care.TransferReferral": "National Transfer Scheme referrals",
    "care.PermanencePlan": "Plans for permanence",
    "care.AdoptionPlan": "Adoption decisions and milestones",
    "care.PreviousPermanence": "Previous permanence orders",
    "care.NeedsAssessment": "Leaving-care needs assessments",
    "care.PathwayPlan": "Pathway plans",
    "care.PersonalAdviser": "Personal advisers",
    "care.CareLeaverContact": "Contact as a care leaver",
    "care.StayingPut": "Staying Put",
    "signals.Signal": "Safeguarding signals and what was decided about them",
}

EXCLUDED = {
    "care.CareEpisode": "SSDA903 episodes are derived from the legal statuses and "
    "placements exported above, and would repeat them",
    "access.AuditEntry": "the access log records staff activity, not the person's "
    "circumstances; the DPO adds an extract of 'who has seen' if the request asks for it",
    "access.BreakGlass": "a member of staff's reason for opening the record: part of the "
    "access log, handled as access.AuditEntry",
    "access.RestrictedRecord": "a security control on the record; disclosing who may open "
    "it would weaken it, and it says nothing about the person",
    "access.RetentionDecision": "the DPO's records-management decision on how long the "
    "record is kept; the period is told in the covering letter (UK GDPR art. 15(1)(d))",
    "workforce.Notification": "messages to staff generated from entries already exported "
    "(deadlines, allocations, restricted-record alerts)",
    "people.NameKey": "search keys computed from the names already exported",
    "people.NotSamePerson": "a matching decision about another person's record; it would "
    "disclose that person",
    "people.Merge": "bookkeeping of a duplicate record merged into this one; the merged "
    "data itself is exported under this person",
}

# Keys that only join rows; the rows they point at are exported in their own section.
LINK_FIELDS = {"id", "person", "episode", "plan", "section47", "strategy_discussion", "icpc"}
LINK_FIELDS |= {"transfer_notice"}


def models_about_a_person() -> list[type[models.Model]]:
    """Every Lantern model with a foreign key (or one-to-one) to a person."""
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("lantern.")
        and any(
            f.is_relation and f.related_model is Person
            for f in [*model._meta.concrete_fields, *model._meta.many_to_many]
        )
    ]


def staff_name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def as_row(obj, *, redact, where: str, labels: dict[int, str]) -> dict:
    """One record as {field label: value}, with people and staff named as the pack allows."""
    row = {}
    for f in obj._meta.concrete_fields:
        if f.name in LINK_FIELDS:
            continue
        label = str(f.verbose_name).capitalize()
        row[label] = cell(obj, f, redact=redact, place=f"{where}, {label}", labels=labels)
    for f in obj._meta.many_to_many:
        row[str(f.verbose_name).capitalize()] = ", ".join(
            str(o) for o in getattr(obj, f.name).all()
        )
    return row


def cell(obj, f, *, redact, place: str, labels: dict[int, str]):
    """One field of ``obj`` as the pack shows it: choices by label, staff by name, other
    people by their label, free text redacted."""
    value = getattr(obj, f.name)
    if f.is_relation:
        if value is None:
            return ""
        if f.related_model is get_user_model():
            return staff_name(value)
        if f.related_model is Person:
            return labels.get(value.pk, "[another person]")
        return redact(str(value), place)
    if f.choices:
        return getattr(obj, f"get_{f.name}_display")()
    if isinstance(value, str):
        return redact(value, place)
    if isinstance(f, models.JSONField):
        return _redact_json(value, redact, place)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def earlier_versions(model, objects, *, redact, where, labels) -> dict[int, list[dict]]:
    """Each record's changes after it was first written, oldest first: the wording it had
    before is information the council holds too (issue 8 §8). One query per model."""
    from django.contrib.contenttypes.models import ContentType

    from lantern.history.models import Revision
    from lantern.history.presenting import as_stored

    by_record: dict[int, list[dict]] = {}
    revisions = Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=[o.pk for o in objects],
    ).select_related("changed_by")
    for revision in revisions.order_by("object_id", "version", "id"):
        place = f"{where(revision.object_id)}, version {revision.version}"
        changes = {}
        for name, (old, new) in revision.changes.items():
            f = model._meta.get_field(name)
            label = str(f.verbose_name).capitalize()
            shown = [
                cell(as_stored(model, name, value), f, redact=redact, place=f"{place}, {label}",
                     labels=labels)
                for value in (old, new)
            ]  # fmt: skip
            changes[label] = {"before": shown[0], "after": shown[1]}
        by_record.setdefault(revision.object_id, []).append(
            {
                "version": revision.version,
                "changed_at": revision.changed_at.isoformat(),
                "changed_by": staff_name(revision.changed_by),
                "changes": changes,
            }
        )
    return by_record


def _redact_json(value, redact, place):
    if isinstance(value, str):
        return redact(value, place)
    if isinstance(value, list):
        return [_redact_json(v, redact, place) for v in value]
    if isinstance(value, dict):
        return {k: _redact_json(v, redact, f"{place}, {k}") for k, v in value.items()}
    return value
