"""The access matrix, looking: every role × every URL × every class of record, against the
tables in ``tables.py``. Adding a URL without adding its row fails
``test_every_url_is_in_exactly_one_section``. Every refused cell must also have left its
audit row (``checks.attempt``)."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access_matrix.checks import attempt, client_for, expected_cells
from tests.access_matrix.tables import (
    API_URLS,
    CASEWORK_URLS,
    CHECK_URLS,
    CLASSES,
    CONTACT_URLS,
    INSIGHT_URLS,
    MASH,
    NOT_IN_MATRIX,
    PAGES,
    PARTNER,
    PERSON_URLS,
    PERSONAS,
    RETURN_RUN_URLS,
    SIGNAL_URLS,
    STAFF_URLS,
    SUBJECT_URLS,
    SW,
)


def all_url_names():
    def walk(resolver, namespace=""):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                ns = entry.namespace or ""
                yield from walk(entry, f"{namespace}{ns}:" if ns else namespace)
            elif isinstance(entry, URLPattern) and entry.name:
                yield namespace + entry.name

    return set(walk(get_resolver()))


def test_every_url_is_in_exactly_one_section():
    sections = [
        set(PERSON_URLS),
        CASEWORK_URLS,
        set(PAGES),
        set(STAFF_URLS),
        set(CONTACT_URLS),
        set(CHECK_URLS),
        set(SUBJECT_URLS),
        set(API_URLS),
        set(RETURN_RUN_URLS),
        set(SIGNAL_URLS),
        set(INSIGHT_URLS),
        NOT_IN_MATRIX,
    ]
    assert all(not (a & b) for i, a in enumerate(sections) for b in sections[i + 1 :])
    assert all_url_names() == set().union(*sections)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(PERSON_URLS))
def test_person_pages(world, persona, url_name):
    users, children = world
    user = users[persona]
    client = client_for(user)
    got = {}
    for cls in CLASSES:
        child = children[cls]
        url = reverse(url_name, args=[child.pk])
        got[cls] = attempt(
            lambda url=url: client.get(url), user=user, person=child, person_id=child.pk
        )
    assert got == expected_cells(PERSON_URLS[url_name], url_name, persona)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(PAGES))
def test_pages(world, persona, url_name):
    users, _ = world
    user = users[persona]
    got = attempt(lambda: client_for(user).get(reverse(url_name)), user=user)
    assert got == PAGES[url_name][persona]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(STAFF_URLS))
def test_staff_pages(world, persona, url_name):
    users, _ = world
    user = users[persona]
    url = reverse(url_name, args=[users[SW].pk])
    assert attempt(lambda: client_for(user).get(url), user=user) == STAFF_URLS[url_name][persona]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(RETURN_RUN_URLS))
def test_return_runs(world, persona, url_name):
    from lantern.returns.models import ReturnFile, ReturnRun

    users, _ = world
    user = users[persona]
    run = ReturnRun.objects.create(
        kind=ReturnRun.Kind.SSD, requested_by=users[SW], status=ReturnRun.Status.DONE
    )
    ReturnFile.objects.create(run=run, name="ssd_person.csv", data=b"x\n", size=2, sha256="0")
    args = [run.pk] if url_name == "returns:run" else [run.pk, "ssd_person.csv"]
    got = attempt(lambda: client_for(user).get(reverse(url_name, args=args)), user=user)
    assert got == RETURN_RUN_URLS[url_name][persona]


INSIGHT_ARGS = {
    "insight:figure": ["matrix_figure"],
    "insight:figure-download": ["matrix_figure", "trend", "csv"],
    "insight:dashboard-download": ["xlsx"],
    "insight:tables-download": ["workforce", 1, "csv"],
    "insight:children": ["matrix_figure"],
    "insight:children-download": ["matrix_figure", "csv"],
}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(INSIGHT_URLS))
def test_insight_pages(world, persona, url_name, monkeypatch):
    from lantern.insight import workforce_views
    from lantern.insight.measures import REGISTRY
    from lantern.insight.tests import standins

    users, children = world
    user = users[persona]
    behind = frozenset(child.pk for child in children.values())
    monkeypatch.setitem(
        REGISTRY, "matrix_figure", standins.fixed("matrix_figure", "M", {}, children=behind)
    )
    monkeypatch.setattr(workforce_views, "staffing", standins)
    monkeypatch.setattr(workforce_views, "costs", standins)
    url = reverse(url_name, args=INSIGHT_ARGS[url_name])
    assert attempt(lambda: client_for(user).get(url), user=user) == INSIGHT_URLS[url_name][persona]


def live_signal(child):
    """A live signal on ``child`` (the matrix tries the gate, not the rules that raise one)."""
    from django.utils import timezone

    from lantern.signals.models import Signal

    return Signal.objects.create(
        person=child,
        rule="repeat_missing",
        fired_on=timezone.localdate(),
        headline="3 missing episodes in 20 days",
        raised_at=timezone.now(),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(SIGNAL_URLS))
def test_signal_pages(world, persona, url_name):
    users, children = world
    user = users[persona]
    client = client_for(user)
    got = {}
    for cls in CLASSES:
        child = children[cls]
        url = reverse(url_name, args=[child.pk, live_signal(child).pk])
        got[cls] = attempt(
            lambda url=url: client.get(url), user=user, person=child, person_id=child.pk
        )
    assert got == expected_cells(SIGNAL_URLS[url_name], url_name, persona)


def contact_args(url_name, contact, users):
    from lantern.frontdoor.actions import request_check

    if url_name in CHECK_URLS:
        check = request_check(
            contact, acting_user=users[MASH], agency=contact.agency, question="What do you know?"
        )
        return [contact.pk, check.pk]
    if url_name in SUBJECT_URLS:
        return [contact.pk, contact.subjects.get().pk]
    return [contact.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted({**CONTACT_URLS, **CHECK_URLS, **SUBJECT_URLS}))
def test_contact_pages(world, contacts, persona, url_name):
    users, _ = world
    user = users[persona]
    client = client_for(user)
    got = {}
    for cls, contact in contacts.items():
        url = reverse(url_name, args=contact_args(url_name, contact, users))
        got[cls] = attempt(lambda url=url: client.get(url), user=user)
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
    user = None
    if caller == "token":
        _, token = issue_token(users[PARTNER].staff.agency, name="matrix")
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    elif caller != "no token":
        user = users[caller]
        client.force_login(user)  # a session is not a token
    if url_name == "api:contact-detail":
        got = {}
        for cls, c in contacts.items():
            url = reverse(url_name, args=[c.pk])
            got[cls] = attempt(lambda url=url: client.get(url, **headers), user=user)
        assert got == (with_token if caller == "token" else dict.fromkeys(contacts, without))
        return
    call = getattr(client, method)
    if caller == "token":
        response = call(reverse(url_name), **headers)
        assert response.status_code in (200, 400, 422)  # let in; an empty request is refused
    else:
        got = attempt(lambda: call(reverse(url_name), **headers), user=user)
        assert got == without
