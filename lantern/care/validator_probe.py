"""Runs inside .venv-validators, never in Lantern's environment: asks the DfE's SSDA903
validator which codes each rule accepts, and prints them as JSON.

The validator keeps its code lists as local variables inside each rule's function, so there is
nothing to import. Instead each rule is called, as the validator itself calls it, on a small
table with one row per candidate code: the rows it does not flag are the codes it accepts. The
candidates are every string constant in the rule's own code plus any the caller sends, so a
code the validator accepts is found even when Lantern has never heard of it. Reading the
answer from the rule's behaviour, not its text, keeps this right however a rule is written.

Input on stdin: {"years": ["2026", ...], "probes": [{"key", "rule", "table", "column",
"context": {column: value}, "flagged": bool, "candidates": [...]}, ...]}.
Output on stdout: {year: {key: {"rule", "module", "codes": [...]}}}; a rule missing from a
year's rule set gives null. Imports stay inside functions so Lantern can import this module
(for its path) without pandas.
"""

import json
import sys


def _strings(code) -> set[str]:
    """Every string constant in a function's code, nested functions and tuples included."""
    found: set[str] = set()
    for const in code.co_consts:
        if isinstance(const, str):
            found.add(const)
        elif isinstance(const, tuple | frozenset):
            found.update(c for c in const if isinstance(c, str))
        elif hasattr(const, "co_consts"):
            found |= _strings(const)
    return found


def _probe(rule, probe: dict) -> list[str]:
    import pandas as pd

    candidates = sorted((_strings(rule.func.__code__) | set(probe["candidates"])) - {""})
    table = pd.DataFrame({probe["column"]: candidates})
    for column, value in probe["context"].items():
        table[column] = value
    flagged = set(rule.func({probe["table"]: table}).get(probe["table"], []))
    return [c for i, c in enumerate(candidates) if (i in flagged) == probe["flagged"]]


def main() -> None:
    # The validator logs at INFO on import and some rules print: keep stdout for the JSON.
    out, sys.stdout = sys.stdout, sys.stderr
    from lac_validator.rules.ruleset_utils import get_year_ruleset

    request = json.load(sys.stdin)
    answer: dict = {}
    for year in request["years"]:
        registry = get_year_ruleset(year)
        answer[year] = {}
        for probe in request["probes"]:
            rule = registry.get(probe["rule"])
            answer[year][probe["key"]] = rule and {
                "rule": rule.code,
                "module": rule.func.__module__,
                "codes": _probe(rule, probe),
            }
    json.dump(answer, out)


if __name__ == "__main__":
    main()
