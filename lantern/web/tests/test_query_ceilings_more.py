"""The list and record pages ``test_query_ceilings`` does not cover, each under an absolute
ceiling of SQL statements and each costing the same with more rows.

Every case builds its rows through the actions (or the factories the app's own tests use),
opens the page, then builds more and opens it again: the ceiling stops a page drifting
upward unnoticed, and the equal count is the check that no row costs a statement of its own
(an N+1 only shows once there are several rows). Each case also finds its rows on the page,
so a page that quietly stopped listing them could not pass. The count is everything the
request runs: the session, permissions and the audit entries included.
"""

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import LONDON
from lantern.access import audit, roles
from lantern.access.models import AuditEntry
from lantern.care.actions.iro import allocate_iro
from lantern.care.models import PeriodOfCare
from lantern.care.tests.factories import foster_carers, start_care
from lantern.care.tests.test_stability import move
from lantern.casework.tests.conftest import child, journey  # noqa: F401
from lantern.frontdoor import actions as frontdoor
from lantern.frontdoor.tests.fixtures import make_contact, make_partner, school  # noqa: F401
from lantern.people.models import Person
from lantern.workforce import resources
from lantern.workforce.models import BudgetLine, RoleChangeRequest, Team

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(dt.datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)),
]
D = dt.date
FEW, MORE = 3, 6
LOOKED_AFTER_FROM = D(2026, 10, 5)
_names = (f"Row{n:03d}" for n in itertools.count())


def name() -> str:
    """A surname no other row, label or heading on any page contains."""
    return next(_names)


@dataclass
class Page:
    """``rows(n)`` adds n rows (a list) or builds a record with n rows, and gives the URL
    and the words each row puts on the page."""

    who: str
    ceiling: int
    rows: Callable[[int], tuple[str, list[str]]]
    # Statements each further row may add: 0 for every page but one that is known to cost
    # more per row (said where it is set), so the test still fails if it gets worse.
    per_row: int = 0


CASES: dict[str, Callable[..., Page]] = {}


def case(page: str):
    def register(build):
        CASES[page] = build
        return build

    return register


def statements(client, url: str, shown: list[str]) -> list[str]:
    client.get(url)  # the first request of a session does once-only work
    with CaptureQueriesContext(connection) as ran:
        response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    missing = [words for words in shown if words not in page]
    assert not missing, f"not on the page: {missing}"
    return [q["sql"][:160] for q in ran]


@pytest.fixture
def staff_by_name():
    from django.contrib.auth.models import User

    return lambda username: User.objects.get(username=username)


# --- care ---------------------------------------------------------------------------------


def _looked_after_child(fx, worker, started: dt.date = LOOKED_AFTER_FROM):
    kid = fx("make_person")(name(), "Carter", D(2014, 5, 4))
    fx("allocate")(kid, worker)
    start_care(kid, worker, started)

    return kid


@case("care:carers")
def _carers(fx):
    fx("social_worker")

    def rows(n):
        carers = [foster_carers(f"The {name()} household") for _ in range(n)]
        return reverse("care:carers"), [c.name for c in carers]

    return Page("alice", 5, rows)


@case("care:iro-reviews")
def _iro_reviews(fx):
    worker, manager, iro = fx("social_worker"), fx("manager"), fx("iro")

    def rows(n):
        children = [_looked_after_child(fx, worker) for _ in range(n)]
        for kid in children:
            allocate_iro(kid, acting_user=manager, iro=iro, start_date=D(2026, 10, 6))
        return reverse("care:iro-reviews"), [c.first_name for c in children]

    return Page("irene", 11, rows)


@case("care:permanence")
def _permanence(fx):
    worker = fx("social_worker")
    fx("manager")

    def rows(n):
        children = [_looked_after_child(fx, worker, D(2026, 3, 2)) for _ in range(n)]
        return reverse("care:permanence"), [c.first_name for c in children]

    return Page("mo", 13, rows)


@case("care:stability")
def _stability(fx):
    worker = fx("social_worker")
    fx("manager")

    def rows(n):
        children = [_looked_after_child(fx, worker, D(2026, 3, 2)) for _ in range(n)]
        return reverse("care:stability"), [c.first_name for c in children]

    return Page("mo", 11, rows)


@case("care:leavers")
def _leavers(fx):
    from lantern.care.actions.leaving_care import appoint_personal_adviser

    worker, manager = fx("social_worker"), fx("manager")

    def rows(n):
        leavers = []
        for _ in range(n):
            person = fx("make_person")(name(), "Okoro", D(2008, 5, 1))
            period = start_care(person, worker, D(2023, 1, 2))
            PeriodOfCare.objects.filter(pk=period.pk).update(
                end_date=D(2026, 5, 1), reason_ceased="E17"
            )
            appoint_personal_adviser(
                person, acting_user=manager, adviser=worker, start_date=D(2026, 7, 1)
            )
            leavers.append(person)
        return reverse("care:leavers"), [p.first_name for p in leavers]

    return Page("alice", 12, rows)


# --- front door ---------------------------------------------------------------------------


@case("frontdoor:contact")
def _contact(fx):
    fx("make_staff")("mash", roles.MASH_OFFICER, Team.Kind.MASH)
    police, make_person = fx("police"), fx("make_person")

    def rows(n):
        subjects = []
        for _ in range(n):
            known = make_person(name(), "Lee", D(2015, 5, 4))
            subjects.append(
                frontdoor.SubjectDetails(known.first_name, "Lee", date_of_birth=known.date_of_birth)
            )
        contact = fx("make_contact")(police, *subjects)
        return reverse("frontdoor:contact", args=[contact.pk]), [s.first_name for s in subjects]

    # Known and left: matching runs once per person named (13 statements each: candidates
    # by birth date and name keys, their names, addresses, identifiers, merges, "not the
    # same person" answers, restrictions). A contact names a household, rarely more than
    # six; batching the matcher across a contact's people is its own piece of work.
    return Page("mash", 91, rows, per_row=13)


@case("frontdoor:my-referrals")
def _my_referrals(fx):
    agency = fx("school")
    teacher = fx("make_partner")("dsl", agency)

    def rows(n):
        contacts = [
            fx("make_contact")(agency, channel="web", referrer_user=teacher, referrer_name="Dsl")
            for _ in range(n)
        ]
        return reverse("frontdoor:my-referrals"), [c.reference for c in contacts]

    return Page("dsl", 9, rows)


@case("frontdoor:my-referral")
def _my_referral(fx):
    agency = fx("school")
    teacher = fx("make_partner")("dsl", agency)

    def rows(n):
        subjects = [
            frontdoor.SubjectDetails(name(), "Lee", date_of_birth=D(2015, 5, 4)) for _ in range(n)
        ]
        contact = fx("make_contact")(
            agency, *subjects, channel="web", referrer_user=teacher, referrer_name="Dsl"
        )
        url = reverse("frontdoor:my-referral", args=[contact.pk])
        return url, [s.first_name for s in subjects]

    return Page("dsl", 8, rows)


# --- access -------------------------------------------------------------------------------


@case("access:seen-by")
def _seen_by(fx):
    fx("make_staff")("dora", roles.DATA_PROTECTION_OFFICER, Team.Kind.ADMINISTRATION)
    seen = fx("make_person")("Amy", "Seen", D(2016, 5, 4))

    def rows(n):
        viewers = [fx("make_staff")(name().lower(), roles.SOCIAL_WORKER) for _ in range(n)]
        for viewer in viewers:
            audit.record(None, AuditEntry.Action.VIEW_RECORD, user=viewer, person=seen)
        return reverse("access:seen-by", args=[seen.pk]), [v.first_name for v in viewers]

    return Page("dora", 8, rows)


@case("access:audit-search")
def _audit_search(fx):
    fx("make_staff")("dora", roles.DATA_PROTECTION_OFFICER, Team.Kind.ADMINISTRATION)
    worker = fx("social_worker")

    def rows(n):
        children = [fx("make_person")(name(), "Audited", D(2016, 5, 4)) for _ in range(n)]
        for kid in children:
            audit.record(None, AuditEntry.Action.VIEW_RECORD, user=worker, person=kid)
        return reverse("access:audit-search") + "?username=alice", [c.council_id for c in children]

    return Page("dora", 6, rows)


@case("access:retention")
def _retention(fx):
    fx("make_staff")("dora", roles.DATA_PROTECTION_OFFICER, Team.Kind.ADMINISTRATION)

    def rows(n):
        ended = [
            fx("make_person")(
                name(), "Care", D(1940, 1, 1), care_status=Person.CareStatus.CARE_LEAVER
            )
            for _ in range(n)
        ]
        return reverse("access:retention"), [p.council_id for p in ended]

    return Page("dora", 11, rows)


# --- staff administration -----------------------------------------------------------------


def _admin(fx):
    return fx("make_staff")("root", roles.SYSTEM_ADMINISTRATOR, Team.Kind.ADMINISTRATION)


@case("workforce:staff")
def _staff(fx):
    _admin(fx)

    def rows(n):
        staff = [fx("make_staff")(name().lower(), roles.SOCIAL_WORKER) for _ in range(n)]
        return reverse("workforce:staff"), [s.username for s in staff]

    return Page("root", 7, rows)


@case("workforce:role-changes")
def _role_changes(fx):
    root = _admin(fx)

    def rows(n):
        staff = [fx("make_staff")(name().lower(), roles.SOCIAL_WORKER) for _ in range(n)]
        team = Team.objects.get(kind=Team.Kind.CHILD_PROTECTION)
        for member in staff:
            RoleChangeRequest.objects.create(
                subject=member, role=roles.TEAM_MANAGER, team=team, requested_by=root
            )
        return reverse("workforce:role-changes"), [s.get_full_name() for s in staff]

    return Page("root", 5, rows)


@case("workforce:establishment")
def _establishment(fx):
    root = _admin(fx)

    def rows(n):
        teams = [
            Team.objects.create(name=f"Team {name()}", kind=Team.Kind.ASSESSMENT) for _ in range(n)
        ]
        for team in teams:
            resources.set_establishment(
                team,
                acting_user=root,
                funded_fte="12.5",
                effective_from=D(2026, 4, 1),
                reason="Budget 2026-27",
            )
        return reverse("workforce:establishment"), [t.name for t in teams]

    return Page("root", 8, rows)


@case("workforce:budget")
def _budget(fx):
    root = _admin(fx)
    years = itertools.count(2025)

    def rows(n):
        year, lines = next(years), list(BudgetLine.Line)
        for line in lines[: min(n, len(lines))]:
            resources.set_budget(
                year, line, acting_user=root, amount="1800000", reason=f"Budget {name()}"
            )
        return reverse("workforce:budget"), [f"{year}"]

    return Page("root", 5, rows)


@case("workforce:staff-member")
def _staff_member(fx):
    _admin(fx)

    def rows(n):
        member = fx("make_staff")(name().lower(), roles.SOCIAL_WORKER)
        return reverse("workforce:staff-member", args=[member.pk]), [member.username]

    return Page("root", 9, rows)


@case("workforce:contracts")
def _contracts(fx):
    root = _admin(fx)

    def rows(n):
        member = fx("make_staff")(name().lower(), roles.SOCIAL_WORKER)
        grades = [f"Grade {name()}" for _ in range(n)]
        for year, grade in enumerate(grades):
            resources.record_contract(
                member,
                acting_user=root,
                kind="permanent",
                start=D(2015 + year, 4, 1),
                fte="1",
                annual_cost="45000",
                grade=grade,
            )
        return reverse("workforce:contracts", args=[member.pk]), grades

    return Page("root", 8, rows)


# --- casework and people: a record's history, a record's page ---------------------------


@case("casework:history")
def _casework_history(fx):
    from lantern.casework import actions as casework

    walk, worker = fx("journey"), fx("social_worker")
    walk.refer()

    def rows(n):
        assessment = casework.start_assessment(
            walk.child, acting_user=worker, start_date=D(2026, 3, 3), analysis="First words."
        )
        said = [name() for _ in range(n)]
        for words in said:
            assessment = casework.update_assessment(
                assessment,
                acting_user=worker,
                expected_version=assessment.version,
                analysis=f"Analysis {words}.",
            )
        url = reverse("casework:history", args=[walk.child.pk, "assessment", assessment.pk])
        return url, said

    return Page("alice", 11, rows)


@case("people:history")
def _person_history(fx):
    from lantern.people.actions import correct_details

    worker = fx("social_worker")

    def rows(n):
        person = fx("make_person")("Amy", "Before", D(2016, 5, 4))
        fx("allocate")(person, worker)
        surnames = [name() for _ in range(n)]
        for surname in surnames:
            person = correct_details(person, acting_user=worker, last_name=surname)
        return reverse("people:history", args=[person.pk]), surnames

    return Page("alice", 9, rows)


# --- returns, rules, timescales, home -----------------------------------------------------


def _analyst(fx):
    return fx("analyst")


@case("returns:returns")
def _returns(fx):
    from lantern.returns.models import ReturnRun

    pat = _analyst(fx)

    def rows(n):
        runs = [
            ReturnRun.objects.create(
                kind=kind, year=2026, requested_by=pat, status=ReturnRun.Status.DONE
            )
            for kind in ReturnRun.Kind
            for _ in range(n)
        ]
        return reverse("returns:returns"), [reverse("returns:run", args=[r.pk]) for r in runs[-2:]]

    return Page("pat", 8, rows)


@case("returns:run")
def _return_run(fx):
    from lantern.returns.models import ReturnFile, ReturnRun

    pat = _analyst(fx)

    def rows(n):
        run = ReturnRun.objects.create(
            kind=ReturnRun.Kind.CIN, year=2026, requested_by=pat, status=ReturnRun.Status.DONE
        )
        files = [f"{name()}.xml" for _ in range(n)]
        for file in files:
            ReturnFile.objects.create(run=run, name=file, data=b"<x/>", size=4, sha256="0" * 64)
        return reverse("returns:run", args=[run.pk]), files

    return Page("pat", 6, rows)


@case("clocks:timescales")
def _timescales(fx):
    from lantern.clocks.models import ClosureDay

    root = _admin(fx)
    days = itertools.count(1)

    def rows(n):
        closed = [D(2026, 12, next(days)) for _ in range(n)]
        for day in closed:
            ClosureDay.objects.create(day=day, reason=f"Closed {name()}", declared_by=root)
        return reverse("clocks:timescales"), [f"{d:%-d %b %Y}" for d in closed]

    return Page("root", 9, rows)


@case("home")
def _home(fx):
    worker = fx("social_worker")

    def rows(n):
        children = [fx("make_person")(name(), "Home", D(2015, 5, 4)) for _ in range(n)]
        for kid in children:
            fx("allocate")(kid, worker)
        return reverse("home"), []

    return Page("alice", 5, rows)


# --- insight ------------------------------------------------------------------------------


@case("insight:dashboard")
def _dashboard(fx):
    worker = fx("social_worker")
    _analyst(fx)

    def rows(n):
        [_looked_after_child(fx, worker, D(2026, 3, 2)) for _ in range(n)]
        return reverse("insight:dashboard"), ["Children looked after per 10,000 children"]

    return Page("pat", 40, rows)


@case("insight:children")
def _insight_children(fx):
    worker = fx("social_worker")
    fx("make_staff")("dee", roles.DIRECTOR, Team.Kind.PERFORMANCE)

    def rows(n):
        children = [_looked_after_child(fx, worker, D(2026, 3, 2)) for _ in range(n)]
        for kid in children:  # a third placement this year: behind the figure
            period = PeriodOfCare.objects.get(person=kid)
            move(period, D(2026, 5, 4))
            move(period, D(2026, 8, 3))
        url = reverse("insight:children", args=["placements_3_or_more"])
        return url, [c.council_id for c in children]

    return Page("dee", 9, rows)


@case("insight:workforce")
def _insight_workforce(fx):
    root = _admin(fx)
    _analyst(fx)

    def rows(n):
        for _ in range(n):
            member = fx("make_staff")(name().lower(), roles.SOCIAL_WORKER)
            resources.record_contract(
                member,
                acting_user=root,
                kind="agency",
                start=D(2026, 4, 1),
                fte="1",
                day_rate="360",
            )
        return reverse("insight:workforce"), []

    return Page("pat", 13, rows)


@case("insight:cost")
def _insight_cost(fx):
    page = _insight_workforce(fx)

    def rows(n):
        page.rows(n)
        return reverse("insight:cost"), []

    return Page("pat", 43, rows)


@case("casework:record")
def _casework_record(fx):
    from lantern.agencies.models import Agency
    from lantern.casework.tests.journey import Journey, police_and_health

    worker, manager, iro = fx("social_worker"), fx("manager"), fx("iro")

    def rows(n):
        kid = fx("make_person")(name(), "Strategy", D(2016, 5, 4))
        fx("allocate")(kid, worker)
        walk = Journey(kid, worker, manager, iro)
        walk.refer()
        agencies = [
            Agency.objects.create(code=name().lower(), name=f"{name()} Trust", kind="voluntary")
            for _ in range(n)
        ]
        discussion = walk.strategy(agencies=[*police_and_health(), *agencies])
        return discussion.get_absolute_url(), [a.name for a in agencies]

    return Page("alice", 11, rows)


@case("access:retention-decision")
def _retention_decision(fx):
    from lantern.access.retention_actions import record_retention_decision

    dpo = fx("make_staff")("dora", roles.DATA_PROTECTION_OFFICER, Team.Kind.ADMINISTRATION)

    def rows(n):
        ended = fx("make_person")(
            name(), "Care", D(1940, 1, 1), care_status=Person.CareStatus.CARE_LEAVER
        )
        reasons = [f"Inquiry hold {name()}" for _ in range(n)]
        for reason in reasons:
            record_retention_decision(ended, acting_user=dpo, outcome="keep", reason=reason)
        return reverse("access:retention-decision", args=[ended.pk]), reasons

    return Page("dora", 13, rows)


@case("signal-rules:rules")
def _signal_rules(fx):
    from lantern.signals import actions as signals
    from lantern.signals.rules import RULES

    def rows(n):
        reasons = []
        for rule in RULES[:n]:
            admin = fx("make_staff")(name().lower(), roles.SYSTEM_ADMINISTRATOR)
            reasons.append(f"Agreed at {name()}")
            signals.change_rule(
                rule.code,
                acting_user=admin,
                thresholds=dict(rule.defaults),
                enabled=True,
                reason=reasons[-1],
            )
        return reverse("signal-rules:rules"), reasons

    _admin(fx)
    return Page("root", 5, rows)


@case("insight:figure")
def _insight_figure(fx):
    page = _insight_children(fx)

    def rows(n):
        page.rows(n)
        return reverse("insight:figure", args=["placements_3_or_more"]), []

    return Page("dee", 33, rows)


@case("insight:targets")
def _insight_targets(fx):
    from lantern.insight import actions as insight
    from lantern.insight.measures import REGISTRY

    pat = _analyst(fx)
    figures = iter(f for f in REGISTRY.values() if f.better != "neither")

    def rows(n):
        reasons = [f"Agreed {name()}" for _ in range(n)]
        for reason in reasons:
            insight.set_target(
                next(figures).code, green=50, amber=50, reason=reason, acting_user=pat
            )
        return reverse("insight:targets"), reasons

    return Page("pat", 5, rows)


# Last, once every case above is registered.
@pytest.mark.parametrize("page", list(CASES))
def test_the_page_costs_the_same_with_more_rows_and_stays_under_its_ceiling(client, request, page):
    built = CASES[page](request.getfixturevalue)
    client.force_login(request.getfixturevalue("staff_by_name")(built.who))
    few = statements(client, *built.rows(FEW))
    more = statements(client, *built.rows(MORE))
    listing = "\n".join(more)
    grew = len(more) - len(few)
    assert grew <= built.per_row * (MORE - FEW), f"{len(few)} then {len(more)}:\n{listing}"
    assert len(more) <= built.ceiling, f"{len(more)} statements:\n{listing}"
