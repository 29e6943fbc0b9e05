"""Runs inside .venv-validators, never in Lantern's environment: one return through the DfE's
own validator (``cin_validator`` or ``lac_validator``), every issue found printed as JSON.

Input on stdin: {"return": "CIN census" | "SSDA903", "year": "2026", "la": ONS code,
"this": [file paths], "prev": [last year's file paths]}.
Output on stdout: {"rules_run": n, "issues": [{"rule", "message", "severity", "child",
"table", "fields"}], "not_run": [[rule, why]]}: one issue per rule, child, table and row.

A rule that raises is "not run", never a pass: each rule is wrapped before the validator
calls it, so its exception is recorded whatever the validator then does with it (the CIN
validator prints it and counts the rule as passed). The validators log and print to stdout,
so stdout is kept for the JSON alone. Imports stay inside functions so Lantern can import
this module (for its path) without pandas.
"""

import csv
import dataclasses
import json
import sys

CIN, SSDA903 = "CIN census", "SSDA903"
# Why a rule the 903 validator skipped did not run (it returns nothing when a table is absent).
SKIPPED = "skipped by the validator: a table or lookup it reads was not given"

# The 903 rules that are queries, not errors. csc-validator-be-903 (0.1.17) gives its rules no
# type, so this is the one list, from two sources: the rule's own message in the validator,
# where it says a flag may be wrong because the tool sees only the two years loaded (the DfE's
# portal holds the child's whole history), and shared/reference/codes.md (B21, B22) for
# 232 and 454, which the DfE lists as queries.
QUERIES_903 = {
    "1000": "its message: only tests the current and previous year loaded",
    "1001": "its message: can only test two years; false positives for earlier care",
    "1002": "its message: can only test two years; false positives for earlier care",
    "199": "its message: only tests the current and previous year loaded",
    "554": "its message: false positives if relevant episodes are in previous years",
    "232": "codes.md B22: SEX U query (2024/25 onward)",
    "454": "codes.md B21: queries a placement more than 350 miles away",
}

# 903 rules whose own test contradicts their message: what they flag is not an error, not a
# pass either. Each has a test in returns/tests/test_validation_rules.py proving the defect
# on a minimal input; the flagged rows are listed as the rule's defect, never as errors.
DEFECTS_903 = {
    "SW12STG2": (
        "flags the care episodes of a child whose social worker episode began before care did "
        "(it wants every SW_DECOM on or after the episode's DECOM unless that episode has "
        "ended), though its own message asks for the social worker episodes from before care "
        "to be reported"
    ),
}
# Rules whose flags are partly a defect: the test picks out, in the flagged table, the rows
# the rule's own message says are right; the rest stay errors.


def _followed_by_another_worker(df):
    """SW11bSTG2 says an episode ending in the last days of March needs a subsequent one,
    and flags every such episode after the first, subsequent episode or not."""
    import pandas as pd

    dec = pd.to_datetime(df["SW_DEC"], format="%d/%m/%Y", errors="coerce")
    decom = pd.to_datetime(df["SW_DECOM"], format="%d/%m/%Y", errors="coerce")
    starts: dict = {}
    for child, day in zip(df["CHILD"], decom, strict=True):
        starts.setdefault(child, []).append(day)
    return pd.Series(
        [
            pd.notna(end) and any(pd.notna(d) and d >= end for d in starts[child])
            for child, end in zip(df["CHILD"], dec, strict=True)
        ],
        index=df.index,
    )


PARTLY_DEFECTIVE_903 = {
    "SW11bSTG2": (
        "flags a social worker episode ending in the last five days before 31 March when the "
        "child has an earlier one, even where the next worker's episode follows it, though "
        "its message is about an episode with no subsequent one",
        _followed_by_another_worker,
    ),
}


def _defect(code: str) -> str:
    return DEFECTS_903.get(code) or PARTLY_DEFECTIVE_903[code][0]


def _guarded(registry: dict, crashed: dict, *, own_tables: bool = False) -> dict:
    """The same rules, each recording its own exception before raising it on, and with
    ``own_tables`` each reading its own copy of the tables (``_own_copy``)."""

    def guard(rule):
        def run(dfs, *args, **kwargs):
            try:
                return rule.func(_own_copy(dfs) if own_tables else dfs, *args, **kwargs)
            except Exception as e:
                crashed[rule.code] = f"the rule failed: {type(e).__name__}: {e}"[:300]
                raise

        return dataclasses.replace(rule, func=run)

    return {code: guard(rule) for code, rule in registry.items()}


def _own_copy(dfs):
    """The tables as the rule's own: the 903 validator hands each rule a shallow copy, which
    shares the columns, so a rule that changes a table in place (454 resets the Episodes index;
    several rules write dates back into their columns) changed what every later rule read.
    A deep copy of a return's tables costs milliseconds a rule."""
    import copy

    if not isinstance(dfs, dict):
        return dfs
    return {
        k: v.copy(deep=True) if hasattr(v, "columns") else copy.deepcopy(v) for k, v in dfs.items()
    }


def _quiet() -> None:
    """Warnings only: the 903 validator sets INFO for every rule as it is imported."""
    import logging

    logging.getLogger().setLevel(logging.WARNING)


def _text(value) -> str:
    """A cell as text: pandas gives NaN for a blank."""
    return "" if value is None or value != value else str(value)


def _cin(request: dict) -> dict:
    import xml.etree.ElementTree as ET

    from cin_validator import cin_validator
    from cin_validator.rule_engine import CINTable, RuleType
    from cin_validator.rules.ruleset_utils import get_year_ruleset

    _quiet()

    registry = get_year_ruleset(request["year"])
    (path,) = request["this"]
    root = ET.parse(path).getroot()  # noqa: S314 - the XML is Lantern's own return
    data = cin_validator.process_data(_convert(root))
    crashed: dict[str, str] = {}
    v = cin_validator.CinValidator(data, _guarded(registry, crashed))

    def severity(code: str) -> str:
        query = registry[code].rule_type == RuleType.QUERY or code.endswith("Q")
        return "query" if query else "error"

    found: dict[tuple, dict] = {}
    for row in v.full_issue_df.to_dict("records"):
        code = str(row["rule_code"])
        if code in crashed:
            continue  # a rule that fell over part way has not answered
        key = (code, _text(row["child_id"]), _text(row["tables_affected"]), _text(row["row_id"]))
        issue = found.setdefault(
            key,
            {
                "rule": code,
                "message": registry[code].message or "",
                "severity": severity(code),
                "child": key[1],
                "table": key[2],
                "fields": [],
            },
        )
        field = _text(row["columns_affected"])
        if field and field not in issue["fields"]:
            issue["fields"].append(field)
    issues = list(found.values())
    seen_whole: set[str] = set()
    for row in v.multichild_issues.to_dict("records"):
        code = str(row["rule_code"])
        if code in crashed or code in seen_whole:
            continue
        seen_whole.add(code)
        issues.append(
            {
                "rule": code,
                "message": registry[code].message or "",
                "severity": severity(code),
                "child": "",
                "table": "Header" if registry[code].module == CINTable.Header else "",
                "fields": [f for f in (registry[code].affected_fields or []) if isinstance(f, str)],
            }
        )
    return {
        "rules_run": len(registry) - len(crashed),
        "issues": issues,
        "not_run": sorted(crashed.items()),
    }


def _convert(root):
    """``cin_validator.convert_data``, the same tables in a third of the time.

    Its reader adds each child to each table with ``pd.concat``, copying the table so far
    every time: a minute for 4,000 children. Here each concat onto a table only collects the
    piece, and the pieces are joined once at the end, in the same order, so every value and
    type comes out as the validator's own reader gives it (checked on a scale-1 demo census).
    Tied to csc-validator-be-cin 0.1.13's reader (ingress.XMLtoCSV)."""
    import pandas
    from cin_validator import cin_validator, ingress

    class Pieces(list):
        def __init__(self, template):
            super().__init__([template])
            self.columns = template.columns

    class Pandas:
        def __getattr__(self, name):
            return getattr(pandas, name)

        @staticmethod
        def concat(frames, **kwargs):
            if isinstance(frames[0], Pieces):
                frames[0].extend(frames[1:])
                return frames[0]
            return pandas.concat(frames, **kwargs)

    grown = [n for n, v in vars(ingress.XMLtoCSV).items() if isinstance(v, pandas.DataFrame)]
    grown.remove("Header")  # read once, never added to

    class Collecting(ingress.XMLtoCSV):
        def __init__(self, root):
            for name in grown:
                setattr(self, name, Pieces(getattr(ingress.XMLtoCSV, name)))
            super().__init__(root)
            for name in grown:
                setattr(self, name, pandas.concat(list(getattr(self, name)), ignore_index=True))

    saved = ingress.pd, cin_validator.XMLtoCSV
    ingress.pd, cin_validator.XMLtoCSV = Pandas(), Collecting
    try:
        return cin_validator.convert_data(root)
    finally:
        ingress.pd, cin_validator.XMLtoCSV = saved


def _original_ids(paths: list[str]) -> dict[str, str]:
    """CHILD as written in the files, by the upper-cased form the 903 validator works on."""
    ids: dict[str, str] = {}
    for path in paths:
        with open(path, newline="", encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                child = (row.get("CHILD") or "").strip()
                if child:
                    ids.setdefault(child.upper(), child)
    return ids


def _readable(paths: list[str]) -> list[str]:
    """The year's files less a UASC table beside a Header with no rows: the validator marks
    each Header row UASC or not as it reads them, and on an empty Header that fails (0.1.17),
    losing the whole return. With no children the UASC table has nothing in it to check."""
    columns = {}
    for path in paths:
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        columns[path] = (frozenset(rows[0]) if rows else frozenset(), len(rows) - 1)
    header = {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"}
    uasc = {"CHILD", "SEX", "DOB", "DUC"}
    if any(cols == header and n <= 0 for cols, n in columns.values()):
        return [p for p in paths if columns[p][0] != uasc]
    return paths


def _ssda903(request: dict) -> dict:
    from lac_validator import lac_validator
    from lac_validator.rules.ruleset_utils import get_year_ruleset
    from lac_validator.utils import process_uploaded_files

    _quiet()

    registry = get_year_ruleset(request["year"])
    this, prev = _readable(request["this"]), _readable(request["prev"])
    files = process_uploaded_files({"This year": this, "Prev year": prev})
    crashed: dict[str, str] = {}
    v = lac_validator.LacValidator(
        metadata={"collectionYear": request["year"], "localAuthority": request["la"]},
        files=files,
        registry=_guarded(registry, crashed, own_tables=True),
    )
    ids = _original_ids(request["this"] + request["prev"])
    issues = []
    defects: dict[str, int] = {}
    for table, df in v.ds_results.items():
        if table == "metadata":
            continue
        for column in (c for c in df.columns if str(c).startswith("ERR_")):
            rule = registry[column[4:]]
            wanted = list(rule.affected_fields or [])
            fields = [f for f in wanted if f in df.columns] or wanted
            hit = df[column] == True  # noqa: E712 - a pandas mask
            if rule.code in PARTLY_DEFECTIVE_903:
                explained = hit & PARTLY_DEFECTIVE_903[rule.code][1](df)
                if explained.any():
                    defects[rule.code] = defects.get(rule.code, 0) + int(explained.sum())
                hit &= ~explained
            flagged = df.loc[hit, "CHILD"]
            if rule.code in DEFECTS_903:
                defects[rule.code] = defects.get(rule.code, 0) + len(flagged)
                continue
            for child in flagged:
                child = _text(child)
                issues.append(
                    {
                        "rule": rule.code,
                        "message": rule.message or "",
                        "severity": _severity_903(rule),
                        "child": ids.get(child.upper(), child),
                        "table": table,
                        "fields": fields,
                    }
                )
    for code in v.fails:
        crashed.setdefault(code, "the rule failed")
    skipped = [(code, SKIPPED) for code in v.skips if code not in crashed]
    return {
        "rules_run": len(v.dones),
        "issues": issues,
        "not_run": sorted(crashed.items()) + sorted(skipped),
        "defects": [[code, _defect(code), n] for code, n in sorted(defects.items())],
    }


def _severity_903(rule) -> str:
    """The 903 validator gives its rules no type: a rule in QUERIES_903 or with a code ending
    in Q is a query, a message the rule itself opens with WARNING is a warning, and every
    other rule is an error."""
    if rule.code in QUERIES_903 or rule.code.endswith("Q"):
        return "query"
    if (rule.message or "").lstrip().upper().startswith("WARNING"):
        return "warning"
    return "error"


def main() -> None:
    # The validators log at INFO and some rules print: keep stdout for the JSON.
    out, sys.stdout = sys.stdout, sys.stderr
    request = json.load(sys.stdin)
    try:
        run = _cin if request["return"] == CIN else _ssda903
        answer = run(request)
    except Exception as e:  # the files could not be read at all: nothing was checked
        answer = {
            "rules_run": 0,
            "issues": [],
            "not_run": [["", f"the return could not be read: {type(e).__name__}: {e}"[:300]]],
        }
    json.dump(answer, out)


if __name__ == "__main__":
    main()
