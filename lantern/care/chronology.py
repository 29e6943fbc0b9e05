"""What each care record says in the child's chronology, read from the record itself
(``lantern.chronology.describe``): a period of care its start, care plan and end; a legal
status its change; a placement its start and, on a move, why it ended."""

from lantern.care import codes
from lantern.care.models import LegalStatus, PeriodOfCare, Placement
from lantern.chronology.describe import Described, describer


def _date(day) -> str:
    return f"{day.day} {day:%B %Y}"


@describer(PeriodOfCare._meta.label)
def period_of_care(record: PeriodOfCare) -> list[Described]:
    first = record.statuses.order_by("start_date", "pk").first()
    status = f" ({first.code}: {codes.LEGAL_STATUS.label(first.code)})" if first else ""
    need = codes.CATEGORY_OF_NEED.label(record.category_of_need)
    entries = [
        Described(
            record.person,
            "looked_after",
            record.start_date,
            f"Became looked after{status}. Category of need: {need}.",
        )
    ]
    if record.care_plan_date is not None:
        entries.append(
            Described(record.person, "looked_after", record.care_plan_date, "Care plan made.")
        )
    if record.end_date is not None:
        reason = codes.REASON_EPISODE_CEASED.label(record.reason_ceased)
        entries.append(
            Described(
                record.person,
                "looked_after",
                record.end_date,
                f"Ceased to be looked after: {reason}.",
            )
        )
    return entries


@describer(LegalStatus._meta.label)
def legal_status(record: LegalStatus) -> list[Described]:
    if record.start_date == record.period.start_date:
        return []  # the period's own entry names the status it started with
    return [
        Described(
            record.person,
            "looked_after",
            record.start_date,
            f"Legal status changed to {record.code}: {codes.LEGAL_STATUS.label(record.code)}.",
        )
    ]


@describer(Placement._meta.label)
def placement(record: Placement) -> list[Described]:
    kind = codes.PLACEMENT_TYPE.get(record.placement_type)
    label = kind.label if kind else record.placement_type
    emergency = " An emergency placement." if record.emergency else ""
    entries = [
        Described(
            record.person,
            "placement",
            record.start_date,
            f"Placed with {record.carer} ({record.placement_type}: {label}).{emergency}",
        )
    ]
    if record.end_date is not None and record.reason_changed:
        reason = codes.REASON_PLACE_CHANGE.label(record.reason_changed)
        entries.append(
            Described(
                record.person,
                "placement",
                record.end_date,
                f"Placement with {record.carer} ended: {reason}.",
            )
        )
    return entries
