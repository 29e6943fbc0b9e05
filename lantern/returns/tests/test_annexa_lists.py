"""Annex A lists 4 to 10 at the period's edges: what was open at any point in the period is
listed, what ended the day before it began or started the day after it ended is not."""

import datetime as dt

import pytest

from lantern.care.actions.periods import end_care
from lantern.care.tests.factories import start_care
from lantern.casework.models import Conference
from lantern.casework.tests.journey import Journey
from lantern.returns.tests.annexa_fixtures import ids, sheet_rows

D = dt.date


@pytest.fixture
def amy(make_person, social_worker, allocate):
    child = make_person("Amy", "Carter", D(2016, 5, 4), sex="F")
    allocate(child, social_worker, D(2026, 1, 5))
    return child


@pytest.fixture
def ben(make_person, social_worker, allocate):
    child = make_person("Ben", "Okafor", D(2014, 9, 1), sex="M")
    allocate(child, social_worker, D(2026, 1, 5))
    return child


def test_a_cp_plan_open_across_the_periods_start_is_listed_one_ended_before_it_is_not(
    amy, ben, social_worker, manager, iro
):
    open_plan = Journey(amy, social_worker, manager, iro)
    open_plan.to_plan()  # from Friday 20 March 2026, still open
    open_plan.visit(D(2026, 10, 30), alone=False)
    ended = Journey(ben, social_worker, manager, iro)
    ended.to_plan()
    ended.review(D(2026, 4, 30), decision=Conference.Decision.END, end_reason="step_down")

    headers, rows = sheet_rows(7)

    assert headers[5:11] == [
        "Does the Child have a Disability", "Child Protection Plan Start Date",
        "Initial Category of Abuse", "Latest Category of Abuse",
        "Date of the Last Statutory Visit", "Was the Child Seen Alone?",
    ]  # fmt: skip
    assert [r["Child Unique ID"] for r in rows] == [amy.council_id]
    row = rows[0]
    assert row["Child Protection Plan Start Date"].date() == D(2026, 3, 20)
    assert (row["Initial Category of Abuse"], row["Latest Category of Abuse"]) == (
        "a) Neglect", "a) Neglect",
    )  # fmt: skip
    assert row["Date of the Last Statutory Visit"].date() == D(2026, 10, 30)
    assert row["Was the Child Seen Alone?"] == "b) No"
    assert row["Child Protection Plan End Date"] is None
    assert row["Number of Previous Child Protection Plans"] == 0
    assert (row["Allocated Team"], row["Allocated Worker"]) == ("Team child_protection",
                                                                 "Alice Tester")  # fmt: skip
    # Ben's plan ended on 30 April: listed for a period that includes that day.
    assert ids(7, start=D(2026, 4, 30)) == [amy.council_id, ben.council_id]


def test_the_s47_and_assessment_lists_take_what_started_in_the_period(
    amy, social_worker, manager, iro
):
    journey = Journey(amy, social_worker, manager, iro)
    journey.to_plan()  # s47 from 4 March 2026, ICPC on 20 March

    assert ids(5) == []  # started before 1 May
    headers, rows = sheet_rows(5, start=D(2026, 3, 4), end=D(2026, 3, 31))
    assert headers[6:10] == [
        "Strategy discussion initiating Section 47 Enquiry Start Date",
        "Was an Initial Child Protection Conference deemed unnecessary?",
        "Date of Initial Child Protection Conference",
        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
    ]
    (row,) = rows
    assert row["Strategy discussion initiating Section 47 Enquiry Start Date"].date() == D(
        2026, 3, 4
    )
    assert row["Date of Initial Child Protection Conference"].date() == D(2026, 3, 20)
    assert row["Did the Initial Child Protection Conference Result in a Child Protection Plan"] == (
        "a) Yes"
    )
    # Seen the day the ICPC closed the list's period: an ICPC after it is not yet known.
    assert (
        sheet_rows(5, start=D(2026, 3, 4), end=D(2026, 3, 19))[1][0][
            "Date of Initial Child Protection Conference"
        ]
        is None
    )


def test_children_in_need_open_at_any_point_with_their_status_at_the_end(
    amy, social_worker, manager, iro
):
    journey = Journey(amy, social_worker, manager, iro)
    journey.to_plan()

    rows = sheet_rows(6)[1]

    assert [(r["Child Unique ID"], r["Case Status"]) for r in rows] == [
        (amy.council_id, "b) Child Protection plan")
    ]
    assert rows[0]["CIN Start Date"].date() == D(2026, 3, 2)
    assert ids(6, start=D(2026, 1, 1), end=D(2026, 3, 1)) == []  # referred the day after


def test_a_child_in_care_is_listed_and_one_who_left_before_the_period_is_not(
    amy, ben, social_worker
):
    start_care(amy, social_worker, D(2026, 3, 2))
    left = start_care(ben, social_worker, D(2026, 1, 5))
    end_care(left, acting_user=social_worker, on=D(2026, 4, 30), reason_ceased="E4A")

    headers, rows = sheet_rows(8)

    assert headers[5:9] == [
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
        "Does the Child have a Disability", "Date Started to be Looked After",
        "Child's Category of Need",
    ]  # fmt: skip
    assert [r["Child Unique ID"] for r in rows] == [amy.council_id]
    row = rows[0]
    assert row["Date Started to be Looked After"].date() == D(2026, 3, 2)
    assert row["Child's Legal Status"] == "C1: ICO"
    assert row["Placement Type"] == "f) U6: Foster placement - not FFA"
    assert row["Placement Provider"] == "b) PR1: Own provision"
    assert row["Number of Placements in the Last 12 months"] == 1
    assert row["Date Ceased to be Looked After"] is None
    # Ben left on 30 April: in a list whose period includes that day, with his reason.
    ben_row = sheet_rows(8, start=D(2026, 4, 30))[1][0]
    assert ben_row["Child Unique ID"] == ben.council_id
    assert ben_row["Date Ceased to be Looked After"].date() == D(2026, 4, 30)
    assert ben_row["Reason Ceased to be Looked After"] == (
        "e) E4A: Returned home to live with parents or relatives - part of planning"
    )


def test_a_care_leaver_is_listed_with_adviser_category_and_latest_contact(
    make_person, social_worker, make_staff
):
    from lantern.care.actions import leaving_care
    from lantern.workforce.models import Team

    # Looked after from 14 to 18: a former relevant child after leaving care at 18.
    sam = make_person("Sam", "Reid", D(2008, 3, 10), sex="M")
    period = start_care(sam, social_worker, D(2022, 3, 14), legal_status="V2")
    end_care(period, acting_user=social_worker, on=D(2026, 3, 10), reason_ceased="E5")
    adviser = make_staff("pat", None, Team.Kind.LEAVING_CARE)
    leaving_care.appoint_personal_adviser(
        sam, acting_user=social_worker, adviser=adviser, start_date=D(2026, 3, 10)
    )
    for day, accommodation in ((D(2026, 6, 1), "U1"), (D(2026, 11, 2), "D2")):
        leaving_care.record_care_leaver_contact(
            sam, acting_user=social_worker, contact_on=day, in_touch="YES", activity="F2",
            accommodation=accommodation,
        )  # fmt: skip

    (row,) = sheet_rows(9)[1]

    assert row["Child Unique ID"] == sam.council_id
    assert row["Eligibility Category"] == "b) Former relevant child"
    assert row["Allocated Personal Advisor"] == "Pat Tester"
    # The contact after the period's end is not yet known on its last day.
    assert row["Latest Date of Contact"].date() == D(2026, 6, 1)
    assert (row["LA in Touch"], row["Type of Accommodation"]) == ("a) Yes", "U: Independent living")
    assert row["Suitability of Accommodation"] == "a) Suitable"
    assert row["Activity Status"] == "F2: Full time in education other than higher"
    assert ids(9, start=D(2021, 1, 1), end=D(2021, 12, 31)) == []  # not yet in care


def test_an_adoption_decision_is_listed_until_the_child_is_adopted(amy, social_worker):
    from lantern.care.actions import permanence

    start_care(amy, social_worker, D(2025, 6, 2), legal_status="C2")
    plan = permanence.decide_adoption(amy, acting_user=social_worker, decided_on=D(2026, 2, 2))
    permanence.record_adoption_milestones(
        plan, acting_user=social_worker, expected_version=plan.version,
        placement_order_on=D(2026, 5, 11),
    )  # fmt: skip

    (row,) = sheet_rows(10)[1]

    assert row["Child Unique ID"] == amy.council_id
    assert row["Date the Child Entered Care"].date() == D(2025, 6, 2)
    assert row["Date of Decision that Child Should be Placed for Adoption"].date() == D(2026, 2, 2)
    assert row["Date of Placement Order"].date() == D(2026, 5, 11)
    assert row["Date of Adoption Order"] is None
    # Seen from before the placement order: the order is not yet known.
    early = sheet_rows(10, start=D(2026, 2, 1), end=D(2026, 5, 10))[1][0]
    assert early["Date of Placement Order"] is None
