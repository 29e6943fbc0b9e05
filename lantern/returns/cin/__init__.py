"""The children in need census: every child in need at any point in the collection year,
as the DfE's XML (``lantern returns cin --year YYYY --out FILE.xml``).

``query`` decides who and what goes in, as the records stood on 31 March; ``xml`` writes
it. The header's DateTime is when the return's records were last changed, not the time of
the build, so the same records always give a byte-identical file.
"""

import datetime as dt
import importlib.metadata

from django.conf import settings
from django.db.models import Max

from lantern.casework.models import (
    Assessment,
    ChildProtectionPlan,
    CINEpisode,
    CINPlan,
    Conference,
    Section47Enquiry,
)
from lantern.people.models import Person
from lantern.returns.cin import query, xml
from lantern.returns.exports import Document
from lantern.returns.years import CollectionYear


def build(year: CollectionYear) -> Document:
    children = query.children(year)
    source = xml.Source(lea=settings.LANTERN_LA_DFE_CODE, release=_release(), stamp=_stamp(year))
    return Document(data=xml.message(year, source, children), children=len(children))


def _release() -> str:
    try:
        return importlib.metadata.version("lantern")
    except importlib.metadata.PackageNotFoundError:  # run from a bare checkout
        return "0"


def _stamp(year: CollectionYear) -> dt.datetime:
    """The last change to any record the return reads, in UTC; the reference date for a
    year with no child in need."""
    episodes = query.episodes_in(year)
    latest = [
        model.objects.filter(**{lookup: episodes}).aggregate(at=Max("updated_at"))["at"]
        for model, lookup in (
            (CINEpisode, "pk__in"),
            (Assessment, "episode__in"),
            (CINPlan, "episode__in"),
            (Section47Enquiry, "episode__in"),
            (Conference, "episode__in"),
            (ChildProtectionPlan, "episode__in"),
        )
    ]
    latest.append(
        Person.objects.filter(pk__in=episodes.values("person")).aggregate(at=Max("updated_at"))[
            "at"
        ]
    )
    found = [at for at in latest if at is not None]
    if not found:
        return dt.datetime.combine(year.end, dt.time())
    return max(found).astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
