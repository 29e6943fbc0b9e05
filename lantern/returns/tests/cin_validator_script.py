"""Run inside the validators' virtualenv (``care.validator_lists.run_in_validators``): the
DfE's CIN validator over one XML return. stdin: {"xml": text, "year": "2026"}; stdout: the
child-level and return-level issues by rule code, and the rules that crashed."""

import contextlib
import io
import json
import sys
import xml.etree.ElementTree as ET

from cin_validator import cin_validator
from cin_validator.rules.ruleset_utils import get_year_ruleset

request = json.load(sys.stdin)
said = io.StringIO()
with contextlib.redirect_stdout(said):
    root = ET.fromstring(request["xml"])  # noqa: S314 - Lantern's own return
    data = cin_validator.process_data(cin_validator.convert_data(root))
    found = cin_validator.CinValidator(data, get_year_ruleset(request["year"]))
issues: dict[str, int] = {}
for code in found.full_issue_df["rule_code"].astype(str):
    issues[code] = issues.get(code, 0) + 1
for code in found.multichild_issues["rule_code"].astype(str):
    issues[code] = issues.get(code, 0) + 1
crashed = [line for line in said.getvalue().splitlines() if line.startswith("Error with rule")]
json.dump({"issues": issues, "crashed": crashed}, sys.stdout)
