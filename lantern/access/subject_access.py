"""A subject access request export: everything held about one person, third parties redacted.

Everything means every model that points at the person (``sar_records`` lists each one as
exported or excluded with a reason, and a test holds new models to that), with its free
text: case notes, visit observations and the child's words, assessment analysis, contact
concerns, meeting notes. Third parties are redacted as ``sar_redaction`` describes; each
redaction is listed in a separate file of the zip for the DPO's reviewer, marked not for
disclosure.
"""

import io
import json
import zipfile

from django.apps import apps
from django.template.loader import render_to_string
from django.utils import timezone

from lantern.access.sar_records import EXPORTED, as_row, earlier_versions
from lantern.access.sar_redaction import Redactor
from lantern.chronology.models import ChronologyEntry
from lantern.frontdoor.models import ContactSubject
from lantern.people.models import (
    HouseholdMembership,
    Identifier,
    Person,
    PersonAddress,
    PersonName,
    Relationship,
)

LAID_OUT_BY_HAND = {
    "people.PersonName",
    "people.Identifier",
    "people.PersonAddress",
    "people.Relationship",
    "chronology.ChronologyEntry",
    "frontdoor.ContactSubject",
}
# DfE referral sources that are private individuals other than the child: their identity
# is confidential (ICO: information given in confidence by a third party).
PRIVATE_REFERRERS = {"1A", "1B", "1D"}
LOG_NAME = "REDACTION-LOG-NOT-FOR-DISCLOSURE.json"


def _third_parties(person) -> tuple[dict[int, str], set[int]]:
    """Everyone linked to the person, with the label that replaces their name, and which
    of them are close (relatives, household) for initials and short names."""
    labels: dict[int, str] = {}
    for rel in Relationship.objects.filter(person=person).select_related("relative"):
        labels.setdefault(rel.relative_id, f"[{rel.get_kind_display().lower()}]")
    for rel in Relationship.objects.filter(relative=person):
        labels.setdefault(rel.person_id, "[relative]")
    homes = HouseholdMembership.objects.filter(person=person).values_list("household_id")
    for member in HouseholdMembership.objects.filter(household_id__in=homes).exclude(person=person):
        labels.setdefault(member.person_id, "[household member]")
    labels.pop(person.pk, None)
    return labels, set(labels)


def _redactor(person, labels: dict[int, str], close: set[int]) -> Redactor:
    own_names = PersonName.objects.filter(person=person)
    own = {
        w.lower()
        for n in own_names
        for w in (n.first_name, n.last_name, *n.middle_names.split())
        if w
    }
    own |= {person.first_name.lower(), person.last_name.lower()}
    redactor = Redactor()
    redactor.set_subject(person.first_name, person.last_name)
    names: dict[int, list] = {pk: [] for pk in labels}
    for other in Person.objects.filter(pk__in=labels):
        names[other.pk].append((other.first_name, other.middle_names, other.last_name, "legal"))
    for n in PersonName.objects.filter(person_id__in=labels):
        names[n.person_id].append((n.first_name, n.middle_names, n.last_name, n.kind))
    for pk, forms in names.items():
        redactor.add_person(labels[pk], forms, own, close=pk in close)
    # Others named on a contact about the person, whether or not matched to a record.
    contacts = ContactSubject.objects.filter(person=person).values_list("contact_id")
    for other in ContactSubject.objects.filter(contact_id__in=contacts).exclude(person=person):
        label = labels.get(other.person_id, "[another person named in the contact]")
        forms = [(other.first_name, "", other.last_name, "legal")]
        forms += [(w, "", "", "alias") for w in other.other_names.split()]
        redactor.add_person(label, forms, own, close=other.person_id in close)
    return redactor


def _contacts(person, redactor: Redactor) -> list[dict]:
    """Each contact about the person: what the referrer said and what the front door did."""
    rows = []
    subjects = ContactSubject.objects.filter(person=person).select_related(
        "contact__agency", "contact__referrer_user"
    )
    for subject in subjects.order_by("contact__received_at", "id"):
        contact = subject.contact
        where = f"Contact {contact.pk} of {contact.received_at:%d %B %Y}"
        row = as_row(contact, redact=redactor.redact, where=where, labels={})
        for hidden in ("Idempotency key", "Request digest", "Channel detail"):
            row.pop(hidden, None)
        if contact.source in PRIVATE_REFERRERS:
            for field in ("Referrer name", "Referrer email", "Referrer phone"):
                row[field] = redactor.withhold(
                    row.get(field, ""),
                    f"{where}, {field}",
                    "[withheld: a private individual]",
                    "confidential referrer",
                )
        row["Role in the contact"] = subject.get_role_display()
        row["Checks with agencies"] = " | ".join(
            f"{check.agency.name} was asked: "
            f"{redactor.redact(check.question, f'{where}, check question')} "
            f"Answer: {redactor.redact(check.answer, f'{where}, check answer') or 'none yet'}"
            for check in contact.checks.select_related("agency").order_by("id")
        )
        decision = getattr(contact, "decision", None)
        if decision is not None:
            row["Decision"] = decision.get_outcome_display()
            row["Decision reasons"] = redactor.redact(decision.reasons, f"{where}, decision")
        rows.append(row)
    return rows


def _records(person, redactor: Redactor, labels: dict[int, str]) -> dict[str, list[dict]]:
    sections: dict[str, list[dict]] = {}
    for label, title in EXPORTED.items():
        if label in LAID_OUT_BY_HAND:
            continue
        model = apps.get_model(label)
        fk = next(
            f.name
            for f in model._meta.concrete_fields
            if f.is_relation and f.related_model is Person
        )
        objects = list(model.objects.filter(**{fk: person}).order_by("pk"))
        where = f"{title}, {model._meta.verbose_name} {{}}".format
        history = earlier_versions(
            model, objects, redact=redactor.redact, where=where, labels=labels
        )
        rows = []
        for obj in objects:
            row = as_row(obj, redact=redactor.redact, where=where(obj.pk), labels=labels)
            if obj.pk in history:
                row["Earlier versions"] = history[obj.pk]
            rows.append(row)
        if rows:
            sections[title] = rows
    return sections


def build_pack(person) -> tuple[dict, list[dict]]:
    """The pack, and the log of every redaction made in it (for the reviewer only)."""
    labels, close = _third_parties(person)
    redactor = _redactor(person, labels, close)
    pack = {
        "generated_at": timezone.now().isoformat(),
        "person": {
            "council_id": person.council_id,
            "first_name": person.first_name,
            "middle_names": person.middle_names,
            "last_name": person.last_name,
            "date_of_birth": person.date_of_birth.isoformat() if person.date_of_birth else None,
            "sex": person.get_sex_display(),
            "ethnicity": person.get_ethnicity_display(),
            "status": person.get_care_status_display(),
        },
        "names": [
            {
                "name": n.full_name,
                "kind": n.get_kind_display(),
                "agency": n.agency.name if n.agency else "",
            }
            for n in PersonName.objects.filter(person=person).select_related("agency")
        ],
        "identifiers": [
            {"scheme": i.get_scheme_display(), "value": i.value}
            for i in Identifier.objects.filter(person=person)
        ],
        "addresses": [
            {
                "address": str(a.address),
                "from": a.start.isoformat(),
                "to": a.end.isoformat() if a.end else None,
            }
            for a in PersonAddress.objects.filter(person=person).select_related("address")
        ],
        "relationships": [
            {"relationship": r.get_kind_display(), "name": labels[r.relative_id]}
            for r in Relationship.objects.filter(person=person)
        ]
        + [
            {
                "relationship": f"{r.get_kind_display()} (recorded on their record)",
                "name": labels[r.person_id],
            }
            for r in Relationship.objects.filter(relative=person)
        ],
        "chronology": [
            {
                "date": e.when_iso(),
                "agency": e.agency.name,
                "type": e.get_kind_display(),
                "recorded_by": e.author,
                "summary": redactor.redact(e.summary, f"Chronology entry {e.pk}, summary"),
            }
            for e in ChronologyEntry.objects.filter(person=person)
            .select_related("agency")
            .order_by("occurred_at", "id")
        ],
        "corrections": earlier_versions(
            Person,
            [person],
            redact=redactor.redact,
            where=lambda pk: "Corrections to the person's details",
            labels=labels,
        ).get(person.pk, []),
        "contacts": _contacts(person, redactor),
        "records": _records(person, redactor, labels),
    }
    return pack, redactor.log


def export_zip(person) -> bytes:
    pack, log = build_pack(person)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("record.json", json.dumps(pack, indent=2, ensure_ascii=False))
        archive.writestr(
            "record.html", render_to_string("access/subject_access.html", {"pack": pack})
        )
        archive.writestr(
            LOG_NAME,
            json.dumps(
                {
                    "notice": "FOR THE DPO'S REVIEWER ONLY. NOT FOR DISCLOSURE: this file names "
                    "the third parties redacted from the pack. Remove it before release.",
                    "person": person.council_id,
                    "redactions": log,
                },
                indent=2,
                ensure_ascii=False,
            ),
        )
    return buffer.getvalue()
