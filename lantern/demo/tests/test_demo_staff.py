"""The demo's teams at any scale: a bigger borough has more teams, not teams of hundreds."""

import pytest

from lantern.demo.staff import GROWS_BY_TEAMS, TEAMS, team_plans


def staffed(plan, scale: float) -> int:
    """As ``create_staff`` staffs a team: its size at ``scale``, at least one."""
    return max(1, round(plan.size * scale))


def test_up_to_scale_one_the_teams_are_the_borough_s_own():
    for scale in (0.05, 0.5, 1):
        assert team_plans(scale) == TEAMS


@pytest.mark.parametrize("scale", [1.5, 2.5, 10])
def test_above_scale_one_social_work_teams_multiply_and_keep_a_real_size(scale):
    plans = team_plans(scale)
    names = [p.name for p in plans]
    assert len(names) == len(set(names))  # every team its own name
    for team in TEAMS:
        mine = [p for p in plans if p.name == team.name or p.name.startswith(f"{team.name} ")]
        # The staff of the borough's team at this scale, within rounding of one per team.
        total = sum(staffed(p, scale) for p in mine)
        assert abs(total - team.size * scale) <= len(mine)
        if team.kind in GROWS_BY_TEAMS:
            assert len(mine) > 1
            assert all(staffed(p, scale) <= team.size for p in mine)
        else:
            assert len(mine) == 1
    # The showcase team keeps its name, so the demo logins still belong to it.
    assert "Child Protection Team North" in names
    assert "Child Protection Team North 2" in names
