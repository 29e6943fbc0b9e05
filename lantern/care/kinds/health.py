"""A looked-after child's health and education records as casework kinds: the generic record
pages, drafts, history and "my work" links serve them (``casework.kinds``)."""

from lantern.care.actions import education, health
from lantern.care.forms import education as education_forms
from lantern.care.forms import health as health_forms
from lantern.care.models import (
    Conviction,
    DentalCheck,
    EducationSetting,
    HealthAssessment,
    ImmunisationStatus,
    PersonalEducationPlan,
    StrengthsAndDifficulties,
    SubstanceMisuse,
)
from lantern.casework.kinds import Kind, Step

KINDS = [
    Kind("health-assessment", HealthAssessment, "a health assessment",
         health_forms.HealthAssessmentForm, health.record_health_assessment,
         ("kind", "assessed_on", "assessed_by", "by_doctor", "health_plan")),
    Kind("dental-check", DentalCheck, "a dental check", health_forms.DentalCheckForm,
         health.record_dental_check, ("checked_on",)),
    Kind("immunisations", ImmunisationStatus, "immunisations", health_forms.ImmunisationsForm,
         health.record_immunisations, ("as_at", "up_to_date")),
    Kind("sdq", StrengthsAndDifficulties, "a Strengths and Difficulties Questionnaire",
         health_forms.SDQForm, health.record_sdq, ("completed_on", "score", "reason")),
    Kind("substance-misuse", SubstanceMisuse, "substance misuse",
         health_forms.SubstanceMisuseForm, health.record_substance_misuse,
         ("identified_on", "intervention_received", "intervention_offered", "notes")),
    Kind("conviction", Conviction, "a conviction, final warning or reprimand",
         health_forms.ConvictionForm, health.record_conviction, ("convicted_on", "offence")),
    Kind("pep", PersonalEducationPlan, "a personal education plan (PEP) meeting",
         education_forms.PEPForm, education.record_pep,
         ("held_on", "virtual_school_attendee", "designated_teacher", "targets")),
    Kind("education-setting", EducationSetting, "a school, nursery or college",
         education_forms.EducationSettingForm, education.record_education_setting,
         ("kind", "name", "urn", "start_date", "end_date", "move_reason"),
         steps=(
             Step("end", "Record that the child left", education_forms.EndSettingForm,
                  education.end_education_setting, lambda r: r.end_date is None),
         )),
]  # fmt: skip

# The record that meets each clock, for "my work" links.
FOR_CLOCK = {
    "initial_health_assessment": "health-assessment",
    "review_health_assessment": "health-assessment",
    "review_health_assessment_under_5": "health-assessment",
    "pep": "pep",
    "pep_review": "pep",
}
