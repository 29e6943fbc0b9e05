"""A professional in a partner agency refers a child through the web form."""

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.access.models import AuditEntry
from lantern.frontdoor.models import Contact

FORM = {
    "referrer_role": "Designated safeguarding lead",
    "referrer_phone": "020 7946 0000",
    "referrer_email": "dsl@harbour.example",
    "child-role": "child",
    "child-first_name": "Viktoria",
    "child-last_name": "Klimbie",
    "child-dob_day": "2",
    "child-dob_month": "11",
    "child-dob_year": "2016",
    "child-sex": "F",
    "child-nhs_number": "",
    "child-upn": "",
    "child-address": "",
    "child-postcode": "N17 6AA",
    "sibling-role": "child",
    "sibling-sex": "U",
    "carer-role": "parent_carer",
    "carer-first_name": "Marie",
    "carer-last_name": "Kouao",
    "carer-sex": "F",
    "concern": "Came to school with marks on her hands and would not say how they happened.",
    "consent": "not_sought",
    "lawful_basis": "Asking the carer could put the child at risk of significant harm",
    "urgency": "immediate",
}


@pytest.fixture
def teacher(make_partner, school, client):
    user = make_partner("dsl", school)
    client.login(username="dsl", password=PASSWORD)
    return user


def test_it_makes_a_contact_from_the_form_with_its_clock_and_an_audit_row(client, teacher, school):
    response = client.post(reverse("frontdoor:refer"), FORM)
    contact = Contact.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("frontdoor:my-referral", args=[contact.pk])
    assert (contact.agency, contact.channel, contact.source) == (school, "web", "2A")
    assert contact.referrer_user == teacher
    assert contact.referrer_name == "Dsl Partner"
    assert contact.urgency == "immediate" and contact.is_awaiting
    assert contact.decision_due_at > contact.received_at
    people = [(s.role, s.full_name) for s in contact.subjects.all()]
    assert people == [("child", "Viktoria Klimbie"), ("parent_carer", "Marie Kouao")]
    assert AuditEntry.objects.filter(action="create", object_id=str(contact.pk)).exists()
    page = client.get(response["Location"]).content.decode()
    assert contact.reference in page and "Awaiting decision" in page


@pytest.mark.parametrize(
    "change,message",
    [
        ({"child-first_name": "", "child-last_name": ""}, "Enter the person&#x27;s first name"),
        ({"child-nhs_number": "943 476 5918"}, "the check digit does not match"),
        ({"child-dob_month": "13"}, "Date of birth must be a real date"),
        ({"concern": ""}, "Enter what you are worried about"),
        ({"lawful_basis": ""}, "Say why you are sharing without consent"),
        ({"carer-first_name": "", "carer-last_name": "", "carer-postcode": "N1"}, "first name"),
    ],
)
def test_bad_input_names_the_problem_and_saves_nothing(client, teacher, change, message):
    response = client.post(reverse("frontdoor:refer"), {**FORM, **change})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Contact.objects.count() == 0


def test_staff_who_are_not_partners_cannot_use_the_form(client, social_worker):
    client.login(username="alice", password=PASSWORD)
    assert client.get(reverse("frontdoor:refer")).status_code == 403
    assert client.post(reverse("frontdoor:refer"), FORM).status_code == 403
    assert Contact.objects.count() == 0


def test_a_partner_sees_only_the_referrals_they_made(client, teacher, make_partner, school):
    make_partner("other", school)
    other = _client_for("other")
    other.post(reverse("frontdoor:refer"), FORM)
    theirs = Contact.objects.get()
    client.post(reverse("frontdoor:refer"), {**FORM, "child-first_name": "Anna"})
    mine = Contact.objects.exclude(pk=theirs.pk).get()
    listing = client.get(reverse("frontdoor:my-referrals")).content.decode()
    assert mine.reference in listing and theirs.reference not in listing
    assert client.get(reverse("frontdoor:my-referral", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("frontdoor:my-referral", args=[99999])).status_code == 404


def _client_for(username):
    from django.test import Client

    c = Client()
    c.login(username=username, password=PASSWORD)
    return c


def test_every_problem_is_in_one_summary_naming_whose_details_and_the_title_says_error(
    client, teacher
):
    response = client.post(
        reverse("frontdoor:refer"), {**FORM, "concern": "", "child-dob_month": "", "child-upn": "x"}
    )
    page = response.content.decode()
    assert page.count('class="govuk-error-summary"') == 1
    assert "<title>Error: Make a referral –" in page and "Error: Error:" not in page
    summary = page[page.index("govuk-error-summary") : page.index("<h1")]
    assert "Enter what you are worried about" in summary
    assert 'href="#id_child-dob_day">The child: Date of birth must include a month' in summary
