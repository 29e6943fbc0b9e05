"""Caseloads, agency against employed staff, vacancies, changes of worker and oversight
recency, on Tuesday 24 November 2026 (the 12 months run from 25 November 2025)."""

import datetime as dt
from decimal import Decimal

import pytest

from lantern.access import roles
from lantern.casework.models import ManagementOversight
from lantern.insight import workforce
from lantern.insight.measures import Period
from lantern.insight.oversight import many_worker_changes, oversight_recency
from lantern.workforce.models import Allocation
from lantern.workforce.resources import record_contract, set_establishment
from lantern.workforce.supervision import record_supervision

DAY = dt.date(2026, 11, 24)


@pytest.fixture
def bob(make_staff):
    return make_staff("bob", roles.SOCIAL_WORKER)


@pytest.fixture
def cat(make_staff):
    return make_staff("cat", roles.SOCIAL_WORKER)


def hire(admin, user, kind="permanent", fte="1", **cost):
    cost = cost or ({"day_rate": "400"} if kind == "agency" else {"annual_cost": "52000"})
    return record_contract(
        user, acting_user=admin, kind=kind, start=dt.date(2025, 4, 1), fte=fte, **cost
    )


def reallocate(child, worker, on):
    Allocation.objects.filter(child=child, end__isnull=True).update(end=on)
    Allocation.objects.create(child=child, worker=worker, team=worker.staff.team, start=on)


def test_caseload_by_worker_counts_open_allocations_and_children_per_fte(
    admin, make_person, social_worker, bob, allocate
):
    hire(admin, social_worker, fte="0.5")
    for name in ("Amy", "Ben"):
        allocate(make_person(name, "Test"), social_worker, dt.date(2026, 6, 1))
    carl = make_person("Carl", "Test")
    allocate(carl, bob, dt.date(2026, 6, 1))
    reallocate(carl, social_worker, DAY)  # moves to alice today: hers, not bob's
    dan = make_person("Dan", "Test")
    allocate(dan, bob, dt.date(2026, 6, 1))
    Allocation.objects.filter(child=dan).update(end=dt.date(2026, 11, 1))  # closed
    rows = {r["worker"]: r for r in workforce.caseload_by_worker(DAY).rows}
    assert rows["Alice Tester"]["children"] == 3
    assert rows["Alice Tester"]["per_fte"] == 6.0  # 3 children at 0.5 FTE
    assert rows["Alice Tester"]["contract"] == "Permanent"
    assert "Bob Tester" not in rows
    team = workforce.caseload_by_team(DAY).rows
    assert team == [{"team": "Team child_protection", "workers": 1, "children": 3, "average": 3.0}]


def test_agency_against_employed_headcount_fte_and_cost(admin, social_worker, bob, cat):
    hire(admin, social_worker)
    hire(admin, bob, fte="0.5")
    hire(admin, cat, kind="agency")
    table = workforce.contracts_table(Period(dt.date(2026, 4, 1), dt.date(2026, 4, 30)))
    rows = {r["kind"]: r for r in table.rows}
    assert rows["Permanent"]["headcount"] == 2
    assert rows["Permanent"]["fte"] == Decimal("1.5")
    assert rows["Agency"]["fte_percent"] == 40.0  # 1 of 2.5 FTE
    assert rows["Agency"]["spend"] == Decimal("8000.00")  # 20 working days × £400
    # 30 days × £52,000 × 1.5 / 365 = £6,410.958…
    assert rows["Permanent"]["spend"] == Decimal("6410.96")


def test_vacancies_are_funded_posts_less_employed_staff_agency_covering(
    admin, social_worker, bob, cat
):
    team = social_worker.staff.team
    set_establishment(
        team, acting_user=admin, funded_fte="4", effective_from=dt.date(2026, 4, 1), reason="Budget"
    )
    set_establishment(
        team,
        acting_user=admin,
        funded_fte="6",
        effective_from=dt.date(2026, 12, 1),
        reason="Growth",
    )
    hire(admin, social_worker)
    hire(admin, bob, fte="0.5")
    hire(admin, cat, kind="agency")
    [row] = workforce.vacancies(DAY).rows
    assert row["funded"] == Decimal("4")  # December's growth is not yet funded
    assert row["employed"] == Decimal("1.5")
    assert row["vacancies"] == Decimal("2.5")
    assert row["agency"] == Decimal("1")
    assert row["uncovered"] == Decimal("1.5")
    assert row["rate"] == 62.5  # 2.5 of 4


def test_children_with_three_changes_of_worker_in_12_months(
    make_person, social_worker, bob, cat, allocate
):
    amy, ben, cal = (make_person(n, "Test") for n in ("Amy", "Ben", "Cal"))
    for child in (amy, ben, cal):
        allocate(child, social_worker, dt.date(2025, 1, 6))
    # Amy: bob, cat, then alice again, all in the window: 3 changes
    for worker, on in (
        (bob, dt.date(2025, 11, 25)),
        (cat, dt.date(2026, 3, 2)),
        (social_worker, DAY),
    ):
        reallocate(amy, worker, on)
    # Ben: the first change is on 24 Nov 2025, the day before the window: 2 changes
    for worker, on in ((bob, dt.date(2025, 11, 24)), (cat, dt.date(2026, 3, 2)), (bob, DAY)):
        reallocate(ben, worker, on)
    [row] = many_worker_changes(DAY).rows
    assert row["children"] == 3
    assert row["many"] == 1
    assert row["child_ids"] == [amy.pk]
    assert row["percent"] == 33.3


def test_oversight_recency_bands_at_their_edges(make_person, social_worker, manager, allocate):
    kids = [make_person(n, "Test") for n in ("Amy", "Ben", "Cal", "Dee", "Eve")]
    for child in kids:
        allocate(child, social_worker, dt.date(2026, 1, 5))
    held = [
        dt.date(2026, 10, 24),
        dt.date(2026, 10, 23),
        dt.date(2026, 8, 24),
        dt.date(2026, 8, 23),
    ]
    for child, day in zip(kids, held, strict=False):  # Eve: never discussed
        record_supervision(
            social_worker, supervisor=manager, held_on=day, children=[child], acting_user=manager
        )
    ManagementOversight.objects.create(
        person=kids[4],
        recorded_on=dt.date(2026, 11, 20),
        direction="Visit weekly.",
        created_by=manager,
        updated_by=manager,
    )
    rows = {r["band"]: r for r in oversight_recency(DAY).rows}
    assert rows["Within 1 month"]["supervision"] == 1  # 24 Oct: a month before, to the day
    assert rows["Within 1 month"]["supervision_child_ids"] == [kids[0].pk]
    assert rows["1 to 3 months"]["supervision"] == 2  # 23 Oct and 24 Aug
    assert rows["Over 3 months"]["supervision"] == 1  # 23 Aug
    assert rows["Never"]["supervision_child_ids"] == [kids[4].pk]
    assert rows["Within 1 month"]["oversight"] == 1
    assert rows["Never"]["oversight"] == 4
    assert all("name" not in key for row in rows.values() for key in row)


def test_workforce_tables_for_one_team_include_its_workers(
    admin, make_person, social_worker, allocate
):
    hire(admin, social_worker)
    allocate(make_person("Amy", "Test"), social_worker, dt.date(2026, 6, 1))
    team = social_worker.staff.team
    tables = workforce.workforce_tables(Period(dt.date(2026, 4, 1), DAY), team=team)
    titles = [t.title for t in tables]
    assert "Caseload by worker on 24 November 2026" in titles
    assert tables[1].rows[0]["worker"] == "Alice Tester"
    assert len(workforce.workforce_tables(Period(dt.date(2026, 4, 1), DAY))) == len(tables) - 1
