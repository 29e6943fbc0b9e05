"""What the figures share: turning counts into a ``Value``, the borough's child population,
and the council's days a timestamped record falls in.

Shares are percentages (0-100) of the denominator, None when there is nothing to measure
(the page says "no cases" rather than 0 %). Rates are per 10,000 children aged 0-17, the
DfE's denominator for every "rate per 10,000" in Characteristics of children in need and
Children looked after in England.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings

from lantern.insight.measures import Period, Value


def child_population() -> int:
    """The borough's children aged 0-17 (``LANTERN_CHILD_POPULATION``, an ONS estimate)."""
    return settings.LANTERN_CHILD_POPULATION


def share(hits: int, n: int, children=None) -> Value:
    value = 100 * hits / n if n else None
    found = None if children is None else frozenset(children)
    return Value(value, hits, n, found)


def per_10k(count: int, children=None) -> Value:
    population = child_population()
    found = None if children is None else frozenset(children)
    return Value(10_000 * count / population, count, population, found)


def day_bounds(period: Period) -> tuple[dt.datetime, dt.datetime]:
    """A timestamp is in the period when it falls on one of its days in London (the first
    moment of the first day, up to but not including the first moment after the last)."""
    zone = ZoneInfo(settings.TIME_ZONE)
    first = dt.datetime.combine(period.start, dt.time(), zone)
    after = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time(), zone)
    return first, after
