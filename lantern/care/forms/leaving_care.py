"""Forms for care leavers' records."""

from django.contrib.auth import get_user_model

from lantern.care import codes
from lantern.care.forms.permanence import code_field
from lantern.care.models import Carer
from lantern.casework.actions.base import today
from lantern.casework.forms.base import CaseworkForm, DateField, VersionedForm, long_text
from lantern.ids import RecordChoiceField


class NeedsAssessmentForm(CaseworkForm):
    completed_on = DateField("Date the needs assessment was completed", initial=today)
    summary = long_text("Needs identified", required=True)


class PathwayPlanForm(CaseworkForm):
    made_on = DateField("Date the plan was made or reviewed", initial=today)
    summary = long_text("The plan", required=True)


class PersonalAdviserForm(CaseworkForm):
    adviser = RecordChoiceField(
        label="Personal adviser",
        queryset=get_user_model().objects.none(),
        error_messages={"required": "Choose the personal adviser"},
    )
    start_date = DateField("Personal adviser from", initial=today)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["adviser"]
        field.queryset = (
            get_user_model()
            .objects.filter(is_active=True, staff__isnull=False)
            .order_by("last_name", "first_name")
        )
        field.label_from_instance = lambda user: user.get_full_name() or user.get_username()


class CareLeaverContactForm(CaseworkForm):
    contact_on = DateField("Date of contact", initial=today)
    in_touch = code_field("In touch", codes.IN_TOUCH)
    activity = code_field("Education, employment or training", codes.ACTIV)
    accommodation = code_field("Accommodation and whether it is suitable", codes.ACCOM)


class StayingPutForm(CaseworkForm):
    carer = RecordChoiceField(
        label="Former foster carers",
        queryset=Carer.objects.none(),
        error_messages={"required": "Choose the former foster carers"},
    )
    start_date = DateField("Staying Put from", initial=today)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["carer"].queryset = Carer.objects.filter(
            placements__person=self.person,
            kind__in=(Carer.Kind.FOSTERING_HOUSEHOLD, Carer.Kind.KINSHIP),
        ).distinct()


class EndStayingPutForm(VersionedForm):
    end_date = DateField("Staying Put until", initial=today)
