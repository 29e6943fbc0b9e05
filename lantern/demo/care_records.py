"""The rest of a looked-after child's and care leaver's record in the demo borough (issue 10
§11): permanence and adoption (``care_permanence``), court and s20 consent (``care_court``),
missing episodes and unaccompanied children's records (``care_missing``) and leaving care
(``care_leavers``), each a step of ``care.Care.looked_after`` run for every period of care.

``RECORDS_ORDER``: their models in the order their foreign keys need (after placements: a
Staying Put row points at a carer); ``RECORDS_RELATED``: what their describers read.
"""

from lantern.care.models import (
    AdoptionPlan,
    AgeAssessment,
    CareLeaverContact,
    CourtApplication,
    CourtOrder,
    MissingEpisode,
    NeedsAssessment,
    PathwayPlan,
    PermanencePlan,
    PersonalAdviser,
    PreProceedings,
    PreProceedingsMeeting,
    PreviousPermanence,
    Section20Consent,
    StayingPut,
    TimetableExtension,
    TransferReferral,
)
from lantern.demo.care_court import Court
from lantern.demo.care_leavers import Leavers
from lantern.demo.care_missing import Missing
from lantern.demo.care_permanence import Permanence

RECORDS_ORDER = [
    PreviousPermanence,
    PermanencePlan,
    AdoptionPlan,
    PreProceedings,
    PreProceedingsMeeting,
    CourtApplication,
    TimetableExtension,
    CourtOrder,
    Section20Consent,
    MissingEpisode,
    AgeAssessment,
    TransferReferral,
    NeedsAssessment,
    PathwayPlan,
    PersonalAdviser,
    CareLeaverContact,
    StayingPut,
]
RECORDS_RELATED = {
    PersonalAdviser: (("person", "adviser"), ()),
    StayingPut: (("person", "carer"), ()),
}
# The steps, in the order they run for each period (``Story.care_steps``).
RECORD_STEPS = (
    "care_permanence",
    "care_court",
    "care_consent",
    "care_missing",
    "care_uasc",
    "care_leaving",
)


class CareRecords(Permanence, Court, Missing, Leavers):
    """Mixed into ``casework.Story``: the steps above, and after the batch is saved the
    clocks the court extended (``after_save``)."""

    def after_save(self) -> dict[str, int]:
        return self.extend_timetables()
