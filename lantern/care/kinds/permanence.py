"""Permanence and leaving-care records in casework's kinds table: the generic record pages
serve them, and "my work" links the pathway plan clocks to the pathway plan form."""

from lantern.care.actions import leaving_care as leaving
from lantern.care.actions import permanence
from lantern.care.forms import leaving_care as leaving_forms
from lantern.care.forms import permanence as forms
from lantern.care.models import (
    AdoptionPlan,
    CareLeaverContact,
    NeedsAssessment,
    PathwayPlan,
    PermanencePlan,
    PersonalAdviser,
    PreviousPermanence,
    StayingPut,
)
from lantern.casework.kinds import Kind, Step

KINDS = [
    Kind("permanence-plan", PermanencePlan, "a permanence plan", forms.PermanencePlanForm,
         permanence.agree_permanence_plan, ("period", "plan", "agreed_on", "contingency", "notes")),
    Kind("adoption", AdoptionPlan, "a decision to place for adoption",
         forms.AdoptionDecisionForm, permanence.decide_adoption,
         ("period", "decided_on", "placement_order_on", "matched_on", "number_of_adopters",
          "sex_adopter", "legal_status_adopter", "foster_carers_adopting", "placed_on",
          "adoption_order_on", "reversed_on", "reason_reversed"),
         steps=(
             Step("milestones", "Record adoption milestones", forms.AdoptionMilestonesForm,
                  permanence.record_adoption_milestones,
                  lambda r: r.adoption_order_on is None and r.reversed_on is None),
         )),
    Kind("previous-permanence", PreviousPermanence, "previous permanence",
         forms.PreviousPermanenceForm, permanence.record_previous_permanence,
         ("period", "option", "council", "arranged_on")),
    Kind("needs-assessment", NeedsAssessment, "a leaving-care needs assessment",
         leaving_forms.NeedsAssessmentForm, leaving.record_needs_assessment,
         ("completed_on", "summary")),
    Kind("pathway-plan", PathwayPlan, "a pathway plan", leaving_forms.PathwayPlanForm,
         leaving.record_pathway_plan, ("made_on", "is_review", "summary")),
    Kind("personal-adviser", PersonalAdviser, "a personal adviser",
         leaving_forms.PersonalAdviserForm, leaving.appoint_personal_adviser,
         ("adviser", "start_date", "end_date")),
    Kind("care-leaver-contact", CareLeaverContact, "a care leaver contact",
         leaving_forms.CareLeaverContactForm, leaving.record_care_leaver_contact,
         ("contact_on", "in_touch", "activity", "accommodation")),
    Kind("staying-put", StayingPut, "Staying Put", leaving_forms.StayingPutForm,
         leaving.start_staying_put, ("carer", "start_date", "end_date"),
         steps=(
             Step("end", "End Staying Put", leaving_forms.EndStayingPutForm,
                  leaving.end_staying_put, lambda r: r.end_date is None),
         )),
]  # fmt: skip
FOR_CLOCK = {"pathway_plan": "pathway-plan", "pathway_plan_review": "pathway-plan"}
