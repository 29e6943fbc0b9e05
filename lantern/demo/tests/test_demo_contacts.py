"""The demo's front door traffic: mostly police, schools and health, some misspelt, some
waiting and overdue."""

import datetime as dt
from zoneinfo import ZoneInfo

from lantern.frontdoor.models import Contact, ContactSubject, Decision

AS_OF = dt.datetime(2026, 11, 23, 15, 30, tzinfo=ZoneInfo("Europe/London"))  # the demo's now


def test_the_demo_sends_a_realistic_mix_of_contacts(demo_borough):
    contacts = Contact.objects.select_related("agency")
    assert contacts.count() > 20
    main = sum(1 for c in contacts if c.agency.kind in ("police", "education", "health"))
    assert 0.45 <= main / contacts.count() <= 0.8
    waiting = contacts.filter(status=Contact.Status.AWAITING)
    assert waiting.exists()
    assert waiting.filter(decision_due_at__lt=AS_OF).count() >= 2
    decided = contacts.filter(status=Contact.Status.DECIDED)
    assert Decision.objects.count() == decided.count()
    linked = ContactSubject.objects.filter(person__isnull=False).select_related("person")
    assert linked.count() == decided.count()
    assert any(s.full_name != s.person.full_name for s in linked)  # another agency's spelling


def test_every_referral_the_mash_accepted_names_the_childs_primary_need(demo_borough):
    from lantern.frontdoor.models import Referral

    referrals = Referral.objects.select_related("episode")
    assert referrals.exists()
    assert not [r.pk for r in referrals if not r.episode.primary_need]  # CIN census 8610
