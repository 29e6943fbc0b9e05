"""An index on the record each entry came from: saving a casework or care record finds the
entries it wrote before (``describe.sync``), and without this every save read the whole
chronology (a sequential scan of 350,000 entries at demo scale 1, 3.5 million at scale 10)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("chronology", "0006_entry_time_known"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="chronologyentry",
            index=models.Index(fields=["source_type", "source_ref"], name="chron_source"),
        ),
    ]
