"""Where in Lantern a worker fixes what a return's rule flags: the child's page and the section
that holds the table or field, so a failure links straight to the record that made it.

Each return field comes from one kind of record: 903 Episodes from the periods of care,
legal statuses and placements (the "Looked after" section of the child's casework page), CIN
Assessments from the assessments, UPN and disability from the census details page, and so on.
"""

from django.urls import reverse

PERSON = "people:record"
CENSUS = "people:census"
CASEWORK = "casework:overview"

# (return table or CIN group) -> (page, section anchor); "" = the top of the page.
CIN_TABLES: dict[str, tuple[str, str]] = {
    "ChildIdentifiers": (PERSON, ""),
    "ChildCharacteristics": (PERSON, ""),
    "Disabilities": (CENSUS, ""),
    "CINdetails": (CASEWORK, "episodes"),
    "CINplanDates": (CASEWORK, "episodes"),
    "ChildProtectionPlans": (CASEWORK, "episodes"),
    "Reviews": (CASEWORK, "episodes"),  # CP plan reviews sit with the plan
    "Assessments": (CASEWORK, "protection"),
    "AssessmentFactorsList": (CASEWORK, "protection"),
    "Section47": (CASEWORK, "protection"),
}
SSDA903_TABLES: dict[str, tuple[str, str]] = {
    "Header": (PERSON, ""),
    "Episodes": (CASEWORK, "care-episodes"),  # periods of care, legal statuses, placements
    "Reviews": (CASEWORK, "lac-reviews"),
    "UASC": (CENSUS, ""),
    "OC2": (CASEWORK, "health-and-education"),
    "OC3": (CASEWORK, "care-stability"),  # leaving care
    "AD1": (CASEWORK, "care-stability"),  # permanence
    "PlacedAdoption": (CASEWORK, "care-stability"),
    "PrevPerm": (CASEWORK, "care-stability"),
    "Missing": (CASEWORK, "missing"),
    "SWEpisodes": (CASEWORK, "allocations"),
    "DoLo": (CASEWORK, "court"),
}
# A field recorded somewhere other than the rest of its table.
FIELDS: dict[str, tuple[str, str]] = {
    "UPN": (CENSUS, ""),
    "FormerUPN": (CENSUS, ""),
    "UPNunknown": (CENSUS, ""),
    "MOTHER": (PERSON, "relationships"),
    "MC_DOB": (PERSON, "relationships"),
    "DateOfInitialCPC": (CASEWORK, "protection"),
}
TABLES = {"CIN census": CIN_TABLES, "SSDA903": SSDA903_TABLES}


def section(return_name: str, table: str, fields: tuple[str, ...]) -> tuple[str, str] | None:
    """The page and anchor where the flagged field is recorded, or None for a whole-return
    issue (the CIN header, a count across the return)."""
    table = table.removesuffix("_last")  # last year's 903 table: the same child's same record
    default = TABLES.get(return_name, {}).get(table)
    if default is None:
        return None
    places = {FIELDS.get(name, default) for name in fields}
    return places.pop() if len(places) == 1 else default


def fix_url(
    return_name: str, table: str, fields: tuple[str, ...], person_id: int | None
) -> str | None:
    where = section(return_name, table, fields)
    if person_id is None or where is None:
        return None
    page, anchor = where
    url = reverse(page, args=[person_id])
    return f"{url}#{anchor}" if anchor else url
