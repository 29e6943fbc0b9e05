"""Forms for visits, case notes, management oversight and allocation."""

from django import forms
from django.contrib.auth.models import User

from lantern.access.roles import SOCIAL_WORKER, TEAM_MANAGER
from lantern.casework.actions.base import today
from lantern.casework.forms.base import CaseworkForm, DateField, long_text
from lantern.casework.models import Visit
from lantern.ids import RecordChoiceField


class VisitForm(CaseworkForm):
    visited_on = DateField("Date of visit", initial=today)
    kind = forms.ChoiceField(label="Type of visit", choices=Visit.Kind.choices)
    child_seen = forms.BooleanField(label="The child was seen", required=False)
    seen_alone = forms.BooleanField(label="The child was seen alone", required=False)
    bedroom_seen = forms.BooleanField(label="The child's bedroom was seen", required=False)
    expectant_parent_seen = forms.BooleanField(
        label="Before birth: the expectant parent was seen", required=False
    )
    reason_not_seen = long_text("Why the child was not seen", rows=3)
    reason_not_seen_alone = long_text(
        "Why the child was not seen alone (if seen, but not alone)",
        rows=3,
        help_text="For example: a baby, or the child would not speak without their parent.",
    )
    child_words = long_text(
        "What the child said, in their own words",
        rows=6,
        help_text="Write the child's words as they said them. Lantern shows them in "
        "quotation marks: you need not type any.",
    )
    observations = long_text("What you saw and what it means", rows=10)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        on_plan = self.person is not None and self.person.care_status == "child_protection"
        self.fields["kind"].initial = Visit.Kind.CHILD_PROTECTION if on_plan else None


class CaseNoteForm(CaseworkForm):
    noted_on = DateField("Date", initial=today)
    subject = forms.CharField(
        label="Subject", max_length=120, error_messages={"required": "Enter a subject"}
    )
    text = long_text("Note", required=True, rows=12)


class OversightForm(CaseworkForm):
    recorded_on = DateField("Date", initial=today)
    direction = long_text("Reflection and direction", required=True, rows=10)
    review_by = DateField("Review the case again by (optional)", required=False)


class AllocateForm(CaseworkForm):
    worker = RecordChoiceField(
        label="Worker", queryset=User.objects.none(), error_messages={"required": "Choose a worker"}
    )
    start = DateField("From", initial=today)

    def __init__(self, *args, manager=None, **kwargs):
        super().__init__(*args, **kwargs)
        workers = User.objects.filter(
            is_active=True, groups__name__in=[SOCIAL_WORKER, TEAM_MANAGER], staff__isnull=False
        )
        if manager is not None and manager.managed_teams.exists():
            workers = workers.filter(staff__team__in=manager.managed_teams.all())
        self.fields["worker"].queryset = workers.distinct().order_by("last_name", "first_name")
        self.fields["worker"].label_from_instance = lambda u: u.get_full_name() or u.username
