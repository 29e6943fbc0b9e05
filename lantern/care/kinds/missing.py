"""Missing episodes on casework's generic record pages."""

from lantern.care import models
from lantern.care.actions import missing as actions
from lantern.care.forms import missing as forms
from lantern.casework.kinds import Kind, Step

KINDS = [
    Kind(
        "missing-episode",
        models.MissingEpisode,
        "a missing episode",
        forms.MissingEpisodeForm,
        actions.record_missing_episode,
        ("kind", "start_date", "end_date", "period", "circumstances", "rhi_offered_on",
         "rhi_response", "rhi_done_on", "rhi_by", "child_said"),
        steps=(
            Step("return", "Record the child's return", forms.ReturnForm, actions.record_return,
                 lambda r: r.end_date is None),
            Step("interview", "Record the return home interview", forms.ReturnInterviewForm,
                 actions.record_return_interview, lambda r: r.end_date is not None),
        ),
    ),
]  # fmt: skip
