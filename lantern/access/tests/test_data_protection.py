import datetime as dt
import io
import json
import zipfile

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.models import AuditEntry
from lantern.access.retention import due_for_review
from lantern.chronology.models import ChronologyEntry
from lantern.people import actions
from lantern.people.models import Address, Household, Person, PersonName, Relationship
from lantern.workforce.models import Team

TODAY = dt.date(2026, 11, 23)


def test_a_looked_after_record_is_kept_to_the_75th_birthday(make_person):
    make_person("Old", "Care", dt.date(1951, 12, 1), care_status=Person.CareStatus.CARE_LEAVER)
    make_person("Young", "Care", dt.date(1952, 6, 1), care_status=Person.CareStatus.LOOKED_AFTER)
    due = {d.council_id: d for d in due_for_review(TODAY, horizon_days=30)}
    (only,) = due.values()
    assert only.keep_until == dt.date(2026, 12, 1)
    assert only.rule.code == "looked_after"


def test_a_child_who_died_in_care_is_kept_15_years_from_death(make_person):
    make_person(
        "Lost",
        "Child",
        dt.date(2000, 1, 1),
        date_of_death=dt.date(2011, 12, 1),
        care_status=Person.CareStatus.LOOKED_AFTER,
    )
    (due,) = due_for_review(TODAY, horizon_days=30)
    assert due.keep_until == dt.date(2026, 12, 1)


def test_a_child_in_need_record_follows_local_policy(make_person, settings):
    settings.LANTERN_RETENTION_CIN_YEARS_AFTER_18 = 6
    make_person("Cin", "Case", dt.date(2002, 10, 1), care_status=Person.CareStatus.CLOSED)
    make_person("Cin", "Later", dt.date(2003, 10, 1), care_status=Person.CareStatus.CLOSED)
    (due,) = due_for_review(TODAY)
    assert due.keep_until == dt.date(2026, 10, 1) and due.rule.code == "child_in_need"


def test_an_adoption_record_is_kept_100_years(make_person, social_worker):
    from lantern.access.actions import restrict_record
    from lantern.access.models import RestrictedRecord

    adopted = make_person(
        "Ada", "Adopted", dt.date(1930, 1, 1), care_status=Person.CareStatus.LOOKED_AFTER
    )
    restrict_record(adopted, acting_user=social_worker, why=RestrictedRecord.Why.ADOPTION)
    assert due_for_review(TODAY) == []  # 75th birthday long past, but adoption rule governs


@pytest.fixture
def family(make_person, social_worker, council):
    child = make_person("Amy", "Carter", dt.date(2015, 1, 1))
    stepdad = make_person("Steve", "Doyle", dt.date(1985, 4, 4), sex="M")
    actions.add_name(
        stepdad,
        acting_user=social_worker,
        kind=PersonName.Kind.ALIAS,
        first_name="Stevie",
        last_name="Dee",
    )
    actions.record_relationship(
        child, stepdad, Relationship.Kind.STEP_PARENT, acting_user=social_worker
    )
    lodger = make_person("Gareth", "Pryce", dt.date(1970, 1, 1))
    home = Household.objects.create(
        address=Address.objects.create(line_1="1 Elm Road", town="London", postcode="N17 1AA")
    )
    for p in (child, lodger):
        actions.move_into_household(
            p, home, acting_user=social_worker, start=dt.date(2020, 1, 1), agency=council
        )
    ChronologyEntry.objects.create(
        person=child,
        agency=council,
        kind="visit",
        author="Alice Tester",
        occurred_at=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
        summary="Amy said Steve Doyle shouts; Stevie also drinks. Gareth was asleep.",
    )
    return child


def test_a_subject_access_pack_has_the_record_and_no_third_party_names(client, make_staff, family):
    dpo = make_staff("dora", roles.DATA_PROTECTION_OFFICER, Team.Kind.ADMINISTRATION)
    client.login(username="dora", password=PASSWORD)
    response = client.get(reverse("access:subject-access", args=[family.pk]))
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    pack = json.loads(archive.read("record.json"))
    html = archive.read("record.html").decode()
    assert pack["person"]["council_id"] == family.council_id
    summaries = " ".join(e["summary"] for e in pack["chronology"])
    assert "Amy said [step-parent] shouts; [step-parent] also drinks." in summaries
    assert "[household member] was asleep" in summaries
    for name in ("Steve", "Doyle", "Stevie", "Gareth", "Pryce"):
        assert name not in json.dumps(pack) and name not in html
    assert "Alice Tester" in summaries or pack["chronology"][-1]["recorded_by"] == "Alice Tester"
    assert AuditEntry.objects.filter(action="export", person=family, user=dpo).exists()


def test_only_the_dpo_may_export_a_subject_access_pack(client, social_worker, family, allocate):
    allocate(family, social_worker)
    client.login(username="alice", password=PASSWORD)
    assert client.get(reverse("access:subject-access", args=[family.pk])).status_code == 403
    assert not AuditEntry.objects.filter(action="export").exists()


def test_the_retention_page_lists_what_is_due(client, make_staff, make_person):
    make_staff("dora", roles.DATA_PROTECTION_OFFICER, Team.Kind.ADMINISTRATION)
    make_person("Old", "Care", dt.date(1940, 1, 1), care_status=Person.CareStatus.CARE_LEAVER)
    client.login(username="dora", password=PASSWORD)
    page = client.get(reverse("access:retention")).content.decode()
    assert "1 record waits for a decision" in page and "Looked-after child" in page
