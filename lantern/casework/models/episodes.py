"""The CIN episode (referral to closure, the CIN census unit), its assessment and CIN plan."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from lantern.casework import codes
from lantern.casework.models.base import CaseRecord
from lantern.clocks.lateness import LateReason


class LateReasonFields(models.Model):
    """Why a statutory timescale was missed (WT23), asked only when it was."""

    late_reason = models.CharField(
        "Reason for lateness", max_length=12, choices=LateReason.choices, blank=True
    )
    late_reason_detail = models.TextField("About the delay", blank=True)

    class Meta:
        abstract = True


class CINEpisode(CaseRecord):
    """From the referral being accepted to the case closing; a child can have many."""

    url_slug = "episode"
    referral_date = models.DateField()
    referral_source = models.CharField(max_length=3, choices=codes.REFERRAL_SOURCE.choices())
    referral_reason = models.TextField("Why the child was referred")
    primary_need = models.CharField(
        max_length=2, blank=True, choices=codes.PRIMARY_NEED.choices(include_retired=True)
    )
    harm_suspected = models.BooleanField(
        "Reasonable cause to suspect significant harm", default=False
    )
    close_date = models.DateField(null=True, blank=True)
    reason_for_closure = models.CharField(
        max_length=3, blank=True, choices=codes.REASON_FOR_CLOSURE.choices(include_retired=True)
    )

    class Meta(CaseRecord.Meta):
        ordering = ["-referral_date", "-id"]
        indexes = [models.Index(fields=["person", "-referral_date"])]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(close_date__isnull=True), name="one_open_episode"
            ),
            models.CheckConstraint(
                condition=Q(close_date__isnull=True) | Q(close_date__gte=F("referral_date")),
                name="episode_closes_after_referral",
            ),
            # CIN census 8805/8810: closure date and reason both present or both absent.
            models.CheckConstraint(
                condition=Q(close_date__isnull=True, reason_for_closure="")
                | (Q(close_date__isnull=False) & ~Q(reason_for_closure="")),
                name="episode_closure_has_reason",
            ),
        ]
        permissions = [
            ("record_casework", "Record casework for a child"),
            ("view_case_notes", "Read case notes"),
            ("record_oversight", "Record management oversight"),
            ("authorise_assessment", "Authorise a child and family assessment"),
            ("allocate_worker", "Allocate a worker to a child"),
            ("view_my_work", "See my work: what is due on my children"),
            ("view_team_work", "See my team's overdue work and caseloads"),
        ]

    def __str__(self) -> str:
        return f"CIN episode from {self.referral_date:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.close_date is None

    @property
    def referral_nfa(self) -> bool:
        """CIN census ReferralNFA, derived, never stored: the referral led to no further
        action, so the episode closed with no assessment, section 47 enquiry, conference or
        plan (rules 8831, 8832, 4000 forbid those beside it). Not the same as closure reason
        RC8, "closed after assessment", which needs an assessment (8825Q). An open episode
        is not (yet) an NFA referral."""
        if self.close_date is None:
            return False
        return not (
            self.assessments.exists()
            or self.enquiries.exists()
            or self.conferences.exists()
            or self.cp_plans.exists()
            or self.cin_plans.exists()
        )

    @property
    def referral_source_label(self) -> str:
        return codes.REFERRAL_SOURCE.label(self.referral_source)


class Assessment(LateReasonFields, CaseRecord):
    """The child and family assessment: at most 45 working days from referral (WT23)."""

    url_slug = "assessment"

    class Outcome(models.TextChoices):
        NFA = "nfa", "No further action"
        EARLY_HELP = "early_help", "Refer to early help"
        CIN_PLAN = "cin_plan", "Child in need plan"
        STRATEGY = "strategy", "Strategy discussion: significant harm suspected"
        LOOKED_AFTER = "looked_after", "Child to become looked after"

    episode = models.ForeignKey(CINEpisode, on_delete=models.PROTECT, related_name="assessments")
    start_date = models.DateField()
    analysis = models.TextField("Analysis", blank=True)
    child_views = models.TextField("The child's views, in their words", blank=True)
    factors = models.JSONField("Factors identified at assessment", default=list, blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    authorised_date = models.DateField(null=True, blank=True)
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta(CaseRecord.Meta):
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(authorised_date__isnull=True) | Q(authorised_date__gte=F("start_date")),
                name="assessment_authorised_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"Assessment started {self.start_date:%d %b %Y}"

    @property
    def factor_labels(self) -> list[str]:
        return [f"{c}: {codes.ASSESSMENT_FACTORS.label(c)}" for c in self.factors]


class CINPlan(CaseRecord):
    url_slug = "cin-plan"
    episode = models.ForeignKey(CINEpisode, on_delete=models.PROTECT, related_name="cin_plans")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-start_date", "-id"]
        verbose_name = "CIN plan"
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(end_date__isnull=True), name="one_open_cin_plan"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="cin_plan_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"CIN plan from {self.start_date:%d %b %Y}"


class CINPlanReview(CaseRecord):
    """A review of the child in need plan: when, who came, and whether the plan goes on.
    It meets the CIN plan review clock and starts the next (a council interval)."""

    url_slug = "cin-plan-review"

    class Decision(models.TextChoices):
        CONTINUE = "continue", "Plan to continue"
        END = "end", "Plan to end"

    plan = models.ForeignKey(CINPlan, on_delete=models.PROTECT, related_name="reviews")
    held_on = models.DateField("Date held")
    attendees = models.TextField("Who attended (name and role)", blank=True)
    decision = models.CharField(max_length=8, choices=Decision.choices)

    class Meta(CaseRecord.Meta):
        ordering = ["-held_on", "-id"]
        verbose_name = "CIN plan review"

    def __str__(self) -> str:
        return f"CIN plan review {self.held_on:%d %b %Y}"
