"""The demo borough's workforce and money (issue 14): every paid member of staff has a
contract, some of them agency; each team has funded posts with some vacant; the year's
budget is near its forecast; most children's cases were discussed in supervision lately."""

import datetime as dt

import pytest

from lantern.insight.cost import budget_table
from lantern.insight.measures import Period
from lantern.insight.oversight import oversight_recency
from lantern.insight.workforce import contracts_table, vacancies
from lantern.workforce.models import BudgetLine, Contract, StaffMember, Team

TODAY = dt.date(2026, 11, 23)
YEAR = Period(dt.date(2026, 4, 1), TODAY)
pytestmark = pytest.mark.django_db


def test_every_paid_member_of_staff_has_a_contract_and_some_are_agency(demo_borough):
    paid = StaffMember.objects.exclude(team__kind__in=[Team.Kind.PARTNER, Team.Kind.ADMINISTRATION])
    paid = paid.exclude(team__isnull=True)
    assert set(paid.values_list("user_id", flat=True)) <= set(
        Contract.objects.values_list("staff_id", flat=True)
    )
    kinds = {row["kind"]: row for row in contracts_table(YEAR).rows}
    assert 5 <= kinds["Agency"]["fte_percent"] <= 35  # England: about 18 %
    assert kinds["Agency"]["spend"] > 0 and kinds["Permanent"]["spend"] > 0


def test_teams_have_vacancies_near_englands_rate(demo_borough):
    total = vacancies(TODAY).rows[-1]
    assert total["team"] == "All teams"
    assert 8 <= total["rate"] <= 30  # England: about 18 %


def test_the_budget_is_near_the_forecast_and_every_line_is_set(demo_borough):
    assert BudgetLine.objects.filter(year=2026).count() == len(BudgetLine.Line.values)
    rows = {row["line"]: row for row in budget_table(YEAR).rows}
    fostering = rows["Placements: fostering"]
    assert fostering["to_date"] > 0
    assert abs(fostering["variance"]) <= fostering["budget"] / 10


def test_most_cases_were_discussed_in_supervision_in_the_last_three_months(demo_borough):
    rows = {row["band"]: row for row in oversight_recency(TODAY).rows}
    recent = rows["Within 1 month"]["supervision"] + rows["1 to 3 months"]["supervision"]
    everyone = sum(row["supervision"] for row in rows.values())
    assert recent >= everyone * 0.6
