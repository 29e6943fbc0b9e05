"""Every casework write, by stage of the child's journey. Each action is atomic, checks the
workflow rules, moves the child's clocks, and writes the audit log and the chronology.

Lock order, one for all: the child's row first (``base.lock_child``), then the records the
action changes, then clocks, audit and chronology. Drafts alone take no child lock: they are
the worker's own unsaved text, written every few seconds, and must not queue behind casework."""

from lantern.casework.actions.assessments import (
    authorise_assessment,
    start_assessment,
    update_assessment,
)
from lantern.casework.actions.base import StaleRecord
from lantern.casework.actions.cin_reviews import record_cin_plan_review
from lantern.casework.actions.drafts import discard_draft, save_draft
from lantern.casework.actions.enquiries import (
    conclude_section47,
    record_strategy_discussion,
    start_section47,
)
from lantern.casework.actions.episodes import (
    close_episode,
    end_cin_plan,
    open_episode,
    start_cin_plan,
    update_episode,
)
from lantern.casework.actions.plan_endings import end_cp_plan
from lantern.casework.actions.plans import (
    record_core_group,
    record_initial_conference,
    record_review_conference,
    start_cp_plan,
)
from lantern.casework.actions.recording import (
    allocate,
    record_case_note,
    record_oversight,
    record_visit,
)
from lantern.casework.actions.transfers import (
    record_transfer_in_conference,
    record_transfer_in_notice,
)

__all__ = [
    "StaleRecord",
    "allocate",
    "authorise_assessment",
    "close_episode",
    "conclude_section47",
    "discard_draft",
    "end_cin_plan",
    "end_cp_plan",
    "open_episode",
    "record_case_note",
    "record_cin_plan_review",
    "record_core_group",
    "record_initial_conference",
    "record_oversight",
    "record_review_conference",
    "record_strategy_discussion",
    "record_transfer_in_conference",
    "record_transfer_in_notice",
    "record_visit",
    "save_draft",
    "start_assessment",
    "start_cin_plan",
    "start_cp_plan",
    "start_section47",
    "update_assessment",
    "update_episode",
]
