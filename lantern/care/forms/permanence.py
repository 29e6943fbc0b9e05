"""Forms for the permanence plan, the adoption milestones and previous permanence."""

from django import forms

from lantern.care import codes
from lantern.casework.actions.base import today
from lantern.casework.forms.base import CaseworkForm, DateField, VersionedForm, long_text


def code_field(label: str, codelist, *, required: bool = True) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=[("", "Choose" if required else "None"), *codelist.choices()],
        required=required,
        error_messages={"required": f"Choose the {label[0].lower()}{label[1:]}"},
    )


class PermanencePlanForm(CaseworkForm):
    plan = code_field("Plan for permanence", codes.PERMANENCE_PLAN)
    agreed_on = DateField("Date the plan was agreed", initial=today)
    contingency = code_field("Parallel or contingency plan", codes.PERMANENCE_PLAN, required=False)
    notes = long_text("About the plan", rows=4)


class AdoptionDecisionForm(CaseworkForm):
    decided_on = DateField("Date of the decision that the child should be placed for adoption")


class AdoptionMilestonesForm(VersionedForm):
    placement_order_on = DateField("Placement order", required=False)
    matched_on = DateField("Matched with adopters", required=False)
    number_of_adopters = code_field("Number of adopters", codes.NB_ADOPTR, required=False)
    sex_adopter = code_field("Sex of adopter(s)", codes.SEX_ADOPTR, required=False)
    legal_status_adopter = code_field("Legal status of adopter(s)", codes.LS_ADOPTR, required=False)
    foster_carers_adopting = code_field(
        "Adopted by current foster carer(s)", codes.FOSTER_CARE, required=False
    )
    placed_on = DateField("Placed for adoption", required=False)
    adoption_order_on = DateField("Adoption order", required=False)
    reversed_on = DateField("Decision reversed", required=False)
    reason_reversed = code_field(
        "Reason the decision was reversed", codes.REASON_PLACED_CEASED, required=False
    )

    def initial_from(self, record) -> dict:
        if record is None:
            return {}
        return {
            **super().initial_from(record),
            **{name: getattr(record, name) for name in self.base_fields if name != "version"},
        }


class PreviousPermanenceForm(CaseworkForm):
    option = code_field("Previous permanence option", codes.PREV_PERM)
    council = forms.CharField(
        label="Council that made the arrangement (3-digit DfE number)",
        required=False,
        max_length=3,
    )
    arranged_on = forms.CharField(
        label="Date of the order (DD/MM/YYYY, ZZ for an unknown day or month)",
        required=False,
        max_length=10,
    )
