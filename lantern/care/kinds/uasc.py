"""UASC records on casework's generic record pages."""

from lantern.care import models
from lantern.care.actions import uasc as actions
from lantern.care.forms import uasc as forms
from lantern.casework.kinds import Kind

KINDS = [
    Kind(
        "age-assessment",
        models.AgeAssessment,
        "an age assessment",
        forms.AgeAssessmentForm,
        actions.record_age_assessment,
        ("assessed_on", "outcome", "date_of_birth", "merton_compliant", "disputed", "notes"),
    ),
    Kind(
        "nts-referral",
        models.TransferReferral,
        "a National Transfer Scheme referral",
        forms.TransferReferralForm,
        actions.record_transfer_referral,
        ("referred_on", "outcome", "receiving_council", "decided_on"),
    ),
]
