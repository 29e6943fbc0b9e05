"""A subject access pack holds everything about the person, free text included, with third
parties redacted (names, aliases, initials, two-letter names) and each redaction listed for
the reviewer in a separate file marked not for disclosure."""

import datetime as dt
import io
import json
import zipfile

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.sar_records import EXCLUDED, EXPORTED, models_about_a_person
from lantern.access.subject_access import LOG_NAME
from lantern.casework import actions as casework
from lantern.frontdoor import actions as frontdoor
from lantern.people import actions
from lantern.people.models import Address, Household, Relationship
from lantern.workforce.models import Team

DAY = dt.date(2026, 3, 10)


def test_every_model_about_a_person_is_exported_or_excluded_with_a_reason():
    labels = {m._meta.label for m in models_about_a_person()}
    assert labels - set(EXPORTED) - set(EXCLUDED) == set(), "add it to EXPORTED or EXCLUDED"
    assert set(EXPORTED) & set(EXCLUDED) == set()
    assert all(len(reason) > 30 for reason in EXCLUDED.values())


@pytest.fixture
def family(clock, make_person, social_worker, council, allocate):
    child = make_person("Amy", "Carter", dt.date(2015, 1, 1))
    allocate(child, social_worker, dt.date(2026, 1, 5))
    dad = make_person("John", "Smith", dt.date(1985, 4, 4), sex="M")
    actions.record_relationship(child, dad, Relationship.Kind.FATHER, acting_user=social_worker)
    uncle = make_person("Al", "Brook", dt.date(1980, 1, 1), sex="M")
    actions.record_relationship(child, uncle, Relationship.Kind.OTHER, acting_user=social_worker)
    lodger = make_person("Gareth", "Pryce", dt.date(1970, 1, 1))
    home = Household.objects.create(
        address=Address.objects.create(line_1="1 Elm Road", town="London", postcode="N17 1AA")
    )
    for p in (child, lodger):
        actions.move_into_household(
            p, home, acting_user=social_worker, start=dt.date(2020, 1, 1), agency=council
        )
    return child


@pytest.fixture
def casework_held(family, social_worker):
    casework.open_episode(
        family,
        acting_user=social_worker,
        referral_date=DAY,
        referral_source="2A",
        referral_reason="Bruise on the arm; Amy said John Smith grabbed her.",
    )
    casework.start_assessment(
        family,
        acting_user=social_worker,
        start_date=DAY,
        analysis="Risk from JS when drinking. Also a trial of J. S. staying away.",
        child_views="I like it when Al takes me to the park.",
        factors=["16A"],
        outcome="cin_plan",
    )
    casework.record_visit(
        family,
        acting_user=social_worker,
        visited_on=DAY,
        kind="cin",
        child_seen=True,
        seen_alone=True,
        observations="Gareth was asleep on the sofa. Altogether calm; also tidy.",
        child_words="Dad (John) shouts at night.",
    )
    casework.record_case_note(
        family,
        acting_user=social_worker,
        noted_on=DAY,
        subject="Call with school",
        text="School says Amy is doing well. J.S. collected her on Friday.",
    )
    return family


def download(client, make_staff, person) -> zipfile.ZipFile:
    make_staff("dora", roles.DATA_PROTECTION_OFFICER, Team.Kind.ADMINISTRATION)
    client.login(username="dora", password=PASSWORD)
    response = client.get(reverse("access:subject-access", args=[person.pk]))
    assert response.status_code == 200
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_the_pack_holds_casework_text_with_relatives_redacted(client, make_staff, casework_held):
    archive = download(client, make_staff, casework_held)
    pack = json.loads(archive.read("record.json"))
    records = pack["records"]
    (note,) = records["Case notes"]
    assert note["Note"] == "School says Amy is doing well. [father] collected her on Friday."
    (visit,) = records["Visits"]
    assert visit["What you saw and what it means"] == (
        "[household member] was asleep on the sofa. Altogether calm; also tidy."
    )
    assert visit["What the child said, in their own words"] == "Dad ([father]) shouts at night."
    (assessment,) = records["Assessments"]
    assert assessment["Analysis"] == (
        "Risk from [father] when drinking. Also a trial of [father] staying away."
    )
    assert assessment["The child's views, in their words"] == (
        "I like it when [other] takes me to the park."
    )
    (episode,) = records["Children in need episodes"]
    assert (
        episode["Why the child was referred"] == "Bruise on the arm; Amy said [father] grabbed her."
    )
    html = archive.read("record.html").decode()
    assert "Altogether calm; also tidy." in html
    for name in ("John", "Smith", "Gareth", "Pryce", "Brook", "J.S.", "JS", " Al "):
        assert name not in json.dumps(pack) and name not in html


def test_the_reviewer_gets_a_separate_log_of_every_redaction(client, make_staff, casework_held):
    archive = download(client, make_staff, casework_held)
    assert LOG_NAME in archive.namelist() and "NOT-FOR-DISCLOSURE" in LOG_NAME
    log = json.loads(archive.read(LOG_NAME))
    assert "NOT FOR DISCLOSURE" in log["notice"]
    made = {(r["kind"], r["redacted"], r["replaced_with"]) for r in log["redactions"]}
    assert {
        ("initials", "J.S.", "[father]"),
        ("initials", "JS", "[father]"),
        ("initials", "J. S.", "[father]"),
        ("short name", "Al", "[other]"),
        ("full name", "John Smith", "[father]"),
        ("name", "Gareth", "[household member]"),
    } <= made
    note = next(r for r in log["redactions"] if r["redacted"] == "J.S.")
    assert note["where"].startswith("Case notes, case note ") and note["where"].endswith("Note")
    assert all(r["redacted"] not in ("Altogether", "also", "Amy") for r in log["redactions"])


def test_a_contact_gives_its_concern_and_withholds_a_private_referrer(
    client, make_staff, family, council
):
    contact, _ = frontdoor.receive_contact(
        frontdoor.ContactDetails(
            agency=council,
            channel="web",
            source="1B",
            referrer_name="Nina Neighbour",
            referrer_phone="07700 900123",
            concern="Heard John Smith shouting at Amy late at night.",
            consent="given",
            urgency="standard",
            received_at=None,
            subjects=[frontdoor.SubjectDetails("Amy", "Carter", date_of_birth=dt.date(2015, 1, 1))],
        )
    )
    contact.subjects.update(person=family)
    archive = download(client, make_staff, family)
    pack = json.loads(archive.read("record.json"))
    (row,) = pack["contacts"]
    assert row["Concern"] == "Heard [father] shouting at Amy late at night."
    assert row["Referrer name"] == "[withheld: a private individual]"
    assert "Nina" not in json.dumps(pack) and "07700" not in json.dumps(pack)
    log = json.loads(archive.read(LOG_NAME))["redactions"]
    assert {"Nina Neighbour", "07700 900123"} <= {r["redacted"] for r in log}


def test_the_pack_holds_the_earlier_wording_of_changed_records_redacted(
    client, make_staff, casework_held, social_worker
):
    from lantern.casework.models import Assessment

    assessment = Assessment.objects.get(person=casework_held)
    casework.update_assessment(
        assessment,
        acting_user=social_worker,
        expected_version=assessment.version,
        analysis="Risk reduced: Mum has a plan with the school.",
    )
    actions.correct_details(
        casework_held, acting_user=social_worker, date_of_birth=dt.date(2015, 2, 1)
    )
    archive = download(client, make_staff, casework_held)
    pack = json.loads(archive.read("record.json"))
    (row,) = pack["records"]["Assessments"]
    assert row["Analysis"] == "Risk reduced: Mum has a plan with the school."
    (earlier,) = row["Earlier versions"]
    assert earlier["version"] == 2 and earlier["changed_by"] == "Alice Tester"
    assert earlier["changes"]["Analysis"] == {
        "before": "Risk from [father] when drinking. Also a trial of [father] staying away.",
        "after": "Risk reduced: Mum has a plan with the school.",
    }
    (correction,) = pack["corrections"]
    assert correction["changes"]["Date of birth"] == {"before": "2015-01-01", "after": "2015-02-01"}
    html = archive.read("record.html").decode()
    assert "was “Risk from [father] when drinking." in html
    assert "Smith" not in json.dumps(pack) and "Smith" not in html
