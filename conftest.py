"""Shared test personas and factories (STYLE.md §6): people built per test, no giant fixtures."""

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group, User

from lantern.access import roles
from lantern.agencies.models import Agency
from lantern.people import actions as people_actions
from lantern.people.identifiers import make_nhs_number
from lantern.workforce.models import StaffMember, Team

PASSWORD = "correct-horse-battery-staple"
_serial = itertools.count(100_000_001)
LONDON = ZoneInfo("Europe/London")

# The moment every test starts at unless it names its own: an ordinary working Tuesday
# morning, no bank holiday within a week either side, after every fixed date the tests use.
ORDINARY_DAY = dt.datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)


@pytest.fixture(autouse=True)
def _clock_never_real(request):
    """No test reads the real clock: the suite passes on a Sunday, a Friday evening, Christmas
    Eve or 29 February alike (issue 8). A test whose day matters says so with
    ``@pytest.mark.time_machine(dt.datetime(..., tzinfo=LONDON), tick=False)`` (time-machine's
    own marker, which this fixture then leaves alone) or ``with time_machine.travel(...)``.
    The clock ticks from here, so timeouts and "a minute later" behave as in real life."""
    if request.node.get_closest_marker("time_machine"):
        yield
        return
    with time_machine.travel(ORDINARY_DAY, tick=True):
        yield


@pytest.fixture
def council(db) -> Agency:
    return Agency.objects.get_or_create(
        code="csc", defaults={"name": "Children's social care", "kind": Agency.Kind.COUNCIL}
    )[0]


@pytest.fixture
def police(db) -> Agency:
    return Agency.objects.get_or_create(
        code="police", defaults={"name": "Metropolitan Police", "kind": Agency.Kind.POLICE}
    )[0]


@pytest.fixture
def hospital(db) -> Agency:
    return Agency.objects.get_or_create(
        code="nmuh", defaults={"name": "North Middlesex Hospital", "kind": Agency.Kind.HEALTH}
    )[0]


@pytest.fixture
def make_staff(db, council):
    def make(username: str, role: str | None, team_kind: str = Team.Kind.CHILD_PROTECTION):
        user = User.objects.create_user(
            username, password=PASSWORD, first_name=username.title(), last_name="Tester"
        )
        if role:
            user.groups.add(Group.objects.get(name=role))
        team, _ = Team.objects.get_or_create(name=f"Team {team_kind}", defaults={"kind": team_kind})
        StaffMember.objects.create(user=user, team=team, agency=council)
        return user

    return make


@pytest.fixture
def social_worker(make_staff):
    return make_staff("alice", roles.SOCIAL_WORKER)


@pytest.fixture
def analyst(make_staff):
    return make_staff("pat", roles.PERFORMANCE_ANALYST, Team.Kind.PERFORMANCE)


@pytest.fixture
def manager(make_staff, social_worker):
    """Alice's team manager, Mo: authorises her assessments and allocates."""
    boss = make_staff("mo", roles.TEAM_MANAGER)
    team = social_worker.staff.team
    team.manager = boss
    team.save(update_fields=["manager"])
    return boss


@pytest.fixture
def iro(make_staff):
    """Irene, an independent reviewing officer: chairs conferences and reviews."""
    return make_staff("irene", roles.IRO, Team.Kind.IRO)


@pytest.fixture
def make_person(db, council, social_worker):
    def make(
        first: str = "Amy",
        last: str = "Smith",
        born: dt.date | None = dt.date(2016, 5, 4),
        **details,
    ):
        nhs = details.pop("nhs_number", None)
        if nhs is None:
            nhs = ""
            while not nhs:
                nhs = make_nhs_number(str(next(_serial))[-9:]) or ""
        return people_actions.register_person(
            acting_user=social_worker,
            first_name=first,
            last_name=last,
            date_of_birth=born,
            agency=council,
            nhs_number=nhs,
            **details,
        )

    return make


@pytest.fixture
def allocate(db):
    """Allocate a child to a worker directly (the allocation action has its own tests)."""
    from lantern.workforce.models import Allocation

    def give(child, worker, start: dt.date = dt.date(2026, 1, 5)):
        return Allocation.objects.create(
            child=child, worker=worker, team=worker.staff.team, start=start
        )

    return give


@pytest.fixture(autouse=True)
def _sign_in_hardening_off_by_default(settings):
    """Most tests sign in with ``client.login`` (no request, no second factor); the sign-in
    tests in lantern/access/tests/test_sign_in.py turn lockout and 2FA back on."""
    settings.AXES_ENABLED = False
    settings.LANTERN_REQUIRE_2FA = False


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Argon2's deliberate slowness would dominate a suite that makes staff in every test;
    test_sign_in checks that the real settings hash with Argon2."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
