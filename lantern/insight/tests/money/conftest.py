"""Insight personas: an administrator who records contracts and budgets, and a way to put a
child in a costed placement for exact dates (the placement actions have their own tests;
here only the dates and the weekly cost matter)."""

import datetime as dt
from decimal import Decimal

import pytest

from lantern.access import roles
from lantern.care.models import Carer, PeriodOfCare, Placement
from lantern.workforce.models import Team


@pytest.fixture
def admin(make_staff):
    return make_staff("ada", roles.SYSTEM_ADMINISTRATOR, Team.Kind.ADMINISTRATION)


@pytest.fixture
def place(db, make_person, social_worker):
    carer = Carer.objects.create(name="The Okafor household", kind="foster", provider="PR1")
    people = {}

    def put(
        name: str,
        start: dt.date,
        end: dt.date | None,
        weekly: str | None,
        placement_type: str = "U6",
    ) -> Placement:
        child = people.get(name) or make_person(name, "Test", dt.date(2012, 1, 1))
        people[name] = child
        period = PeriodOfCare.objects.filter(person=child).first() or PeriodOfCare.objects.create(
            person=child,
            start_date=start,
            category_of_need="N1",
            created_by=social_worker,
            updated_by=social_worker,
        )
        return Placement.objects.create(
            person=child,
            period=period,
            carer=carer,
            placement_type=placement_type,
            start_date=start,
            end_date=end,
            weekly_cost=None if weekly is None else Decimal(weekly),
            created_by=social_worker,
            updated_by=social_worker,
        )

    return put
