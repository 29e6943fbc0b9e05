"""Two partial indexes on clocks, for the pages that read many children's clocks at once.
Through ``deadline_person_state`` PostgreSQL walked every clock those children ever had:
the team view's 537 children have 13,900, of which it lists 257 open and 62 met late.
Open clocks are 3 % of the table, clocks met late 13 %."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('clocks', '0006_rule_per_source'),
        ('people', '0005_index_change_triggers'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='deadline',
            index=models.Index(condition=models.Q(('state', 'open')), fields=['person', 'due_on'], name='deadline_open_person'),
        ),
        migrations.AddIndex(
            model_name='deadline',
            index=models.Index(condition=models.Q(('closed_on__gt', models.F('due_on')), ('state', 'met')), fields=['person', 'closed_on'], name='deadline_met_late'),
        ),
    ]
