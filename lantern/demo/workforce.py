"""The demo's workforce and money: contracts, each team's funded posts, supervision of each
worker's cases, and the year's budget, all through the administrator's actions.

Calibrated to England's children's social work workforce (DfE, 2024): about 18 % of social
workers are agency staff and the vacancy rate is about 18 %, most vacancies covered by
agency workers. An agency social worker costs about £75,000 to £95,000 a year (a day rate
of about £300 to £375); an employed one £45,000 to £60,000 with on-costs. Budgets sit near
the year's forecast spend, some lines over and some under, as councils' do. Every random
choice is keyed on usernames and dates, never on database ids.
"""

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth.models import User
from django.db.models import Q

from lantern.clocks.calendar import add_months, current_calendar
from lantern.insight.cost import budget_table
from lantern.insight.measures import Period
from lantern.insight.spend import financial_year
from lantern.insight.workforce import contracts_table, vacancies
from lantern.workforce.models import Allocation, BudgetLine, Contract, StaffMember, Team
from lantern.workforce.resources import record_contract, set_budget, set_establishment
from lantern.workforce.supervision import record_supervision

T = Team.Kind
AGENCY_SHARE = {"Social worker": 0.22, "MASH social worker": 0.22, "Personal adviser": 0.12}
# Full-time annual cost with on-costs (£), by job title; agency day rates (£) for all.
ANNUAL = {
    "Team manager": (64_000, 72_000),
    "IRO": (58_000, 64_000),
    "Performance analyst": (42_000, 50_000),
}
SOCIAL_WORKER_ANNUAL = (45_000, 60_000)
DAY_RATE = (300, 375)
UNPAID = {T.PARTNER, T.ADMINISTRATION}


def _admin() -> User:
    return User.objects.get(username="admin")


def _contracts(rng: random.Random, today: dt.date, admin: User) -> int:
    members = (
        StaffMember.objects.exclude(team__kind__in=UNPAID)
        .exclude(team__isnull=True)
        .select_related("user")
        .order_by("user__username")
    )
    made = 0
    for member in members:
        title = member.job_title
        fte = rng.choices(["1", "0.8", "0.6"], weights=[85, 10, 5])[0]
        low, high = ANNUAL.get(title, SOCIAL_WORKER_ANNUAL)
        annual = str(500 * round(rng.uniform(low, high) / 500))
        day_rate = str(5 * round(rng.uniform(*DAY_RATE) / 5))
        who = {"acting_user": admin, "fte": fte}
        if rng.random() < AGENCY_SHARE.get(title, 0.08):
            start = today - dt.timedelta(days=rng.randint(30, 700))
            record_contract(member.user, kind="agency", start=start, day_rate=day_rate, **who)
            made += 1
            continue
        if rng.random() < 0.06:  # took a permanent post this year after an agency spell
            converted = today - dt.timedelta(days=rng.randint(20, 200))
            start = converted - dt.timedelta(days=rng.randint(90, 400))
            record_contract(member.user, kind="agency", start=start, day_rate=day_rate, **who)
            record_contract(
                member.user, kind="permanent", start=converted, annual_cost=annual, **who
            )
            made += 2
            continue
        kind = "fixed_term" if rng.random() < 0.04 else "permanent"
        start = today - dt.timedelta(days=rng.randint(60, 3650))
        record_contract(member.user, kind=kind, start=start, annual_cost=annual, **who)
        made += 1
    return made


def _establishment(rng: random.Random, today: dt.date, admin: User) -> int:
    """Funded posts set so the employed staff leave 12 to 24 % of them vacant."""
    year = financial_year(today)
    on_day = Contract.objects.filter(start__lte=today).filter(
        Q(end__isnull=True) | Q(end__gte=today)
    )
    teams = Team.objects.exclude(kind__in=UNPAID).order_by("name")
    for team in teams:
        employed = sum(
            (c.fte for c in on_day.filter(staff__staff__team=team).exclude(kind="agency")),
            Decimal(0),
        )
        vacant = Decimal(str(rng.uniform(0.12, 0.24)))
        funded = (employed / (1 - vacant)).quantize(Decimal("0.1")) if employed else Decimal(1)
        set_establishment(
            team,
            acting_user=admin,
            funded_fte=max(funded, employed),
            effective_from=year.start,
            reason=f"Budget {year.start.year}-{(year.start.year + 1) % 100:02d}",
        )
    return teams.count()


def _supervision(rng: random.Random, today: dt.date) -> int:
    """Each case-holding worker's supervision about every four to six weeks over the last
    six months, discussing most (not all) of the children allocated to them that day."""
    calendar, written = current_calendar(), 0
    managers = dict(Team.objects.filter(manager__isnull=False).values_list("pk", "manager_id"))
    workers = (
        User.objects.filter(allocations__end__isnull=True, staff__team_id__in=list(managers))
        .distinct()
        .order_by("username")
        .select_related("staff")
    )
    supervisors = User.objects.in_bulk(list(managers.values()))
    for worker in workers:
        supervisor = supervisors[managers[worker.staff.team_id]]
        if supervisor.pk == worker.pk:
            continue
        day = add_months(today, -6) + dt.timedelta(days=rng.randint(0, 20))
        while day <= today:
            if calendar.is_working_day(day):
                children = list(
                    Allocation.objects.filter(worker=worker, start__lte=day)
                    .filter(Q(end__isnull=True) | Q(end__gt=day))
                    .order_by("child__last_name", "child__first_name", "start")
                    .select_related("child")
                )
                chosen = [a.child for a in children if rng.random() < 0.8]
                if chosen:
                    record_supervision(
                        worker,
                        supervisor=supervisor,
                        held_on=day,
                        children=chosen,
                        acting_user=supervisor,
                    )
                    written += len(chosen)
            day += dt.timedelta(days=rng.randint(28, 45))
    return written


def _budget(rng: random.Random, today: dt.date, admin: User) -> None:
    """Each line near its forecast for the year; other spend (not measured in Lantern)
    about a fifth of the rest."""
    year = financial_year(today)
    forecast = {
        row["line"]: row["forecast"] for row in budget_table(Period(year.start, today)).rows
    }
    measured = Decimal(0)
    for line, label in BudgetLine.Line.choices:
        if line == BudgetLine.Line.OTHER:
            continue
        amount = Decimal(forecast.get(label) or 0) * Decimal(str(rng.uniform(0.92, 1.06)))
        amount = Decimal(1000 * round(amount / 1000))
        measured += amount
        set_budget(year.start.year, line, acting_user=admin, amount=amount, reason="Council budget")
    other = Decimal(1000 * round(measured * Decimal("0.2") / 1000))
    set_budget(year.start.year, "other", acting_user=admin, amount=other, reason="Council budget")


def generate(rng: random.Random, today: dt.date) -> dict[str, int]:
    admin = _admin()
    contracts = _contracts(rng, today, admin)
    teams = _establishment(rng, today, admin)
    discussed = _supervision(rng, today)
    _budget(rng, today, admin)
    return {"contracts": contracts, "establishments": teams, "cases supervised": discussed}


def summary(today: dt.date) -> list[str]:
    """The demo's workforce and cost beside England's (DfE children's social work workforce
    2024: agency 17.6 % of social workers (FTE), vacancy rate 17.8 %)."""
    year = financial_year(today)
    kinds = {r["kind"]: r for r in contracts_table(Period(year.start, today)).rows}
    rate = vacancies(today).rows[-1]["rate"]
    total = budget_table(Period(year.start, today)).rows[-1]
    return [
        f"agency staff: {kinds['Agency']['fte_percent']} % of FTE (England 17.6 %); "
        f"vacancy rate {rate} % (England 17.8 %)",
        f"budget {year.start.year}: £{total['budget']:,.0f}; spent to date "
        f"£{total['to_date']:,.0f}; forecast £{total['forecast']:,.0f}",
    ]
