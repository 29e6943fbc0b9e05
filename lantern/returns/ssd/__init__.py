"""The Standard Safeguarding Dataset (SSD): data-to-insight's shared extract of children's
social care records, which councils' analysts build their tools on, with the model's own
table and field names so the sector's reports run on Lantern unchanged.

Model followed: data-to-insight/ssd-data-model, SystemC SQL Server deployment v1.4.0
(systemc_sqlserver_v1.4.0_1_20260120.sql), column lists as in the model's
analysis/ddl_reference/ssd_ddl_reference_systemc.csv at commit
416640f2d5b2a51746dca6697f821aaa53fef850 (``ssd.spec``).

One CSV per table, named as the model names it (``ssd_person.csv``), header in the model's
order. Tables Lantern holds nothing for are written header-only (``spec.HEADER_ONLY`` says
why): ssd_early_help_episodes, ssd_ehcp_active_plans, ssd_ehcp_assessment,
ssd_ehcp_named_plan, ssd_ehcp_requests, ssd_send, ssd_sen_need, ssd_s251_finance,
ssd_voice_of_child. Fields Lantern does not hold are empty cells, among them the model's
free-form ``*_json`` outcome fields (their keys are each case-management system's own), the
review and conference due dates, ``pers_gender`` (Lantern records gender identity, not the
model's census codes) and the care leaver's eligibility category (it depends on the day).

Person id is ``Person.council_id``; record ids are the record's primary key (prefixed where
one table is filled from two or three of Lantern's: ``HA``/``DC`` health checks,
``A``/``I``/``P`` involvements); the professional id is the user id. Rows are in
primary-key order (ssd_person by person id), dates are ISO, so the same records give
byte-identical files. A few queries per table.
"""

from lantern.returns.exports import Tables
from lantern.returns.ssd import care, children_in_need, leaving_care, people, protection, workforce
from lantern.returns.ssd.common import csv_bytes
from lantern.returns.ssd.lookups import Lookups
from lantern.returns.ssd.spec import HEADER_ONLY, TABLES

# Each table built from the records, by the model's name.
BUILDERS = {
    "ssd_contacts": children_in_need.contact_rows,
    "ssd_cin_episodes": children_in_need.cin_episode_rows,
    "ssd_cin_assessments": children_in_need.assessment_rows,
    "ssd_assessment_factors": children_in_need.factor_rows,
    "ssd_cin_plans": children_in_need.cin_plan_rows,
    "ssd_cin_visits": children_in_need.cin_visit_rows,
    "ssd_s47_enquiry": protection.s47_rows,
    "ssd_initial_cp_conference": protection.icpc_rows,
    "ssd_cp_plans": protection.cp_plan_rows,
    "ssd_cp_visits": protection.cp_visit_rows,
    "ssd_cp_reviews": protection.cp_review_rows,
    "ssd_cla_episodes": care.episode_rows,
    "ssd_legal_status": care.legal_status_rows,
    "ssd_cla_placement": care.placement_rows,
    "ssd_cla_reviews": care.review_rows,
    "ssd_cla_health": care.health_rows,
    "ssd_cla_immunisations": care.immunisation_rows,
    "ssd_cla_substance_misuse": care.substance_rows,
    "ssd_cla_convictions": care.conviction_rows,
    "ssd_sdq_scores": care.sdq_rows,
    "ssd_missing": care.missing_rows,
    "ssd_cla_visits": care.cla_visit_rows,
    "ssd_cla_care_plan": care.care_plan_rows,
    "ssd_cla_previous_permanence": care.previous_permanence_rows,
    "ssd_permanence": care.permanence_rows,
    "ssd_care_leavers": leaving_care.care_leaver_rows,
    "ssd_pre_proceedings": leaving_care.pre_proceedings_rows,
    "ssd_professionals": workforce.professional_rows,
    "ssd_department": workforce.department_rows,
    "ssd_involvements": workforce.involvement_rows,
}

# Tables about the people in the cohort, given the cohort and their council ids.
PERSON_BUILDERS = {
    "ssd_person": people.person_rows,
    "ssd_disability": people.disability_rows,
    "ssd_immigration_status": people.immigration_rows,
    "ssd_mother": people.mother_rows,
    "ssd_linked_identifiers": people.identifier_rows,
    "ssd_address": people.address_rows,
    "ssd_family": people.family_rows,
}


def build() -> Tables:
    from lantern.people.models import Person

    lookups = Lookups()
    ids = people.cohort()
    council_ids = {
        pk: council_id
        for pk, council_id in Person.objects.values_list("pk", "council_id")
        if pk in ids
    }
    files = {}
    for name, header in TABLES.items():
        if name in HEADER_ONLY:
            rows = []
        elif name in PERSON_BUILDERS:
            rows = PERSON_BUILDERS[name](ids, council_ids)
        else:
            rows = BUILDERS[name](lookups)
        files[f"{name}.csv"] = csv_bytes(header, rows)
    return Tables(files=files, children=len(ids))


def check_every_table_is_built() -> None:
    """Every table of the model is either built or declared header-only (a test calls it)."""
    missing = set(TABLES) - set(BUILDERS) - set(PERSON_BUILDERS) - set(HEADER_ONLY)
    if missing:
        raise AssertionError(f"tables neither built nor header-only: {sorted(missing)}")
