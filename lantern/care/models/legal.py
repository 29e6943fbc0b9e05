"""Court and legal: pre-proceedings under the Public Law Outline, applications to court, the
orders made, and section 20 consent.

A child need not be looked after for any of this: the letter before proceedings is usually
sent while the child lives at home, so each record belongs to the child and only optionally
to a period of care. The 26-week timetable (Children Act 1989 s32(1)(a)) is a clock started
by a care or supervision application; its extensions (s32(5)) are kept one per grant, with
the court's reason, because each one moves the due date.
"""

from django.db import models
from django.db.models import F, Q

from lantern.care.models.periods import PeriodOfCare
from lantern.casework.models.base import CaseRecord


class PreProceedings(CaseRecord):
    """The Public Law Outline's pre-proceedings stage, opened by the letter before
    proceedings and closed by the decision."""

    url_slug = "pre-proceedings"

    class Decision(models.TextChoices):
        ISSUE = "issue", "Issue care proceedings"
        STEP_DOWN = "step_down", "Step down (no proceedings)"
        CONTINUE = "continue", "Continue pre-proceedings"

    period = models.ForeignKey(
        PeriodOfCare, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    letter_sent_on = models.DateField("Letter before proceedings sent")
    letter_sent_to = models.CharField(
        "Sent to (parents with parental responsibility)", max_length=300
    )
    decision = models.CharField(
        "Pre-proceedings decision", max_length=10, choices=Decision.choices, blank=True
    )
    decided_on = models.DateField("Decision made", null=True, blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-letter_sent_on", "-pk"]

    def __str__(self) -> str:
        return f"Pre-proceedings from {self.letter_sent_on:%-d %b %Y}"


class PreProceedingsMeeting(CaseRecord):
    url_slug = "pre-proceedings-meeting"

    pre_proceedings = models.ForeignKey(
        PreProceedings, on_delete=models.PROTECT, related_name="meetings"
    )
    held_on = models.DateField("Meeting held")
    attendees = models.TextField("Who attended (name and role)")
    outcome = models.TextField("Outcome")

    class Meta(CaseRecord.Meta):
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Pre-proceedings meeting {self.held_on:%-d %b %Y}"


class CourtApplication(CaseRecord):
    url_slug = "court-application"

    class Kind(models.TextChoices):
        CARE_ORDER = "s31_care", "Care order (s31)"
        SUPERVISION_ORDER = "s31_supervision", "Supervision order (s31)"
        INTERIM_CARE_ORDER = "s38_interim", "Interim care order (s38)"
        EPO = "s44_epo", "Emergency protection order (s44)"
        PLACEMENT_ORDER = "placement", "Placement order (ACA 2002 s21)"
        SGO = "sgo", "Special guardianship order (s14A)"
        DISCHARGE = "discharge", "Discharge of a care order (s39)"
        OTHER = "other", "Other application"

    # The applications that start the 26-week timetable (s32(1)(a)).
    CARE_PROCEEDINGS = (Kind.CARE_ORDER, Kind.SUPERVISION_ORDER)

    period = models.ForeignKey(
        PeriodOfCare, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("Application for", max_length=16, choices=Kind.choices)
    issued_on = models.DateField("Date issued")
    court = models.CharField("Court", max_length=120)
    case_number = models.CharField("Case number", max_length=40, blank=True)
    next_hearing_on = models.DateField("Next hearing", null=True, blank=True)
    concluded_on = models.DateField("Proceedings ended", null=True, blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(concluded_on__isnull=True) | Q(concluded_on__gte=F("issued_on")),
                name="court_application_ends_after_issue",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, issued {self.issued_on:%-d %b %Y}"

    @property
    def starts_timetable(self) -> bool:
        return self.kind in self.CARE_PROCEEDINGS


class TimetableExtension(CaseRecord):
    """One extension of the 26 weeks granted by the court: at most 8 weeks at a time, and
    only where needed to resolve the proceedings justly (s32(5)-(8))."""

    url_slug = "timetable-extension"

    application = models.ForeignKey(
        CourtApplication, on_delete=models.PROTECT, related_name="extensions"
    )
    granted_on = models.DateField("Extension granted")
    weeks = models.PositiveSmallIntegerField("Extended by (weeks)")
    reason = models.TextField("The court's reason")

    class Meta(CaseRecord.Meta):
        ordering = ["granted_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(weeks__gte=1, weeks__lte=8), name="extension_at_most_8_weeks"
            ),
        ]

    def __str__(self) -> str:
        return f"Extended by {self.weeks} weeks on {self.granted_on:%-d %b %Y}"


class CourtOrder(CaseRecord):
    url_slug = "court-order"

    class Kind(models.TextChoices):
        CARE_ORDER = "care", "Care order (s31)"
        SUPERVISION_ORDER = "supervision", "Supervision order (s31)"
        INTERIM_CARE_ORDER = "interim_care", "Interim care order (s38)"
        INTERIM_SUPERVISION_ORDER = "interim_sup", "Interim supervision order (s38)"
        EPO = "epo", "Emergency protection order (s44)"
        PLACEMENT_ORDER = "placement", "Placement order (ACA 2002 s21)"
        SGO = "sgo", "Special guardianship order (s14A)"
        CHILD_ARRANGEMENTS = "arrangements", "Child arrangements order (s8)"
        DISCHARGE = "discharge", "Care order discharged (s39)"
        NO_ORDER = "no_order", "No order"

    # Orders that end for themselves and must be given their end date.
    TIME_LIMITED = (Kind.INTERIM_CARE_ORDER, Kind.INTERIM_SUPERVISION_ORDER, Kind.EPO)
    # A final order on a care or supervision application ends the proceedings.
    FINAL = (
        Kind.CARE_ORDER,
        Kind.SUPERVISION_ORDER,
        Kind.PLACEMENT_ORDER,
        Kind.SGO,
        Kind.CHILD_ARRANGEMENTS,
        Kind.NO_ORDER,
    )

    application = models.ForeignKey(
        CourtApplication, null=True, blank=True, on_delete=models.PROTECT, related_name="orders"
    )
    kind = models.CharField("Order", max_length=16, choices=Kind.choices)
    made_on = models.DateField("Order made")
    ends_on = models.DateField("Order ends", null=True, blank=True)
    judge = models.CharField("Judge", max_length=120, blank=True)
    court = models.CharField("Court", max_length=120)

    class Meta(CaseRecord.Meta):
        ordering = ["-made_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("made_on")),
                name="court_order_ends_after_made",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, made {self.made_on:%-d %b %Y}"


class Section20Consent(CaseRecord):
    """Consent to accommodation under s20 from a person with parental responsibility. It
    can be withdrawn at any time (s20(8)), so it is reviewed, and a withdrawal is shown
    wherever the child's legal status is."""

    url_slug = "s20-consent"

    period = models.ForeignKey(PeriodOfCare, on_delete=models.PROTECT, related_name="consents")
    given_by = models.CharField("Consent given by", max_length=200)
    relationship = models.CharField("Their relationship to the child", max_length=100)
    given_on = models.DateField("Consent given")
    reviewed_on = models.DateField("Consent last reviewed", null=True, blank=True)
    withdrawn_on = models.DateField("Consent withdrawn", null=True, blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-given_on", "-pk"]

    def __str__(self) -> str:
        return f"Section 20 consent from {self.given_by}"
