"""A partial index of the people with a live signal: the MASH queue asks it of every child
in every waiting contact on each view (lantern/frontdoor/queries.py)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("signals", "0001_initial"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="signal",
            index=models.Index(
                condition=models.Q(("status", "live")),
                fields=["person"],
                name="signal_live_person",
            ),
        ),
    ]
