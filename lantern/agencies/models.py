"""The organisations that know a child: the council itself and its safeguarding partners.

Every name, identifier and chronology entry says which agency it came from, because the
inquiries found each agency held a fragment and nobody saw the whole.
"""

from django.db import models


class Agency(models.Model):
    class Kind(models.TextChoices):
        COUNCIL = "council", "Council"
        POLICE = "police", "Police"
        HEALTH = "health", "Health"
        EDUCATION = "education", "Education"
        HOUSING = "housing", "Housing"
        PROBATION = "probation", "Probation"
        VOLUNTARY = "voluntary", "Voluntary sector"
        OTHER = "other", "Other"

    class HealthSetting(models.TextChoices):
        """Where a health agency works: the CIN census splits health referrals by it (3A–3F).

        Recorded on the agency, not each contact, because a GP practice always refers as a
        GP and an A&E department as A&E; a referrer can still give a contact its own source.
        """

        GP = "gp", "GP practice"
        HEALTH_VISITOR = "health_visitor", "Health visiting"
        SCHOOL_NURSE = "school_nurse", "School nursing"
        OTHER_PRIMARY = "other_primary", "Other primary health services"
        EMERGENCY = "emergency", "A&E"
        OTHER = "other", "Other health services (e.g. hospice)"

    code = models.SlugField(max_length=32, unique=True)
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    health_setting = models.CharField(
        max_length=16, choices=HealthSetting.choices, blank=True, default=""
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="health") | models.Q(health_setting=""),
                name="health_setting_only_for_health",
            )
        ]

    def __str__(self) -> str:
        return self.name
