"""A partner's home: make a referral, and how their referrals stand."""

from django.db.models import Count, Q

from lantern.access.roles import MAKE_REFERRAL
from lantern.frontdoor import queries
from lantern.frontdoor.models import Contact
from lantern.web.home import Section


def partner_tasks(request) -> Section | None:
    if not request.user.has_perm(MAKE_REFERRAL):
        return None
    counts = queries.partner_contacts(request.user).aggregate(
        awaiting=Count("id", filter=Q(status=Contact.Status.AWAITING)),
        decided=Count("id", filter=Q(status=Contact.Status.DECIDED)),
        written_here=Count("id", filter=Q(referrer_user=request.user)),
        total=Count("id"),
    )
    counts["sent_for_you"] = counts["total"] - counts["written_here"]
    return Section("frontdoor/home_partner.html", counts)
