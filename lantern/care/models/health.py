"""A looked-after child's health, as the care plan's health plan and the SSDA903 OC2 table
need it.

The council must arrange a health assessment by a registered medical practitioner when a
child becomes looked after, and review it 6-monthly under 5 and yearly from 5 (Care Planning
Regs 2010 reg 7; "Promoting the health and well-being of looked-after children", 2015). The
OC2 flags are read from these records for the year (``care.queries.health.oc2_rows``), never
typed as flags, so the return agrees with what the worker recorded.
"""

from django.db import models
from django.db.models import Q

from lantern.care import codes
from lantern.care.models.periods import PeriodOfCare
from lantern.casework.models.base import CaseRecord


class HealthAssessment(CaseRecord):
    class Kind(models.TextChoices):
        INITIAL = "initial", "Initial health assessment"
        REVIEW = "review", "Review health assessment"

    url_slug = "health-assessment"

    period = models.ForeignKey(PeriodOfCare, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("Assessment", max_length=7, choices=Kind.choices)
    assessed_on = models.DateField("Date of the assessment")
    assessed_by = models.CharField("Assessed by (name and role)", max_length=120)
    # Reg 7(1): the initial assessment is by a registered medical practitioner; a review
    # may be by a registered nurse or midwife.
    by_doctor = models.BooleanField("By a registered medical practitioner", default=False)
    health_plan = models.TextField("Health plan: needs and actions", blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-assessed_on", "-pk"]
        indexes = [models.Index(fields=["person", "-assessed_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.assessed_on:%-d %b %Y}"


class DentalCheck(CaseRecord):
    url_slug = "dental-check"

    checked_on = models.DateField("Date of the dental check")

    class Meta(CaseRecord.Meta):
        ordering = ["-checked_on", "-pk"]

    def __str__(self) -> str:
        return f"Dental check on {self.checked_on:%-d %b %Y}"


class ImmunisationStatus(CaseRecord):
    """Whether the child's immunisations were up to date on a day (OC2 IMMUNISATIONS)."""

    url_slug = "immunisations"

    as_at = models.DateField("As at")
    up_to_date = models.BooleanField("Immunisations up to date", default=False)

    class Meta(CaseRecord.Meta):
        ordering = ["-as_at", "-pk"]

    def __str__(self) -> str:
        state = "up to date" if self.up_to_date else "not up to date"
        return f"Immunisations {state} at {self.as_at:%-d %b %Y}"


class StrengthsAndDifficulties(CaseRecord):
    """A Strengths and Difficulties Questionnaire: a score, or the reason there is none
    (903 rules 180, 196, 197a: one or the other, never both)."""

    url_slug = "sdq"

    completed_on = models.DateField("Date")
    score = models.PositiveSmallIntegerField("SDQ score (0 to 40)", null=True, blank=True)
    reason = models.CharField(
        "Reason there is no score", max_length=4, choices=codes.SDQ_REASON.choices(), blank=True
    )

    class Meta(CaseRecord.Meta):
        ordering = ["-completed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(score__isnull=False, score__lte=codes.SDQ_SCORE_MAX, reason="")
                           | Q(score__isnull=True) & ~Q(reason="")),
                name="sdq_score_or_reason",
            ),
        ]  # fmt: skip

    def __str__(self) -> str:
        what = f"score {self.score}" if self.score is not None else self.reason
        return f"SDQ on {self.completed_on:%-d %b %Y}: {what}"


class SubstanceMisuse(CaseRecord):
    """A substance misuse problem identified, and the intervention for it. 903 rules 192,
    158, 159: whether an intervention was received is always said; whether one was offered
    only when none was received."""

    url_slug = "substance-misuse"

    identified_on = models.DateField("Date the problem was identified")
    intervention_received = models.BooleanField("The child received an intervention")
    intervention_offered = models.BooleanField(
        "If not received: an intervention was offered", null=True, blank=True
    )
    notes = models.TextField("About the problem and the help given", blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-identified_on", "-pk"]

    def __str__(self) -> str:
        return f"Substance misuse identified {self.identified_on:%-d %b %Y}"


class Conviction(CaseRecord):
    """A conviction, final warning or reprimand (OC2 CONVICTED)."""

    url_slug = "conviction"

    convicted_on = models.DateField("Date of the conviction, final warning or reprimand")
    offence = models.CharField("Offence", max_length=200)

    class Meta(CaseRecord.Meta):
        ordering = ["-convicted_on", "-pk"]

    def __str__(self) -> str:
        return f"Conviction on {self.convicted_on:%-d %b %Y}"
