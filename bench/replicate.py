"""Make a borough into a country: copy every child's records N times inside the database.

Generating a hundred boroughs through the demo's actions would take most of a day; the
returns only need the rows to be there. Each copy is one ``INSERT … SELECT`` per table that
shifts every primary key, and every foreign key into a copied table, by ``copy × offset``
(so each copied child keeps their own records, the same shape as the original), appends
``~copy`` to text columns that must be unique (blank ones stay blank), and leaves shared
tables (staff, teams, agencies, carers, users) pointing at the originals. Table and column
names come from Django's model metadata, never from input, hence the ``noqa: S608``.
Audit entries, the chronology and the matching keys are not copied: the returns do not
read them.
"""

from django.apps import apps
from django.db import connection, models, transaction

# The apps whose rows belong to children: copied. Shared reference rows (workforce staff,
# agencies, carers, clock rules) stay single.
COPIED_APPS = {"people", "frontdoor", "casework", "care"}
NOT_COPIED = {"people.NameKey", "people.PersonName", "care.Carer", "people.Merge"}
# Each child's running and past clocks are theirs too: the insight timeliness figures read them.
EXTRA = {"workforce.Allocation", "clocks.Deadline"}


def copied_models() -> list[type[models.Model]]:
    wanted = []
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label
        if model._meta.proxy or not model._meta.managed or label in NOT_COPIED:
            continue
        if model._meta.app_label in COPIED_APPS or label in EXTRA:
            wanted.append(model)
    return wanted


def _unique_text_columns(model, copied: set) -> set[str]:
    """Text columns that a unique rule covers without a copied key beside them."""
    groups = [[f.name] for f in model._meta.local_concrete_fields if f.unique]
    groups += [list(g) for g in model._meta.unique_together]
    groups += [
        list(c.fields) for c in model._meta.constraints if isinstance(c, models.UniqueConstraint)
    ]
    found = set()
    for names in groups:
        fields = [model._meta.get_field(n) for n in names]
        if any(_shifted(f, copied) for f in fields):
            continue
        found |= {f.column for f in fields if isinstance(f, models.CharField | models.TextField)}
    return found


def _shifted(field, copied: set) -> bool:
    if field.primary_key and not field.is_relation:
        return True
    return bool(field.is_relation and field.related_model in copied)


def offset_for(tables: list[type[models.Model]]) -> int:
    """A power of ten above every id in the copied tables."""
    top = 1
    with connection.cursor() as cursor:
        for model in tables:
            pk = model._meta.pk.column
            cursor.execute(f'SELECT MAX("{pk}") FROM "{model._meta.db_table}"')  # noqa: S608
            top = max(top, cursor.fetchone()[0] or 0)
    return 10 ** len(str(top))


def replicate(copies: int, progress=print) -> int:
    """Add ``copies`` copies of every child's records; returns the id offset used."""
    tables = copied_models()
    copied = set(tables)
    offset = offset_for(tables)
    for k in range(1, copies + 1):
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for model in tables:
                unique = _unique_text_columns(model, copied)
                columns, selects = [], []
                for field in model._meta.local_concrete_fields:
                    column = f'"{field.column}"'
                    columns.append(column)
                    if _shifted(field, copied):
                        selects.append(f"{column} + {k * offset}")
                    elif field.column in unique:
                        selects.append(
                            f"CASE WHEN {column} = '' THEN {column} ELSE {column} || '~{k}' END"
                        )
                    else:
                        selects.append(column)
                pk = model._meta.pk.column
                table = model._meta.db_table
                cursor.execute(
                    f'INSERT INTO "{table}" ({", ".join(columns)}) '  # noqa: S608
                    f'SELECT {", ".join(selects)} FROM "{table}" WHERE "{pk}" < {offset}'
                )
        progress(f"copy {k}/{copies} written")
    if connection.vendor == "postgresql":
        _reset_sequences(tables)
    return offset


def _reset_sequences(tables) -> None:
    from django.core.management.color import no_style

    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), tables):
            cursor.execute(sql)
