"""Remove a previous demo borough so ``lantern demo --reset`` can build a fresh one.

What goes: every row of every Lantern model that points, directly or through other rows,
at a person, an address or a user account (chronologies, allocations, casework, contacts,
deadlines, the audit log…), then the people, addresses and all accounts except
superusers. What stays: reference data (agencies, clock rules) and superusers.

The set of models is worked out from the foreign keys rather than listed, because other
apps keep adding case records that point at people. Rows are removed with plain
``DELETE`` statements, dependants first: the audit log's queryset refuses ``delete()`` by
design (it is append-only), and Django's collector would load every row into memory.
``lantern demo`` runs only with ``LANTERN_ENV=development``, and ``reset`` checks again
itself, so no other caller can turn this path on a live audit log; on PostgreSQL it also needs
the table owner's rights to lift the audit log's append-only trigger, which the production app
role does not have.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.db import connection

from lantern.access.dba import append_only_lifted
from lantern.access.models import AuditChainHead, AuditCheckpoint
from lantern.people.models import Address, Person

ROOTS = (Person, Address, User)
# Rows the demo generates that point at no person: its carers (``demo.carers``).
GENERATED = ("care.Carer",)


def _references(model) -> set:
    return {f.related_model for f in model._meta.concrete_fields if f.is_relation}


def doomed_models() -> list:
    """Lantern models that depend on a root, each before any model it points at."""
    models = [
        m
        for m in apps.get_models(include_auto_created=True)
        if m.__module__.startswith("lantern.") and m not in ROOTS
    ]
    refs = {m: _references(m) for m in models}
    doomed: set = set()
    grew = True
    while grew:
        grew = False
        for m in models:
            if m not in doomed and refs[m] & (doomed | set(ROOTS)):
                doomed.add(m)
                grew = True
    ordered, left = [], set(doomed)
    while left:
        ready = [m for m in left if not any(m in refs[o] for o in left if o is not m)]
        ready = sorted(ready or left, key=lambda m: m._meta.label)  # a cycle: order by name
        ordered += ready
        left -= set(ready)
    return ordered


def reset() -> None:
    if not settings.DEVELOPMENT:
        raise RuntimeError("The demo reset deletes the audit log: development only.")
    # On PostgreSQL the audit tables refuse DELETE by trigger; the development database's
    # owner lifts it for the reset (a production app role could not).
    with append_only_lifted(), connection.cursor() as cursor:
        generated = [apps.get_model(label) for label in GENERATED]
        for model in [*doomed_models(), Person, Address, *generated]:
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - a table name, not input
        # The audit log starts a new chain, and its checkpoints go with the old one, so
        # `lantern audit verify` holds after a reset.
        for model in (AuditCheckpoint, AuditChainHead):
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - a table name, not input
    User.objects.filter(is_superuser=False).delete()
    Session.objects.all().delete()
