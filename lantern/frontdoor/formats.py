"""The partner file formats ``lantern intake`` accepts (see docs/intake.md for senders).

- ``police_domestic_abuse``: the police's daily domestic abuse notifications, one row per
  child per incident; rows sharing an ``incident_ref`` are one contact (siblings together).
- ``school_attendance``: a school's list of pupils whose attendance is a welfare concern.
- ``health_attendance``: a hospital's list of children's attendances (A&E and others) that
  its safeguarding team is notifying.
"""

from zoneinfo import ZoneInfo

from lantern.frontdoor.intake import (
    NHS,
    SEX,
    UPN,
    Column,
    Format,
    RowError,
    date,
    one_of,
    percent,
    subject,
    text,
    timestamp,
)

LONDON = ZoneInfo("Europe/London")
DEPARTMENTS = {
    "ae": "A&E",
    "maternity": "Maternity",
    "paediatrics": "Paediatric",
    "other": "Hospital",
}


def _local(moment):
    return moment.replace(tzinfo=LONDON) if moment else None


def _police(rows: list[dict]) -> dict:
    first = rows[0]
    present = "yes" if first["children_present"] == "Y" else "no"
    parties = ", ".join(
        f"{label}: {first[key]}"
        for key, label in (("victim_name", "victim"), ("perpetrator_name", "alleged perpetrator"))
        if first.get(key)
    )
    return {
        "referrer_name": first["officer_name"],
        "referrer_role": "Police officer",
        "agency_reference": first["incident_ref"],
        "occurred_at": _local(first["incident_at"]),
        "concern": f"Domestic abuse incident {first['incident_ref']}: DASH risk "
        f"{first['dash_risk']}, children present: {present}. "
        + (f"{parties}. " if parties else "")
        + first["summary"],
        "subjects": [subject(row, "child_") for row in rows],
    }


def _school(rows: list[dict]) -> dict:
    row = rows[0]
    absences = row.get("unexplained_absences")
    return {
        "referrer_name": row["contact_name"],
        "referrer_role": "Designated safeguarding lead",
        "agency_reference": row.get("upn", ""),
        "concern": f"{row['school']}: attendance {row['attendance_percent']:.1f}% to "
        f"{row['period_end']:%d %b %Y}"
        + (f", {absences} unexplained absences" if absences else "")
        + (f". {row['concern']}" if row.get("concern") else "."),
        "subjects": [subject(row)],
    }


def _health(rows: list[dict]) -> dict:
    row = rows[0]
    return {
        "referrer_name": row["clinician_name"],
        "referrer_role": "Hospital safeguarding team",
        "agency_reference": row.get("attendance_ref", ""),
        "occurred_at": _local(row["attended_at"]),
        "concern": f"{DEPARTMENTS[row['department']]} attendance: {row['reason']}",
        # Only an emergency department attendance is the DfE's "A&E" source.
        "source": "3E" if row["department"] == "ae" else "3F",
        "kind": "ae_attendance" if row["department"] == "ae" else "contact",
        "subjects": [subject(row)],
    }


def _count(value: str):
    if not value.strip():
        return None
    if not value.strip().isdigit():
        raise RowError("must be a whole number")
    return int(value)


FORMATS = {
    f.code: f
    for f in [
        Format(
            code="police_domestic_abuse",
            title="Police domestic abuse notifications",
            agency_kind="police",
            kind="police_domestic_abuse",
            source="6",
            group_by="incident_ref",
            lawful_basis="Public task (UK GDPR art. 6(1)(e)); Children Act 2004 s.11 "
            "notification of children in households where domestic abuse is reported",
            build=_police,
            columns=(
                Column("incident_ref", required=True, help="The force's incident number"),
                Column("incident_at", timestamp, True, "YYYY-MM-DD HH:MM, local time"),
                Column("officer_name", required=True),
                Column("dash_risk", one_of("standard", "medium", "high"), True),
                Column("children_present", one_of("Y", "N"), True, "Y or N"),
                Column("victim_name"),
                Column("perpetrator_name"),
                Column("summary", required=True),
                Column("child_first_name", required=True),
                Column("child_last_name", required=True),
                Column("child_dob", date, help="YYYY-MM-DD"),
                Column("child_sex", SEX, help="M, F or U"),
                Column("child_nhs_number", NHS, help="10 digits, checked"),
                Column("postcode", text),
            ),
        ),
        Format(
            code="school_attendance",
            title="School attendance concerns",
            agency_kind="education",
            kind="school_attendance_concern",
            source="2A",
            lawful_basis="Public task (UK GDPR art. 6(1)(e)); Working together to improve "
            "school attendance (DfE, 2024)",
            build=_school,
            columns=(
                Column("school", required=True),
                Column("contact_name", required=True, help="The designated safeguarding lead"),
                Column("period_end", date, True, "YYYY-MM-DD"),
                Column("first_name", required=True),
                Column("last_name", required=True),
                Column("dob", date, True, "YYYY-MM-DD"),
                Column("sex", SEX, help="M, F or U"),
                Column("upn", UPN, help="13 characters, check letter verified"),
                Column("postcode", text),
                Column("attendance_percent", percent, True, "0 to 100"),
                Column("unexplained_absences", _count, help="Sessions"),
                Column("concern"),
            ),
        ),
        Format(
            code="health_attendance",
            title="Hospital attendances notified by the safeguarding team",
            agency_kind="health",
            kind="ae_attendance",
            source="3E",
            lawful_basis="Public task (UK GDPR art. 6(1)(e)) and art. 9(2)(h); "
            "Children Act 2004 s.11",
            build=_health,
            columns=(
                Column("attendance_ref"),
                Column("attended_at", timestamp, True, "YYYY-MM-DD HH:MM, local time"),
                Column("department", one_of("ae", "maternity", "paediatrics", "other"), True),
                Column("clinician_name", required=True),
                Column("first_name", required=True),
                Column("last_name", required=True),
                Column("dob", date, True, "YYYY-MM-DD"),
                Column("sex", SEX),
                Column("nhs_number", NHS, help="10 digits, checked"),
                Column("postcode", text),
                Column("reason", required=True),
            ),
        ),
    ]
}
DEFAULT_FOR_AGENCY_KIND = {f.agency_kind: f.code for f in FORMATS.values()}
