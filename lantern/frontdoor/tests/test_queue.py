"""The MASH queue: what is waiting, what is overdue, and what may be a duplicate."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from lantern.frontdoor import actions
from lantern.frontdoor.models import Contact


@pytest.fixture
def officer(client, mash_officer):
    client.login(username="mo", password=PASSWORD)
    return mash_officer


def _kofi(born=dt.date(2014, 1, 9)):
    return actions.SubjectDetails("Kofi", "Mensah", date_of_birth=born)


def test_it_lists_waiting_contacts_soonest_due_first_and_flags_overdue(
    client, officer, make_contact, police, school
):
    now = timezone.now()
    old = make_contact(police, received_at=now - dt.timedelta(days=10))
    new = make_contact(school, received_at=now)
    decided = make_contact(police, received_at=now)
    Contact.objects.filter(pk=decided.pk).update(status=Contact.Status.DECIDED)
    page = client.get(reverse("frontdoor:queue")).content.decode()
    assert page.index(old.reference) < page.index(new.reference)
    assert decided.reference not in page
    assert page.count(">Overdue<") == 1
    overdue = client.get(reverse("frontdoor:queue") + "?show=overdue").content.decode()
    assert old.reference in overdue and new.reference not in overdue


def test_it_flags_the_same_child_sent_twice(client, officer, make_contact, police, school):
    make_contact(police, _kofi())
    make_contact(school, _kofi())
    make_contact(school, _kofi(born=dt.date(2015, 1, 9)))  # same name, another child
    page = client.get(reverse("frontdoor:queue")).content.decode()
    assert page.count("Possible duplicate") == 2


def test_a_contact_names_the_other_contact_about_the_same_child(
    client, officer, make_contact, police, school
):
    now = timezone.now()
    first = make_contact(police, _kofi(), received_at=now - dt.timedelta(days=3))
    again = make_contact(school, _kofi(), received_at=now)
    other_child = make_contact(school, _kofi(born=dt.date(2015, 1, 9)), received_at=now)
    too_old = make_contact(school, _kofi(), received_at=now - dt.timedelta(days=20))
    page = client.get(reverse("frontdoor:contact", args=[first.pk])).content.decode()
    said = page[page.index("Possibly the same concern as") :]
    said = said[: said.index("</div>")]
    assert again.reference in said and school.name in said
    assert f'href="{reverse("frontdoor:contact", args=[again.pk])}"' in said
    assert timezone.localtime(again.received_at).strftime("%-d %b %Y") in said
    assert other_child.reference not in said and first.reference not in said
    assert too_old.reference not in said  # 17 days apart: outside the fortnight


def test_the_queue_takes_the_same_number_of_queries_however_long(
    client, officer, make_contact, police, django_assert_max_num_queries
):
    for _ in range(3):
        make_contact(police, _kofi())
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("frontdoor:queue"))
    for _ in range(12):
        make_contact(police, _kofi())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("frontdoor:queue"))


def _ids_listed(page: str) -> list[str]:
    return re.findall(r'href="/front-door/contacts/(\d+)/"', page)


def test_a_long_queue_is_paged_most_pressing_first_and_none_is_left_out(
    client, officer, make_contact, police
):
    now = timezone.now()
    # 53 contacts, each received a minute after the one before: due in that order.
    contacts = [
        make_contact(police, received_at=now - dt.timedelta(days=3, minutes=60 - n))
        for n in range(53)
    ]
    url = reverse("frontdoor:queue")
    first = client.get(url).content.decode()
    second = client.get(url + "?page=2").content.decode()
    assert "Showing 1 to 50 of 53 contacts waiting" in first
    assert "Showing 51 to 53 of 53 contacts waiting" in second
    assert _ids_listed(first) + _ids_listed(second) == [str(c.pk) for c in contacts]
    assert 'href="?page=2"' in first
    # A page number that is not one is the nearest page, never an error.
    assert _ids_listed(client.get(url + "?page=x").content.decode()) == _ids_listed(first)
    assert _ids_listed(client.get(url + "?page=99").content.decode()) == _ids_listed(second)
    # Paging the overdue contacts keeps to them.
    overdue = client.get(url + "?show=overdue").content.decode()
    assert "of 53 contacts overdue" in overdue and 'href="?show=overdue&amp;page=2"' in overdue


def test_an_empty_queue_says_no_contact_is_waiting(client, officer):
    for url in (reverse("frontdoor:queue"), reverse("frontdoor:queue") + "?page=3"):
        page = client.get(url)
        assert page.status_code == 200
        assert "No contacts are waiting." in page.content.decode()


def test_the_duplicates_read_is_planned_for_its_keys_on_every_queue(
    client, officer, make_contact, police, school
):
    """Never kept as a generic plan on PostgreSQL: one walked every contact in the window
    where the identity keys' index finds the few that match (``planned_afresh``)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("server-side statements")
    make_contact(police, _kofi())
    make_contact(school, _kofi())
    for _ in range(4):
        page = client.get(reverse("frontdoor:queue")).content.decode()
        assert page.count("Possible duplicate") == 2
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        kept = [row[0] for row in cursor.fetchall()]
    assert kept  # the queue's other reads are prepared as usual
    assert not [s for s in kept if '"frontdoor_contactsubject"."identity_key" AS' in s]
