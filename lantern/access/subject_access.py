"""A subject access request export: everything held about one person, third parties redacted.

UK GDPR Art. 15 gives the person their own data, not other people's: names of the other
people Lantern knows around them (family, household, anyone linked to them) are replaced by
a neutral label everywhere they appear, free-text summaries included. Staff and partner
professionals acting in their role are not redacted (ICO guidance on SARs); a reviewer still
reads the pack before release, because free text can name people Lantern does not know.
"""

import io
import json
import re
import zipfile

from django.template.loader import render_to_string
from django.utils import timezone

from lantern.chronology.models import ChronologyEntry
from lantern.people.models import (
    HouseholdMembership,
    Identifier,
    PersonAddress,
    PersonName,
    Relationship,
)

MIN_TOKEN = 3


def _third_parties(person) -> dict[int, str]:
    """Everyone linked to the person, with the label that replaces their name."""
    labels: dict[int, str] = {}
    for rel in Relationship.objects.filter(person=person).select_related("relative"):
        labels.setdefault(rel.relative_id, f"[{rel.get_kind_display().lower()}]")
    homes = HouseholdMembership.objects.filter(person=person).values_list("household_id")
    for member in HouseholdMembership.objects.filter(household_id__in=homes).exclude(person=person):
        labels.setdefault(member.person_id, "[household member]")
    return labels


def _redactor(person, labels: dict[int, str]):
    own = {
        t.lower()
        for n in PersonName.objects.filter(person=person)
        for t in (n.first_name, n.last_name, *n.middle_names.split())
    }
    own |= {person.first_name.lower(), person.last_name.lower()}
    replacements: list[tuple[str, str]] = []
    for name in PersonName.objects.filter(person_id__in=labels):
        label = labels[name.person_id]
        full = f"{name.first_name} {name.last_name}".strip()
        replacements.append((full, label))
        for token in (name.first_name, name.last_name, *name.middle_names.split()):
            if len(token) >= MIN_TOKEN and token.lower() not in own:
                replacements.append((token, label))
    # Longest first, so "Steve Doyle" becomes one label rather than two.
    replacements.sort(key=lambda r: len(r[0]), reverse=True)
    patterns = [
        (re.compile(rf"\b{re.escape(text)}\b", re.IGNORECASE), label)
        for text, label in replacements
        if text
    ]

    def redact(text: str) -> str:
        for pattern, label in patterns:
            text = pattern.sub(label, text)
        return text

    return redact


def build_pack(person) -> dict:
    labels = _third_parties(person)
    redact = _redactor(person, labels)
    return {
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
        ],
        "chronology": [
            {
                "date": e.occurred_at.isoformat(),
                "agency": e.agency.name,
                "type": e.get_kind_display(),
                "recorded_by": e.author,
                "summary": redact(e.summary),
            }
            for e in ChronologyEntry.objects.filter(person=person)
            .select_related("agency")
            .order_by("occurred_at", "id")
        ],
    }


def export_zip(person) -> bytes:
    pack = build_pack(person)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("record.json", json.dumps(pack, indent=2, ensure_ascii=False))
        archive.writestr(
            "record.html", render_to_string("access/subject_access.html", {"pack": pack})
        )
    return buffer.getvalue()
