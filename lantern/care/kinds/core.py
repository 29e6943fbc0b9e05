"""Periods of care, placements and legal statuses on casework's generic record pages: a
period is started from the child's page and changed by its steps (a new legal status, a
move, the care plan, the end of care); placements and statuses are shown, made only by
those steps, so the SSDA903 episodes always follow from them."""

from lantern.care.actions.periods import (
    change_legal_status,
    end_care,
    record_care_plan,
    start_care,
)
from lantern.care.actions.placements import move_placement, record_placement_notified
from lantern.care.forms import periods as forms
from lantern.care.models import LegalStatus, PeriodOfCare, Placement
from lantern.casework.kinds import Kind, Step


def _open(record) -> bool:
    return record.end_date is None


def _no_care_plan(record) -> bool:
    return record.end_date is None and record.care_plan_date is None


KINDS = [
    Kind(
        "period-of-care",
        PeriodOfCare,
        "a period of care",
        forms.StartCareForm,
        start_care,
        ("start_date", "category_of_need", "home_postcode", "care_plan_date", "end_date",
         "reason_ceased"),
        steps=(
            Step("legal-status", "Change the legal status", forms.LegalStatusForm,
                 change_legal_status, _open),
            Step("move", "Move placement", forms.MovePlacementForm, move_placement, _open),
            Step("care-plan", "Record the care plan", forms.CarePlanForm, record_care_plan,
                 _no_care_plan),
            Step("end", "End the period of care", forms.EndCareForm, end_care, _open),
        ),
    ),
    Kind(
        "placement",
        Placement,
        "a placement",
        None,  # made by starting care or moving placement
        None,
        ("carer", "placement_type", "provider", "urn", "postcode", "start_date", "end_date",
         "reason_changed", "emergency", "notified_on", "long_term", "weekly_cost",
         "placement_plan"),
        steps=(
            Step("notified", "Record the placement notification", forms.NotifiedForm,
                 record_placement_notified, lambda record: record.notified_on is None),
        ),
    ),
    Kind(
        "legal-status",
        LegalStatus,
        "a legal status",
        None,  # made by starting care or changing the legal status
        None,
        ("code", "start_date", "end_date"),
    ),
]  # fmt: skip
