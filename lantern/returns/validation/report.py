"""What the DfE's validators said about a year's returns, in terms a performance team acts on.

An issue names the child only by the id the return carries (LAchildID / CHILD, which is
Person.council_id) and Lantern's own record id: never a name, so the report can be saved,
printed and shared like the return's own error report.
"""

import json
from collections import Counter
from dataclasses import dataclass, field

from lantern.returns.validation import links
from lantern.returns.validation.runner import SKIPPED
from lantern.returns.years import CollectionYear

SEVERITIES = ("error", "warning", "query")


@dataclass(frozen=True)
class Issue:
    return_name: str  # "CIN census" | "SSDA903"
    rule: str  # the DfE's rule code as the validator names it: "8500", "103", "2887Q"
    message: str  # the rule's own message
    severity: str  # "error" | "warning" | "query"
    child: str  # LAchildID / CHILD as in the file; "" for a whole-return issue
    table: str  # the 903 table (Episodes…) or CIN group (Assessments…)
    fields: tuple[str, ...]  # the columns / elements the rule flags
    person_id: int | None  # Lantern's Person with council_id == child, None if not found

    def fix_url(self) -> str | None:
        """The child's record page at the section holding the field. Opening it follows the
        normal access rules; this only says where the fix is made."""
        return links.fix_url(self.return_name, self.table, self.fields, self.person_id)

    def as_dict(self) -> dict:
        return {
            "return": self.return_name,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "child": self.child,
            "person_id": self.person_id,
            "table": self.table,
            "fields": list(self.fields),
            "fix_url": self.fix_url(),
        }


@dataclass
class Report:
    year: CollectionYear
    issues: list[Issue] = field(default_factory=list)
    not_run: list[tuple[str, str, str]] = field(default_factory=list)  # (return, rule, why)
    rules_run: dict[str, int] = field(default_factory=dict)  # by return
    # Rules whose flags are the rule's own defect (runner.DEFECTS_903): neither errors nor
    # passes. (return, rule, why, rows flagged)
    defects: list[tuple[str, str, str, int]] = field(default_factory=list)
    # In a year in progress, flags about a birthday still to come (run.BY_YEAR_END_903):
    # (return, rule, child, why)
    not_yet_due: list[tuple[str, str, str, str]] = field(default_factory=list)

    def _count(self, severity: str, return_name: str | None = None) -> int:
        return sum(
            1
            for i in self.issues
            if i.severity == severity and return_name in (None, i.return_name)
        )

    @property
    def errors(self) -> int:
        return self._count("error")

    @property
    def warnings(self) -> int:
        return self._count("warning")

    @property
    def queries(self) -> int:
        return self._count("query")

    @property
    def unchecked(self) -> list[str]:
        """Returns the validator could not read at all: nothing in them was checked."""
        return sorted({r for r, rule, _ in self.not_run if not rule})

    def to_json(self) -> str:
        """Every issue and every rule not run, as JSON: ids only, in a stable order."""
        return json.dumps(
            {
                "collection_year": self.year.year,
                "label": self.year.label,
                "errors": self.errors,
                "warnings": self.warnings,
                "queries": self.queries,
                "rules_run": dict(sorted(self.rules_run.items())),
                "not_run": [
                    {"return": r, "rule": rule, "why": why} for r, rule, why in self.not_run
                ],
                "rule_defects": [
                    {"return": r, "rule": rule, "why": why, "rows": n}
                    for r, rule, why, n in self.defects
                ],
                "not_yet_due": [
                    {"return": r, "rule": rule, "child": child, "why": why}
                    for r, rule, child, why in self.not_yet_due
                ],
                "issues": [i.as_dict() for i in self.issues],
            },
            indent=1,
            ensure_ascii=False,
        )

    def summary_lines(self) -> list[str]:
        """Counts by return and by rule, with the rule's own words: no child is named."""
        lines = [
            f"DfE validation of the {self.year.label} returns: {_counts(self)}",
        ]
        for name, run in sorted(self.rules_run.items()):
            lines.append(f"{name}: {run} rules run; {_counts(self, name)}")
        by_rule = Counter((i.return_name, i.severity, i.rule, i.message) for i in self.issues)
        for (name, severity, rule, message), n in sorted(by_rule.items(), key=_rule_order):
            lines.append(f"  {name} {severity} {rule} ×{n}: {message}")
        for name in self.unchecked:
            lines.append(f"{name}: NOT CHECKED, " + _why(self, name, ""))
        failed = [(r, rule) for r, rule, why in self.not_run if rule and _failed(why)]
        for name in sorted({r for r, _ in failed}):
            codes = ", ".join(rule for r, rule in failed if r == name)
            lines.append(f"{name}: rules that failed to run (not passed): {codes}")
        skipped = [(r, rule) for r, rule, why in self.not_run if rule and not _failed(why)]
        for name in sorted({r for r, _ in skipped}):
            codes = [rule for r, rule in skipped if r == name]
            lines.append(
                f"{name}: {len(codes)} rules skipped by the validator for want of a table "
                f"or lookup: {', '.join(codes)}"
            )
        due = Counter((r, rule, why) for r, rule, _, why in self.not_yet_due)
        for (name, rule, why), n in sorted(due.items()):
            lines.append(f"{name}: {rule} ×{n} not yet due (the year is in progress): {why}")
        for name, rule, why, n in self.defects:
            lines.append(f"{name}: rule defect {rule} ×{n} rows (neither error nor pass): {why}")
        return lines


def _counts(report: Report, name: str | None = None) -> str:
    n = {s: report._count(s, name) for s in SEVERITIES}
    return (
        f"{n['error']} error{'s' * (n['error'] != 1)}, "
        f"{n['warning']} warning{'s' * (n['warning'] != 1)}, "
        f"{n['query']} quer{'ies' if n['query'] != 1 else 'y'}"
    )


def _rule_order(item):
    (name, severity, rule, _), n = item
    return (name, SEVERITIES.index(severity), -n, rule)


def _failed(why: str) -> bool:
    return why != SKIPPED


def _why(report: Report, name: str, rule: str) -> str:
    return next(why for r, code, why in report.not_run if r == name and code == rule)
