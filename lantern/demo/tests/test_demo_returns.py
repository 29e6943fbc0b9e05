"""The demo borough's statutory returns pass the DfE's own validators with no errors, for
the last complete collection year and the year under way, as a council would send them.

The returns are built from the shared borough (``demo_borough``: seed 5, as of 23 November
2026) and checked by ``validate_year``, which runs csc-validator-be-cin and -903 in their own
virtualenv with last year's 903 files beside this year's. Queries and warnings are a
council's to explain, not to clear, so only errors fail; a return the validator could not
read fails too, since nothing in it was checked.
"""

import pytest

from lantern.care.tests.helpers import need_validators
from lantern.demo.tests.conftest import TODAY
from lantern.returns.validation import validate_year
from lantern.returns.years import containing, last_complete


@pytest.mark.parametrize("which", ["last complete", "under way"])
def test_the_demo_boroughs_cin_census_and_ssda903_have_no_errors(demo_borough, which):
    need_validators("to check the demo's returns with the DfE's rules")
    year = last_complete(TODAY) if which == "last complete" else containing(TODAY)

    report = validate_year(year)

    assert not report.unchecked, f"{year.label}: not read by the validator: {report.unchecked}"
    errors = sorted(
        {(i.return_name, i.rule, i.message) for i in report.issues if i.severity == "error"}
    )
    counted = {
        e: sum(1 for i in report.issues if (i.return_name, i.rule, i.message) == e) for e in errors
    }
    assert not errors, f"{year.label}: " + "; ".join(
        f"{r} {rule} ×{counted[(r, rule, m)]}: {m}" for r, rule, m in errors
    )
    assert report.rules_run.get("CIN census") and report.rules_run.get("SSDA903")
