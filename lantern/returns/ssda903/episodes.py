"""The Episodes and Reviews tables.

Episodes are ``CareEpisode`` rows, derived from legal statuses and placements by
``care.episodes`` (one place for that fact), so this module only chooses the year's rows and
writes them. An episode still open on 31 March is written open: its end date, reason for
ceasing and reason for the placement change are after the year and not yet reported (DEC,
REC and REASON_PLACE_CHANGE blank; rules 233 and 1009 for 2025/26).
"""

from lantern.care.models import LookedAfterReview
from lantern.returns.ssda903.scope import episodes_in
from lantern.returns.years import CollectionYear


def episode_rows(year: CollectionYear) -> list[dict]:
    rows = []
    found = episodes_in(year).select_related("person", "period", "placement")
    for e in found.order_by("person__council_id", "start_date", "pk"):
        closed = e.end_date is not None and e.end_date <= year.end
        placement = e.placement
        rows.append(
            {
                "CHILD": e.person.council_id,
                "DECOM": e.start_date,
                "RNE": e.reason_new,
                "LS": e.legal_status,
                "CIN": e.period.category_of_need,
                "PLACE": placement.placement_type if placement else "",
                "PLACE_PROVIDER": placement.provider if placement else "",
                "DEC": e.end_date if closed else None,
                "REC": e.reason_ceased if closed else "",
                "REASON_PLACE_CHANGE": e.reason_place_change if closed else "",
                "HOME_POST": e.period.home_postcode,
                "PL_POST": placement.postcode if placement else "",
                "URN": placement.urn if placement else "",
            }
        )
    return rows


def review_rows(year: CollectionYear) -> list[dict]:
    """Each looked-after review held in the year, with how the child took part."""
    reviews = LookedAfterReview.objects.filter(
        held_on__gte=year.start, held_on__lte=year.end
    ).select_related("person")
    return [
        {
            "CHILD": r.person.council_id,
            "DOB": r.person.date_of_birth,
            "REVIEW": r.held_on,
            "REVIEW_CODE": r.participation,
        }
        for r in reviews.order_by("person__council_id", "held_on", "pk")
    ]
