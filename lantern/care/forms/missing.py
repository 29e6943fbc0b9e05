"""Forms for missing episodes, returns and return home interviews."""

from django import forms

from lantern.care import codes
from lantern.care.models import MissingEpisode
from lantern.casework.actions.base import today
from lantern.casework.forms.base import CaseworkForm, DateField, VersionedForm, long_text


class MissingEpisodeForm(CaseworkForm):
    kind = forms.ChoiceField(label="Missing or away", choices=codes.MISSING.choices())
    start_date = DateField("Date the child went missing", initial=today)
    end_date = DateField("Date the child returned, if back", required=False)
    circumstances = long_text("Where the child was found and how", rows=4)


class ReturnForm(VersionedForm):
    end_date = DateField("Date the child returned", initial=today)
    circumstances = long_text("Where the child was found and how", rows=4)


class ReturnInterviewForm(VersionedForm):
    rhi_offered_on = DateField("Date the return home interview was offered", initial=today)
    rhi_response = forms.ChoiceField(
        label="The child's answer",
        choices=[("", "Not yet known"), *MissingEpisode.Interview.choices],
        required=False,
    )
    rhi_done_on = DateField("Date of the interview", required=False)
    rhi_by = forms.CharField(label="Interview by (name and agency)", max_length=200, required=False)
    child_said = long_text("What the child said, in their own words", rows=6)

    def initial_from(self, record) -> dict:
        initial = super().initial_from(record)
        if record is not None and record.rhi_offered_on:
            for name in ("rhi_offered_on", "rhi_response", "rhi_done_on", "rhi_by", "child_said"):
                initial[name] = getattr(record, name)
        return initial
