"""Staff, teams and who is allocated to which child; what staff cost, each team's funded
posts, the budget, and which children's cases were discussed in supervision.

Allocation history is kept, never overwritten: stable workers are one of the things the
borough's recovery was built on, and changes of worker are something managers must see.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Team(models.Model):
    class Kind(models.TextChoices):
        MASH = "mash", "Multi-agency safeguarding hub (MASH)"
        ASSESSMENT = "assessment", "Assessment"
        CHILD_PROTECTION = "child_protection", "Child protection"
        CHILDREN_IN_CARE = "children_in_care", "Children in care"
        LEAVING_CARE = "leaving_care", "Leaving care"
        IRO = "iro", "Independent reviewing officers"
        PERFORMANCE = "performance", "Performance"
        PARTNER = "partner", "Partner agency"
        ADMINISTRATION = "administration", "Systems administration"

    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=24, choices=Kind.choices)
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_teams",
    )

    class Meta:
        ordering = ["name"]
        permissions = [("manage_staff", "Manage staff accounts and teams")]

    def __str__(self) -> str:
        return self.name


class StaffMember(models.Model):
    """What Lantern knows about a user beyond sign-in: team, job title, agency."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff"
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    job_title = models.CharField(max_length=120, blank=True)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="staff")

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.get_username()


class Allocation(models.Model):
    """A worker allocated to a child from ``start`` until ``end`` (open while ``end`` is null)."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="allocations")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="allocations"
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="allocations")
    start = models.DateField()
    end = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-start"]
        indexes = [
            models.Index(fields=["child", "-start"]),
            models.Index(fields=["worker", "end"]),
            # A team's open allocations, for the team page's caseloads and members: without
            # it PostgreSQL intersected the team's every allocation with the borough's open
            # ones (23,000 at demo scale 10) on each view.
            models.Index(
                fields=["team"], condition=Q(end__isnull=True), name="open_allocation_team"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="allocation_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(end__isnull=True),
                name="one_open_allocation_per_child",
            ),
        ]


class Notification(models.Model):
    """A message to one member of staff: a decision on their child, a look at a restricted
    record they own. Shown on their home page until read."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    subject = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    link = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["recipient", "read_at", "-created_at"])]

    def __str__(self) -> str:
        return self.subject


class RoleChangeRequest(models.Model):
    """One administrator's request to give a member of staff a role (and team) that opens
    children's records or the audit log. It changes nothing until a second administrator,
    neither the requester nor the subject, approves it; the decision is kept."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for approval"
        APPROVED = "approved", "Approved"
        REFUSED = "refused", "Refused"
        SUPERSEDED = "superseded", "Replaced by a later request"

    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="role_requests"
    )
    role = models.CharField(max_length=64)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at"]
        indexes = [models.Index(fields=["status", "requested_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["subject"],
                condition=Q(status="pending"),
                name="one_pending_role_request_per_person",
            ),
            models.CheckConstraint(
                condition=~Q(requested_by=models.F("decided_by")),
                name="role_request_decided_by_another",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role} for {self.subject}"


class Contract(models.Model):
    """How a member of staff is engaged from ``start`` to ``end`` (both inclusive; open while
    ``end`` is null). Kept as history, one row per spell: an agency worker who takes a
    permanent post has an agency contract that ends and a permanent one that starts, so
    the year's agency spend and the headcount on any day both come out right.

    Employed staff carry ``annual_cost``: the full-time cost of the post a year with
    on-costs (employer's pension and national insurance), scaled by ``fte``. Agency staff
    carry the ``day_rate`` the agency charges per working day, scaled by ``fte``."""

    class Kind(models.TextChoices):
        PERMANENT = "permanent", "Permanent"
        FIXED_TERM = "fixed_term", "Fixed-term"
        AGENCY = "agency", "Agency"
        SECONDED = "seconded", "Seconded in"

    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="contracts"
    )
    kind = models.CharField("Contract type", max_length=12, choices=Kind.choices)
    start = models.DateField("Contract starts")
    end = models.DateField("Contract ends (last day)", null=True, blank=True)
    fte = models.DecimalField("Full-time equivalent", max_digits=3, decimal_places=2)
    grade = models.CharField("Grade or salary band", max_length=40, blank=True)
    annual_cost = models.DecimalField(
        "Annual cost full-time, with on-costs (£)",
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
    )
    day_rate = models.DecimalField(
        "Agency day rate (£)", max_digits=7, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["staff_id", "start"]
        default_permissions = ()
        indexes = [models.Index(fields=["staff", "start"]), models.Index(fields=["start", "end"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="contract_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(fte__gt=0) & Q(fte__lte=1), name="contract_fte_between_0_and_1"
            ),
            models.CheckConstraint(
                condition=(Q(kind="agency") & Q(day_rate__isnull=False))
                | (~Q(kind="agency") & Q(annual_cost__isnull=False)),
                name="contract_has_its_cost",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.start:%-d %b %Y}"


class Establishment(models.Model):
    """A team's funded posts (full-time equivalents) from ``effective_from`` until the next
    change: vacancies are the funded posts less the FTE of the team's staff in post."""

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="establishment")
    effective_from = models.DateField("Funded from")
    funded_fte = models.DecimalField("Funded posts (FTE)", max_digits=6, decimal_places=2)
    reason = models.CharField("Reason for the change", max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["team_id", "effective_from"]
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["team", "effective_from"], name="one_establishment_per_team_and_day"
            ),
            models.CheckConstraint(condition=Q(funded_fte__gte=0), name="funded_fte_not_negative"),
        ]


class BudgetLine(models.Model):
    """The council's budget for one line of children's services spend in one financial
    year (1 April to 31 March), named by the year it starts in (2026 is 2026-27)."""

    class Line(models.TextChoices):
        FOSTERING = "fostering", "Placements: fostering"
        RESIDENTIAL = "residential", "Placements: children's homes and residential"
        SUPPORTED = "supported", "Placements: supported and independent accommodation"
        OTHER_PLACEMENTS = "other_placements", "Placements: other"
        STAFFING = "staffing", "Staffing (employed)"
        AGENCY = "agency", "Agency staff"
        OTHER = "other", "Other spend"

    year = models.PositiveSmallIntegerField("Financial year starting in")
    line = models.CharField(max_length=20, choices=Line.choices)
    amount = models.DecimalField("Budget (£)", max_digits=12, decimal_places=2)
    reason = models.CharField("Reason for the change", max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["year", "line"]
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["year", "line"], name="one_budget_per_line_and_year"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="budget_not_negative"),
        ]


class CaseSupervision(models.Model):
    """A child's case discussed in their worker's supervision with a manager. Casework's
    management oversight is the manager's direction written on the child's file; this is
    the reflective discussion behind it, which Ofsted also asks about, child by child."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervised_cases"
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField("Supervision held on")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        default_permissions = ()
        indexes = [models.Index(fields=["child", "-held_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "held_on", "worker"], name="one_supervision_per_child_and_day"
            )
        ]
