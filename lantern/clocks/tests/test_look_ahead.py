"""The council's My work window: how many working days ahead it shows, set by an
administrator on the timescales page, refused outside 1 to 20, and audited."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.models import AuditEntry
from lantern.clocks.calendar import OutsideCalendar, WorkingDayCalendar
from lantern.clocks.models import LookAhead
from lantern.clocks.queries import look_ahead_days
from lantern.workforce.models import Team

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def admin(client, make_staff):
    user = make_staff("sam", roles.SYSTEM_ADMINISTRATOR, Team.Kind.ADMINISTRATION)
    client.login(username="sam", password=PASSWORD)
    return user


def test_the_next_working_days_skip_weekends_and_bank_holidays():
    cal = WorkingDayCalendar()
    assert cal.working_days_after(D(2026, 12, 24), 3) == [D(2026, 12, 29), D(2026, 12, 30),
                                                          D(2026, 12, 31)]  # fmt: skip
    assert cal.working_days_after(D(2026, 11, 29), 1) == [D(2026, 11, 30)]  # from a Sunday
    assert cal.working_days_after(D(2026, 11, 24), 0) == []
    with pytest.raises(OutsideCalendar):
        cal.working_days_after(D(2080, 12, 30), 5)


def test_it_is_five_working_days_until_the_council_says_otherwise():
    assert look_ahead_days() == 5


def test_an_administrator_sets_it_and_it_is_audited(client, admin):
    response = client.post(reverse("clocks:look-ahead"), {"working_days": "10"}, follow=True)
    assert look_ahead_days() == 10
    assert "My work now looks 10 working days ahead" in response.content.decode()
    assert "over the next 10 working days" in response.content.decode()
    entry = AuditEntry.objects.get(user=admin, detail__startswith="my work looks ahead")
    assert entry.detail == "my work looks ahead: 5 → 10 working day(s)"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("0", "My work looks ahead at least 1 working day"),
        ("21", "My work looks ahead at most 20 working days"),
        ("five", "Enter a whole number of working days, like 5"),
        ("", "Enter how many working days My work looks ahead"),
        ("99999999999999999999999", "My work looks ahead at most 20 working days"),
    ],
)
def test_a_bad_number_is_refused_and_said_and_nothing_changes(client, admin, typed, said):
    response = client.post(reverse("clocks:look-ahead"), {"working_days": typed}, follow=True)
    assert response.status_code == 200
    assert said in response.content.decode()
    assert not LookAhead.objects.exists()
    assert not AuditEntry.objects.filter(detail__startswith="my work looks ahead").exists()


def test_a_social_worker_sees_it_but_cannot_change_it(client, social_worker):
    client.login(username="alice", password=PASSWORD)
    page = client.get(reverse("clocks:timescales")).content.decode()
    assert "over the next 5 working days" in page and "Change what My work shows" not in page
    assert client.post(reverse("clocks:look-ahead"), {"working_days": "3"}).status_code == 403
    assert look_ahead_days() == 5
