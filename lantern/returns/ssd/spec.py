"""The Standard Safeguarding Dataset's tables and fields, in the model's own names and order.

Source: data-to-insight/ssd-data-model, the SystemC SQL Server deployment v1.4.0
(``systemc_sqlserver_v1.4.0_1_20260120.sql``) as listed column by column in the model's
``analysis/ddl_reference/ssd_ddl_reference_systemc.csv`` (commit 416640f2d5b2). The
model's own working tables (``ssd_cohort``, ``ssd_dim_date``, ``ssd_pre_cla_care_plan``)
are build steps, not part of the extract, and are left out.
"""

TABLES: dict[str, tuple[str, ...]] = {
    "ssd_address": (
        "addr_table_id", "addr_person_id", "addr_address_type", "addr_address_start_date",
        "addr_address_end_date", "addr_address_postcode", "addr_address_json",
    ),
    "ssd_assessment_factors": (
        "cinf_table_id", "cinf_assessment_id", "cinf_assessment_factors_json",
    ),
    "ssd_care_leavers": (
        "clea_table_id", "clea_person_id", "clea_care_leaver_eligibility",
        "clea_care_leaver_in_touch", "clea_care_leaver_latest_contact",
        "clea_care_leaver_accommodation", "clea_care_leaver_accom_suitable",
        "clea_care_leaver_activity", "clea_pathway_plan_review_date",
        "clea_care_leaver_personal_advisor", "clea_care_leaver_allocated_team",
        "clea_care_leaver_worker_id",
    ),
    "ssd_cin_assessments": (
        "cina_assessment_id", "cina_person_id", "cina_referral_id", "cina_assessment_start_date",
        "cina_assessment_child_seen", "cina_assessment_auth_date", "cina_assessment_outcome_json",
        "cina_assessment_outcome_nfa", "cina_assessment_team", "cina_assessment_worker_id",
    ),
    "ssd_cin_episodes": (
        "cine_referral_id", "cine_person_id", "cine_referral_date", "cine_cin_primary_need_code",
        "cine_referral_source_code", "cine_referral_source_desc", "cine_referral_outcome_json",
        "cine_referral_nfa", "cine_close_reason", "cine_close_date", "cine_referral_team",
        "cine_referral_worker_id",
    ),
    "ssd_cin_plans": (
        "cinp_cin_plan_id", "cinp_referral_id", "cinp_person_id", "cinp_cin_plan_start_date",
        "cinp_cin_plan_end_date", "cinp_cin_plan_team", "cinp_cin_plan_worker_id",
    ),
    "ssd_cin_visits": (
        "cinv_cin_visit_id", "cinv_person_id", "cinv_cin_visit_date", "cinv_cin_visit_seen",
        "cinv_cin_visit_seen_alone", "cinv_cin_visit_bedroom",
    ),
    "ssd_cla_care_plan": (
        "lacp_table_id", "lacp_person_id", "lacp_cla_care_plan_start_date",
        "lacp_cla_care_plan_end_date", "lacp_cla_care_plan_json",
    ),
    "ssd_cla_convictions": (
        "clac_cla_conviction_id", "clac_person_id", "clac_cla_conviction_date",
        "clac_cla_conviction_offence",
    ),
    "ssd_cla_episodes": (
        "clae_cla_episode_id", "clae_person_id", "clae_cla_placement_id",
        "clae_cla_episode_start_date", "clae_cla_episode_start_reason",
        "clae_cla_primary_need_code", "clae_cla_episode_ceased_date",
        "clae_cla_episode_ceased_reason", "clae_cla_id", "clae_referral_id",
        "clae_cla_last_iro_contact_date", "clae_entered_care_date",
    ),
    "ssd_cla_health": (
        "clah_health_check_id", "clah_person_id", "clah_health_check_type",
        "clah_health_check_date", "clah_health_check_status",
    ),
    "ssd_cla_immunisations": (
        "clai_person_id", "clai_immunisations_status", "clai_immunisations_status_date",
    ),
    "ssd_cla_placement": (
        "clap_cla_placement_id", "clap_cla_id", "clap_person_id", "clap_cla_placement_start_date",
        "clap_cla_placement_type", "clap_cla_placement_urn", "clap_cla_placement_distance",
        "clap_cla_placement_provider", "clap_cla_placement_postcode",
        "clap_cla_placement_end_date", "clap_cla_placement_change_reason",
    ),
    "ssd_cla_previous_permanence": (
        "lapp_table_id", "lapp_person_id", "lapp_previous_permanence_option",
        "lapp_previous_permanence_la", "lapp_previous_permanence_order_date",
    ),
    "ssd_cla_reviews": (
        "clar_cla_review_id", "clar_cla_id", "clar_cla_review_due_date", "clar_cla_review_date",
        "clar_cla_review_cancelled", "clar_cla_review_participation",
    ),
    "ssd_cla_substance_misuse": (
        "clas_substance_misuse_id", "clas_person_id", "clas_substance_misuse_date",
        "clas_substance_misused", "clas_intervention_received",
    ),
    "ssd_cla_visits": (
        "clav_cla_visit_id", "clav_cla_id", "clav_person_id", "clav_cla_visit_date",
        "clav_cla_visit_seen", "clav_cla_visit_seen_alone",
    ),
    "ssd_contacts": (
        "cont_contact_id", "cont_person_id", "cont_contact_date", "cont_contact_source_code",
        "cont_contact_source_desc", "cont_contact_outcome_json",
    ),
    "ssd_cp_plans": (
        "cppl_cp_plan_id", "cppl_referral_id", "cppl_icpc_id", "cppl_person_id",
        "cppl_cp_plan_start_date", "cppl_cp_plan_end_date", "cppl_cp_plan_ola",
        "cppl_cp_plan_initial_category", "cppl_cp_plan_latest_category",
    ),
    "ssd_cp_reviews": (
        "cppr_cp_review_id", "cppr_person_id", "cppr_cp_plan_id", "cppr_cp_review_due",
        "cppr_cp_review_date", "cppr_cp_review_meeting_id", "cppr_cp_review_outcome_continue_cp",
        "cppr_cp_review_quorate", "cppr_cp_review_participation",
    ),
    "ssd_cp_visits": (
        "cppv_cp_visit_id", "cppv_person_id", "cppv_cp_plan_id", "cppv_cp_visit_date",
        "cppv_cp_visit_seen", "cppv_cp_visit_seen_alone", "cppv_cp_visit_bedroom",
    ),
    "ssd_department": (
        "dept_team_id", "dept_team_name", "dept_team_parent_id", "dept_team_parent_name",
    ),
    "ssd_disability": ("disa_table_id", "disa_person_id", "disa_disability_code"),
    "ssd_early_help_episodes": (
        "earl_episode_id", "earl_person_id", "earl_episode_start_date", "earl_episode_end_date",
        "earl_episode_reason", "earl_episode_end_reason", "earl_episode_organisation",
        "earl_episode_worker_id",
    ),
    "ssd_ehcp_active_plans": (
        "ehcp_active_ehcp_id", "ehcp_ehcp_request_id", "ehcp_active_ehcp_last_review_date",
    ),
    "ssd_ehcp_assessment": (
        "ehca_ehcp_assessment_id", "ehca_ehcp_request_id", "ehca_ehcp_assessment_outcome_date",
        "ehca_ehcp_assessment_outcome", "ehca_ehcp_assessment_exceptions",
    ),
    "ssd_ehcp_named_plan": (
        "ehcn_named_plan_id", "ehcn_ehcp_asmt_id", "ehcn_named_plan_start_date",
        "ehcn_named_plan_ceased_date", "ehcn_named_plan_ceased_reason",
    ),
    "ssd_ehcp_requests": (
        "ehcr_ehcp_request_id", "ehcr_send_table_id", "ehcr_ehcp_req_date",
        "ehcr_ehcp_req_outcome_date", "ehcr_ehcp_req_outcome",
    ),
    "ssd_family": ("fami_table_id", "fami_family_id", "fami_person_id"),
    "ssd_immigration_status": (
        "immi_immigration_status_id", "immi_person_id", "immi_immigration_status_start_date",
        "immi_immigration_status_end_date", "immi_immigration_status",
    ),
    "ssd_initial_cp_conference": (
        "icpc_icpc_id", "icpc_icpc_meeting_id", "icpc_s47_enquiry_id", "icpc_person_id",
        "icpc_cp_plan_id", "icpc_referral_id", "icpc_icpc_transfer_in", "icpc_icpc_target_date",
        "icpc_icpc_date", "icpc_icpc_outcome_cp_flag", "icpc_icpc_outcome_json",
        "icpc_icpc_team", "icpc_icpc_worker_id",
    ),
    "ssd_involvements": (
        "invo_involvements_id", "invo_professional_id", "invo_professional_role_id",
        "invo_professional_team", "invo_person_id", "invo_involvement_start_date",
        "invo_involvement_end_date", "invo_worker_change_reason", "invo_referral_id",
    ),
    "ssd_legal_status": (
        "lega_legal_status_id", "lega_person_id", "lega_legal_status",
        "lega_legal_status_start_date", "lega_legal_status_end_date",
    ),
    "ssd_linked_identifiers": (
        "link_table_id", "link_person_id", "link_identifier_type", "link_identifier_value",
        "link_valid_from_date", "link_valid_to_date",
    ),
    "ssd_missing": (
        "miss_table_id", "miss_person_id", "miss_missing_episode_start_date",
        "miss_missing_episode_type", "miss_missing_episode_end_date", "miss_missing_rhi_offered",
        "miss_missing_rhi_accepted",
    ),
    "ssd_mother": ("moth_table_id", "moth_person_id", "moth_childs_person_id", "moth_childs_dob"),
    "ssd_permanence": (
        "perm_table_id", "perm_person_id", "perm_cla_id", "perm_adm_decision_date",
        "perm_part_of_sibling_group", "perm_siblings_placed_together",
        "perm_siblings_placed_apart", "perm_ffa_cp_decision_date", "perm_placement_order_date",
        "perm_matched_date", "perm_adopter_sex", "perm_adopter_legal_status",
        "perm_number_of_adopters", "perm_placed_for_adoption_date", "perm_adopted_by_carer_flag",
        "perm_placed_foster_carer_date", "perm_placed_ffa_cp_date", "perm_placement_provider_urn",
        "perm_decision_reversed_date", "perm_decision_reversed_reason",
        "perm_permanence_order_date", "perm_permanence_order_type", "perm_adoption_worker_id",
    ),
    "ssd_person": (
        "pers_legacy_id", "pers_person_id", "pers_upn", "pers_forename", "pers_surname",
        "pers_sex", "pers_gender", "pers_ethnicity", "pers_dob", "pers_single_unique_id",
        "pers_upn_unknown", "pers_send_flag", "pers_expected_dob", "pers_death_date",
        "pers_is_mother", "pers_nationality",
    ),
    "ssd_pre_proceedings": (
        "prep_table_id", "prep_person_id", "prep_plo_family_id", "prep_pre_pro_decision_date",
        "prep_initial_pre_pro_meeting_date", "prep_pre_pro_outcome",
        "prep_agree_stepdown_issue_date", "prep_cp_plans_referral_period",
        "prep_legal_gateway_outcome", "prep_prev_pre_proc_child", "prep_prev_care_proc_child",
        "prep_pre_pro_letter_date", "prep_care_pro_letter_date", "prep_pre_pro_meetings_num",
        "prep_pre_pro_parents_legal_rep", "prep_parents_legal_rep_point_of_issue",
        "prep_court_reference", "prep_care_proc_court_hearings", "prep_care_proc_short_notice",
        "prep_proc_short_notice_reason", "prep_la_inital_plan_approved",
        "prep_la_initial_care_plan", "prep_la_final_plan_approved", "prep_la_final_care_plan",
    ),
    "ssd_professionals": (
        "prof_professional_id", "prof_staff_id", "prof_professional_name",
        "prof_social_worker_registration_no", "prof_agency_worker_flag",
        "prof_professional_job_title", "prof_professional_caseload",
        "prof_professional_department", "prof_full_time_equivalency",
    ),
    "ssd_s251_finance": (
        "s251_table_id", "s251_cla_placement_id", "s251_placeholder_1", "s251_placeholder_2",
        "s251_placeholder_3", "s251_placeholder_4",
    ),
    "ssd_s47_enquiry": (
        "s47e_s47_enquiry_id", "s47e_referral_id", "s47e_person_id", "s47e_s47_start_date",
        "s47e_s47_end_date", "s47e_s47_nfa", "s47e_s47_outcome_json",
        "s47e_s47_completed_by_team", "s47e_s47_completed_by_worker_id",
    ),
    "ssd_sdq_scores": (
        "csdq_table_id", "csdq_person_id", "csdq_sdq_completed_date", "csdq_sdq_score",
        "csdq_sdq_reason",
    ),
    "ssd_sen_need": (
        "senn_table_id", "senn_active_ehcp_id", "senn_active_ehcp_need_type",
        "senn_active_ehcp_need_rank",
    ),
    "ssd_send": ("send_table_id", "send_person_id", "send_upn", "send_uln", "send_upn_unknown"),
    "ssd_voice_of_child": (
        "voch_table_id", "voch_person_id", "voch_explained_worries", "voch_story_help_understand",
        "voch_agree_worker", "voch_plan_safe", "voch_tablet_help_explain",
    ),
}  # fmt: skip

# Tables Lantern holds nothing for: written with the model's header and no rows.
HEADER_ONLY = {
    "ssd_early_help_episodes": "early help is recorded outside Lantern (a MASH decision of "
    "early help closes the contact; no early help episode is kept)",
    "ssd_ehcp_active_plans": "EHCPs are the SEND service's records, not held in Lantern",
    "ssd_ehcp_assessment": "EHCPs are the SEND service's records, not held in Lantern",
    "ssd_ehcp_named_plan": "EHCPs are the SEND service's records, not held in Lantern",
    "ssd_ehcp_requests": "EHCPs are the SEND service's records, not held in Lantern",
    "ssd_send": "SEND records are the SEND service's, not held in Lantern",
    "ssd_sen_need": "SEND records are the SEND service's, not held in Lantern",
    "ssd_s251_finance": "the model's s251 fields are still placeholders",
    "ssd_voice_of_child": "Lantern keeps the child's words as text, not the model's five "
    "yes/no questions",
}
