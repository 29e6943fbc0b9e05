"""Changes of social worker and placement moves in the last 12 months (today: Tue 24 Nov
2026, so the window is 25 Nov 2025 to 24 Nov 2026)."""

import datetime as dt

import pytest

from lantern.access import roles
from lantern.care.models import Placement
from lantern.care.queries.placements import moves_by_child as placement_moves
from lantern.care.queries.stability import team_stability, worker_changes
from lantern.care.tests.factories import foster_carers, start_care
from lantern.workforce.models import Allocation

TODAY = dt.date(2026, 11, 24)


def reallocate(child, worker, on):
    Allocation.objects.filter(child=child, end__isnull=True).update(end=on - dt.timedelta(days=1))
    return Allocation.objects.create(child=child, worker=worker, team=worker.staff.team, start=on)


def move(period, on, placement_type="U6", carer=None):
    last = period.placements.order_by("-start_date").first()
    Placement.objects.filter(pk=last.pk).update(end_date=on, reason_changed="CARPL")
    return Placement.objects.create(
        person=period.person,
        period=period,
        carer=carer or foster_carers(f"Carers from {on}"),
        placement_type=placement_type,
        start_date=on,
        created_by=period.created_by,
        updated_by=period.created_by,
    )


def test_three_workers_in_a_year_is_two_changes(child, social_worker, make_staff):
    bob, cat = make_staff("bob", roles.SOCIAL_WORKER), make_staff("cat", roles.SOCIAL_WORKER)
    reallocate(child, bob, dt.date(2026, 4, 1))
    reallocate(child, cat, dt.date(2026, 8, 3))
    assert worker_changes([child.pk], TODAY) == {child.pk: 2}


def test_a_change_13_months_ago_is_not_counted(make_person, social_worker, make_staff, allocate):
    bob = make_staff("bob", roles.SOCIAL_WORKER)
    ben = make_person("Ben", "Doyle", dt.date(2014, 2, 1))
    allocate(ben, social_worker, dt.date(2025, 6, 2))
    reallocate(ben, bob, dt.date(2025, 10, 24))  # 13 months before today
    assert worker_changes([ben.pk], TODAY) == {}


def test_reallocating_the_same_worker_is_no_change(child, social_worker):
    reallocate(child, social_worker, dt.date(2026, 6, 1))
    assert worker_changes([child.pk], TODAY) == {}


def test_moves_exclude_coming_into_care_and_temporary_placements(child, social_worker):
    period = start_care(child, social_worker, dt.date(2026, 3, 2))
    move(period, dt.date(2026, 5, 4))
    move(period, dt.date(2026, 7, 20), "T3")  # carers' holiday: not a move
    move(period, dt.date(2026, 8, 3))
    assert placement_moves([child.pk], TODAY) == {child.pk: 2}


def test_moves_before_the_window_are_not_counted(child, social_worker):
    period = start_care(child, social_worker, dt.date(2025, 3, 3))
    move(period, dt.date(2025, 11, 24))  # the day before the window
    move(period, dt.date(2025, 11, 25))
    assert placement_moves([child.pk], TODAY) == {child.pk: 1}


def test_the_team_view_highlights_children_over_the_threshold(
    client, manager, child, social_worker, make_person, allocate
):
    period = start_care(child, social_worker, dt.date(2026, 3, 2))
    move(period, dt.date(2026, 5, 4))
    move(period, dt.date(2026, 8, 3))  # third placement in a year
    ben = make_person("Ben", "Doyle", dt.date(2014, 2, 1))
    allocate(ben, social_worker, dt.date(2026, 1, 5))
    start_care(ben, social_worker, dt.date(2026, 6, 1))
    _teams, rows = team_stability(manager, TODAY)
    assert [(r.person, r.placements, r.flagged) for r in rows] == [
        (child, 3, True),
        (ben, 1, False),
    ]


def test_the_threshold_is_a_setting(settings, manager, child, social_worker):
    period = start_care(child, social_worker, dt.date(2026, 3, 2))
    move(period, dt.date(2026, 5, 4))
    settings.LANTERN_STABILITY_PLACEMENTS = 2
    assert team_stability(manager, TODAY)[1][0].flagged


@pytest.fixture(autouse=True)
def _db(db):
    pass


def test_the_stability_page_and_the_child_panel(
    client, manager, child, social_worker, make_person, allocate
):
    from django.urls import reverse

    from conftest import PASSWORD
    from lantern.access.actions import restrict_record
    from lantern.access.models import RestrictedRecord

    period = start_care(child, social_worker, dt.date(2026, 3, 2))
    move(period, dt.date(2026, 5, 4))
    move(period, dt.date(2026, 8, 3))
    zara = make_person("Zara", "Quinlan", dt.date(2015, 2, 9))
    allocate(zara, social_worker)
    start_care(zara, social_worker, dt.date(2026, 3, 2))
    restrict_record(zara, acting_user=social_worker, why=RestrictedRecord.Why.STAFF_CHILD)
    client.login(username="mo", password=PASSWORD)
    page = client.get(reverse("care:stability")).content.decode()
    assert "Amy Carter" in page and "3 placements in a year" in page
    assert "Quinlan" not in page and "A restricted record" in page
    record = client.get(reverse("casework:overview", args=[child.pk])).content.decode()
    assert "Placement moves in 12 months" in record and "3 placements in a year" in record


def test_the_team_view_highlights_a_child_with_three_social_workers_in_a_year(
    client, manager, child, social_worker, make_person, make_staff, allocate
):
    """Ofsted 2023: 'some have had too many social workers'. Amy (one placement) has had
    Alice, Bob and Cat since April; Ben has had Alice only."""
    from django.urls import reverse

    from conftest import PASSWORD

    start_care(child, social_worker, dt.date(2026, 3, 2))
    bob, cat = make_staff("bob", roles.SOCIAL_WORKER), make_staff("cat", roles.SOCIAL_WORKER)
    reallocate(child, bob, dt.date(2026, 4, 1))
    reallocate(child, cat, dt.date(2026, 8, 3))
    ben = make_person("Ben", "Doyle", dt.date(2014, 2, 1))
    allocate(ben, social_worker, dt.date(2026, 1, 5))
    start_care(ben, social_worker, dt.date(2026, 6, 1))
    _teams, rows = team_stability(manager, TODAY)
    assert [(r.person, r.worker_changes, r.too_many_workers) for r in rows] == [
        (child, 2, True),
        (ben, 0, False),
    ]
    client.login(username="mo", password=PASSWORD)
    page = client.get(reverse("care:stability")).content.decode()
    amy_row = page.split(f'id="child-{child.pk}"')[1].split("</tr>")[0]
    ben_row = page.split(f'id="child-{ben.pk}"')[1].split("</tr>")[0]
    assert "3 social workers in a year" in amy_row and "placements in a year" not in amy_row
    assert "govuk-tag" not in ben_row
