"""Child protection: strategy discussion → section 47 enquiry → initial conference → CP plan,
with core groups and review conferences (Working Together 2023, chapter 4)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from lantern.casework import codes
from lantern.casework.models.base import CaseRecord
from lantern.casework.models.episodes import CINEpisode, LateReasonFields


class Meeting(CaseRecord):
    """Who came, by agency: the inquiries found agencies absent from the decisions."""

    held_on = models.DateField()
    agencies = models.ManyToManyField("agencies.Agency", related_name="+", blank=True)
    attendees = models.TextField("Attendees (name and role)", blank=True)

    class Meta(CaseRecord.Meta):
        abstract = True


class StrategyDiscussion(Meeting):
    url_slug = "strategy-discussion"

    class Decision(models.TextChoices):
        S47 = "s47", "Start a section 47 enquiry"
        ASSESS = "assess", "No section 47: continue the assessment as a child in need"
        NFA = "nfa", "No further action"

    episode = models.ForeignKey(
        CINEpisode, on_delete=models.PROTECT, related_name="strategy_discussions"
    )
    decision = models.CharField(max_length=8, choices=Decision.choices)
    notes = models.TextField(blank=True)

    class Meta(Meeting.Meta):
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"Strategy discussion {self.held_on:%d %b %Y}"


class Section47Enquiry(CaseRecord):
    url_slug = "section-47"

    class Outcome(models.TextChoices):
        CONTINUING_RISK = "risk", "Concerns substantiated: child judged at continuing risk"
        NO_CONTINUING_RISK = "no_risk", "Concerns substantiated: not at continuing risk"
        NOT_SUBSTANTIATED = "unsubstantiated", "Concerns not substantiated"

    episode = models.ForeignKey(CINEpisode, on_delete=models.PROTECT, related_name="enquiries")
    strategy_discussion = models.ForeignKey(
        StrategyDiscussion, on_delete=models.PROTECT, related_name="enquiries"
    )
    start_date = models.DateField()
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    end_date = models.DateField(null=True, blank=True)
    # CIN census ICPCnotRequired (N00111), stored the right way round; None until decided.
    icpc_required = models.BooleanField("An initial conference is needed", null=True, blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-start_date", "-id"]
        verbose_name = "section 47 enquiry"
        verbose_name_plural = "section 47 enquiries"
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="s47_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"Section 47 enquiry from {self.start_date:%d %b %Y}"


class Conference(LateReasonFields, Meeting):
    class Kind(models.TextChoices):
        INITIAL = "initial", "Initial child protection conference"
        REVIEW = "review", "Review child protection conference"

    class Decision(models.TextChoices):
        PLAN = "plan", "Child to be the subject of a child protection plan"
        NO_PLAN = "no_plan", "No child protection plan"
        CONTINUE = "continue", "Plan to continue"
        END = "end", "Plan to end"

    episode = models.ForeignKey(CINEpisode, on_delete=models.PROTECT, related_name="conferences")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    section47 = models.ForeignKey(
        Section47Enquiry, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    plan = models.ForeignKey(
        "casework.ChildProtectionPlan",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=8, choices=Decision.choices)
    categories = models.JSONField("Categories of abuse", default=list, blank=True)

    class Meta(Meeting.Meta):
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on:%d %b %Y}"

    @property
    def url_slug(self) -> str:
        return "icpc" if self.kind == self.Kind.INITIAL else "rcpc"

    @property
    def category_labels(self) -> list[str]:
        return [codes.CATEGORY_OF_ABUSE.label(c) for c in self.categories]


class ChildProtectionPlan(CaseRecord):
    url_slug = "cp-plan"

    class EndReason(models.TextChoices):
        STEP_DOWN = "step_down", "No longer at risk: stepped down to a child in need plan"
        NO_SERVICES = "no_services", "No longer at risk: no further services"
        LOOKED_AFTER = "looked_after", "Child became looked after"
        TRANSFERRED = "transferred", "Moved to another local authority"
        ADULT = "adult", "Reached 18"
        DIED = "died", "Died"

    episode = models.ForeignKey(CINEpisode, on_delete=models.PROTECT, related_name="cp_plans")
    # No plan without the conference that decided it (WT23: only an ICPC can start one).
    icpc = models.OneToOneField(Conference, on_delete=models.PROTECT, related_name="plan_started")
    start_date = models.DateField()
    initial_categories = models.JSONField(default=list)
    latest_categories = models.JSONField(default=list)
    end_date = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=16, choices=EndReason.choices, blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-start_date", "-id"]
        verbose_name = "child protection plan"
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(end_date__isnull=True), name="one_open_cp_plan"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="cp_plan_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"Child protection plan from {self.start_date:%d %b %Y}"

    @property
    def category_labels(self) -> list[str]:
        return [codes.CATEGORY_OF_ABUSE.label(c) for c in self.latest_categories]


class CoreGroupMeeting(Meeting):
    url_slug = "core-group"
    plan = models.ForeignKey(
        ChildProtectionPlan, on_delete=models.PROTECT, related_name="core_groups"
    )
    notes = models.TextField(blank=True)

    class Meta(Meeting.Meta):
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"Core group {self.held_on:%d %b %Y}"
