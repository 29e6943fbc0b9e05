"""The audit log names its user and person without a database constraint or an index of
their own. Each constraint was checked at commit by locking the named row (``FOR KEY
SHARE``), so every look at a record wrote to that person's row and the user's: a team
view's 340 entries took 17 ms of PostgreSQL's time against 6 ms without. The ``(person,
-at)`` and ``(user, -at)`` indexes serve every look-up by either; Django still refuses to
delete a person or an account the log names (``on_delete=PROTECT``).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0010_audit_trigger_lets_sealer_fill_seal"),
        ("people", "0005_index_change_triggers"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditentry",
            name="person",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="people.person",
            ),
        ),
        migrations.AlterField(
            model_name="auditentry",
            name="user",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
    ]
