"""The council's targets (set with a reason, audited), red-amber-green against them, and
the home page sections that read them."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from lantern.access import roles
from lantern.access.models import AuditEntry
from lantern.insight import actions
from lantern.insight.measures import Better, Value, register
from lantern.insight.models import Target
from lantern.insight.queries import AMBER, GREEN, RED, rag
from lantern.insight.tests import standins

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def target(green, amber) -> Target:
    return Target(figure="x", green=Decimal(green), amber=Decimal(amber))


def test_red_amber_green_reads_which_way_is_better():
    higher = standins.fixed("on_time", "S", {}, better=Better.HIGHER)
    lower = standins.fixed("re_referrals", "S", {}, better=Better.LOWER)
    neither = standins.fixed("referrals", "S", {}, better=Better.NEITHER)
    assert [rag(higher, Value(v), target("80", "70")) for v in (80, 79.9, 70, 69.9)] == [
        GREEN, AMBER, AMBER, RED,
    ]  # fmt: skip
    assert [rag(lower, Value(v), target("20", "25")) for v in (20, 20.1, 25, 25.1)] == [
        GREEN, AMBER, AMBER, RED,
    ]  # fmt: skip
    assert rag(neither, Value(50), target("1", "1")) is None
    assert rag(higher, Value(None), target("80", "70")) is None  # no cases: no colour
    assert rag(higher, Value(90), None) is None


def test_a_target_needs_a_reason_and_is_refused_whole(registry, analyst):
    register([standins.late_assessments()])
    client = client_for(analyst)
    code = standins.ASSESSMENTS
    response = client.post(
        reverse("insight:targets"),
        {"figure": code, f"{code}-green": "85", f"{code}-amber": "75", f"{code}-reason": ""},
    )
    assert response.status_code == 400
    assert "Say why the council sets this target" in response.content.decode()
    response = client.post(
        reverse("insight:targets"),
        {"figure": code, f"{code}-green": "75", f"{code}-amber": "85",
         f"{code}-reason": "Ofsted's recommendation"},
    )  # fmt: skip
    assert "Higher is better here: amber must be at or below green" in response.content.decode()
    assert not Target.objects.exists()
    response = client.post(
        reverse("insight:targets"),
        {"figure": code, f"{code}-green": "85", f"{code}-amber": "75.5%",
         f"{code}-reason": "Statistical neighbours' average, 2025"},
    )  # fmt: skip
    assert response.status_code == 302
    saved = Target.objects.get()
    assert (saved.green, saved.amber, saved.set_by) == (Decimal("85"), Decimal("75.5"), analyst)
    entry = AuditEntry.objects.filter(object_type="insight.Target").get()
    assert entry.detail == (
        f"target for {code}: no target → green 85.00, amber 75.50; "
        "why: Statistical neighbours' average, 2025"
    )


def test_a_figure_read_in_context_takes_no_target(registry, analyst):
    register([standins.fixed("referrals", "Front door", {}, better=Better.NEITHER)])
    with pytest.raises(Exception, match="read in context"):
        actions.set_target(
            "referrals", green=1, amber=1, reason="A good reason", acting_user=analyst
        )


def test_the_directors_home_shows_headlines_worst_first(registry, director, analyst, make_staff):
    register(
        [
            standins.fixed("ok_figure", "A", {"all": (1, 10)}),  # 10 %: green under 20
            standins.fixed("bad_figure", "A", {"all": (5, 10)}),  # 50 %: red over 30
            standins.fixed("untargeted", "A", {"all": (1, 2)}),
        ]
    )
    for code in ("ok_figure", "bad_figure"):
        actions.set_target(
            code, green=20, amber=30, reason="The council's plan", acting_user=analyst
        )
    page = client_for(director).get(reverse("home")).content.decode()
    headlines = page[page.index('id="headlines"') :]
    assert headlines.index("Bad figure") < headlines.index("Ok figure")
    assert "Off target" in headlines and "Untargeted" not in headlines
    assert 'id="untargeted"' not in page  # the director does not set targets
    page = client_for(analyst).get(reverse("home")).content.decode()
    assert "1 figure with no target" in page


def test_the_dpo_and_the_administrator_see_what_insight_adds_for_them(
    registry, make_staff, director, social_worker
):
    register([standins.fixed("re_referrals", "Front door", {})])
    from lantern.access import audit

    audit.record(None, AuditEntry.Action.LISTED, user=director, detail="behind the figure X")
    audit.record(None, AuditEntry.Action.EXPORT, user=director, detail="insight table: X")
    audit.record(None, AuditEntry.Action.LISTED, user=social_worker, detail="my children")
    dpo = make_staff("dpo", roles.DATA_PROTECTION_OFFICER)
    page = client_for(dpo).get(reverse("home")).content.decode()
    assert "1 name shown</a> in the lists behind figures" in page
    assert "1 performance table downloaded" in page
    admin = make_staff("admin", roles.SYSTEM_ADMINISTRATOR)
    page = client_for(admin).get(reverse("home")).content.decode()
    assert "1 figure with no target the council set" in page
