"""The person index: one record of each child and adult, joined across agencies.

Names, identifiers, addresses and household membership are all kept over time and with
the agency that supplied them, so a misspelt name or an old address still finds the
person, and an adult who moved in shows on every child in that household.
"""

import datetime as dt

from django.db import models
from django.db.models import F, Q

from lantern.people import codes


def age_on(born: dt.date | None, day: dt.date) -> int | None:
    """Age in whole years on ``day``; None for an unknown date of birth."""
    if not born:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class Person(models.Model):
    class CareStatus(models.TextChoices):
        """A summary kept current by casework actions, for search results and flags."""

        NOT_OPEN = "not_open", "Not open to children's social care"
        CONTACT = "contact", "Contact being considered"
        ASSESSMENT = "assessment", "Being assessed"
        CHILD_IN_NEED = "child_in_need", "Child in need"
        CHILD_PROTECTION = "child_protection", "Child protection plan"
        LOOKED_AFTER = "looked_after", "Looked after"
        CARE_LEAVER = "care_leaver", "Care leaver"
        CLOSED = "closed", "Closed"

    council_id = models.CharField(max_length=20, unique=True)
    first_name = models.CharField(max_length=100)
    middle_names = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100)
    date_of_birth = models.DateField(null=True, blank=True)
    date_of_birth_estimated = models.BooleanField(default=False)
    expected_date_of_birth = models.DateField(null=True, blank=True)  # unborn children
    date_of_death = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=1, choices=codes.SEX, default="U")
    gender = models.CharField(max_length=16, choices=codes.GENDER, blank=True)
    ethnicity = models.CharField(max_length=4, choices=codes.ETHNICITY, default="NOBT")
    # CIN census UPNunknown: why there is no UPN; never held beside one (``people.census``).
    upn_unknown = models.CharField(
        "Reason the UPN is not known", max_length=3, choices=codes.UPN_UNKNOWN, blank=True
    )
    # Unaccompanied asylum-seeking child: from when, and when the status ceased (SSDA903
    # UASC and DUC; assessment factor 9A agrees with it).
    uasc_since = models.DateField("Unaccompanied asylum-seeking child since", null=True, blank=True)
    uasc_ceased = models.DateField("UASC status ceased", null=True, blank=True)
    care_status = models.CharField(
        max_length=20, choices=CareStatus.choices, default=CareStatus.NOT_OPEN, db_index=True
    )
    # The team the front door sent the child's latest referral to: until a worker is
    # allocated, only its manager works on the child directly (``access.policy``). Kept here,
    # beside the care status, so the access policy need not read the front door's records.
    awaiting_team = models.ForeignKey(
        "workforce.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["date_of_birth"])]
        constraints = [
            # SSDA903 rule 303: a date the UASC status ceased needs the status.
            models.CheckConstraint(
                condition=Q(uasc_ceased__isnull=True)
                | Q(uasc_since__isnull=False, uasc_ceased__gte=F("uasc_since")),
                name="uasc_ceases_after_it_began",
            )
        ]
        permissions = [
            ("view_record", "View a person's record and chronology"),
            ("search_index", "Search the person index"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return PersonName.spelled(self.first_name, "", self.last_name)

    def uasc_on(self, day: dt.date) -> bool:
        """Whether the child was an unaccompanied asylum-seeking child on ``day``."""
        if self.uasc_since is None or day < self.uasc_since:
            return False
        return self.uasc_ceased is None or day <= self.uasc_ceased

    def age_on(self, day: dt.date) -> int | None:
        return age_on(self.date_of_birth, day)

    @property
    def age(self) -> int | None:
        return self.age_on(dt.date.today())

    @property
    def is_child(self) -> bool:
        age = self.age
        return age is None or age < 18


class Disability(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="disabilities")
    code = models.CharField(max_length=4, choices=codes.DISABILITY)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "code"], name="one_of_each_disability")
        ]


class PersonName(models.Model):
    class Kind(models.TextChoices):
        LEGAL = "legal", "Legal name"
        ALIAS = "alias", "Alias"
        PREVIOUS = "previous", "Previous name"
        VARIANT = "variant", "Spelling used by an agency"
        KNOWN_AS = "known_as", "Known as"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="names")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    first_name = models.CharField(max_length=100)
    middle_names = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100)
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_on = models.DateField(default=dt.date.today)

    class Meta:
        ordering = ["kind", "last_name", "first_name"]

    @property
    def full_name(self) -> str:
        return self.spelled(self.first_name, self.middle_names, self.last_name)

    @staticmethod
    def spelled(first_name: str, middle_names: str, last_name: str) -> str:
        """The name as written out, from its parts (search ranks names read as rows)."""
        return " ".join(p for p in (first_name, middle_names, last_name) if p)


class NameKey(models.Model):
    """Search keys derived from every name a person is known by (see ``people.names``).

    Phonetic codes and single-deletion variants let one indexed lookup find "Climbie",
    "Klimbié" and "Cilmbie" alike, on SQLite and PostgreSQL without extensions.
    """

    key = models.CharField(max_length=40)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["key", "person"], name="namekey_lookup")]
        constraints = [models.UniqueConstraint(fields=["person", "key"], name="namekey_once")]


class Identifier(models.Model):
    class Scheme(models.TextChoices):
        NHS = "nhs", "NHS number"
        UPN = "upn", "Unique pupil number (UPN)"
        FORMER_UPN = "former_upn", "Former UPN"
        POLICE = "police", "Police reference"
        HOUSING = "housing", "Housing reference"
        SCHOOL = "school", "School admission number"
        OTHER = "other", "Other agency reference"

    # Identifiers issued nationally mean one person; agency references only within the agency.
    NATIONAL = (Scheme.NHS, Scheme.UPN)

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="identifiers")
    scheme = models.CharField(max_length=10, choices=Scheme.choices)
    value = models.CharField(max_length=40)
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["scheme", "value"])]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "value"],
                condition=Q(scheme__in=["nhs", "upn"]),
                name="national_identifier_once",
            ),
            models.UniqueConstraint(
                fields=["scheme", "agency", "value"], name="agency_identifier_once"
            ),
        ]


class Address(models.Model):
    line_1 = models.CharField(max_length=120)
    line_2 = models.CharField(max_length=120, blank=True)
    town = models.CharField(max_length=80)
    postcode = models.CharField(max_length=10, db_index=True)
    uprn = models.CharField(max_length=12, blank=True)

    class Meta:
        verbose_name_plural = "addresses"

    def __str__(self) -> str:
        return ", ".join(p for p in (self.line_1, self.line_2, self.town, self.postcode) if p)


class PersonAddress(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="addresses")
    address = models.ForeignKey(Address, on_delete=models.PROTECT, related_name="residents")
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-start"]
        indexes = [models.Index(fields=["person", "-start"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="address_ends_after_start",
            )
        ]


class Household(models.Model):
    """The people living together at an address. Membership is dated, never overwritten."""

    address = models.ForeignKey(Address, on_delete=models.PROTECT, related_name="households")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Household at {self.address}"


class HouseholdMembership(models.Model):
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="households")
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["start"]
        indexes = [
            models.Index(fields=["household", "start"]),
            models.Index(fields=["person", "start"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="membership_ends_after_start",
            )
        ]

    def current_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


class Relationship(models.Model):
    """On ``person``'s record, ``relative`` is their ``kind``: Amy's record shows "Jane: mother".

    Stored once per direction (the action writes both) so a person's relationships are one
    indexed query.
    """

    class Kind(models.TextChoices):
        MOTHER = "mother", "Mother"
        FATHER = "father", "Father"
        PARENT = "parent", "Parent"
        STEP_PARENT = "step_parent", "Step-parent"
        PARTNER_OF_PARENT = "partner_of_parent", "Partner of parent"
        CHILD = "child", "Child"
        STEP_CHILD = "step_child", "Step-child"
        CHILD_OF_PARTNER = "child_of_partner", "Child of partner"
        SIBLING = "sibling", "Sibling"
        HALF_SIBLING = "half_sibling", "Half-sibling"
        GRANDPARENT = "grandparent", "Grandparent"
        GRANDCHILD = "grandchild", "Grandchild"
        CARER = "carer", "Carer"
        CARED_FOR = "cared_for", "Cared for by"
        PARTNER = "partner", "Partner"
        OTHER = "other", "Other"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships")
    relative = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["person", "kind"])]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "relative", "kind"], name="relationship_once"
            ),
            models.CheckConstraint(condition=~Q(person=F("relative")), name="not_related_to_self"),
        ]


class NotSamePerson(models.Model):
    """An officer's decision that a record is *not* this person, remembered so the pair is
    never suggested again (``people.matching``).

    The other side is either another person in the index (two records that look alike,
    e.g. twins) or an incoming record, identified by its fingerprint
    (``matching.fingerprint``: its names, date of birth and NHS number, normalised).
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    other_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    incoming_fingerprint = models.CharField(max_length=64, blank=True, db_index=True)
    reason = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        "auth.User", null=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["person", "other_person"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(other_person__isnull=False) | ~Q(incoming_fingerprint=""),
                name="not_same_names_the_other_side",
            )
        ]


class Merge(models.Model):
    """Two index records found to be one person: ``duplicate``'s records moved to ``keep``.

    ``moved`` lists every row moved (model, foreign key, ids) and every name re-labelled,
    so ``matching.actions.unmerge`` can put each back. A merge is never deleted; undoing
    it is recorded on the row (``undone_at``, ``undone_by``), and both are audited.
    """

    keep = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    duplicate = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    moved = models.JSONField(default=dict)
    score = models.FloatField(null=True, blank=True)
    automatic = models.BooleanField(default=False)
    merged_by = models.ForeignKey(
        "auth.User", null=True, on_delete=models.PROTECT, related_name="+"
    )
    merged_at = models.DateTimeField(auto_now_add=True)
    undone_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["duplicate", "undone_at"])]
        constraints = [
            models.CheckConstraint(condition=~Q(keep=F("duplicate")), name="merge_two_people")
        ]


class IndexAnswer(models.Model):
    """An answer worked out from the person index (a contact's candidates, a search's
    ranking), shared by every web worker while the index is unchanged since it was read
    (``index_changes.Answers``): without it each of a server's workers worked out the same
    contact's candidates again, at 95 ms of CPU each. Not a record of anyone: derived, given
    for an hour at most, and deleted by the next daily prune of the index's change log."""

    key = models.CharField(max_length=64, primary_key=True)  # a digest of the question
    kind = models.CharField(max_length=20)  # which ``Answers``: "matching", "search"
    token = models.TextField()  # ``index_changes.token()`` taken before the index was read
    made_at = models.FloatField()  # seconds since the epoch, on the database's clock
    answer = models.TextField()  # JSON, as that ``Answers`` encodes it

    class Meta:
        indexes = [models.Index(fields=["made_at"], name="indexanswer_made_at")]
