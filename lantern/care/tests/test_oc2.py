"""The SSDA903 OC2 rows for a dated cohort (issue 10 §5): only children looked after
continuously for 12 months at 31 March, each flag read from the year's records."""

import datetime as dt

import pytest

from conftest import LONDON
from lantern.care.actions import health
from lantern.care.models import LegalStatus
from lantern.care.queries.health import oc2_rows
from lantern.care.tests.factories import start_care

D = dt.date
YEAR_END = D(2027, 3, 31)
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(dt.datetime(2027, 4, 20, 10, tzinfo=LONDON), tick=False),
]


def test_a_child_in_care_12_months_is_in_the_cohort_and_one_in_care_11_months_is_not(
    make_person, social_worker
):
    amy = make_person("Amy", "Carter", D(2016, 5, 4))
    start_care(amy, social_worker, D(2026, 4, 1))  # 12 months at 31 March 2027
    ben = make_person("Ben", "Okafor", D(2015, 2, 2))
    start_care(ben, social_worker, D(2026, 5, 1))  # 11 months
    assert [row["CHILD"] for row in oc2_rows(YEAR_END)] == [amy.council_id]


def test_a_child_whose_care_ends_on_31_march_is_still_in_that_years_cohort(
    make_person, social_worker
):
    """SSDA903 rule 191 reads an episode ceasing on 31 March as looked after that day: the
    OC2 row is owed. A day earlier, it is not."""
    dan = make_person("Dan", "Hughes", D(2014, 3, 3))
    period = start_care(dan, social_worker, D(2025, 6, 2))
    type(period).objects.filter(pk=period.pk).update(end_date=YEAR_END)
    assert [row["CHILD"] for row in oc2_rows(YEAR_END)] == [dan.council_id]
    type(period).objects.filter(pk=period.pk).update(end_date=YEAR_END - dt.timedelta(days=1))
    assert oc2_rows(YEAR_END) == []


def test_a_child_on_short_breaks_in_the_year_is_not_in_the_cohort(make_person, social_worker):
    cleo = make_person("Cleo", "Adeyemi", D(2014, 7, 9))
    period = start_care(cleo, social_worker, D(2025, 1, 6), legal_status="V3")
    LegalStatus.objects.filter(period=period).update(code="C2")
    assert [row["CHILD"] for row in oc2_rows(YEAR_END)] == [cleo.council_id]
    LegalStatus.objects.create(
        person=cleo, period=period, code="V3", start_date=D(2026, 6, 1),
        created_by=social_worker, updated_by=social_worker,
    )  # fmt: skip
    assert oc2_rows(YEAR_END) == []


def test_each_flag_is_read_from_the_years_records(make_person, social_worker):
    amy = make_person("Amy", "Carter", D(2016, 5, 4))
    start_care(amy, social_worker, D(2025, 9, 1))
    worker = {"acting_user": social_worker}
    health.record_health_assessment(
        amy, kind="initial", assessed_on=D(2025, 9, 20), assessed_by="Dr Rao", by_doctor=True,
        **worker,
    )  # fmt: skip
    health.record_health_assessment(
        amy, kind="review", assessed_on=D(2026, 9, 18), assessed_by="Nurse Cole", **worker
    )
    health.record_dental_check(amy, checked_on=D(2025, 10, 1), **worker)  # last year: no
    health.record_immunisations(amy, as_at=D(2027, 1, 10), up_to_date=True, **worker)
    health.record_sdq(amy, completed_on=D(2026, 6, 1), score=17, **worker)
    health.record_substance_misuse(
        amy, identified_on=D(2026, 8, 3), intervention_received=False,
        intervention_offered=True, **worker,
    )  # fmt: skip
    assert oc2_rows(YEAR_END) == [
        {
            "CHILD": amy.council_id,
            "DOB": D(2016, 5, 4),
            "SDQ_SCORE": 17,
            "SDQ_REASON": None,
            "CONVICTED": 0,
            "HEALTH_CHECK": None,  # health promotion checks are for under-5s only (546)
            "IMMUNISATIONS": 1,
            "TEETH_CHECK": 0,
            "HEALTH_ASSESSMENT": 1,
            "SUBSTANCE_MISUSE": 1,
            "INTERVENTION_RECEIVED": 0,
            "INTERVENTION_OFFERED": 1,
        }
    ]


def test_an_under_5_has_health_check_and_no_sdq(make_person, social_worker):
    kai = make_person("Kai", "Mensah", D(2023, 6, 1))
    start_care(kai, social_worker, D(2026, 1, 5))
    health.record_health_assessment(
        kai, acting_user=social_worker, kind="initial", assessed_on=D(2026, 1, 20),
        assessed_by="Dr Rao", by_doctor=True,
    )  # fmt: skip
    health.record_health_assessment(
        kai, acting_user=social_worker, kind="review", assessed_on=D(2026, 12, 1),
        assessed_by="Nurse Cole",
    )  # fmt: skip
    [row] = oc2_rows(YEAR_END)
    assert (row["HEALTH_CHECK"], row["SDQ_SCORE"], row["SDQ_REASON"]) == (1, None, None)
    assert (row["SUBSTANCE_MISUSE"], row["INTERVENTION_RECEIVED"]) == (0, None)


def test_a_year_in_progress_reports_the_latest_sdq_of_the_last_12_months(
    make_person, social_worker
):
    """On 24 November 2026 the 2026/27 year is not over: Amy's annual SDQ of last February is
    her current score (the next is not due until February 2027); once the year is over only
    an SDQ in the year counts."""
    amy = make_person("Amy", "Carter", D(2016, 5, 4))
    start_care(amy, social_worker, D(2025, 1, 6))
    health.record_sdq(amy, completed_on=D(2026, 2, 10), score=14, acting_user=social_worker)
    [row] = oc2_rows(YEAR_END, as_at=D(2026, 11, 24))
    assert (row["SDQ_SCORE"], row["SDQ_REASON"]) == (14, None)
    [row] = oc2_rows(YEAR_END, as_at=D(2027, 4, 20))
    assert (row["SDQ_SCORE"], row["SDQ_REASON"]) == (None, None)
    [row] = oc2_rows(YEAR_END, as_at=D(2027, 2, 11))  # more than 12 months old by then
    assert row["SDQ_SCORE"] is None


@pytest.mark.parametrize("born", [D(2022, 4, 1), D(2009, 4, 1)])
def test_a_child_turning_4_or_17_on_1_april_has_a_reason_for_no_sdq(
    make_person, social_worker, born
):
    """The DfE's rules count a birthday on the first day of the year as in the year: a child
    with no SDQ who turns 4 or 17 that day is reported with the age reason (rule 197B)."""
    dee = make_person("Dee", "Obi", born)
    start_care(dee, social_worker, D(2026, 1, 5))
    [row] = oc2_rows(YEAR_END)
    assert (row["SDQ_SCORE"], row["SDQ_REASON"]) == (None, "SDQ1")
