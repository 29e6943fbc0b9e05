"""Casework records, one module per stage of the child's journey (DESIGN.md §2)."""

from lantern.casework.models.episodes import Assessment, CINEpisode, CINPlan, CINPlanReview
from lantern.casework.models.protection import (
    ChildProtectionPlan,
    Conference,
    CoreGroupMeeting,
    Section47Enquiry,
    StrategyDiscussion,
    TransferInNotice,
)
from lantern.casework.models.recording import CaseNote, Draft, ManagementOversight, Visit

__all__ = [
    "Assessment",
    "CINEpisode",
    "CINPlan",
    "CINPlanReview",
    "CaseNote",
    "ChildProtectionPlan",
    "Conference",
    "CoreGroupMeeting",
    "Draft",
    "ManagementOversight",
    "Section47Enquiry",
    "StrategyDiscussion",
    "TransferInNotice",
    "Visit",
]
