"""The team page reads a team's open allocations through an index of open allocations
only: without it PostgreSQL intersected the team's every allocation, past ones included,
with the borough's open ones (23,000 at demo scale 10) on every view."""

from django.db import connection

from lantern.workforce.models import Allocation


def test_a_teams_open_allocations_are_read_by_their_own_index(db):
    if connection.vendor == "postgresql":  # an empty table is cheaper to scan: say no
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
    plan = Allocation.objects.filter(team_id=7, end__isnull=True).explain()
    assert "open_allocation_team" in plan
