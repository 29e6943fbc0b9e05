"""A partner opening another's referral, and the MASH matching to a restricted record they
may not write, each leave a refusal in the audit log (issue 8 §3)."""

from django.urls import reverse

from conftest import PASSWORD
from lantern.access.models import AuditEntry


def test_a_partner_opening_another_partners_referral_is_recorded(
    client, make_contact, make_partner, police, hospital
):
    make_partner("referrer", police)
    nosy = make_partner("nosy", hospital)
    theirs = make_contact(police, channel="web")
    client.login(username="nosy", password=PASSWORD)
    assert client.get(reverse("frontdoor:my-referral", args=[theirs.pk])).status_code == 404
    [row] = AuditEntry.objects.filter(user=nosy, action="denied")
    assert (row.object_type, row.object_id) == ("frontdoor.Contact", str(theirs.pk))
    assert "Amy" not in row.detail
