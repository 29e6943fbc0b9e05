"""One row per save of a record: who, when, the version it made, and each field changed."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class Revision(models.Model):
    """``changes`` is ``{field name: [old, new]}`` in JSON (dates as ISO text, a related
    record as its id, lists as lists); ``history.presenting`` turns them back into labels.

    Never updated or deleted: a correction is a new revision.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    version = models.PositiveIntegerField("Version made by this change")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField()
    changes = models.JSONField(encoder=DjangoJSONEncoder, default=dict)

    class Meta:
        default_permissions = ()
        ordering = ["content_type", "object_id", "version", "id"]
        indexes = [models.Index(fields=["content_type", "object_id", "version"])]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} version {self.version}"
