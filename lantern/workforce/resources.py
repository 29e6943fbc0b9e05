"""Writes about what children's services spend on people and places: staff contracts, each
team's funded posts, and the budget by line and year.

The administrator records them; insight reads them (``lantern.insight.workforce`` and
``lantern.insight.cost``). Every change is audited with the value before and after, so a
budget or an establishment that moved in the year can be explained.
"""

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.workforce.models import BudgetLine, Contract, Establishment, Team

ONE_DAY = dt.timedelta(days=1)


def refuse(message: str, field: str | None = None):
    raise ValidationError({field: message} if field else message)


def _money(value) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(Decimal("0.01"))


def _check_contract(kind, start, end, fte, annual_cost, day_rate) -> None:
    if kind not in Contract.Kind.values:
        refuse("Choose a contract type", "kind")
    if end is not None and end < start:
        refuse("The contract cannot end before it starts", "end")
    if not Decimal("0") < Decimal(fte) <= Decimal("1"):
        refuse("Full-time equivalent must be more than 0 and at most 1", "fte")
    if kind == Contract.Kind.AGENCY and not day_rate:
        refuse("An agency contract needs the agency's day rate", "day_rate")
    if kind != Contract.Kind.AGENCY and not annual_cost:
        refuse("An employed contract needs its annual cost", "annual_cost")


@transaction.atomic
def record_contract(
    staff_user: User,
    *,
    acting_user,
    kind: str,
    start: dt.date,
    fte,
    end: dt.date | None = None,
    annual_cost=None,
    day_rate=None,
    grade: str = "",
    request=None,
) -> Contract:
    """A new contract for ``staff_user``. An open contract that started earlier ends the day
    before this one starts (an agency worker taking a permanent post is one action); any
    other overlap is refused: nobody is paid twice for the same day."""
    _check_contract(kind, start, end, fte, annual_cost, day_rate)
    User.objects.select_for_update().filter(pk=staff_user.pk).first()
    mine = Contract.objects.select_for_update().filter(staff=staff_user)
    current = mine.filter(end__isnull=True, start__lt=start).first()
    if current is not None:
        _end(current, start - ONE_DAY, acting_user, request)
    reach = Q(end__isnull=True) | Q(end__gte=start)
    clash = mine.filter(reach).filter(start__lte=end) if end else mine.filter(reach)
    if (other := clash.first()) is not None:
        refuse(
            f"This overlaps their {other.get_kind_display().lower()} contract from "
            f"{other.start:%-d %B %Y}; change that contract's end first",
            "start",
        )
    agency = kind == Contract.Kind.AGENCY
    contract = Contract(
        staff=staff_user,
        kind=kind,
        start=start,
        end=end,
        fte=Decimal(fte),
        grade=grade,
        annual_cost=None if agency else _money(annual_cost),
        day_rate=_money(day_rate) if agency else None,
    )
    contract.full_clean()
    contract.save()
    cost = f"£{contract.day_rate}/day" if agency else f"£{contract.annual_cost}/year full-time"
    audit.record(
        request,
        AuditEntry.Action.CREATE,
        user=acting_user,
        obj=contract,
        detail=f"{kind} contract for {staff_user.get_username()} from {start} to "
        f"{end or 'open'}, {contract.fte} FTE, {cost}",
    )
    return contract


def _end(contract: Contract, end: dt.date, acting_user, request) -> None:
    if end < contract.start:
        refuse("The contract cannot end before it starts", "end")
    before = contract.end
    contract.end = end
    contract.save(update_fields=["end"])
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        user=acting_user,
        obj=contract,
        detail=f"{contract.kind} contract of {contract.staff.get_username()} ends "
        f"{end} (was {before or 'open'})",
    )


@transaction.atomic
def end_contract(contract: Contract, *, acting_user, end: dt.date, request=None) -> Contract:
    """The last day of a contract (a leaver, or an agency engagement that stops)."""
    locked = Contract.objects.select_for_update().get(pk=contract.pk)
    later = Contract.objects.filter(staff_id=locked.staff_id, start__gt=locked.start)
    if later.filter(start__lte=end).exists():
        refuse("Their next contract starts on or before this day", "end")
    _end(locked, end, acting_user, request)
    return locked


@transaction.atomic
def set_establishment(
    team: Team, *, acting_user, funded_fte, effective_from: dt.date, reason: str, request=None
) -> Establishment:
    """The team's funded posts from ``effective_from`` (a change the same day replaces it)."""
    reason = " ".join((reason or "").split())
    if not reason:
        refuse("Say why the establishment changes", "reason")
    if Decimal(funded_fte) < 0:
        refuse("Funded posts cannot be negative", "funded_fte")
    row = (
        Establishment.objects.select_for_update()
        .filter(team=team, effective_from=effective_from)
        .first()
    )
    before = row.funded_fte if row else None
    if row is None:
        row = Establishment(team=team, effective_from=effective_from)
    row.funded_fte, row.reason, row.recorded_by = Decimal(funded_fte), reason, acting_user
    row.full_clean()
    row.save()
    audit.record(
        request,
        AuditEntry.Action.UPDATE if before is not None else AuditEntry.Action.CREATE,
        user=acting_user,
        obj=row,
        detail=f"establishment of {team.name} from {effective_from}: "
        f"{before if before is not None else 'none'} -> {row.funded_fte} FTE; {reason}",
    )
    return row


@transaction.atomic
def set_budget(
    year: int, line: str, *, acting_user, amount, reason: str, request=None
) -> BudgetLine:
    """One line of the year's budget, replacing what was set before."""
    reason = " ".join((reason or "").split())
    if line not in BudgetLine.Line.values:
        refuse("Choose a budget line", "line")
    if not 2000 <= int(year) <= 2100:
        refuse("Give the year the financial year starts in, such as 2026", "year")
    if Decimal(amount) < 0:
        refuse("A budget cannot be negative", "amount")
    if not reason:
        refuse("Say why the budget is set or changed", "reason")
    row = BudgetLine.objects.select_for_update().filter(year=year, line=line).first()
    before = row.amount if row else None
    if row is None:
        row = BudgetLine(year=year, line=line)
    row.amount, row.reason, row.recorded_by = _money(amount), reason, acting_user
    row.full_clean()
    row.save()
    audit.record(
        request,
        AuditEntry.Action.UPDATE if before is not None else AuditEntry.Action.CREATE,
        user=acting_user,
        obj=row,
        detail=f"budget {year}-{(int(year) + 1) % 100:02d} {line}: "
        f"£{before if before is not None else 'none'} -> £{row.amount}; {reason}",
    )
    return row
