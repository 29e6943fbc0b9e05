"""The CIN census as the DfE's XML message: Header, then one Child per child, in the
element names and order of the DfE's specification (no namespace, ISO dates, booleans
``true``/``false``). An item with no value is left out, never written empty.

Only spelling happens here; what goes in is decided by ``cin.query``.
"""

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from lantern.returns.cin import records
from lantern.returns.years import CollectionYear

# GenderCurrent (N00007) until 2023/24; Sex (N00783) M/F/U from 2024/25.
FIRST_SEX_YEAR = 2025
GENDER_CURRENT = {"M": "1", "F": "2", "U": "0"}  # 0: not known (and every unborn child)


@dataclass(frozen=True)
class Source:
    """The header's Source block: who sent the return, and when its data stood."""

    lea: str
    release: str
    stamp: dt.datetime
    serial_no: str = "1"


def message(year: CollectionYear, source: Source, children: list[records.Child]) -> bytes:
    root = ET.Element("Message")
    _header(ET.SubElement(root, "Header"), year, source)
    every = ET.SubElement(root, "Children")
    for child in children:
        _child(ET.SubElement(every, "Child"), child, year)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'.encode()


def _add(parent: ET.Element, name: str, value) -> None:
    """One item, left out when it has no value."""
    if value is None or value == "":
        return
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = str(value)
    ET.SubElement(parent, name).text = text


def _header(header: ET.Element, year: CollectionYear, source: Source) -> None:
    details = ET.SubElement(header, "CollectionDetails")
    _add(details, "Collection", "CIN")
    _add(details, "Year", year.year)
    _add(details, "ReferenceDate", year.end)
    sent = ET.SubElement(header, "Source")
    _add(sent, "SourceLevel", "L")
    _add(sent, "LEA", source.lea)
    _add(sent, "SoftwareCode", "Lantern")
    _add(sent, "Release", source.release)
    _add(sent, "SerialNo", source.serial_no)
    _add(sent, "DateTime", source.stamp.strftime("%Y-%m-%dT%H:%M:%S"))


def _child(element: ET.Element, child: records.Child, year: CollectionYear) -> None:
    ids = ET.SubElement(element, "ChildIdentifiers")
    _add(ids, "LAchildID", child.la_child_id)
    _add(ids, "UPN", child.upn)
    _add(ids, "FormerUPN", child.former_upn)
    _add(ids, "UPNunknown", child.upn_unknown)
    _add(ids, "PersonBirthDate", child.birth_date)
    _add(ids, "ExpectedPersonBirthDate", child.expected_birth_date)
    if year.year >= FIRST_SEX_YEAR:
        _add(ids, "Sex", child.sex)
    else:
        _add(ids, "GenderCurrent", GENDER_CURRENT[child.sex])
    _add(ids, "PersonDeathDate", child.death_date)
    characteristics = ET.SubElement(element, "ChildCharacteristics")
    _add(characteristics, "Ethnicity", child.ethnicity)
    if child.disabilities:
        disabilities = ET.SubElement(characteristics, "Disabilities")
        for code in child.disabilities:
            _add(disabilities, "Disability", code)
    for episode in child.episodes:
        _details(ET.SubElement(element, "CINdetails"), episode)


def _details(element: ET.Element, episode: records.CINDetails) -> None:
    _add(element, "CINreferralDate", episode.referral_date)
    _add(element, "ReferralSource", episode.referral_source)
    _add(element, "PrimaryNeedCode", episode.primary_need)
    _add(element, "CINclosureDate", episode.closure_date)
    _add(element, "ReasonForClosure", episode.reason_for_closure)
    _add(element, "DateOfInitialCPC", episode.icpc)
    _add(element, "ReferralNFA", episode.referral_nfa)
    for assessment in episode.assessments:
        block = ET.SubElement(element, "Assessments")
        _add(block, "AssessmentActualStartDate", assessment.start)
        _add(block, "AssessmentAuthorisationDate", assessment.authorised)
        if assessment.factors:
            factors = ET.SubElement(block, "FactorsIdentifiedAtAssessment")
            for code in assessment.factors:
                _add(factors, "AssessmentFactors", code)
    for plan in episode.cin_plans:
        block = ET.SubElement(element, "CINPlanDates")
        _add(block, "CINPlanStartDate", plan.start)
        _add(block, "CINPlanEndDate", plan.end)
    for enquiry in episode.enquiries:
        block = ET.SubElement(element, "Section47")
        _add(block, "S47ActualStartDate", enquiry.start)
        _add(block, "InitialCPCtarget", enquiry.icpc_target)
        _add(block, "DateOfInitialCPC", enquiry.icpc)
        _add(block, "ICPCnotRequired", enquiry.icpc_not_required)
    for plan in episode.cp_plans:
        _protection_plan(ET.SubElement(element, "ChildProtectionPlans"), plan)


def _protection_plan(block: ET.Element, plan: records.ProtectionPlan) -> None:
    _add(block, "CPPstartDate", plan.start)
    _add(block, "CPPendDate", plan.end)
    _add(block, "InitialCategoryOfAbuse", plan.initial_category)
    _add(block, "LatestCategoryOfAbuse", plan.latest_category)
    _add(block, "NumberOfPreviousCPP", plan.previous_plans)
    if plan.reviews:
        # One Reviews group holding each review's date (the DfE's specification).
        reviews = ET.SubElement(block, "Reviews")
        for day in plan.reviews:
            _add(reviews, "CPPreviewDate", day)
