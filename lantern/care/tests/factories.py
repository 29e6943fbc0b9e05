"""Building looked-after children for tests: through the care actions, so every test starts
from a record the guards accepted."""

import datetime as dt

from lantern.care.actions.carers import record_carer
from lantern.care.actions.periods import start_care as start_care_action
from lantern.care.models import Carer, PeriodOfCare


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
    **placement,
) -> PeriodOfCare:
    return start_care_action(
        child,
        acting_user=worker,
        start_date=on,
        legal_status=legal_status,
        carer=carer or foster_carers(),
        placement_type=placement_type,
        category_of_need=category_of_need,
        home_postcode=placement.pop("home_postcode", "N15 3AB"),
        **placement,
    )


__all__ = ["foster_carers", "record_carer", "start_care"]
