"""After sign-out the next person at a shared PC finds no case page in the browser's cache
and no draft kept in the tab."""

from django.contrib.staticfiles import finders
from django.urls import reverse

from lantern.access.models import AuditEntry


def test_it_tells_the_browser_not_to_keep_a_case_page(client, social_worker, make_person, allocate):
    child = make_person("Rhea", "Stone")
    allocate(child, social_worker)
    client.force_login(social_worker)
    page = client.get(reverse("people:record", args=[child.pk]))
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    search = client.get(reverse("people:search"), {"q": "Rhea"})
    assert "no-store" in search["Cache-Control"]


def test_signing_out_clears_the_sites_storage_and_cache(client, social_worker):
    client.force_login(social_worker)
    home = client.get(reverse("home")).content.decode()
    assert "data-sign-out" in home  # the form lantern.js clears drafts from on submit
    response = client.post(reverse("sign-out"))
    assert response.status_code == 302
    assert '"storage"' in response["Clear-Site-Data"] and '"cache"' in response["Clear-Site-Data"]
    assert AuditEntry.objects.filter(action="sign_out", user=social_worker).exists()


def test_the_sign_out_script_forgets_the_drafts_autosave_keeps():
    with open(finders.find("lantern/lantern.js")) as script:
        text = script.read()
    with open(finders.find("casework/autosave.js")) as autosave:
        assert 'PREFIX = "lantern-draft:"' in autosave.read()
    assert "form[data-sign-out]" in text and '"lantern-draft:"' in text
