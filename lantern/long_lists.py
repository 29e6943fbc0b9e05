"""``field__any=[...]``: "one of these", for the long lists of ids the busiest pages ask.

``__in`` writes one placeholder per value. A MASH contact's candidates (six hundred people
at a borough's scale) or a team's children (three hundred and more) make statements with
hundreds of placeholders, each a different length, so psycopg parses every one afresh and
converts each value on its own: about a tenth of the contact page's CPU on PostgreSQL. On
PostgreSQL ``__any`` sends the list as one array (``= ANY(%s::integer[])``), a statement
of the same text whatever the list's length; elsewhere it is exactly ``__in``. ``None``
is left out, as ``__in`` leaves it out (NULL equals nothing); an empty list matches
nothing without asking the database.

Registered on every field when the web app is ready (``lantern.web.apps``). A set is
cheaper to pass than a list: Django walks a list's every value looking for expressions.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import Field, ForeignObject, Lookup, Q
from django.db.models.lookups import In

# Values a column takes as they are: no per-value conversion for a list of hundreds.
_PLAIN = (int, str)


class AnyOf(Lookup):
    lookup_name = "any"

    def get_prep_lookup(self):
        if not isinstance(self.rhs, list | tuple | set | frozenset):
            raise TypeError("__any takes a list of values (use __in for a subquery)")
        field = self.lhs.output_field
        return [
            v if type(v) in _PLAIN else field.get_prep_value(v) for v in self.rhs if v is not None
        ]

    def as_sql(self, compiler, connection):
        if connection.vendor != "postgresql":
            return In(self.lhs, self.rhs).as_sql(compiler, connection)
        values = list(dict.fromkeys(self.rhs))
        if not values:
            raise EmptyResultSet
        field = self.lhs.output_field
        values = [
            v if type(v) in _PLAIN else field.get_db_prep_value(v, connection, prepared=True)
            for v in values
        ]
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s::{field.rel_db_type(connection)}[])", (*lhs_params, values)


Field.register_lookup(AnyOf)
ForeignObject.register_lookup(AnyOf)  # a foreign key's lookups are its own (ids, not rows)


def given_as_values(values) -> bool:
    """True for ids given one by one (a list or a set), False for a subquery."""
    return isinstance(values, list | tuple | set | frozenset)


def one_of(field: str, values) -> Q:
    """``field`` is one of ``values``: a list as ``__any``, a subquery as ``__in``, for
    reads that take either (a page's children as ids, or as a QuerySet)."""
    if given_as_values(values):
        return Q(**{f"{field}__any": frozenset(values)})
    return Q(**{f"{field}__in": values})
