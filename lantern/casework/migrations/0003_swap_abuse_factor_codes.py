"""Swap stored factors 18B<->18C and 19B<->19C.

Until this release Lantern labelled 18B and 19B "adult on child" and 18C and 19C "child on
child"; the DfE has them the other way round (shared/reference/codes.md §A7). A worker who
ticked "18B: physical abuse, adult on child" meant adult on child, so the stored code must
become 18C. Each pair is exchanged, not mapped one way: a stored 18C (meant as child on
child) becomes 18B. A swap is its own inverse, so the same function reverses it.

Unsaved drafts of an assessment are swapped too: their ticks were made under the old
labels. Field history (``history.Revision``) is left as written: revisions are never
updated.
"""

from django.db import migrations

SWAP = {"18B": "18C", "18C": "18B", "19B": "19C", "19C": "19B"}


def swapped(factors):
    return [SWAP.get(f, f) for f in factors] if isinstance(factors, list) else factors


def swap_factors(apps, schema_editor):
    """Rewrites the codes only: the version and the drafts' times stay, nothing was edited."""
    Assessment = apps.get_model("casework", "Assessment")
    for pk, factors in list(Assessment.objects.values_list("pk", "factors")):
        if isinstance(factors, list) and SWAP.keys() & set(factors):
            Assessment.objects.filter(pk=pk).update(factors=swapped(factors))
    Draft = apps.get_model("casework", "Draft")
    for pk, data in list(Draft.objects.values_list("pk", "data")):
        factors = data.get("factors") if isinstance(data, dict) else None
        if isinstance(factors, list) and SWAP.keys() & set(factors):
            Draft.objects.filter(pk=pk).update(data={**data, "factors": swapped(factors)})


class Migration(migrations.Migration):
    dependencies = [("casework", "0002_referral_source_dfe_labels")]

    operations = [migrations.RunPython(swap_factors, swap_factors)]
