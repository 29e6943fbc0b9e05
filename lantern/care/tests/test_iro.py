"""The child's IRO: allocation with its history, the allocated IRO's access basis (audited),
the IRO's caseload with each child's next review, and the IRO's dispute resolution (IRO
Handbook 2010 ch. 6). Today is Tue 24 Nov 2026."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import PASSWORD
from lantern.access import roles
from lantern.access.actions import restrict_record
from lantern.access.models import AuditEntry, RestrictedRecord
from lantern.care.actions.concerns import (
    escalate_iro_concern,
    raise_iro_concern,
    resolve_iro_concern,
)
from lantern.care.actions.iro import allocate_iro
from lantern.care.models import IROAllocation, IROConcern
from lantern.care.queries.iro import current_iro, iro_history
from lantern.care.tests.factories import start_care
from lantern.care.tests.helpers import looked_after
from lantern.workforce.models import Notification, Team

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def other_iro(make_staff):
    return make_staff("ivan", roles.IRO, Team.Kind.IRO)


def test_a_manager_allocates_an_iro_and_a_change_of_iro_is_kept(
    in_care, child, manager, iro, other_iro, django_capture_on_commit_callbacks
):
    first = allocate_iro(child, acting_user=manager, iro=iro, start_date=D(2026, 10, 6))
    with django_capture_on_commit_callbacks(execute=True):
        allocate_iro(child, acting_user=manager, iro=other_iro, start_date=D(2026, 11, 16))
    assert current_iro(child).iro == other_iro
    history = iro_history(child)
    assert [(a.iro.username, a.start_date, a.end_date) for a in history] == [
        ("ivan", D(2026, 11, 16), None),
        ("irene", D(2026, 10, 6), D(2026, 11, 16)),
    ]
    first.refresh_from_db()
    assert first.end_date == D(2026, 11, 16)
    assert Notification.objects.filter(recipient=other_iro, person=child).exists()
    assert AuditEntry.objects.filter(
        person=child, detail="allocated IRO ivan in place of irene"
    ).exists()


@pytest.mark.parametrize(
    "who, on, field, words",
    [
        ("worker", D(2026, 10, 6), "iro", "Choose an independent reviewing officer"),
        ("iro", D(2026, 10, 4), "start_date", "before the child became looked after"),
        ("iro", D(2026, 11, 25), "start_date", "today or in the past"),
    ],
)
def test_bad_allocations_are_refused_naming_the_field(
    in_care, child, manager, social_worker, iro, who, on, field, words
):
    chosen = iro if who == "iro" else social_worker
    with pytest.raises(ValidationError) as excinfo:
        allocate_iro(child, acting_user=manager, iro=chosen, start_date=on)
    assert words in excinfo.value.message_dict[field][0]
    assert not IROAllocation.objects.exists()


def test_the_same_iro_twice_or_a_change_dated_before_the_current_one_is_refused(
    in_care, child, manager, iro, other_iro
):
    allocate_iro(child, acting_user=manager, iro=iro, start_date=D(2026, 10, 20))
    with pytest.raises(ValidationError, match="already this child's IRO"):
        allocate_iro(child, acting_user=manager, iro=iro, start_date=D(2026, 11, 1))
    with pytest.raises(ValidationError, match="20 October 2026"):
        allocate_iro(child, acting_user=manager, iro=other_iro, start_date=D(2026, 10, 19))
    assert IROAllocation.objects.count() == 1


def test_a_child_not_looked_after_gets_no_iro(child, manager, iro):
    with pytest.raises(ValidationError, match="not looked after"):
        allocate_iro(child, acting_user=manager, iro=iro, start_date=D(2026, 11, 1))


def test_the_allocated_iro_opens_the_childs_record_on_that_basis_and_it_is_audited(
    client, in_care, child, manager, iro, other_iro
):
    allocate_iro(child, acting_user=manager, iro=iro, start_date=D(2026, 10, 6))
    client.login(username="irene", password=PASSWORD)
    assert client.get(reverse("casework:overview", args=[child.pk])).status_code == 200
    look = AuditEntry.objects.filter(
        user=iro, person=child, action=AuditEntry.Action.VIEW_RECORD, detail="casework"
    ).get()
    assert look.purpose == "the child's allocated independent reviewing officer"
    # Another IRO reviews as an IRO, not as this child's own.
    client.login(username="ivan", password=PASSWORD)
    assert client.get(reverse("casework:overview", args=[child.pk])).status_code == 200
    other = AuditEntry.objects.filter(user=other_iro, person=child, detail="casework").get()
    assert other.purpose == "independent reviewing officer"


def test_the_allocated_iro_records_the_review_through_the_form(
    client, in_care, child, manager, iro
):
    allocate_iro(child, acting_user=manager, iro=iro, start_date=D(2026, 10, 6))
    client.login(username="irene", password=PASSWORD)
    url = reverse("casework:new", args=[child.pk, "looked-after-review"])
    response = client.post(url, {"held_on": "2026-10-30", "chair": iro.pk,
                                 "participation": "PN2", "decisions": "Continue"})  # fmt: skip
    assert response.status_code == 302


def test_the_iro_caseload_shows_each_childs_next_review_overdue_first(
    client, in_care, child, manager, iro, other_iro, make_person, social_worker
):
    looked_after(in_care)  # Amy: first review due Mon 2 Nov 2026, now overdue
    ben = make_person("Ben", "Ashby", D(2015, 2, 2))
    looked_after(start_care(ben, social_worker, D(2026, 11, 16)))  # due Mon 14 Dec 2026
    cara = make_person("Cara", "Bell", D(2014, 3, 3))
    looked_after(start_care(cara, social_worker, D(2026, 11, 2)))  # another IRO's child
    allocate_iro(child, acting_user=manager, iro=iro, start_date=D(2026, 10, 6))
    allocate_iro(ben, acting_user=manager, iro=iro, start_date=D(2026, 11, 16))
    allocate_iro(cara, acting_user=manager, iro=other_iro, start_date=D(2026, 11, 2))
    client.login(username="irene", password=PASSWORD)
    assert reverse("care:iro-reviews") in client.get(reverse("home")).content.decode()
    page = client.get(reverse("care:iro-reviews")).content.decode()
    assert "Cara Bell" not in page
    table = page.split('id="iro-caseload"')[1]
    amy, ben_row = table.split("Amy Carter")[1], table.split("Ben Ashby")[1]
    assert table.index("Amy Carter") < table.index("Ben Ashby")  # overdue first
    assert "First looked-after review: 2 Nov 2026" in amy.split("</tr>")[0]
    assert "Overdue by 16 working days" in amy.split("</tr>")[0]
    assert "First looked-after review: 14 Dec 2026" in ben_row.split("</tr>")[0]
    assert "Overdue" not in ben_row.split("</tr>")[0]
    assert "1 review overdue" in page
    listed = AuditEntry.objects.filter(user=iro, detail="listed in IRO caseload")
    assert {e.person_id for e in listed} == {child.pk, ben.pk}


def test_an_iro_no_longer_allocated_no_longer_lists_the_child(
    client, in_care, child, manager, iro, other_iro
):
    allocate_iro(child, acting_user=manager, iro=iro, start_date=D(2026, 10, 6))
    allocate_iro(child, acting_user=manager, iro=other_iro, start_date=D(2026, 11, 2))
    client.login(username="irene", password=PASSWORD)
    page = client.get(reverse("care:iro-reviews")).content.decode()
    assert "Amy Carter" not in page and "No looked-after child is allocated to you" in page


def test_the_iro_raises_escalates_and_resolves_a_formal_concern(in_care, child, iro):
    concern = raise_iro_concern(
        child, acting_user=iro, raised_on=D(2026, 11, 2), concern="No PEP after 4 weeks"
    )
    assert concern.stage == IROConcern.Stage.INFORMAL
    concern = escalate_iro_concern(
        concern,
        acting_user=iro,
        expected_version=1,
        stage=IROConcern.Stage.SERVICE_MANAGER,
        stage_reached_on=D(2026, 11, 9),
    )
    with pytest.raises(ValidationError) as excinfo:
        escalate_iro_concern(
            concern, acting_user=iro, expected_version=2, stage=IROConcern.Stage.TEAM_MANAGER,
            stage_reached_on=D(2026, 11, 10),
        )  # fmt: skip
    assert "beyond the one reached" in excinfo.value.message_dict["stage"][0]
    with pytest.raises(ValidationError) as excinfo:
        resolve_iro_concern(
            concern, acting_user=iro, expected_version=2, resolved_on=D(2026, 11, 8),
            outcome="PEP held",
        )  # fmt: skip
    assert "9 November 2026" in excinfo.value.message_dict["resolved_on"][0]
    with pytest.raises(ValidationError) as excinfo:
        resolve_iro_concern(
            concern, acting_user=iro, expected_version=2, resolved_on=D(2026, 11, 20), outcome=""
        )
    assert "outcome" in excinfo.value.message_dict
    done = resolve_iro_concern(
        concern, acting_user=iro, expected_version=2, resolved_on=D(2026, 11, 20),
        outcome="PEP held on 18 November; the virtual school attends the next review",
    )  # fmt: skip
    assert (done.stage, done.resolved_on, done.version) == ("service_manager", D(2026, 11, 20), 3)
    with pytest.raises(ValidationError, match="resolved on 20 November 2026"):
        escalate_iro_concern(
            done, acting_user=iro, expected_version=3, stage=IROConcern.Stage.CAFCASS,
            stage_reached_on=D(2026, 11, 23),
        )  # fmt: skip


@pytest.mark.parametrize(
    "change, field",
    [
        ({"raised_on": D(2026, 10, 1)}, "raised_on"),
        ({"raised_on": D(2026, 11, 30)}, "raised_on"),
        ({"concern": " "}, "concern"),
        ({"stage": "minister"}, "stage"),
    ],
)
def test_bad_concerns_are_refused_naming_the_field(in_care, child, iro, change, field):
    values = {"raised_on": D(2026, 11, 2), "concern": "No PEP", **change}
    with pytest.raises(ValidationError) as excinfo:
        raise_iro_concern(child, acting_user=iro, **values)
    assert field in excinfo.value.message_dict
    assert not IROConcern.objects.exists()


def test_only_an_iro_raises_a_formal_concern(in_care, child, social_worker):
    with pytest.raises(ValidationError, match="Only an independent reviewing officer"):
        raise_iro_concern(child, acting_user=social_worker, raised_on=D(2026, 11, 2), concern="x")


def test_the_concern_pages_work_for_the_iro(client, in_care, child, iro):
    client.login(username="irene", password=PASSWORD)
    url = reverse("casework:new", args=[child.pk, "iro-concern"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"raised_on": "2026-11-02", "concern": "Contact not happening",
                                 "stage": "informal"})  # fmt: skip
    assert response.status_code == 302
    concern = IROConcern.objects.get()
    step = reverse("casework:change", args=[child.pk, "iro-concern", concern.pk, "resolve"])
    response = client.post(step, {"version": 1, "resolved_on": "2026-11-20",
                                  "outcome": "Contact restarted"})  # fmt: skip
    assert response.status_code == 302
    page = client.get(concern.get_absolute_url()).content.decode()
    assert "Contact restarted" in page


def test_the_childs_page_shows_the_iro_every_change_of_iro_and_the_reviews(
    client, in_care, child, manager, iro, other_iro, social_worker
):
    looked_after(in_care)
    allocate_iro(child, acting_user=manager, iro=iro, start_date=D(2026, 10, 6))
    allocate_iro(child, acting_user=manager, iro=other_iro, start_date=D(2026, 11, 16))
    from lantern.care.actions.reviews import record_lac_review

    record_lac_review(
        child, acting_user=social_worker, held_on=D(2026, 10, 29), chair=iro,
        participation="PN6", decisions="Continue",
    )  # fmt: skip
    client.login(username="mo", password=PASSWORD)
    page = client.get(reverse("casework:overview", args=[child.pk])).content.decode()
    panel = page.split('id="reviews-and-iro"')[1]
    assert "Independent reviewing officer: <strong>Ivan Tester</strong> since 16 Nov 2026" in panel
    history = panel.split('id="iro-history"')[1].split("</table>")[0]
    assert "IROs: 2" in history and "Irene Tester" in history and "16 Nov 2026" in history
    reviews = panel.split('id="lac-reviews"')[1].split("</table>")[0]
    assert "29 Oct 2026" in reviews and "PN6" in reviews and "Not signed off" in reviews
    assert "Change the IRO" in panel


def test_the_iro_caseload_lists_a_restricted_record_without_its_name(
    client, in_care, child, manager, iro
):
    allocate_iro(child, acting_user=manager, iro=iro, start_date=D(2026, 10, 6))
    restrict_record(child, acting_user=manager, why=RestrictedRecord.Why.HIGH_PROFILE)
    client.login(username="irene", password=PASSWORD)
    page = client.get(reverse("care:iro-reviews")).content.decode()
    assert "Amy Carter" not in page and "A restricted record" in page
    assert not AuditEntry.objects.filter(user=iro, detail="listed in IRO caseload").exists()
