"""Every 903 list in lantern/care/codes.py holds exactly the codes the DfE's own validator
accepts in the current and the previous collection year (issue 10 §1).

The validator runs in its own virtualenv (``make install`` makes ``.venv-validators``); it is
asked once per session for every list (lantern/care/validator_lists.py). Without that
virtualenv these tests skip, saying so, except where ``LANTERN_REQUIRE_VALIDATORS`` is set, as
.ci/run sets it: there they fail.
"""

import warnings
from pathlib import Path

import pytest

from lantern.care import codes, validator_lists
from lantern.care.tests.helpers import need_validators
from lantern.care.validator_lists import FIELDS, accepted_codes, validators_python
from lantern.casework.actions.base import today
from lantern.casework.codes import CodeList

# Each list in codes.py, by name, and the 903 field whose validator rule it must match.
# Lists other areas are still adding are named here too; until they exist they are only
# listed (test_lists_not_yet_in_codes), never failed.
LISTS = {
    "CATEGORY_OF_NEED": "CIN",  # rule 145
    "LEGAL_STATUS": "LS",  # 144
    "REASON_NEW_EPISODE": "RNE",  # 143
    "PROVIDER": "PLACE_PROVIDER",  # 178
    "REASON_EPISODE_CEASED": "REC",  # 149
    "REASON_PLACE_CHANGE": "REASON_PLACE_CHANGE",  # 1009
    "REVIEW_PARTICIPATION": "REVIEW_CODE",  # 167
    "MISSING": "MISSING",  # 1006
    "SDQ_REASON": "SDQ_REASON",  # 196
    "IN_TOUCH": "IN_TOUCH",  # 131
    "ACTIV": "ACTIV",  # 132
    "ACCOM": "ACCOM",  # 133
    "PREV_PERM": "PREV_PERM",  # 631
    "LS_ADOPTR": "LS_ADOPTR",  # 177
    "SEX_ADOPTR": "SEX_ADOPTR",  # 176
    "NB_ADOPTR": "NB_ADOPTR",  # 175
    "FOSTER_CARE": "FOSTER_CARE",  # 114
    "REASON_PLACED_CEASED": "REASON_PLACED_CEASED",  # 120
    "SW_REASON": "SW_REASON",  # SW13STG1
}
# Lists in codes.py that are Lantern's own, not a 903 field, and why.
NOT_903 = {
    "PERMANENCE_PLAN": "the plan's kind (Care Planning Regulations 2010 reg 5), not a 903 field",
}


def _code_lists() -> dict[str, CodeList]:
    return {name: v for name, v in vars(codes).items() if isinstance(v, CodeList)}


def _field(name: str, code_list: CodeList) -> str | None:
    """The table's field, else the list's own name when that is a 903 field the validator
    checks (every area names its CodeList after the 903 column)."""
    keys = {f.key for f in FIELDS}
    return LISTS.get(name) or (code_list.name if code_list.name in keys else None)


def _collection_year(day) -> int:
    """Named by its end: 1 April 2026 to 31 March 2027 is 2027 (2026/27)."""
    return day.year + 1 if day.month >= 4 else day.year


def _validator(years: tuple[int, ...]):
    need_validators("to compare codes.py with the DfE's 903 validator")
    candidates = {c.code for cl in _code_lists().values() for c in cl.codes}
    candidates |= {p.code for p in codes.PLACEMENT_TYPES}
    # 2025 too, for PLACEMENT_TYPES' boundary; one subprocess answers every year and list.
    return accepted_codes((2025, *years), candidates)


@pytest.fixture
def years() -> tuple[int, int]:
    current = _collection_year(today())
    assert current == 2027  # the pinned clock: Tue 24 Nov 2026 is in 2026/27
    return current - 1, current


def _differences(lantern: set[str], found: validator_lists.Accepted, year: int) -> str:
    return (
        f"{year - 1}/{year % 100:02d} ({found.module}): the validator accepts "
        f"{sorted(found.codes - lantern)} that codes.py lacks, and refuses "
        f"{sorted(lantern - found.codes)} that codes.py has"
    )


@pytest.mark.parametrize(
    "name",
    [n for n, cl in _code_lists().items() if _field(n, cl)],
)
def test_list_matches_the_validator(name, years):
    code_list = _code_lists()[name]
    field = _field(name, code_list)
    previous, current = years
    answer = _validator(years)
    offered = {c.code for c in code_list.codes if not c.retired}
    known = {c.code for c in code_list.codes}

    now = answer[current][field]
    assert offered == now.codes, _differences(offered, now, current)
    before = answer[previous][field]
    # Last year's codes still read: any the DfE has since dropped stay in the list, retired.
    assert before.codes <= known, _differences(known, before, previous)


def test_placement_types_match_rule_146_in_each_year(years):
    answer = _validator(years)
    for year in years:
        valid = {p.code for p in codes.PLACEMENT_TYPES if p.since <= year <= p.until}
        found = answer[year]["PLACE"]
        assert valid == found.codes, _differences(valid, found, year)


def test_placement_types_in_2024_25_differ_only_by_the_validators_lower_case_k3(years):
    """codes.md Part D1: the 2024/25 rule 146 lists "k3"; codes.py keeps the DfE's K3 (the
    decision is noted at the end of codes.py). H5, P2 and Z1 end with that year."""
    found = _validator(years)[2025]["PLACE"]
    valid = {p.code for p in codes.PLACEMENT_TYPES if p.since <= 2025 <= p.until}
    assert valid ^ found.codes == {"K3", "k3"}


def test_every_code_list_is_compared():
    unmapped = sorted(
        f"{n} (CodeList {cl.name!r})"
        for n, cl in _code_lists().items()
        if not _field(n, cl) and n not in NOT_903
    )
    assert not unmapped, (
        f"codes.py lists not compared with the 903 validator: {unmapped}. Name the 903 field "
        "in LISTS (or the validator rule in validator_lists.FIELDS), or, for a list that is "
        "Lantern's own, say why in NOT_903."
    )


def test_lists_not_yet_in_codes():
    """Listed, not failed: other areas add these lists in their own time."""
    missing = sorted(set(LISTS) - set(_code_lists()))
    if missing:
        warnings.warn(f"not yet in lantern/care/codes.py: {missing}", stacklevel=1)


def test_the_probe_reads_codes_from_nested_functions_and_tuples():
    from lantern.care.validator_probe import _strings

    def rule(df):
        allowed = ("PR0", "PR1")

        def inner():
            return ["Z11"]

        return allowed, inner, "PLACE"

    assert {"PR0", "PR1", "Z11", "PLACE"} <= _strings(rule.__code__)


def test_without_the_virtualenv_the_runner_says_what_to_run(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("LANTERN_VALIDATORS_VENV", str(tmp_path / "absent"))
    assert validators_python() is None
    with pytest.raises(validator_lists.ValidatorsMissing, match="make install"):
        validator_lists.run_in_validators(validator_lists.PROBE, {})
