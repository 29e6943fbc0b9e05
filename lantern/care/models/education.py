"""A looked-after child's education: the personal education plan (PEP) and where the child
learns.

The PEP is part of the care plan (Care Planning Regs 2010 reg 5(b)(ii), Sch 1 para 2) and,
by "Promoting the education of looked-after and previously looked-after children" (DfE
2018), is started within 10 working days of becoming looked after and reviewed each term,
with the virtual school head's team. A school move in care is a harm in itself (lost
learning, lost friends), so every setting is kept with its dates and the reason it changed.

"Each term" is kept as a local-policy interval of 3 months (clock ``pep_review``), not as the
council's term dates: terms differ by council and by school, the clock engine counts
intervals rather than calendars, and 3 months (shorter than the gap between two term
starts) brings the next PEP due before the following term is out. A council whose virtual
school runs PEPs on its own term dates sets its own interval.
"""

from django.db import models
from django.db.models import F, Q

from lantern.care.models.periods import PeriodOfCare
from lantern.casework.models.base import CaseRecord


class PersonalEducationPlan(CaseRecord):
    url_slug = "pep"

    period = models.ForeignKey(PeriodOfCare, on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField("Date of the PEP meeting")
    # The virtual school head's team should take part (DfE 2018 guidance): who came.
    virtual_school_attendee = models.CharField(
        "From the virtual school (name and role)", max_length=120, blank=True
    )
    designated_teacher = models.CharField("Designated teacher", max_length=120, blank=True)
    targets = models.TextField("Targets and the support to meet them", blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["person", "-held_on"])]

    def __str__(self) -> str:
        return f"PEP on {self.held_on:%-d %b %Y}"


class EducationSetting(CaseRecord):
    """Where the child learns, from ``start_date`` until ``end_date``: an early years setting
    under 5, a school, or college or training after 16."""

    class Kind(models.TextChoices):
        EARLY_YEARS = "early_years", "Early years setting (nursery, pre-school)"
        SCHOOL = "school", "School"
        COLLEGE = "college", "College (post-16)"
        TRAINING = "training", "Training or apprenticeship (post-16)"

    class MoveReason(models.TextChoices):
        PLACEMENT_MOVE = "placement", "The child's placement moved"
        TRANSITION = "transition", "Normal transition (e.g. primary to secondary)"
        EXCLUSION = "exclusion", "Permanent exclusion"
        NEEDS = "needs", "To meet the child's needs (e.g. special school)"
        CHILD_WISH = "wish", "The child's wish"
        OTHER = "other", "Other"

    url_slug = "education-setting"

    kind = models.CharField("Type of setting", max_length=11, choices=Kind.choices)
    name = models.CharField("Name of the setting", max_length=200)
    # A school's URN (6 digits) or DfE establishment number (LA code and 4 digits).
    urn = models.CharField("URN or DfE number", max_length=8, blank=True)
    start_date = models.DateField("Started")
    end_date = models.DateField("Left", null=True, blank=True)
    move_reason = models.CharField(
        "Reason for the move (if the child moved here from another setting)",
        max_length=10,
        choices=MoveReason.choices,
        blank=True,
    )

    class Meta(CaseRecord.Meta):
        ordering = ["-start_date", "-pk"]
        indexes = [models.Index(fields=["person", "-start_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="education_setting_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} from {self.start_date:%-d %b %Y}"
