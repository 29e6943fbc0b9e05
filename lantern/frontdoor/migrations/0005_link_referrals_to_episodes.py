"""Link each referral accepted before the front door opened episodes to the child's CIN
episode that covers the day it was received (an episode a worker keyed from it), so the
episode page shows the contact it came from. Referrals no episode covers stay unlinked:
no episode is invented here (the demo helper regenerates the demo's)."""

from django.db import migrations
from django.db.models import Q


def link(apps, schema_editor):
    Referral = apps.get_model("frontdoor", "Referral")
    CINEpisode = apps.get_model("casework", "CINEpisode")
    for referral in Referral.objects.filter(episode__isnull=True).iterator():
        episode = (
            CINEpisode.objects.filter(
                person_id=referral.person_id, referral_date__lte=referral.received_on
            )
            .filter(Q(close_date__isnull=True) | Q(close_date__gte=referral.received_on))
            .order_by("-referral_date", "-id")
            .first()
        )
        if episode is not None:
            Referral.objects.filter(pk=referral.pk).update(episode=episode)


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0004_visit_reason_not_seen_alone"),
        ("frontdoor", "0004_referral_episode"),
    ]

    operations = [migrations.RunPython(link, migrations.RunPython.noop)]
