"""The CIN census for children walked through the real casework actions: what the DfE's
return says about each, worked out by hand from the dates below. Year 2026 is 2025/26
(1 April 2025 to 31 March 2026); the test clock stands in November 2026."""

from lantern.casework.models import ChildProtectionPlan
from lantern.people import actions as people_actions
from lantern.people import census as people_census
from lantern.people.identifiers import upn_check_letter
from lantern.people.models import Identifier
from lantern.returns.tests.cin_helpers import D, authorise, census, child_in, close, texts


def test_two_episodes_in_one_year_are_two_cin_details_in_referral_order(walk):
    ben = walk("Ben")
    ben.refer(on=D(2025, 6, 2), primary_need="N4")
    assessment = ben.assess(on=D(2025, 6, 3), factors=("21",), outcome="nfa")
    authorise(ben, assessment, D(2025, 7, 10))
    close(ben, D(2025, 7, 10), "RC8")
    ben.refer(on=D(2025, 10, 1), primary_need="N5")

    details = child_in(census(2026), ben.child).findall("CINdetails")

    assert texts(details[0], "CINreferralDate") + texts(details[1], "CINreferralDate") == [
        "2025-06-02",
        "2025-10-01",
    ]
    first, second = details
    assert first.findtext("CINclosureDate") == "2025-07-10"
    assert first.findtext("ReasonForClosure") == "RC8"
    assert first.findtext("ReferralNFA") == "false"  # assessed: not a referral NFA
    assert first.findtext("Assessments/AssessmentAuthorisationDate") == "2025-07-10"
    assert texts(first, "Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors") == ["21"]
    assert second.findtext("PrimaryNeedCode") == "N5"
    assert second.findtext("CINclosureDate") is None
    assert second.find("Assessments") is None


def _plan_across_the_year_start(walk):
    """Referred February 2025, on a plan from 20 February 2025; reviewed in May (now
    neglect and emotional abuse) and ended in November, stepped down to a CIN plan."""
    cara = walk("Cara")
    cara.refer(on=D(2025, 2, 3), primary_need="N1")
    assessment = cara.assess(on=D(2025, 2, 4), factors=("16A",), outcome="strategy")
    cara.strategy(on=D(2025, 2, 4))
    cara.s47(on=D(2025, 2, 4))
    cara.icpc(on=D(2025, 2, 20))  # a Thursday
    cara.plan = cara.conference.plan_started
    authorise(cara, assessment, D(2025, 3, 10))
    cara.review(D(2025, 5, 15), categories=("NEG", "EMO"))
    cara.review(D(2025, 11, 13), decision="end", end_reason="step_down")
    return cara


def test_a_plan_spanning_the_year_start_is_in_both_years_as_it_stood_each_31_march(walk):
    cara = _plan_across_the_year_start(walk)

    before = child_in(census(2025), cara.child).find("CINdetails")
    plan = before.find("ChildProtectionPlans")
    assert plan.findtext("CPPstartDate") == "2025-02-20"
    assert plan.findtext("CPPendDate") is None  # still open on 31 March 2025
    assert plan.findtext("InitialCategoryOfAbuse") == "NEG"
    assert plan.findtext("LatestCategoryOfAbuse") == "NEG"  # the May review is later
    assert plan.find("Reviews") is None
    enquiry = before.find("Section47")
    assert enquiry.findtext("S47ActualStartDate") == "2025-02-04"
    assert enquiry.findtext("InitialCPCtarget") == "2025-02-25"  # 15 working days
    assert enquiry.findtext("DateOfInitialCPC") == "2025-02-20"
    assert enquiry.findtext("ICPCnotRequired") == "false"
    assert texts(before, "Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors") == ["16A"]

    after = child_in(census(2026), cara.child).find("CINdetails")
    plan = after.find("ChildProtectionPlans")
    assert plan.findtext("CPPstartDate") == "2025-02-20"
    assert plan.findtext("CPPendDate") == "2025-11-13"
    assert plan.findtext("LatestCategoryOfAbuse") == "MUL"
    assert plan.findtext("NumberOfPreviousCPP") == "0"
    assert texts(plan, "Reviews/CPPreviewDate") == ["2025-05-15", "2025-11-13"]
    # The enquiry, its conference and the assessment were last year's.
    assert after.find("Section47") is None and after.find("Assessments") is None
    assert after.findtext("DateOfInitialCPC") is None
    assert texts(after, "CINPlanDates/CINPlanStartDate") == ["2025-11-13"]
    assert after.find("CINPlanDates/CINPlanEndDate") is None


def test_a_second_plan_counts_the_first_as_previous(walk):
    cara = _plan_across_the_year_start(walk)
    cara.strategy(on=D(2026, 1, 12))
    cara.s47(on=D(2026, 1, 12))
    cara.icpc(on=D(2026, 1, 29))
    assert ChildProtectionPlan.objects.filter(person=cara.child).count() == 2

    plans = child_in(census(2026), cara.child).findall("CINdetails/ChildProtectionPlans")

    assert [p.findtext("NumberOfPreviousCPP") for p in plans] == ["0", "1"]
    assert texts(child_in(census(2026), cara.child), "CINdetails/Section47/DateOfInitialCPC") == [
        "2026-01-29"
    ]


def test_a_referral_with_no_further_action(walk):
    dan = walk("Dan")
    dan.refer(on=D(2026, 1, 5))
    close(dan, D(2026, 1, 6), "RC7")

    details = child_in(census(2026), dan.child).find("CINdetails")

    assert details.findtext("ReferralNFA") == "true"
    assert details.findtext("CINclosureDate") == "2026-01-06"
    assert details.findtext("ReasonForClosure") == "RC7"
    assert details.findtext("PrimaryNeedCode") is None


def test_an_episode_closed_after_31_march_is_open_in_that_years_return(walk):
    fay = walk("Fay")
    fay.refer(on=D(2026, 2, 16), primary_need="N3")
    assessment = fay.assess(on=D(2026, 2, 17), factors=("4B",), outcome="early_help")
    authorise(fay, assessment, D(2026, 4, 2))
    close(fay, D(2026, 4, 10), "RC9")

    then = child_in(census(2026), fay.child).find("CINdetails")
    assert then.findtext("CINclosureDate") is None and then.findtext("ReasonForClosure") is None
    assert then.findtext("Assessments/AssessmentAuthorisationDate") is None
    assert then.find("Assessments/FactorsIdentifiedAtAssessment") is None  # rule 8614

    now = child_in(census(2027), fay.child).find("CINdetails")
    assert now.findtext("CINclosureDate") == "2026-04-10"
    assert now.findtext("ReasonForClosure") == "RC9"
    assert texts(now, "Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors") == ["4B"]


def test_an_unborn_child_is_unborn_until_the_year_they_are_born_in(walk, social_worker):
    eve = walk("Unborn", born=None, expected_date_of_birth=D(2026, 6, 10))
    eve.refer(on=D(2026, 2, 10), primary_need="N1")
    people_census.record_birth(
        eve.child,
        acting_user=social_worker,
        date_of_birth=D(2026, 6, 5),
        sex="F",
        first_name="Eve",
        last_name="Carter",
    )

    unborn = child_in(census(2026), eve.child).find("ChildIdentifiers")
    assert unborn.findtext("PersonBirthDate") is None
    assert unborn.findtext("ExpectedPersonBirthDate") == "2026-06-10"
    assert unborn.findtext("Sex") == "U"

    born = child_in(census(2027), eve.child).find("ChildIdentifiers")
    assert born.findtext("PersonBirthDate") == "2026-06-05"
    assert born.findtext("ExpectedPersonBirthDate") is None  # never both (rule 8525Q)
    assert born.findtext("Sex") == "F"


def test_a_disabled_child_has_each_disability_and_a_child_with_none_recorded_no_block(
    walk, social_worker
):
    gus = walk("Gus")
    people_census.set_disabilities(gus.child, ["HAND", "AUT"], acting_user=social_worker)
    gus.refer(on=D(2025, 9, 1), primary_need="N2")
    hal = walk("Hal")
    hal.refer(on=D(2025, 9, 1), primary_need="N2")

    root = census(2026)

    assert texts(child_in(root, gus.child), "ChildCharacteristics/Disabilities/Disability") == [
        "AUT",
        "HAND",
    ]
    assert child_in(root, hal.child).find("ChildCharacteristics/Disabilities") is None


def _upn(serial: str) -> str:
    rest = f"309{serial}0"
    return upn_check_letter(rest) + rest


def test_identifiers_upn_former_upn_and_the_reason_there_is_none(walk, social_worker):
    ivy = walk("Ivy")
    people_actions.add_identifier(
        ivy.child, acting_user=social_worker, scheme=Identifier.Scheme.UPN, value=_upn("12345678")
    )
    people_census.record_census_details(
        ivy.child, acting_user=social_worker, former_upn=_upn("87654321")
    )
    ivy.refer(on=D(2025, 9, 1), primary_need="N4")
    jo = walk("Jo", born=D(2024, 2, 1), upn_unknown="UN1")
    jo.refer(on=D(2025, 9, 1), primary_need="N4")

    root = census(2026)

    ids = child_in(root, ivy.child).find("ChildIdentifiers")
    assert ids.findtext("UPN") == _upn("12345678")
    assert ids.findtext("FormerUPN") == _upn("87654321")
    assert ids.findtext("UPNunknown") is None
    assert ids.findtext("PersonBirthDate") == "2016-05-04"
    ids = child_in(root, jo.child).find("ChildIdentifiers")
    assert ids.findtext("UPN") is None and ids.findtext("UPNunknown") == "UN1"


def test_before_2024_25_the_child_has_gender_current_not_sex(walk):
    kit = walk("Kit", sex="F")
    kit.refer(on=D(2023, 9, 4), primary_need="N4")

    ids = child_in(census(2024), kit.child).find("ChildIdentifiers")

    assert ids.findtext("GenderCurrent") == "2" and ids.find("Sex") is None


def test_a_child_whose_episodes_all_closed_before_the_year_is_not_in_it(walk):
    lou = walk("Lou")
    lou.refer(on=D(2025, 1, 6))
    close(lou, D(2025, 3, 31), "RC7")

    assert child_in(census(2025), lou.child) is not None
    assert child_in(census(2026), lou.child) is None
