"""Building looked-after children for tests.

Until the care actions exist (``care.actions``), this writes the records directly; once they
do, ``start_care`` calls them, with the same signature, so tests never depend on how.
"""

import datetime as dt

from lantern.care.models import Carer, LegalStatus, PeriodOfCare, Placement


def foster_carers(name: str = "The Okafor household", **fields) -> Carer:
    defaults = {
        "kind": Carer.Kind.FOSTERING_HOUSEHOLD,
        "provider": "PR1",
        "urn": "SC123456",
        "postcode": "N17 6RA",
    }
    return Carer.objects.create(name=name, **{**defaults, **fields})


def start_care(
    child,
    worker,
    on: dt.date,
    *,
    legal_status: str = "C1",
    placement_type: str = "U6",
    carer: Carer | None = None,
    category_of_need: str = "N1",
) -> PeriodOfCare:
    carer = carer or foster_carers()
    mine = {"person": child, "created_by": worker, "updated_by": worker}
    period = PeriodOfCare.objects.create(
        start_date=on, category_of_need=category_of_need, home_postcode="N15 3AB", **mine
    )
    LegalStatus.objects.create(period=period, code=legal_status, start_date=on, **mine)
    Placement.objects.create(
        period=period,
        carer=carer,
        placement_type=placement_type,
        provider=carer.provider,
        postcode=carer.postcode,
        urn=carer.urn,
        start_date=on,
        **mine,
    )
    return period
