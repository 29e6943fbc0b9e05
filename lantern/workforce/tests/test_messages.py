import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.workforce.actions import notify


@pytest.fixture
def message(social_worker, make_person):
    child = make_person()
    return notify(
        social_worker,
        "Amy Smith has been allocated to you",
        person=child,
        link=reverse("people:record", args=[child.pk]),
    )


def test_following_a_message_marks_it_read_and_it_leaves_the_home_page(client, message):
    client.login(username="alice", password=PASSWORD)
    assert "has been allocated to you" in client.get(reverse("home")).content.decode()
    response = client.get(reverse("open-message", args=[message.pk]))
    assert response["Location"] == message.link
    message.refresh_from_db()
    assert message.read_at is not None
    assert "has been allocated to you" not in client.get(reverse("home")).content.decode()


def test_no_one_else_can_open_or_mark_a_message(client, make_staff, message):
    make_staff("bob", None)
    client.login(username="bob", password=PASSWORD)
    assert client.get(reverse("open-message", args=[message.pk])).status_code == 404
    message.refresh_from_db()
    assert message.read_at is None
