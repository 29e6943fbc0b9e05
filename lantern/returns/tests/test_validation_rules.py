"""How the runner treats the 903 validator's rules: which are queries (one list), that each
rule reads its own copy of the tables, and that a rule with a known defect is listed as such,
neither an error nor a pass."""

import dataclasses
import datetime as dt
from collections.abc import Callable

import pandas as pd

from lantern.care.tests.helpers import need_validators
from lantern.returns.tests.validation_inputs import looked_after_903, merged, tables_903
from lantern.returns.validation import runner, validate
from lantern.returns.years import CollectionYear


@dataclasses.dataclass(frozen=True)
class Rule:  # the fields of lac_validator's RuleDefinition the runner reads
    code: str
    func: Callable
    message: str = ""


def test_rules_the_dfe_treats_as_queries_are_queries_not_errors():
    def severity(code, message=""):
        return runner._severity_903(Rule(code, print, message))

    assert severity("1001") == severity("1002") == severity("232") == severity("454") == "query"
    assert severity("144") == "error"
    assert severity("EPI", "WARNING: Episodes need to be loaded") == "warning"


def test_a_rule_that_changes_its_tables_cannot_change_the_next_rules():
    """The validator hands rules a shallow copy: a column converted in place leaked into every
    later rule (1007 then failed on datetimes). Each guarded rule reads its own copy."""
    store = {"Episodes": pd.DataFrame({"DECOM": ["01/06/2025"]}), "metadata": {"la": "E1"}}
    seen = []

    def mutating(dfs):
        dfs["Episodes"].loc[0, "DECOM"] = "changed"
        dfs["Episodes"].reset_index(inplace=True)
        dfs["metadata"]["la"] = "changed"
        return {"Episodes": []}

    def reading(dfs):
        seen.append((dfs["Episodes"]["DECOM"].iloc[0], list(dfs["Episodes"]), dfs["metadata"]))
        return {"Episodes": []}

    crashed: dict = {}
    rules = runner._guarded(
        {"A": Rule("A", mutating), "B": Rule("B", reading)}, crashed, own_tables=True
    )
    for code in ("A", "B"):  # as LacValidator.validate runs them
        rules[code].func(
            {k: v.copy(deep=False) if k != "metadata" else v for k, v in store.items()}
        )
    assert seen == [("01/06/2025", ["DECOM"], {"la": "E1"})]
    assert not crashed


def _child_with_worker_since(day: str) -> dict:
    """Looked after from 1 June 2025 (one open episode), social worker allocated on ``day``."""
    child = looked_after_903("HGY00000010")
    child["SWEpisodes"][0]["SW_DECOM"] = day
    return merged(child)


def test_sw12stg2_flags_the_worker_allocated_before_care_its_message_asks_for(db):
    """The defect: SW12STG2 says the social worker episodes from before care should be
    reported, and flags the child who reports one. The runner lists it as a rule defect,
    neither an error nor a pass."""
    need_validators("to run the DfE's validators over the returns")
    year = CollectionYear(2026)
    on_the_day = validate(
        year, cin=None, ssda903=tables_903(**_child_with_worker_since("01/06/2025"))
    )
    before = validate(year, cin=None, ssda903=tables_903(**_child_with_worker_since("01/05/2025")))
    assert not on_the_day.defects and not on_the_day.errors
    assert [(r, rule, n) for r, rule, _, n in before.defects] == [("SSDA903", "SW12STG2", 1)]
    assert not before.errors, [(i.rule, i.message) for i in before.issues]
    assert not [i for i in before.issues if i.rule == "SW12STG2"]
    assert any("rule defect SW12STG2" in line for line in before.summary_lines())


def test_in_a_year_in_progress_a_birthday_still_to_come_is_not_yet_due(db, make_person):
    """Rule 359 judges a child as on 31 March: on 24 November 2026 a 17-year-old who turns 18
    on 1 January 2027 is flagged for a birthday still to come. Once the birthday has passed
    the same return is an error."""
    need_validators("to run the DfE's validators over the returns")
    person = make_person("Ola", "Bright", dt.date(2009, 1, 1))
    child = looked_after_903(person.council_id, born="01/01/2009")
    files = tables_903(**merged(child))
    year = CollectionYear(2027)
    during = validate(year, cin=None, ssda903=files, as_at=dt.date(2026, 11, 24))
    after = validate(year, cin=None, ssda903=files, as_at=dt.date(2027, 1, 2))
    assert [(r, rule, c) for r, rule, c, _ in during.not_yet_due] == [
        ("SSDA903", "359", person.council_id)
    ]
    assert not [i for i in during.issues if i.rule == "359"]
    assert any("359 ×1 not yet due" in line for line in during.summary_lines())
    assert [i.severity for i in after.issues if i.rule == "359"] == ["error"]
    assert not after.not_yet_due


def test_in_a_year_in_progress_a_missing_sdq_is_owed_by_31_march_not_an_error(db):
    """Rule 186 asks each child looked after 12 months for the year's SDQ. On 24 November
    2026 the 2026/27 SDQ can still be done: not yet due, with the date it is owed by. Once
    the year is over the same flag is an error."""
    from lantern.returns.validation.report import Issue, Report
    from lantern.returns.validation.run import _not_yet_due

    def flagged() -> Report:
        report = Report(CollectionYear(2027))
        report.issues.append(
            Issue("SSDA903", "186", "SDQ missing", "error", "LB1", "OC2", ("SDQ_SCORE",), None)
        )
        return report

    during = flagged()
    _not_yet_due(during, dt.date(2026, 11, 24))
    assert not during.issues
    assert during.not_yet_due == [
        ("SSDA903", "186", "LB1", "the year's SDQ can still be completed by 31/03/2027")
    ]
    assert (
        "SSDA903: 186 ×1 not yet due (the year is in progress): the year's SDQ can still be "
        "completed by 31/03/2027"
    ) in during.summary_lines()
    after = validate(CollectionYear(2027), cin=None, ssda903=None, as_at=dt.date(2027, 4, 2))
    assert not after.not_yet_due  # nothing given, nothing checked, nothing deferred


def _worker_handed_over_on_28_march(followed: bool) -> dict:
    """Looked after from 1 June 2025 with a worker since then, a second from 1 December,
    whose episode ends on 28 March 2026; ``followed``: a third worker takes over that day."""
    child = looked_after_903("HGY00000011")
    first = child["SWEpisodes"][0]
    first["SW_DEC"] = "01/12/2025"
    second = {**first, "SW_ID": "SW2345678", "SW_DECOM": "01/12/2025", "SW_DEC": "28/03/2026"}
    child["SWEpisodes"].append(second)
    if followed:
        child["SWEpisodes"].append(
            {**first, "SW_ID": "SW3456789", "SW_DECOM": "28/03/2026", "SW_DEC": ""}
        )
    return merged(child)


def test_sw11bstg2_flags_a_handover_in_late_march_even_when_the_next_worker_follows(db):
    """The defect: SW11bSTG2 is about an episode ending just before 31 March with no
    subsequent one, and flags it with one too. Followed, it is listed as a rule defect;
    not followed, it stays an error."""
    need_validators("to run the DfE's validators over the returns")
    year = CollectionYear(2026)
    followed = validate(year, cin=None, ssda903=tables_903(**_worker_handed_over_on_28_march(True)))
    alone = validate(year, cin=None, ssda903=tables_903(**_worker_handed_over_on_28_march(False)))
    assert [(rule, n) for _, rule, _, n in followed.defects if rule == "SW11bSTG2"] == [
        ("SW11bSTG2", 1)
    ]
    assert not [i for i in followed.issues if i.rule == "SW11bSTG2"]
    assert [i.severity for i in alone.issues if i.rule == "SW11bSTG2"] == ["error"]
    assert not [d for d in alone.defects if d[1] == "SW11bSTG2"]
