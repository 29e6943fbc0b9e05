"""Issue 13: a partner's "my referrals" says which they wrote in Lantern and which their
agency's own system sent in their name; their home page counts them."""

import pytest
from django.urls import reverse

from lantern.frontdoor.models import Contact

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher(make_partner, school, client):
    user = make_partner("dsl", school)
    user.email = "dsl@harbour.example"
    user.save(update_fields=["email"])
    client.force_login(user)
    return user


def test_a_partner_sees_what_they_wrote_and_what_their_agency_sent_in_their_name(
    client, teacher, make_contact, school, police
):
    written = make_contact(school, channel="web", referrer_user=teacher, referrer_name="Dsl")
    sent = make_contact(school, channel="api", referrer_email="DSL@harbour.example")
    colleague = make_contact(school, channel="api", referrer_email="head@harbour.example")
    elsewhere = make_contact(police, channel="api", referrer_email="dsl@harbour.example")
    listing = client.get(reverse("frontdoor:my-referrals")).content.decode()
    rows = {c.reference: c for c in (written, sent, colleague, elsewhere)}
    shown = [ref for ref in rows if ref in listing]
    assert shown == [written.reference, sent.reference]
    assert "You wrote it here" in listing
    assert "Harbour Street School's system, in your name" in listing
    page = client.get(reverse("frontdoor:my-referral", args=[sent.pk])).content.decode()
    assert "in your name" in page and "Partner API" in page
    assert client.get(reverse("frontdoor:my-referral", args=[colleague.pk])).status_code == 404
    assert client.get(reverse("frontdoor:my-referral", args=[elsewhere.pk])).status_code == 404


def test_without_an_email_only_what_they_wrote_is_theirs(client, teacher, make_contact, school):
    teacher.email = ""
    teacher.save(update_fields=["email"])
    make_contact(school, channel="api", referrer_email="")
    listing = client.get(reverse("frontdoor:my-referrals")).content.decode()
    assert "You have not made any referrals" in listing


def test_the_partners_home_counts_their_referrals_by_who_sent_them(
    client, teacher, make_contact, school
):
    make_contact(school, channel="web", referrer_user=teacher, referrer_name="Dsl")
    make_contact(school, channel="file", referrer_email="dsl@harbour.example")
    assert Contact.objects.count() == 2
    home = client.get(reverse("home")).content.decode()
    assert "1 written by you here; 1 sent by your agency's system in your name" in home
    assert reverse("frontdoor:refer") in home and reverse("frontdoor:my-referrals") in home
    assert "Ask your team manager" not in home
