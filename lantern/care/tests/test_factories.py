import datetime as dt

from lantern.care.models import PeriodOfCare


def test_a_child_taken_into_care_has_one_open_period_with_status_and_placement(in_care, child):
    period = PeriodOfCare.objects.get(person=child, end_date__isnull=True)
    assert period.start_date == dt.date(2026, 10, 5)
    assert [s.code for s in period.statuses.all()] == ["C1"]
    assert [p.placement_type for p in period.placements.all()] == ["U6"]
