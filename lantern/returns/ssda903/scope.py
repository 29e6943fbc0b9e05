"""Who the return is about: the children looked after at any time in the collection year.

The SSDA903 covers every child looked after at some point between 1 April and 31 March
(DfE SSDA903 guidance, "children to be included"), so the year's episodes decide it: an
episode that began before 1 April and was still open on it is carried into the year.
"""

from django.db.models import Q

from lantern.care.models import CareEpisode
from lantern.returns.years import CollectionYear


def episodes_in(year: CollectionYear):
    """The derived SSDA903 episodes open on any day of the year."""
    return CareEpisode.objects.filter(start_date__lte=year.end).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=year.start)
    )


def looked_after_in(year: CollectionYear) -> set[int]:
    """Person ids of the children looked after at some time in the year."""
    return set(episodes_in(year).values_list("person_id", flat=True))


def looked_after_at_end(year: CollectionYear) -> set[int]:
    """Person ids of the children still looked after on 31 March."""
    open_at_end = episodes_in(year).filter(Q(end_date__isnull=True) | Q(end_date__gt=year.end))
    return set(open_at_end.values_list("person_id", flat=True))
