"""Reading field history. Takes a record already handed out by an ``access_*`` function:
nothing here decides who may see it."""

from django.contrib.contenttypes.models import ContentType

from lantern.history.models import Revision


def revisions_of(record) -> list[Revision]:
    """Every change to ``record``, newest first."""
    return list(
        Revision.objects.filter(
            content_type=ContentType.objects.get_for_model(type(record)), object_id=record.pk
        )
        .select_related("changed_by")
        .order_by("-version", "-id")
    )


def latest_version(record) -> int:
    """The version a record without its own version column has reached (1 = as created)."""
    last = (
        Revision.objects.filter(
            content_type=ContentType.objects.get_for_model(type(record)), object_id=record.pk
        )
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
    )
    return last or 1
