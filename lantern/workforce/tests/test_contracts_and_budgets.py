"""The administrator's records of contracts, establishment and budget: refused with a reason
naming the field, and audited with the value before and after."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from lantern.access import roles
from lantern.access.models import AuditEntry
from lantern.workforce.models import BudgetLine, CaseSupervision, Contract, Team
from lantern.workforce.resources import (
    end_contract,
    record_contract,
    set_budget,
    set_establishment,
)
from lantern.workforce.supervision import record_supervision


@pytest.fixture
def admin(make_staff):
    return make_staff("ada", roles.SYSTEM_ADMINISTRATOR, Team.Kind.ADMINISTRATION)


def refused_on(field, call, *args, **kwargs):
    with pytest.raises(ValidationError) as refused:
        call(*args, **kwargs)
    assert field in refused.value.message_dict
    return refused.value.message_dict[field][0]


def permanent(user, admin, start=dt.date(2026, 4, 1), **extra):
    return record_contract(
        user,
        acting_user=admin,
        kind="permanent",
        start=start,
        fte="1",
        annual_cost="52000",
        **extra,
    )


def test_an_agency_contract_needs_its_day_rate(admin, social_worker):
    message = refused_on(
        "day_rate",
        record_contract,
        social_worker,
        acting_user=admin,
        kind="agency",
        start=dt.date(2026, 4, 1),
        fte="1",
        annual_cost="52000",
    )
    assert "day rate" in message
    assert not Contract.objects.exists()


def test_fte_above_one_is_refused(admin, social_worker):
    message = refused_on(
        "fte",
        record_contract,
        social_worker,
        acting_user=admin,
        kind="permanent",
        start=dt.date(2026, 4, 1),
        fte="1.2",
        annual_cost="52000",
    )
    assert message == "Full-time equivalent must be more than 0 and at most 1"


def test_a_new_contract_ends_the_open_one_the_day_before_and_both_are_audited(admin, social_worker):
    record_contract(
        social_worker,
        acting_user=admin,
        kind="agency",
        start=dt.date(2026, 4, 1),
        fte="1",
        day_rate="380",
    )
    permanent(social_worker, admin, start=dt.date(2026, 10, 1))
    agency, perm = Contract.objects.order_by("start")
    assert (agency.end, perm.end) == (dt.date(2026, 9, 30), None)
    details = list(AuditEntry.objects.filter(user=admin).values_list("detail", flat=True))
    assert any("agency contract of alice ends 2026-09-30 (was open)" in d for d in details)
    assert any(d.startswith("permanent contract for alice from 2026-10-01") for d in details)


def test_a_contract_overlapping_a_closed_one_is_refused(admin, social_worker):
    permanent(social_worker, admin, start=dt.date(2026, 1, 1), end=dt.date(2026, 6, 30))
    message = refused_on("start", permanent, social_worker, admin, start=dt.date(2026, 6, 1))
    assert "overlaps their permanent contract from 1 January 2026" in message
    assert Contract.objects.count() == 1


def test_ending_a_contract_after_the_next_starts_is_refused(admin, social_worker):
    first = permanent(social_worker, admin, start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31))
    permanent(social_worker, admin, start=dt.date(2026, 4, 1))
    refused_on("end", end_contract, first, acting_user=admin, end=dt.date(2026, 4, 1))
    end_contract(first, acting_user=admin, end=dt.date(2026, 3, 20))
    first.refresh_from_db()
    assert first.end == dt.date(2026, 3, 20)


def test_establishment_needs_a_reason_and_a_change_the_same_day_replaces_it(admin, social_worker):
    team = social_worker.staff.team
    on = dt.date(2026, 4, 1)
    refused_on(
        "reason",
        set_establishment,
        team,
        acting_user=admin,
        funded_fte="10",
        effective_from=on,
        reason=" ",
    )
    set_establishment(team, acting_user=admin, funded_fte="10", effective_from=on, reason="Budget")
    row = set_establishment(
        team, acting_user=admin, funded_fte="12", effective_from=on, reason="Growth"
    )
    assert team.establishment.count() == 1 and row.funded_fte == 12
    assert AuditEntry.objects.filter(detail__contains="10.00 -> 12 FTE; Growth").exists()


def test_budget_change_is_audited_with_before_and_after(admin):
    set_budget(2026, "fostering", acting_user=admin, amount="9000000", reason="Council budget")
    set_budget(2026, "fostering", acting_user=admin, amount="9500000", reason="In-year growth")
    assert BudgetLine.objects.get().amount == 9500000
    assert AuditEntry.objects.filter(
        detail="budget 2026-27 fostering: £9000000.00 -> £9500000.00; In-year growth"
    ).exists()
    refused_on("amount", set_budget, 2026, "agency", acting_user=admin, amount="-1", reason="x")


def test_supervision_only_of_the_workers_own_children(
    make_person, social_worker, manager, allocate
):
    amy, ben = make_person("Amy", "Test"), make_person("Ben", "Test")
    allocate(amy, social_worker, dt.date(2026, 6, 1))
    on = dt.date(2026, 11, 20)
    refused_on(
        "children",
        record_supervision,
        social_worker,
        supervisor=manager,
        held_on=on,
        children=[amy, ben],
        acting_user=manager,
    )
    assert not CaseSupervision.objects.exists()
    record_supervision(
        social_worker, supervisor=manager, held_on=on, children=[amy], acting_user=manager
    )
    record_supervision(  # recorded twice: still one discussion
        social_worker, supervisor=manager, held_on=on, children=[amy], acting_user=manager
    )
    assert CaseSupervision.objects.filter(child=amy).count() == 1
    assert AuditEntry.objects.filter(person=amy, detail__contains="supervision with mo").exists()
