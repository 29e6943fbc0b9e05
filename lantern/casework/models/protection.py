"""Child protection: strategy discussion → section 47 enquiry → initial conference → CP plan,
with core groups and review conferences (Working Together 2023, chapter 4)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from lantern.casework import codes
from lantern.casework.models.attendance import ConferenceAttendance
from lantern.casework.models.base import CaseRecord
from lantern.casework.models.episodes import CINEpisode, LateReasonFields


class Meeting(CaseRecord):
    """Who came, by agency: the inquiries found agencies absent from the decisions."""

    held_on = models.DateField()
    agencies = models.ManyToManyField(
        "agencies.Agency", related_name="+", blank=True, verbose_name="agencies that took part"
    )
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
    # WT23 4.2: police and health take part in every strategy discussion; an absence is
    # explained, not silently accepted.
    why_not_police_and_health = models.TextField(
        "Why police or health did not take part", blank=True
    )
    # Immediate protection decided on or before the discussion (Children Act 1989).
    police_protection_on = models.DateField(
        "Police protection (section 46) from", null=True, blank=True
    )
    emergency_protection_order_on = models.DateField(
        "Emergency protection order (section 44) made on", null=True, blank=True
    )

    class Meta(Meeting.Meta):
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"Strategy discussion {self.held_on:%d %b %Y}"

    @property
    def immediate_protection(self) -> list[str]:
        taken = []
        if self.police_protection_on:
            day = self.police_protection_on
            taken.append(f"police protection (s46) from {day.day} {day:%B %Y}")
        if self.emergency_protection_order_on:
            day = self.emergency_protection_order_on
            taken.append(f"emergency protection order (s44) made {day.day} {day:%B %Y}")
        return taken


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


class TransferInNotice(CaseRecord):
    """Notice that a child on another council's plan has moved here (WT23 chapter 4: the
    receiving council holds a transfer-in conference within 15 working days of it)."""

    url_slug = "transfer-in"

    episode = models.ForeignKey(
        CINEpisode, on_delete=models.PROTECT, related_name="transfer_notices"
    )
    transferring_council = models.CharField("Council the child moved from", max_length=120)
    notified_on = models.DateField("Date notice of the move was received")
    notes = models.TextField("What the transferring council told us", blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["-notified_on", "-id"]
        verbose_name = "transfer-in notice"

    def __str__(self) -> str:
        return f"Notice of a move from {self.transferring_council} {self.notified_on:%d %b %Y}"


class Conference(LateReasonFields, Meeting, ConferenceAttendance):
    class Kind(models.TextChoices):
        INITIAL = "initial", "Initial child protection conference"
        REVIEW = "review", "Review child protection conference"
        TRANSFER_IN = "transfer_in", "Transfer-in child protection conference"

    class Decision(models.TextChoices):
        PLAN = "plan", "Child to be the subject of a child protection plan"
        NO_PLAN = "no_plan", "No child protection plan"
        CONTINUE = "continue", "Plan to continue"
        END = "end", "Plan to end"

    episode = models.ForeignKey(CINEpisode, on_delete=models.PROTECT, related_name="conferences")
    kind = models.CharField(max_length=16, choices=Kind.choices)
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
    transfer_notice = models.ForeignKey(
        TransferInNotice,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conferences",
        verbose_name="notice of the move",
    )
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=8, choices=Decision.choices)
    categories = models.JSONField("Categories of abuse", default=list, blank=True)

    class Meta(Meeting.Meta):
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on:%d %b %Y}"

    url_fields = ("kind",)  # read with the id wherever a list links to conferences

    @property
    def url_slug(self) -> str:
        return SLUG_OF_KIND[self.kind]

    @property
    def category_labels(self) -> list[str]:
        return [codes.CATEGORY_OF_ABUSE.label(c) for c in self.categories]


SLUG_OF_KIND = {
    Conference.Kind.INITIAL: "icpc",
    Conference.Kind.REVIEW: "rcpc",
    Conference.Kind.TRANSFER_IN: "transfer-conference",
}
KIND_OF_SLUG = {slug: kind for kind, slug in SLUG_OF_KIND.items()}


class ChildProtectionPlan(CaseRecord):
    url_slug = "cp-plan"

    class EndReason(models.TextChoices):
        """Why a plan ended. The first three are a review conference's decision; the rest
        are facts recorded with their evidence (``END_WITHOUT_REVIEW``). The CIN census
        keeps only CPPendDate; a death also needs PersonDeathDate (8585Q) and a move is the
        episode's closure reason RC5."""

        STEP_DOWN = "step_down", "No longer at risk: stepped down to a child in need plan"
        NO_SERVICES = "no_services", "No longer at risk: no further services"
        LOOKED_AFTER = "looked_after", "Child became looked after"
        TRANSFERRED = "transferred", "Moved to another council (its transfer-in conference held)"
        ADULT = "adult", "Reached 18"
        DIED = "died", "Died"
        LEFT_UK = "left_uk", "Left the UK"

    episode = models.ForeignKey(CINEpisode, on_delete=models.PROTECT, related_name="cp_plans")
    # No plan without the conference that decided it (WT23): an initial conference, or the
    # transfer-in conference for a child who arrived on another council's plan.
    icpc = models.OneToOneField(
        Conference,
        on_delete=models.PROTECT,
        related_name="plan_started",
        verbose_name="conference that started the plan",
    )
    start_date = models.DateField()
    initial_categories = models.JSONField(default=list)
    latest_categories = models.JSONField(default=list)
    end_date = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=16, choices=EndReason.choices, blank=True)
    # A move ends the plan only once the receiving council has held its own conference.
    receiving_council = models.CharField("Council the child moved to", max_length=120, blank=True)
    receiving_conference_on = models.DateField(
        "Date of the receiving council's transfer-in conference", null=True, blank=True
    )

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


REVIEW_ENDINGS = (
    ChildProtectionPlan.EndReason.STEP_DOWN,
    ChildProtectionPlan.EndReason.NO_SERVICES,
    ChildProtectionPlan.EndReason.LOOKED_AFTER,
)
END_WITHOUT_REVIEW = (
    ChildProtectionPlan.EndReason.ADULT,
    ChildProtectionPlan.EndReason.DIED,
    ChildProtectionPlan.EndReason.LEFT_UK,
    ChildProtectionPlan.EndReason.TRANSFERRED,
)


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
