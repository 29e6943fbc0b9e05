"""The access matrix: every role × every URL × every class of record, against a table
written out by hand (not computed from the policy it checks).

Record classes: a social worker's own case, a team colleague's, another team's, a
restricted record; and for contacts, the partner's own and another partner's. Adding a URL
without adding its row here fails ``test_every_url_is_in_exactly_one_section``. Outcomes:
ALLOW (200), REASON (sent to state a reason first), NO_PERMISSION (403: the role never
may), HIDDEN (404: the role may, but not for this record — same answer as "no such record"),
REDIRECT (let in, sent on), 401 (the partner API without its token).
"""

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from lantern.access import roles
from lantern.access.actions import restrict_record
from lantern.access.models import RestrictedRecord
from lantern.agencies.models import Agency
from lantern.people import actions as people_actions
from lantern.workforce.models import Allocation, StaffMember, Team

ALLOW, REASON, NO_PERMISSION, HIDDEN, REDIRECT = "allow", "reason", "403", "404", "redirect"

SW, TM, MASH, IRO = "sw", "tm", "mash", "iro"
PERF, PARTNER, DPO, ADMIN = "perf", "partner", "dpo", "admin"
ROLE_OF = {
    SW: roles.SOCIAL_WORKER,
    TM: roles.TEAM_MANAGER,
    MASH: roles.MASH_OFFICER,
    IRO: roles.IRO,
    PERF: roles.PERFORMANCE_ANALYST,
    PARTNER: roles.PARTNER_USER,
    DPO: roles.DATA_PROTECTION_OFFICER,
    ADMIN: roles.SYSTEM_ADMINISTRATOR,
}
PERSONAS = list(ROLE_OF)

# Record classes, seen from the personas: the social worker's own case, a case of a colleague
# in the same team (which the manager manages), a case in another team, and a restricted
# record owned by the manager with no one else named.
OWN, TEAM, OTHER, RESTRICTED = "own", "team", "other", "restricted"
CLASSES = [OWN, TEAM, OTHER, RESTRICTED]


def every(outcome):
    return dict.fromkeys(CLASSES, outcome)


CHILD_RECORD = {
    SW: {OWN: ALLOW, TEAM: ALLOW, OTHER: REASON, RESTRICTED: REASON},
    TM: {OWN: ALLOW, TEAM: ALLOW, OTHER: REASON, RESTRICTED: ALLOW},
    MASH: {OWN: ALLOW, TEAM: ALLOW, OTHER: ALLOW, RESTRICTED: REASON},
    IRO: {OWN: ALLOW, TEAM: ALLOW, OTHER: ALLOW, RESTRICTED: REASON},
    PERF: every(NO_PERMISSION),
    PARTNER: every(NO_PERMISSION),
    DPO: every(NO_PERMISSION),
    ADMIN: every(NO_PERMISSION),
}
STATE_REASON = {  # the reason page itself: shown where a reason is needed, else straight in
    **{
        p: {c: (ALLOW if o == REASON else REDIRECT) for c, o in CHILD_RECORD[p].items()}
        for p in (SW, TM, MASH, IRO)
    },
    PERF: every(NO_PERMISSION),
    PARTNER: every(NO_PERMISSION),
    DPO: every(NO_PERMISSION),
    ADMIN: every(NO_PERMISSION),
}
WHO_HAS_SEEN = {
    SW: every(NO_PERMISSION),
    MASH: every(NO_PERMISSION),
    IRO: every(NO_PERMISSION),
    TM: {OWN: ALLOW, TEAM: ALLOW, OTHER: HIDDEN, RESTRICTED: ALLOW},
    DPO: every(ALLOW),
    PERF: every(NO_PERMISSION),
    PARTNER: every(NO_PERMISSION),
    ADMIN: every(NO_PERMISSION),
}
SUBJECT_ACCESS = {p: every(ALLOW if p == DPO else NO_PERMISSION) for p in PERSONAS}


def only(allowed: set[str], otherwise=NO_PERMISSION):
    return {p: (ALLOW if p in allowed else otherwise) for p in PERSONAS}


# url name -> outcome per persona (pages about no particular child), or per persona and class.
PERSON_URLS = {
    "people:record": CHILD_RECORD,
    "people:history": CHILD_RECORD,  # the history of their details: read as the record is
    "access:state-reason": STATE_REASON,
    "access:seen-by": WHO_HAS_SEEN,
    "access:restrict": WHO_HAS_SEEN,
    "access:subject-access": SUBJECT_ACCESS,
    "casework:overview": CHILD_RECORD,
    "people:correct": {  # a write: as casework, never through a stated reason
        **{p: every(NO_PERMISSION) for p in PERSONAS},
        SW: {OWN: ALLOW, TEAM: ALLOW, OTHER: HIDDEN, RESTRICTED: HIDDEN},
        TM: {OWN: ALLOW, TEAM: ALLOW, OTHER: HIDDEN, RESTRICTED: ALLOW},
        IRO: {OWN: ALLOW, TEAM: ALLOW, OTHER: ALLOW, RESTRICTED: HIDDEN},
    },
    "casework:allocate": {  # a write: no reason opens another team's child for allocating
        **{p: every(NO_PERMISSION) for p in PERSONAS},
        TM: {OWN: ALLOW, TEAM: ALLOW, OTHER: HIDDEN, RESTRICTED: ALLOW},
    },
}
PAGES = {
    "home": only(set(PERSONAS)),
    "people:search": only({SW, TM, MASH, IRO}),
    "people:add": only({SW, MASH}),
    "access:audit-search": only({DPO}),
    "access:retention": only({DPO}),
    "workforce:staff": only({ADMIN}),
    "workforce:add-staff": only({ADMIN}),
    "workforce:role-changes": only({ADMIN}),
    "frontdoor:queue": only({MASH}),
    "frontdoor:refer": only({PARTNER}),
    "frontdoor:my-referrals": only({PARTNER}),
    "casework:my-work": only({SW, TM}),
    "casework:team": only({TM}),
    "clocks:timescales": only(set(PERSONAS)),
    "clocks:interval": {p: REDIRECT if p == ADMIN else NO_PERMISSION for p in PERSONAS},
    "clocks:closure-day": {p: REDIRECT if p == ADMIN else NO_PERMISSION for p in PERSONAS},
}
NOT_IN_MATRIX = {"sign-in", "healthz", "sign-out", "two-factor"}  # tested in test_sign_in
NOT_IN_MATRIX |= {"open-message"}  # one's own messages: lantern/workforce/tests/test_messages.py
STAFF_URLS = {"workforce:staff-member": only({ADMIN})}  # about a member of staff, not a child
# The partner API takes a token, not a session: its own section below.
NOT_IN_MATRIX |= {"api:api-root"}
# About one casework record (kind and record in the URL): roles, relations and the per-kind
# permissions (case notes, oversight, authorising) are in lantern/casework/tests.
NOT_IN_MATRIX |= {"casework:new", "casework:record", "casework:change", "casework:draft"}
NOT_IN_MATRIX |= {"casework:history"}  # lantern/casework/tests/test_history.py


def all_url_names():
    def walk(resolver, namespace=""):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                ns = entry.namespace or ""
                yield from walk(entry, f"{namespace}{ns}:" if ns else namespace)
            elif isinstance(entry, URLPattern) and entry.name:
                yield namespace + entry.name

    return set(walk(get_resolver()))


@pytest.fixture
def world(db):
    council = Agency.objects.get_or_create(
        code="csc", defaults={"name": "Children's social care", "kind": Agency.Kind.COUNCIL}
    )[0]
    police = Agency.objects.create(code="mpsm", name="Police", kind=Agency.Kind.POLICE)
    cp = Team.objects.create(name="CP 1", kind=Team.Kind.CHILD_PROTECTION)
    cin = Team.objects.create(name="CIN 2", kind=Team.Kind.ASSESSMENT)
    users = {}
    for key, team, agency in [
        (SW, cp, council),
        (TM, cp, council),
        (MASH, Team.objects.create(name="MASH", kind="mash"), council),
        (IRO, None, council),
        (PERF, None, council),
        (PARTNER, None, police),
        (DPO, None, council),
        (ADMIN, None, council),
        ("colleague", cp, council),
        ("elsewhere", cin, council),
    ]:
        user = User.objects.create_user(f"m_{key}")  # force_login: no password to hash
        if key in ROLE_OF:
            user.groups.add(Group.objects.get(name=ROLE_OF[key]))
        StaffMember.objects.create(user=user, team=team, agency=agency)
        users[key] = user
    cp.manager = users[TM]
    cp.save()
    children = {}
    for cls, worker in [(OWN, SW), (TEAM, "colleague"), (OTHER, "elsewhere"), (RESTRICTED, SW)]:
        child = people_actions.register_person(
            acting_user=users[SW],
            first_name=cls,
            last_name="Child",
            date_of_birth=dt.date(2015, 1, 1),
        )
        Allocation.objects.create(
            child=child,
            worker=users[worker],
            team=users[worker].staff.team,
            start=dt.date(2026, 1, 1),
        )
        children[cls] = child
    restrict_record(
        children[RESTRICTED], acting_user=users[TM], why=RestrictedRecord.Why.STAFF_CHILD
    )
    return users, children


def outcome_of(response, person_id=None) -> str:
    if response.status_code == 200:
        return ALLOW
    if response.status_code in (403, 404):
        return str(response.status_code)
    if response.status_code == 302:
        if person_id and response["Location"] == reverse("access:state-reason", args=[person_id]):
            return REASON
        return REDIRECT
    return str(response.status_code)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(PERSON_URLS))
def test_person_pages(world, persona, url_name):
    users, children = world
    client = client_for(users[persona])
    got, expected = {}, PERSON_URLS[url_name][persona]
    for cls in CLASSES:
        pid = children[cls].pk
        got[cls] = outcome_of(client.get(reverse(url_name, args=[pid])), pid)
    assert got == expected


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(PAGES))
def test_pages(world, persona, url_name):
    users, _ = world
    response = client_for(users[persona]).get(reverse(url_name))
    assert outcome_of(response) == PAGES[url_name][persona]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(STAFF_URLS))
def test_staff_pages(world, persona, url_name):
    users, _ = world
    response = client_for(users[persona]).get(reverse(url_name, args=[users[SW].pk]))
    assert outcome_of(response) == STAFF_URLS[url_name][persona]


# Contacts, seen from the partner persona: one its own user made, one another agency made.
PARTNER_OWN, PARTNER_OTHER = "partner_own", "partner_other"
CONTACT_CLASSES = [PARTNER_OWN, PARTNER_OTHER]


def mash_only():
    return {
        p: dict.fromkeys(CONTACT_CLASSES, ALLOW if p == MASH else NO_PERMISSION) for p in PERSONAS
    }


REFERRER_ONLY = {
    p: (
        {PARTNER_OWN: ALLOW, PARTNER_OTHER: HIDDEN}
        if p == PARTNER
        else dict.fromkeys(CONTACT_CLASSES, NO_PERMISSION)
    )
    for p in PERSONAS
}
# MASH actions are forms that POST: a GET sends the MASH back to the contact; others denied.
MASH_ACTION = {
    p: dict.fromkeys(CONTACT_CLASSES, REDIRECT if p == MASH else NO_PERMISSION) for p in PERSONAS
}
CONTACT_URLS = {
    "frontdoor:contact": mash_only(),
    "frontdoor:rate": MASH_ACTION,
    "frontdoor:request-check": MASH_ACTION,
    "frontdoor:decide": MASH_ACTION,
    "frontdoor:my-referral": REFERRER_ONLY,
}
CHECK_URLS = {"frontdoor:record-answer": MASH_ACTION}
SUBJECT_URLS = {
    name: MASH_ACTION
    for name in ("frontdoor:same-person", "frontdoor:not-same-person", "frontdoor:new-person")
}

# The partner API: callers are the partner's token, and every persona's signed-in session.
API_URLS = {
    # url name: (method, outcome with the partner's token by contact class, without a token)
    "api:contact-detail": ("get", {PARTNER_OWN: ALLOW, PARTNER_OTHER: HIDDEN}, "401"),
    "api:contact-create": ("post", None, "401"),
    "api:openapi-json": ("get", None, "401"),
}


@pytest.fixture
def contacts(world):
    from lantern.frontdoor.actions import ContactDetails, SubjectDetails, receive_contact

    users, _ = world
    police = users[PARTNER].staff.agency
    hospital = Agency.objects.create(code="hosp", name="Hospital", kind=Agency.Kind.HEALTH)

    def contact(agency, referrer):
        made, _ = receive_contact(
            ContactDetails(
                agency=agency,
                channel="web",
                referrer_name="Referrer",
                referrer_user=referrer,
                concern="Child seen with bruising.",
                consent="given",
                urgency="standard",
                subjects=[SubjectDetails("Amy", "Smith", date_of_birth=dt.date(2016, 5, 4))],
            )
        )
        return made

    return {PARTNER_OWN: contact(police, users[PARTNER]), PARTNER_OTHER: contact(hospital, None)}


def test_every_url_is_in_exactly_one_section():
    sections = [
        set(PERSON_URLS),
        set(PAGES),
        set(STAFF_URLS),
        set(CONTACT_URLS),
        set(CHECK_URLS),
        set(SUBJECT_URLS),
        set(API_URLS),
        NOT_IN_MATRIX,
    ]
    assert all(not (a & b) for i, a in enumerate(sections) for b in sections[i + 1 :])
    assert all_url_names() == set().union(*sections)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted({**CONTACT_URLS, **CHECK_URLS, **SUBJECT_URLS}))
def test_contact_pages(world, contacts, persona, url_name):
    from lantern.frontdoor.actions import request_check

    users, _ = world
    client = client_for(users[persona])
    got = {}
    for cls, contact in contacts.items():
        if url_name in CHECK_URLS:
            check = request_check(
                contact,
                acting_user=users[MASH],
                agency=contact.agency,
                question="What do you know?",
            )
            args = [contact.pk, check.pk]
        elif url_name in SUBJECT_URLS:
            args = [contact.pk, contact.subjects.get().pk]
        else:
            args = [contact.pk]
        got[cls] = outcome_of(client.get(reverse(url_name, args=args)))
    table = {**CONTACT_URLS, **CHECK_URLS, **SUBJECT_URLS}
    assert got == table[url_name][persona]


@pytest.mark.django_db
@pytest.mark.parametrize("caller", ["token", "no token", *PERSONAS])
@pytest.mark.parametrize("url_name", sorted(API_URLS))
def test_api(world, contacts, caller, url_name):
    from lantern.api.actions import issue_token

    users, _ = world
    method, with_token, without = API_URLS[url_name]
    client = Client()
    headers = {}
    if caller == "token":
        _, token = issue_token(users[PARTNER].staff.agency, name="matrix")
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    elif caller != "no token":
        client.force_login(users[caller])  # a session is not a token
    if url_name == "api:contact-detail":
        got = {
            cls: outcome_of(client.get(reverse(url_name, args=[c.pk]), **headers))
            for cls, c in contacts.items()
        }
        assert got == (with_token if caller == "token" else dict.fromkeys(contacts, without))
        return
    call = getattr(client, method)
    response = call(reverse(url_name), **headers)
    if caller == "token":
        assert response.status_code in (200, 400, 422)  # let in; an empty request is refused
    else:
        assert str(response.status_code) == without
