"""The front door: contacts from partners, the people they name, MASH checks and decisions.

A contact keeps the people exactly as the referrer described them (``ContactSubject``); a
subject is joined to a ``Person`` only when a MASH officer confirms it. Climbié was known to
four councils, two hospitals and the police under different spellings: the referrer's
spelling is kept, and added to the person's names, so the next search finds her.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from lantern.casework.codes import REFERRAL_SOURCE
from lantern.frontdoor import codes
from lantern.people import codes as people_codes


class IntakeFile(models.Model):
    """A partner's bulk file, recorded by content hash so a re-sent file is never loaded twice."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    sha256 = models.CharField(max_length=64, unique=True)
    filename = models.CharField(max_length=255)
    format = models.CharField(max_length=40)
    rows = models.PositiveIntegerField()
    contacts = models.PositiveIntegerField()
    loaded_by = models.CharField(max_length=150, blank=True)
    loaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.filename} ({self.loaded_at:%Y-%m-%d})"


def reference_of(contact_id: int) -> str:
    """A contact's reference, as officers and partners quote it: C0001234."""
    return f"C{contact_id:07d}"


class Contact(models.Model):
    class Channel(models.TextChoices):
        WEB = "web", "Web form"
        API = "api", "Partner API"
        FILE = "file", "Bulk file"

    class Consent(models.TextChoices):
        GIVEN = "given", "The family agreed to this being shared"
        NOT_SOUGHT = "not_sought", "Not asked: asking could put the child at risk"
        REFUSED = "refused", "The family refused, but it is shared to protect the child"
        STATUTORY = "statutory", "Shared under a statutory duty or information-sharing agreement"

    class Urgency(models.TextChoices):
        IMMEDIATE = "immediate", "Urgent: the child may be at risk of significant harm"
        STANDARD = "standard", "Standard"

    class Status(models.TextChoices):
        AWAITING = "awaiting_decision", "Awaiting decision"
        DECIDED = "decided", "Decided"

    class Rag(models.TextChoices):
        NONE = "", "Not rated"
        RED = "red", "Red"
        AMBER = "amber", "Amber"
        GREEN = "green", "Green"

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=8, choices=Channel.choices)
    # How it came in: the API token's prefix, the file's name; never a secret.
    channel_detail = models.CharField(max_length=200, blank=True)
    source = models.CharField(max_length=3, choices=REFERRAL_SOURCE.choices(include_retired=True))
    # The chronology kind its entries get (lantern.chronology.kinds), checked on receipt.
    kind = models.CharField(max_length=40, default="contact")
    received_at = models.DateTimeField()
    occurred_at = models.DateTimeField(null=True, blank=True)
    decision_due_at = models.DateTimeField()
    referrer_name = models.CharField(max_length=150)
    referrer_role = models.CharField(max_length=150, blank=True)
    referrer_email = models.EmailField(blank=True)
    referrer_phone = models.CharField(max_length=40, blank=True)
    referrer_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referrals_made",
    )
    agency_reference = models.CharField(max_length=100, blank=True)
    concern = models.TextField()
    consent = models.CharField(max_length=12, choices=Consent.choices)
    lawful_basis = models.CharField(max_length=500, blank=True)
    urgency = models.CharField(max_length=10, choices=Urgency.choices)
    # A retried API call carries the same key: the unique constraint makes it race-safe.
    idempotency_key = models.CharField(max_length=100, blank=True, default="")
    request_digest = models.CharField(max_length=64, blank=True)
    intake_file = models.ForeignKey(
        IntakeFile, null=True, blank=True, on_delete=models.PROTECT, related_name="contact_set"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.AWAITING)
    rag = models.CharField(max_length=5, choices=Rag.choices, blank=True, default="")
    rag_reason = models.CharField(max_length=500, blank=True)
    outcome_message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["decision_due_at", "id"]
        indexes = [
            models.Index(fields=["status", "decision_due_at"], name="contact_queue"),
            models.Index(fields=["agency", "-received_at"], name="contact_agency_time"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="contact_idempotency_once",
            )
        ]
        permissions = [
            ("triage_contact", "Triage contacts in the MASH and record decisions"),
            ("make_referral", "Make referrals and follow their outcome (partner agency)"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return reference_of(self.pk)

    @property
    def is_awaiting(self) -> bool:
        return self.status == self.Status.AWAITING


class ContactSubject(models.Model):
    """A person named in a contact, as the referrer knows them."""

    class Role(models.TextChoices):
        CHILD = "child", "Child"
        PARENT_CARER = "parent_carer", "Parent or carer"
        OTHER_ADULT = "other_adult", "Other adult"

    class Resolution(models.TextChoices):
        PENDING = "pending", "Not yet matched"
        MATCHED = "matched", "Matched to a person already known"
        NEW_PERSON = "new_person", "Added as a new person"

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="subjects")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.CHILD)
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    other_names = models.CharField(max_length=200, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=1, choices=people_codes.SEX, default="U")
    nhs_number = models.CharField(max_length=10, blank=True)
    upn = models.CharField(max_length=13, blank=True)
    address = models.CharField(max_length=200, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    # Normalised name tokens and date of birth: how the same child, described the same way
    # in another contact, is noticed as a possible duplicate.
    identity_key = models.CharField(max_length=250, db_index=True)
    person = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contact_subjects",
    )
    resolution = models.CharField(
        max_length=12, choices=Resolution.choices, default=Resolution.PENDING
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["contact", "id"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    @property
    def is_child(self) -> bool:
        return self.role == self.Role.CHILD


class Check(models.Model):
    """A question the MASH put to a partner (health, police, school) and the answer given."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="checks")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    question = models.TextField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(blank=True)
    answered_by_name = models.CharField(max_length=150, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["requested_at", "id"]


class Decision(models.Model):
    contact = models.OneToOneField(Contact, on_delete=models.PROTECT, related_name="decision")
    outcome = models.CharField(max_length=20, choices=codes.OUTCOMES)
    reasons = models.TextField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()
    on_time = models.BooleanField()

    def __str__(self) -> str:
        return self.get_outcome_display()


class Referral(models.Model):
    """A contact accepted by children's social care, one per child: the CIN census referral."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="referrals")
    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="referrals")
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="referrals")
    received_on = models.DateField()
    source = models.CharField(max_length=3, choices=REFERRAL_SOURCE.choices(include_retired=True))
    strategy_discussion = models.BooleanField(default=False)
    # The team the MASH sent the referral to: until a worker is allocated, only its manager
    # works on the child directly (``access.policy``). Empty on referrals made before this
    # was recorded, which then open for no manager without a stated reason.
    team = models.ForeignKey(
        "workforce.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The CIN episode the referral opened or, made while one was open, was recorded in
    # (a referral about a child already in need is not a new CIN census referral). Empty
    # only on referrals accepted before the front door opened episodes itself.
    episode = models.ForeignKey(
        "casework.CINEpisode",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referrals",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["person", "-received_on"])]
        constraints = [
            models.UniqueConstraint(fields=["decision", "person"], name="one_referral_per_child")
        ]
