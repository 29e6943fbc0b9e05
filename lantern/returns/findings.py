"""A validation report as the Returns page keeps it: plain JSON, stored with the run.

The page renders from what was stored, never by running the validators again, and the
stored form is Lantern's own (not the validators'), so the page does not change when a
validator's output does. Each issue keeps the rule's own message, the child's council id
(never a name), the table and fields to fix, and the link to the record where they are fixed.
"""

SEVERITIES = ("error", "warning", "query")
_ORDER = {s: i for i, s in enumerate(SEVERITIES)}


def from_report(report, keep=lambda return_name: True) -> dict:
    """``report`` is a ``lantern.returns.validation.Report``; ``keep`` picks the issues of
    the return being built."""
    issues = [_issue(i) for i in report.issues if keep(i.return_name)]
    issues.sort(key=lambda i: (_ORDER.get(i["severity"], 9), _rule_key(i["rule"]),
                               i["child"], i["table"], i["fields"]))  # fmt: skip
    not_run = [
        {"return": str(r), "rule": str(rule), "why": str(why)}
        for r, rule, why in report.not_run
        if keep(r)
    ]
    not_run.sort(key=lambda n: (_rule_key(n["rule"]), n["why"]))
    counts = {s: sum(1 for i in issues if i["severity"] == s) for s in SEVERITIES}
    defects = [
        {"return": str(r), "rule": str(rule), "why": str(why), "rows": int(n)}
        for r, rule, why, n in getattr(report, "defects", ())
        if keep(r)
    ]
    not_yet_due = [
        {"return": str(r), "rule": str(rule), "child": str(child), "why": str(why)}
        for r, rule, child, why in getattr(report, "not_yet_due", ())
        if keep(r)
    ]
    return {
        "counts": counts,
        "issues": issues,
        "not_run": not_run,
        "defects": defects,
        "not_yet_due": sorted(not_yet_due, key=lambda n: (_rule_key(n["rule"]), n["child"])),
    }


def _issue(issue) -> dict:
    severity = str(issue.severity).lower()
    return {
        "return": str(issue.return_name),
        "rule": str(issue.rule),
        "message": str(issue.message),
        "severity": severity if severity in SEVERITIES else "error",
        "child": str(issue.child or ""),
        "table": str(issue.table or ""),
        "fields": [str(f) for f in (issue.fields or ())],
        "person_id": issue.person_id,
        "fix_url": _fix_url(issue),
    }


def _fix_url(issue) -> str:
    """Where the field is fixed; an issue about the whole return has no record to open."""
    try:
        return issue.fix_url() or ""
    except Exception:  # a link that cannot be made is no link, not a failed run
        return ""


def _rule_key(rule: str) -> tuple:
    """Rules in their number order (2885 before 8500, 103 before 1001), codes as written."""
    digits = "".join(ch for ch in rule if ch.isdigit())
    return (int(digits) if digits else 10**9, rule)


def by_rule(issues: list[dict]) -> list[dict]:
    """One row per rule: its code, its message, how many issues and how many children."""
    rows: dict[str, dict] = {}
    for issue in issues:
        row = rows.setdefault(
            issue["rule"],
            {"rule": issue["rule"], "message": issue["message"], "issues": 0, "children": set()},
        )
        row["issues"] += 1
        if issue["child"]:
            row["children"].add(issue["child"])
    return [{**row, "children": len(row["children"])} for row in rows.values()]
