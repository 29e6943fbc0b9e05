"""PostgreSQL's timestamps read by psycopg's compiled loader, not Django's Python one.

Django registers its own ``timestamptz`` loader on every connection, a subclass of
psycopg's pure-Python loader that parses the text and then sets ``tzinfo`` to the
connection's zone. psycopg's compiled loader cannot be subclassed, so Django's replaces it
everywhere: about 5.6 µs a value against 0.3 µs. A child's record reads about 190
timestamps (chronology, visits, signals), a printed chronology thousands: a millisecond
or more of every such page went to parsing dates.

On a connection whose session time zone is UTC (Django's own setting whenever
``USE_TZ`` is on and the database has no ``TIME_ZONE``), the compiled loader returns the
very same value: the instant in UTC with ``tzinfo`` set to ``datetime.timezone.utc``.
Any other zone keeps Django's loader, since there the two differ in which ``tzinfo``
object they attach. ``tests/test_timestamps.py`` checks awkward values against the
instants they name.
"""

import datetime as dt

from psycopg import adapters
from psycopg.pq import Format

OID = adapters.types["timestamptz"].oid
COMPILED = adapters.get_loader(OID, Format.TEXT)


class CompiledUtcLoader:
    """Makes psycopg's compiled loader, and says it reads in UTC: Django looks for a
    ``timezone`` on the loader of every cursor it opens and, finding another zone, puts
    its own back for that cursor."""

    format = Format.TEXT
    timezone = dt.UTC

    def __new__(cls, oid, context=None):
        return COMPILED(oid, context)


def compiled_timestamp_loader(sender, connection, **kwargs) -> None:
    """``connection_created``: psycopg's own loader for ``timestamptz`` when it is the C
    one and the session is in UTC (see the module's docstring)."""
    if connection.vendor != "postgresql" or connection.timezone_name != "UTC":
        return
    if COMPILED.__module__.startswith("psycopg_binary"):
        connection.connection.adapters.register_loader(OID, CompiledUtcLoader)
