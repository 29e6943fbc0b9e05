"""Teams, staff accounts and the fixed demo logins.

About 150 social workers at scale 1, in the teams a borough's children's services are
organised into. Generated staff cannot sign in (unusable passwords); the demo logins can,
with one published password, so a visitor can see Lantern as each role sees it.
"""

import math
import random
from dataclasses import dataclass, field, replace

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from faker import Faker

from lantern.access import roles
from lantern.agencies.models import Agency
from lantern.workforce.actions import (
    approve_role_change,
    bootstrap_administrators,
    request_role_change,
)
from lantern.workforce.models import StaffMember, Team

DEMO_PASSWORD = "lantern-demo"  # noqa: S105 - published on purpose: demo logins only
T = Team.Kind


@dataclass(frozen=True)
class TeamPlan:
    name: str
    kind: str
    size: float  # staff at scale 1 (at least one at any scale)
    role: str
    prefix: str  # generated usernames: sw0001, sw0002…
    title: str
    agency: str = "csc"


@dataclass(frozen=True)
class Login:
    username: str
    role: str
    team: str | None
    title: str
    agency: str = "csc"
    manages: bool = False


SW, TM = roles.SOCIAL_WORKER, roles.TEAM_MANAGER
SHOWCASE_TEAM = "Child Protection Team North"
TEAMS = [
    TeamPlan("MASH", T.MASH, 10, roles.MASH_OFFICER, "mash", "MASH social worker"),
    TeamPlan("Assessment Team East", T.ASSESSMENT, 14, SW, "sw", "Social worker"),
    TeamPlan("Assessment Team West", T.ASSESSMENT, 14, SW, "sw", "Social worker"),
    TeamPlan(SHOWCASE_TEAM, T.CHILD_PROTECTION, 35, SW, "sw", "Social worker"),
    TeamPlan("Child Protection Team South", T.CHILD_PROTECTION, 35, SW, "sw", "Social worker"),
    TeamPlan("Children in Care", T.CHILDREN_IN_CARE, 24, SW, "sw", "Social worker"),
    TeamPlan("Leaving Care", T.LEAVING_CARE, 12, SW, "pa", "Personal adviser"),
    TeamPlan("Independent Reviewing Officers", T.IRO, 6, roles.IRO, "iro", "IRO"),
    TeamPlan(
        "Performance and Intelligence",
        T.PERFORMANCE,
        3,
        roles.PERFORMANCE_ANALYST,
        "pi",
        "Performance analyst",
    ),
    TeamPlan(
        "Police – MASH desk", T.PARTNER, 3, roles.PARTNER_USER, "pol", "Police officer", "police"
    ),
    TeamPlan(
        "Systems Administration",
        T.ADMINISTRATION,
        1,
        roles.SYSTEM_ADMINISTRATOR,
        "sa",
        "Systems administrator",
    ),
]
DEMO_LOGINS = [
    Login("social.worker", SW, SHOWCASE_TEAM, "Social worker"),
    Login("team.manager", TM, SHOWCASE_TEAM, "Team manager", manages=True),
    Login("mash.officer", roles.MASH_OFFICER, "MASH", "MASH social worker"),
    Login("iro", roles.IRO, "Independent Reviewing Officers", "IRO"),
    Login(
        "performance",
        roles.PERFORMANCE_ANALYST,
        "Performance and Intelligence",
        "Performance analyst",
        manages=True,
    ),
    Login(
        "partner.police",
        roles.PARTNER_USER,
        "Police – MASH desk",
        "Police officer",
        agency="police",
        manages=True,
    ),
    Login("dpo", roles.DATA_PROTECTION_OFFICER, None, "Data protection officer"),
    Login("director", roles.DIRECTOR, None, "Director of children's services"),
    Login(
        "admin",
        roles.SYSTEM_ADMINISTRATOR,
        "Systems Administration",
        "Systems administrator",
        manages=True,
    ),
]
DEMO_USERNAMES = [login.username for login in DEMO_LOGINS]
# The demo partner's address: their police system's referrals in their name carry it.
PARTNER_EMAIL = "partner.police@police.example"
CASEHOLDING_ROLES = {SW, roles.MASH_OFFICER, roles.IRO}
# Teams that get a generated team manager unless a demo login manages them.
CASE_TEAM_KINDS = {
    T.MASH,
    T.ASSESSMENT,
    T.CHILD_PROTECTION,
    T.CHILDREN_IN_CARE,
    T.LEAVING_CARE,
    T.IRO,
}
# Above scale 1 these services grow by more teams, not bigger ones: a team manager
# supervises a team of about this size whatever the borough (or region) it serves. The
# MASH, the IRO service and the rest stay one unit each, as a regional MASH does.
GROWS_BY_TEAMS = {T.ASSESSMENT, T.CHILD_PROTECTION, T.CHILDREN_IN_CARE, T.LEAVING_CARE}


def team_plans(scale: float) -> list[TeamPlan]:
    """The teams at ``scale``: ``TEAMS`` itself up to scale 1; above it each social-work
    team becomes ``ceil(scale)`` teams ("Child Protection Team North 2", …) sharing its
    staff, so a demo at ``--scale 10`` has teams of a real size, not of 350."""
    if scale <= 1:
        return list(TEAMS)
    plans = []
    for team in TEAMS:
        copies = math.ceil(scale) if team.kind in GROWS_BY_TEAMS else 1
        for n in range(1, copies + 1):
            name = team.name if n == 1 else f"{team.name} {n}"
            plans.append(replace(team, name=name, size=team.size / copies))
    return plans


@dataclass(frozen=True)
class Worker:
    user_id: int
    name: str
    team_id: int


@dataclass
class Staff:
    """Who is who, as plain ids and names, for allocation and chronology authorship."""

    teams: dict[str, Team] = field(default_factory=dict)
    workers: dict[str, list[Worker]] = field(default_factory=dict)  # team name -> caseholders
    managers: dict[int, Worker] = field(default_factory=dict)  # team id -> manager
    demo: dict[str, Worker] = field(default_factory=dict)
    count: int = 0

    def of_kind(self, kind: str) -> list[str]:
        return [name for name, team in self.teams.items() if team.kind == kind]


def create_staff(
    rng: random.Random, fake: Faker, scale: float, agencies: dict[str, Agency]
) -> Staff:
    roles.sync_roles()
    plans = team_plans(scale)
    staff = Staff(teams={t.name: Team.objects.create(name=t.name, kind=t.kind) for t in plans})
    managed = {login.team for login in DEMO_LOGINS if login.manages}
    hashed = make_password(DEMO_PASSWORD)  # one slow argon2 hash shared by the demo logins
    plan = [(login, login.username, hashed) for login in DEMO_LOGINS]
    serials: dict[str, int] = {}
    for team in plans:
        if team.kind in CASE_TEAM_KINDS and team.name not in managed:
            manager = Login("", TM, team.name, "Team manager", team.agency, manages=True)
            serials["tm"] = serials.get("tm", 0) + 1
            plan.append((manager, f"tm{serials['tm']:04d}", make_password(None)))
        for _ in range(max(1, round(team.size * scale))):
            member = Login("", team.role, team.name, team.title, team.agency)
            serials[team.prefix] = serials.get(team.prefix, 0) + 1
            plan.append((member, f"{team.prefix}{serials[team.prefix]:04d}", make_password(None)))
    users = User.objects.bulk_create(
        [
            User(
                username=username,
                first_name=fake.first_name(),
                last_name=fake.last_name(),
                password=password,
                email=PARTNER_EMAIL if username == "partner.police" else "",
            )
            for _, username, password in plan
        ]
    )
    StaffMember.objects.bulk_create(
        [
            StaffMember(
                user_id=user.pk,
                team=staff.teams[login.team] if login.team else None,
                job_title=login.title,
                agency=agencies[login.agency],
            )
            for user, (login, _, _) in zip(users, plan, strict=True)
        ]
    )
    _grant_roles(
        [
            (user, login, staff.teams.get(login.team))
            for user, (login, _, _) in zip(users, plan, strict=True)
        ]
    )
    for user, (login, _, _) in zip(users, plan, strict=True):
        if login.team is not None:
            _place(staff, user, login)
    staff.count = len(users)
    return staff


def _grant_roles(accounts: list[tuple[User, Login, Team | None]]) -> None:
    """Every role through the same actions an administrator uses: the first two
    administrators are bootstrapped, then one asks for each role and the other approves.
    The DPO is appointed last, so their messages start with their own appointment rather
    than a few hundred set-up changes; every change after that reaches them."""
    admins = [user for user, login, _ in accounts if login.role == roles.SYSTEM_ADMINISTRATOR]
    bootstrap_administrators(admins[:2])
    asker, approver = admins[0], admins[1]
    rest = [a for a in accounts if a[0] not in admins[:2]]
    rest.sort(key=lambda account: account[1].role == roles.DATA_PROTECTION_OFFICER)
    for user, login, team in rest:
        pending = request_role_change(user, acting_user=asker, role=login.role, team=team)
        if pending is not None:
            approve_role_change(pending, acting_user=approver)


def _place(staff: Staff, user: User, login: Login) -> None:
    """Record the account as a team's manager, a caseholder, or a demo login."""
    worker = Worker(user.pk, user.get_full_name(), staff.teams[login.team].pk)
    if login.username:
        staff.demo[login.username] = worker
    if login.manages:
        staff.managers[worker.team_id] = worker
        Team.objects.filter(pk=worker.team_id).update(manager_id=user.pk)
    elif login.role in CASEHOLDING_ROLES and login.username != "social.worker":
        # social.worker's caseload is chosen by hand in ``allocations``.
        staff.workers.setdefault(login.team, []).append(worker)
