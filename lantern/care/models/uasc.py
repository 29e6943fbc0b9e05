"""Unaccompanied asylum-seeking children: the age assessment and the National Transfer
Scheme. UASC status itself is on the person (``Person.uasc_since``/``uasc_ceased``), where
the CIN census and the SSDA903 UASC table both read it."""

from django.db import models

from lantern.casework.models.base import CaseRecord


class AgeAssessment(CaseRecord):
    url_slug = "age-assessment"

    class Outcome(models.TextChoices):
        CLAIMED_AGE = "claimed", "Claimed age accepted"
        ASSESSED_AGE = "assessed", "Age assessed: date of birth determined"

    assessed_on = models.DateField("Assessment completed")
    outcome = models.CharField("Outcome", max_length=10, choices=Outcome.choices)
    date_of_birth = models.DateField("Date of birth determined")
    merton_compliant = models.BooleanField("Merton-compliant")
    disputed = models.BooleanField("The child disputes the outcome", default=False)
    notes = models.TextField("Notes", blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-assessed_on", "-pk"]

    def __str__(self) -> str:
        return f"Age assessment {self.assessed_on:%-d %b %Y}"

    @property
    def adult(self) -> bool:
        """Determined to be 18 or over on the day of the assessment (903 REC E15)."""
        dob, on = self.date_of_birth, self.assessed_on
        return (on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))) >= 18


class TransferReferral(CaseRecord):
    """A referral under the National Transfer Scheme (Immigration Act 2016 s69)."""

    url_slug = "nts-referral"

    class Outcome(models.TextChoices):
        PENDING = "pending", "Awaiting a council"
        TRANSFERRED = "transferred", "Transferred to another council"
        ACCEPTED_HERE = "here", "Stays here (accepted by this council)"

    referred_on = models.DateField("Referred to the National Transfer Scheme")
    outcome = models.CharField("Outcome", max_length=12, choices=Outcome.choices)
    receiving_council = models.CharField("Transferred to (council)", max_length=120, blank=True)
    decided_on = models.DateField("Date transferred or accepted", null=True, blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-referred_on", "-pk"]

    def __str__(self) -> str:
        return f"National Transfer Scheme referral {self.referred_on:%-d %b %Y}"
