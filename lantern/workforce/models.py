"""Staff, teams and who is allocated to which child.

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
        indexes = [models.Index(fields=["child", "-start"]), models.Index(fields=["worker", "end"])]
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
