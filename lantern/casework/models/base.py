"""What every casework record shares: whose it is, who wrote and last changed it, and a
version number.

The version is the optimistic lock: a form carries the version it was read at and the save
is ``UPDATE … WHERE id = ? AND version = ?``. If someone else saved in between, no row
matches and the second worker is told to reload, instead of silently overwriting the first
worker's assessment (see ``casework.actions.base.save_versioned``).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class CaseRecord(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        default_permissions = ()

    # Each kind of record names its own URL segment, so the model layer can link to its page
    # without importing the kinds table (which sits above the forms and actions).
    url_slug: str

    def get_absolute_url(self) -> str:
        return reverse("casework:record", args=[self.person_id, self.url_slug, self.pk])
