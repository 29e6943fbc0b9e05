"""Rules are kept in step with the table without losing a council's own policy."""

import pytest

from lantern.clocks.models import ClockRule
from lantern.clocks.seed import sync_rules

pytestmark = pytest.mark.django_db


def test_a_councils_interval_survives_the_next_migrate():
    ClockRule.objects.filter(code="cp_visit").update(amount=15)
    sync_rules()
    assert ClockRule.objects.get(code="cp_visit").amount == 15


def test_a_national_timescale_is_restored_from_the_table():
    ClockRule.objects.filter(code="icpc").update(amount=20)
    sync_rules()
    assert ClockRule.objects.get(code="icpc").amount == 15


def test_a_rule_dropped_from_the_table_is_retired_not_deleted():
    ClockRule.objects.create(
        code="old_rule",
        label="Old",
        amount=1,
        unit="working_days",
        applies_to="-",
        source="-",
        action="-",
    )
    sync_rules()
    assert ClockRule.objects.get(code="old_rule").retired
