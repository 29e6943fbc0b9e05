"""The demo's casework (``lantern.demo.casework``): each child's records match their care
status and the chronology already written, every row passes the model's own checks, and
the deadlines are those the live actions would have set."""

import datetime as dt
import random

import pytest

from lantern.agencies.models import Agency
from lantern.casework import codes
from lantern.casework import models as cw
from lantern.chronology.models import ChronologyEntry
from lantern.clocks.models import Deadline
from lantern.demo.casework import generate_casework
from lantern.demo.specs import Borough, PersonSpec
from lantern.demo.staff import Staff, Worker

D = dt.date
TODAY, BORN = D(2026, 11, 23), D(2016, 5, 4)
pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_person, social_worker, manager, iro, council, police):
    worker = Worker(social_worker.pk, "Alice Tester", social_worker.staff.team_id)
    staff = Staff(
        workers={"Independent Reviewing Officers": [Worker(iro.pk, "Irene", iro.staff.team_id)]},
        managers={worker.team_id: Worker(manager.pk, "Mo", worker.team_id)},
    )
    people = []

    def child(name, status, start, *, end=None, cp=None, care=None, born=BORN):
        person = make_person(name, "Demo", born)
        spec = PersonSpec("child", name, "Demo", "F", born, "WBRI", status=status)
        spec.episode_start, spec.episode_end, spec.cp_start, spec.care_start = start, end, cp, care
        spec.pk, spec.spells = person.pk, [(worker, "child_protection", start, None)]
        people.append(spec)
        return spec

    def entry(spec, day, kind, text):
        ChronologyEntry.objects.create(
            person_id=spec.pk,
            agency=council,
            kind=kind,
            summary=text,
            author="Alice",
            occurred_at=dt.datetime(day.year, day.month, day.day, 11, tzinfo=dt.UTC),
        )

    agencies = {a.code: a for a in Agency.objects.all()}
    return child, entry, staff, agencies, Borough(people=people)


def test_each_child_gets_the_casework_their_status_implies(world):
    child, entry, staff, agencies, borough = world
    cp = child("Cara", "child_protection", D(2026, 6, 1), cp=D(2026, 7, 20))
    for day, kind, text in [
        (D(2026, 6, 2), "referral", "Referral accepted."),
        (D(2026, 7, 1), "strategy_discussion", "Strategy discussion with police and health."),
        (D(2026, 7, 2), "section_47", "Section 47 enquiry concluded."),
        (
            D(2026, 7, 20),
            "conference",
            "Initial child protection conference. Child made subject "
            "of a child protection plan under the category of neglect and emotional abuse.",
        ),
        (D(2026, 7, 25), "assessment", "Child and family assessment completed."),
        (D(2026, 10, 19), "conference", "Review child protection conference. Plan to continue."),
    ]:
        entry(cp, day, kind, text)
    cin = child("Nia", "child_in_need", D(2026, 2, 1))
    entry(cin, D(2026, 3, 10), "assessment", "Child and family assessment completed.")
    closed = child("Cole", "closed", D(2025, 1, 6), end=D(2025, 4, 1))
    entry(closed, D(2025, 2, 20), "assessment", "Completed. Outcome: no further action.")
    assessing = child("Ada", "assessment", D(2026, 11, 2))
    looked = child("Lou", "looked_after", D(2025, 9, 1), care=D(2025, 10, 1))
    entry(looked, D(2025, 9, 20), "assessment", "Child and family assessment completed.")

    unborn = child("Unborn", "child_protection", D(2026, 9, 1), cp=D(2026, 9, 1), born=None)
    entry(unborn, D(2026, 9, 2), "referral", "Referral accepted: pre-birth.")

    counts = generate_casework(random.Random(3), borough, staff, agencies, TODAY)

    plan = cw.ChildProtectionPlan.objects.get(person_id=cp.pk)
    assert (plan.start_date, plan.latest_categories, plan.end_date) == (
        D(2026, 7, 20),
        ["NEG", "EMO"],
        None,
    )
    assert cw.StrategyDiscussion.objects.get(person_id=cp.pk).held_on == D(2026, 7, 1)
    assert cw.Section47Enquiry.objects.get(person_id=cp.pk).start_date == D(2026, 7, 2)
    assert cw.Conference.objects.filter(person_id=cp.pk, kind="review").get().held_on == D(
        2026, 10, 19
    )
    # Four months of a plan, visits 4-10 working days apart (about 1 gap in 8 longer).
    assert cw.Visit.objects.filter(person_id=cp.pk, kind="cp").count() >= 8
    assert (
        Deadline.objects.filter(person_id=cp.pk, rule__code="cp_visit", state="open").count() == 1
    )
    assert cw.CINPlan.objects.get(person_id=cin.pk, end_date=None).start_date == D(2026, 3, 10)
    ended = cw.CINEpisode.objects.get(person_id=closed.pk)
    # Closed after assessment (RC8), unless an s47 enquiry came first (CIN census rule 2990).
    enquired = cw.Section47Enquiry.objects.filter(person_id=closed.pk).exists()
    assert (ended.close_date, ended.reason_for_closure) == (
        D(2025, 4, 1),
        "RC7" if enquired else "RC8",
    )
    assert cw.Assessment.objects.get(person_id=assessing.pk).authorised_date is None
    assert Deadline.objects.get(person_id=assessing.pk, rule__code="assessment").state == "open"
    assert cw.Assessment.objects.get(person_id=looked.pk).outcome == "looked_after"
    assert counts["deadlines"] == Deadline.objects.count()
    pre_birth = cw.ChildProtectionPlan.objects.get(person_id=unborn.pk)
    assert pre_birth.start_date == D(2026, 9, 2)  # not before the referral (rule 1104)
    assert not cw.Visit.objects.filter(person_id=unborn.pk, child_seen=True).exists()
    for model in (
        cw.CINEpisode,
        cw.Assessment,
        cw.CINPlan,
        cw.Conference,
        cw.Visit,
        cw.ChildProtectionPlan,
        cw.CoreGroupMeeting,
        cw.Section47Enquiry,
    ):
        for row in model.objects.all():
            row.full_clean()  # every constraint and choice holds
    linked = ChronologyEntry.objects.filter(person_id=cp.pk, source_type="casework.Visit")
    assert linked.exists() and all(e.summary.startswith("Child protection") for e in linked)


def test_the_same_seed_gives_the_same_casework(world):
    child, _, staff, agencies, borough = world
    child("Cara", "child_protection", D(2026, 6, 1), cp=D(2026, 7, 20))
    generate_casework(random.Random(5), borough, staff, agencies, TODAY)
    first = list(cw.Visit.objects.order_by("visited_on").values_list("visited_on", "seen_alone"))
    ChronologyEntry.objects.filter(source_type__startswith="casework.").delete()
    cw.Visit.objects.all().delete()
    Deadline.objects.all().delete()
    cw.CoreGroupMeeting.objects.all().delete()
    cw.Conference.objects.filter(kind="review").delete()
    cw.ChildProtectionPlan.objects.all().delete()
    for model in (
        cw.Conference,
        cw.Section47Enquiry,
        cw.StrategyDiscussion,
        cw.Assessment,
        cw.CINPlan,
        cw.CINEpisode,
    ):
        model.objects.all().delete()
    generate_casework(random.Random(5), borough, staff, agencies, TODAY)
    again = list(cw.Visit.objects.order_by("visited_on").values_list("visited_on", "seen_alone"))
    assert first == again


def test_children_on_a_plan_get_adult_on_child_abuse_factors(world):
    """A CP plan follows abuse by a parent or carer: reported as child-on-child (18B/19B),
    the demo would tell the census a different story."""
    child, entry, staff, agencies, borough = world
    for n in range(12):
        cp = child(f"Cara{n}", "child_protection", D(2026, 6, 1), cp=D(2026, 7, 20))
        entry(cp, D(2026, 7, 25), "assessment", "Child and family assessment completed.")
    generate_casework(random.Random(7), borough, staff, agencies, TODAY)

    factors = {f for a in cw.Assessment.objects.all() for f in a.factors}
    abuse = {f for f in factors if f[:2] in ("18", "19")}
    assert abuse, "the seed should give some physical or sexual abuse factors"
    labels = [codes.ASSESSMENT_FACTORS.label(f) for f in abuse]
    assert all(label.endswith("adult on child") for label in labels), labels
    assert all(codes.ASSESSMENT_FACTORS.is_current(f) for f in factors)
