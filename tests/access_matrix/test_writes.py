"""The access matrix, writing: every form and autosave endpoint POSTed (with an empty body:
what is tried is the access gate, not the form), and the casework sub-pages of each kind.
A write the gate lets through is LET_IN whatever the form then says; every refusal must
have left its audit row (``checks.attempt``)."""

import pytest
from django.urls import reverse

from lantern.casework.models import CINEpisode
from tests.access_matrix.checks import attempt, client_for, expected_cells
from tests.access_matrix.tables import (
    CLASSES,
    CONTACT_POSTS,
    DRAFT,
    EPISODE_CHANGE,
    EPISODE_PAGE,
    NEW_RECORD,
    PAGE_POSTS,
    PERSON_POSTS,
    PERSONAS,
    SIGNAL_POSTS,
    as_write,
)
from tests.access_matrix.test_reads import contact_args, live_signal


def each_class(world, persona, url_of, *, post=False):
    users, children = world
    user = users[persona]
    client = client_for(user)
    got = {}
    for cls in CLASSES:
        child = children[cls]
        url = url_of(child)
        call = (lambda url=url: client.post(url, {})) if post else (lambda url=url: client.get(url))
        got[cls] = attempt(call, user=user, person=child, person_id=child.pk, write=post)
    return got


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("kind", sorted(NEW_RECORD))
def test_new_record_forms(world, persona, kind):
    def url(child):
        return reverse("casework:new", args=[child.pk, kind])

    assert each_class(world, persona, url) == NEW_RECORD[kind][persona]
    assert each_class(world, persona, url, post=True) == as_write(NEW_RECORD[kind])[persona]


def episode_of(child):
    return CINEpisode.objects.get(person=child)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_record_page(world, persona):
    def url(child):
        return reverse("casework:record", args=[child.pk, "episode", episode_of(child).pk])

    assert each_class(world, persona, url) == EPISODE_PAGE[persona]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_change_form(world, persona):
    def url(child):
        return reverse("casework:change", args=[child.pk, "episode", episode_of(child).pk, "edit"])

    assert each_class(world, persona, url) == EPISODE_CHANGE[persona]
    assert each_class(world, persona, url, post=True) == as_write(EPISODE_CHANGE)[persona]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_autosave(world, persona):
    def url(child):
        return reverse("casework:draft", args=[child.pk, "visit-new"])

    assert each_class(world, persona, url, post=True) == DRAFT[persona]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(PERSON_POSTS))
def test_person_forms(world, persona, url_name):
    got = each_class(world, persona, lambda child: reverse(url_name, args=[child.pk]), post=True)
    assert got == as_write(expected_cells(PERSON_POSTS[url_name], url_name, persona))


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(PAGE_POSTS))
def test_page_forms(world, persona, url_name):
    users, _ = world
    user = users[persona]
    call = lambda: client_for(user).post(reverse(url_name), {})  # noqa: E731
    assert attempt(call, user=user, write=True) == PAGE_POSTS[url_name][persona]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(CONTACT_POSTS))
def test_contact_forms(world, contacts, persona, url_name):
    users, _ = world
    user = users[persona]
    client = client_for(user)
    got = {}
    for cls, contact in contacts.items():
        url = reverse(url_name, args=contact_args(url_name, contact, users))
        got[cls] = attempt(lambda url=url: client.post(url, {}), user=user, write=True)
    assert got == CONTACT_POSTS[url_name][persona]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(SIGNAL_POSTS))
def test_signal_forms(world, persona, url_name):
    def url(child):
        return reverse(url_name, args=[child.pk, live_signal(child).pk])

    got = each_class(world, persona, url, post=True)
    assert got == as_write(expected_cells(SIGNAL_POSTS[url_name], url_name, persona))
