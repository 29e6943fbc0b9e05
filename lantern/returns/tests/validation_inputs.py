"""Small hand-made returns for the validation tests: a CIN census and SSDA903 tables written
the way the DfE's files are, each child a line or two so a test shows its one fault."""

import csv
import io
import sys
import types

import lantern.returns
from lantern.returns.exports import Document, Tables

# The SSDA903 tables and their columns (shared/reference/returns.md), 2025/26.
COLUMNS_903 = {
    "Header": "CHILD SEX DOB ETHNIC UPN MOTHER MC_DOB",
    "Episodes": "CHILD DECOM RNE LS CIN PLACE PLACE_PROVIDER DEC REC REASON_PLACE_CHANGE "
    "HOME_POST PL_POST URN",
    "Reviews": "CHILD DOB REVIEW REVIEW_CODE",
    "UASC": "CHILD SEX DOB DUC",
    "OC2": "CHILD DOB SDQ_SCORE SDQ_REASON CONVICTED HEALTH_CHECK IMMUNISATIONS TEETH_CHECK "
    "HEALTH_ASSESSMENT SUBSTANCE_MISUSE INTERVENTION_RECEIVED INTERVENTION_OFFERED",
    "OC3": "CHILD DOB IN_TOUCH ACTIV ACCOM",
    "AD1": "CHILD DOB DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR LS_ADOPTR",
    "PlacedAdoption": "CHILD DOB DATE_PLACED DATE_PLACED_CEASED REASON_PLACED_CEASED",
    "PrevPerm": "CHILD DOB PREV_PERM LA_PERM DATE_PERM",
    "Missing": "CHILD DOB MISSING MIS_START MIS_END",
    "SWEpisodes": "CHILD DOB SW_ID SW_DECOM SW_DEC SW_REASON",
}


def tables_903(*, without: tuple[str, ...] = (), **rows: list[dict]) -> dict[str, bytes]:
    """Every table as a CSV file, header only unless rows are given (as the export writes
    them); ``without`` leaves tables out."""
    files = {}
    for table, columns in COLUMNS_903.items():
        if table in without:
            continue
        out = io.StringIO()
        writer = csv.DictWriter(out, columns.split(), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows.get(table, []))
        files[f"{table}.csv"] = out.getvalue().encode()
    return files


def looked_after_903(child: str, *, ls: str = "C2", born: str = "01/05/2012") -> dict:
    """One child in foster care (U1) in Haringey since 1 June 2025, on the rows each table
    needs so that nothing but a fault a test adds is flagged."""
    return {
        "Header": [
            {"CHILD": child, "SEX": "M", "DOB": born, "ETHNIC": "WBRI", "UPN": "UN2", "MOTHER": ""}
        ],
        "Episodes": [
            {
                "CHILD": child,
                "DECOM": "01/06/2025",
                "RNE": "S",
                "LS": ls,
                "CIN": "N1",
                "PLACE": "U1",
                "PLACE_PROVIDER": "PR1",
                "HOME_POST": "N17 6AA",
                "PL_POST": "N17 6AB",
                "URN": "SC123456",
            }
        ],
        "PrevPerm": [{"CHILD": child, "DOB": born, "PREV_PERM": "Z1"}],
        "SWEpisodes": [
            {
                "CHILD": child,
                "DOB": born,
                "SW_ID": "SW1234567",
                "SW_DECOM": "01/06/2025",
                "SW_REASON": "MANAGE",
            }
        ],
    }


def merged(*children: dict) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {}
    for child in children:
        for table, table_rows in child.items():
            rows.setdefault(table, []).extend(table_rows)
    return rows


def cin_child(
    child: str,
    *,
    born: str = "2022-05-01",
    upn_unknown: str = "UN1",
    referral_source: str = "1A",
) -> str:
    """A child referred in the year, assessed, and on a CIN plan."""
    return f"""
    <Child>
      <ChildIdentifiers><LAchildID>{child}</LAchildID><UPNunknown>{upn_unknown}</UPNunknown>
        <PersonBirthDate>{born}</PersonBirthDate><Sex>M</Sex></ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity>
        <Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2025-06-01</CINreferralDate><ReferralSource>{referral_source}</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>false</ReferralNFA>
        <Assessments><AssessmentActualStartDate>2025-06-02</AssessmentActualStartDate>
          <AssessmentAuthorisationDate>2025-06-20</AssessmentAuthorisationDate>
          <FactorsIdentifiedAtAssessment><AssessmentFactors>1C</AssessmentFactors></FactorsIdentifiedAtAssessment>
        </Assessments>
        <CINPlanDates><CINPlanStartDate>2025-06-21</CINPlanStartDate></CINPlanDates>
      </CINdetails>
    </Child>"""


def cin_census(*children: str, year: int = 2026) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Message>
  <Header>
    <CollectionDetails><Collection>CIN</Collection><Year>{year}</Year>
      <ReferenceDate>{year}-03-31</ReferenceDate></CollectionDetails>
    <Source><SourceLevel>L</SourceLevel><LEA>309</LEA><SoftwareCode>Lantern</SoftwareCode>
      <Release>1</Release><SerialNo>1</SerialNo><DateTime>{year}-04-01T00:00:00</DateTime></Source>
  </Header>
  <Children>{"".join(children)}
  </Children>
</Message>
""".encode()


def fake_builders(monkeypatch, *, cin: bytes, ssda903: dict[int, dict[str, bytes]]) -> list:
    """``lantern.returns.cin`` and ``.ssda903`` replaced by builders that hand back the
    given files, whatever the records hold, noting each year asked for (the list returned).
    ``ssda903``: each year's tables by collection year (2026 = 2025/26). Until the real
    builders are merged this is how validate_year runs in a test."""
    asked: list[tuple[str, int]] = []

    def build_cin(year):
        asked.append(("cin", year.year))
        return Document(cin, children=1)

    def build_903(year):
        asked.append(("903", year.year))
        return Tables(ssda903[year.year], children=1)

    for name, build in (("cin", build_cin), ("ssda903", build_903)):
        module = types.ModuleType(f"lantern.returns.{name}")
        module.build = build
        monkeypatch.setitem(sys.modules, module.__name__, module)
        monkeypatch.setattr(lantern.returns, name, module, raising=False)
    return asked
