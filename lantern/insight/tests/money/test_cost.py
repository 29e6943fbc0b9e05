"""Placement and staff spend, worked out by hand. A placement pays for the nights from its
start up to (not including) its end; £700 a week is £100 a night."""

import datetime as dt
from decimal import Decimal

from lantern.insight import cost
from lantern.insight.measures import Period
from lantern.insight.spend import placement_spend, staff_spend
from lantern.workforce.models import BudgetLine, Contract
from lantern.workforce.resources import record_contract, set_budget

MARCH = Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
APRIL = Period(dt.date(2026, 4, 1), dt.date(2026, 4, 30))
FOSTERING, RESIDENTIAL = BudgetLine.Line.FOSTERING, BudgetLine.Line.RESIDENTIAL


def test_a_700_a_week_placement_over_all_of_march_costs_3100(place):
    place("Amy", dt.date(2026, 2, 10), None, "700")
    assert placement_spend(MARCH)[FOSTERING] == Decimal("3100.00")  # 31 nights × £100


def test_a_placement_starting_mid_month_pays_from_its_first_night(place):
    place("Amy", dt.date(2026, 3, 15), None, "350")
    assert placement_spend(MARCH)[FOSTERING] == Decimal("850.00")  # 15th to 31st: 17 × £50


def test_a_placement_ending_mid_month_does_not_pay_for_its_last_day(place):
    place("Amy", dt.date(2026, 2, 1), dt.date(2026, 3, 10), "700")
    assert placement_spend(MARCH)[FOSTERING] == Decimal("900.00")  # 1st to 9th: 9 × £100


def test_the_month_boundary_a_move_on_1_april_is_paid_by_the_new_placement(place):
    place("Amy", dt.date(2026, 1, 5), dt.date(2026, 4, 1), "700")
    place("Amy", dt.date(2026, 4, 1), None, "1400", placement_type="K2")
    place("Ben", dt.date(2026, 3, 31), None, "1400", placement_type="K2")
    march, april = placement_spend(MARCH), placement_spend(APRIL)
    assert march[FOSTERING] == Decimal("3100.00")  # all 31 March nights, none in April
    assert april[FOSTERING] == Decimal("0.00")
    assert march[RESIDENTIAL] == Decimal("200.00")  # Ben's one night, 31 March
    assert april[RESIDENTIAL] == Decimal("12000.00")  # 2 children × 30 nights × £200


def test_placements_without_a_weekly_cost_cost_nothing(place):
    place("Amy", dt.date(2026, 2, 10), None, None, placement_type="P1")
    assert sum(placement_spend(MARCH).values()) == 0


def test_spend_by_month_has_a_line_per_type_and_one_for_agency_staff(place):
    place("Amy", dt.date(2026, 2, 10), dt.date(2026, 3, 16), "700")
    series = cost.spend_by_month(Period(dt.date(2026, 2, 1), dt.date(2026, 3, 31)))
    fostering = next(s for s in series if s.label == "Fostering")
    assert fostering.points == [("Feb 2026", 1900.0), ("Mar 2026", 1500.0)]  # 19 and 15 nights
    assert series[-1].label == "Agency staff"
    table = cost.placement_spend_table(Period(dt.date(2026, 2, 1), dt.date(2026, 3, 31)))
    assert table.rows[-1]["total"] == Decimal("3400.00")


def test_cost_per_child_counts_each_child_once_per_type(place):
    place("Amy", dt.date(2026, 2, 10), dt.date(2026, 3, 11), "700")
    place("Amy", dt.date(2026, 3, 11), None, "840")  # a second foster home, same type
    place("Ben", dt.date(2026, 3, 1), None, "1400", placement_type="K2")
    rows = {r["type"]: r for r in cost.cost_per_child_table(MARCH).rows}
    # Amy: 10 nights × £100 + 21 nights × £120 = £1,000 + £2,520 = £3,520 over 31 nights
    assert rows["Fostering"]["children"] == 1
    assert rows["Fostering"]["spend"] == Decimal("3520.00")
    assert rows["Fostering"]["per_child"] == Decimal("3520.00")
    assert rows["Fostering"]["weekly"] == Decimal("794.84")  # 3520 / 31 × 7
    assert rows["Children's homes and residential"]["spend"] == Decimal("6200.00")


def test_an_agency_worker_taking_a_permanent_post_mid_year(admin, social_worker):
    record_contract(
        social_worker,
        acting_user=admin,
        kind=Contract.Kind.AGENCY,
        start=dt.date(2026, 4, 1),
        fte="1",
        day_rate="400",
    )
    record_contract(
        social_worker,
        acting_user=admin,
        kind=Contract.Kind.PERMANENT,
        start=dt.date(2026, 10, 1),
        fte="1",
        annual_cost="54750",  # £150 a day
    )
    agency = Contract.objects.get(kind=Contract.Kind.AGENCY)
    assert agency.end == dt.date(2026, 9, 30)
    spend = staff_spend(Period(dt.date(2026, 4, 1), dt.date(2026, 11, 30)))
    # 1 April to 30 September 2026: 131 weekdays less Good Friday, Easter Monday, the two
    # May bank holidays and 31 August = 126 working days × £400
    assert spend[Contract.Kind.AGENCY] == Decimal("50400.00")
    # 1 October to 30 November: 61 days × £54,750 / 365
    assert spend[Contract.Kind.PERMANENT] == Decimal("9150.00")


def test_a_part_time_permanent_post_costs_its_share(admin, social_worker):
    record_contract(
        social_worker,
        acting_user=admin,
        kind=Contract.Kind.PERMANENT,
        start=dt.date(2025, 1, 1),
        fte="0.5",
        annual_cost="52000",
    )
    # March: 31 days × £52,000 × 0.5 / 365 = £2,208.219…
    assert staff_spend(MARCH)[Contract.Kind.PERMANENT] == Decimal("2208.22")


def test_budget_against_spend_to_date_and_forecast_to_year_end(place, admin, social_worker):
    place("Amy", dt.date(2026, 4, 1), None, "700")
    record_contract(
        social_worker,
        acting_user=admin,
        kind=Contract.Kind.PERMANENT,
        start=dt.date(2026, 4, 1),
        fte="1",
        annual_cost="54750",
    )
    set_budget(2026, FOSTERING, acting_user=admin, amount="40000", reason="Set by council")
    set_budget(2026, "staffing", acting_user=admin, amount="50000", reason="Set by council")
    table = cost.budget_table(Period(dt.date(2026, 4, 1), dt.date(2026, 9, 30)))
    rows = {r["line"]: r for r in table.rows}
    fostering = rows["Placements: fostering"]
    assert fostering["to_date"] == Decimal("18300.00")  # 183 nights × £100
    assert fostering["forecast"] == Decimal("36500.00")  # 365 nights to 31 March 2027
    assert fostering["variance"] == Decimal("-3500.00")
    assert fostering["spent_percent"] == 45.8  # 18,300 of 40,000
    staffing = rows["Staffing (employed)"]
    assert staffing["to_date"] == Decimal("27450.00")  # 183 days × £150
    assert staffing["forecast"] == Decimal("54750.00")
    assert staffing["variance"] == Decimal("4750.00")
    assert rows["Other spend"]["to_date"] is None
    assert rows["Total"]["variance"] == Decimal("1250.00")  # 91,250 forecast - 90,000


def test_agency_spend_table_gives_agency_share_of_staff_spend(admin, social_worker, make_staff):
    from lantern.access import roles

    bob = make_staff("bob", roles.SOCIAL_WORKER)
    record_contract(
        social_worker,
        acting_user=admin,
        kind=Contract.Kind.AGENCY,
        start=dt.date(2026, 1, 1),
        fte="1",
        day_rate="400",
    )
    record_contract(
        bob,
        acting_user=admin,
        kind="permanent",
        start=dt.date(2026, 1, 1),
        fte="1",
        annual_cost="36500",  # £100 a day
    )
    april = cost.agency_spend_table(APRIL).rows[0]
    assert april["agency"] == Decimal("8000.00")  # 20 working days (Easter) × £400
    assert april["employed"] == Decimal("3000.00")  # 30 days × £100
    assert april["agency_percent"] == 72.7  # 8,000 of 11,000
