from lantern.casework.forms.episodes import (
    AssessmentEditForm,
    AssessmentForm,
    AuthoriseForm,
    CINPlanForm,
    CINPlanReviewForm,
    CloseEpisodeForm,
    EndPlanForm,
    EpisodeForm,
    ReferralForm,
)
from lantern.casework.forms.protection import (
    CoreGroupForm,
    EndCPPlanForm,
    InitialConferenceForm,
    ReviewConferenceForm,
    Section47Form,
    Section47OutcomeForm,
    StrategyDiscussionForm,
)
from lantern.casework.forms.recording import AllocateForm, CaseNoteForm, OversightForm, VisitForm

__all__ = [
    "AllocateForm",
    "AssessmentEditForm",
    "AssessmentForm",
    "AuthoriseForm",
    "CINPlanForm",
    "CINPlanReviewForm",
    "CaseNoteForm",
    "CloseEpisodeForm",
    "CoreGroupForm",
    "EndCPPlanForm",
    "EndPlanForm",
    "EpisodeForm",
    "InitialConferenceForm",
    "OversightForm",
    "ReferralForm",
    "ReviewConferenceForm",
    "Section47Form",
    "Section47OutcomeForm",
    "StrategyDiscussionForm",
    "VisitForm",
]
