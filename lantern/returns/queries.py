"""The Returns page's reads: the returns offered, the runs made, and one run's state."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from lantern.people.models import Person
from lantern.returns import builds, findings
from lantern.returns.models import ReturnFile, ReturnRun

Kind = ReturnRun.Kind
DESCRIPTIONS = {
    Kind.CIN: "The DfE's child in need census: every child in need at any point in the "
    "collection year, as XML, checked with the DfE's CIN validator.",
    Kind.SSDA903: "The DfE's looked-after children return: the SSDA903 tables as CSV files, "
    "checked with the DfE's 903 validator.",
    Kind.ANNEX_A: "Ofsted's inspection data lists, one workbook, for the period you choose.",
    Kind.SSD: "The Standard Safeguarding Dataset: the sector's shared extract, as CSV tables.",
}


def stall_after() -> dt.timedelta:
    return dt.timedelta(minutes=getattr(settings, "LANTERN_RETURNS_STALL_MINUTES", 15))


def stalled(run: ReturnRun) -> bool:
    """A run still queued or running that has reported nothing for a while: its process
    ended without finishing (a server restart); the page says so and offers a new build."""
    if run.finished:
        return False
    last = run.heartbeat_at or run.requested_at
    return timezone.now() - last > stall_after()


@dataclass
class ReturnOffered:
    kind: str
    label: str
    description: str
    validated: bool
    runs: list


def returns_offered(recent: int = 5) -> list[ReturnOffered]:
    """Each return with its latest runs (newest first)."""
    offered = []
    for kind in Kind:
        runs = list(
            ReturnRun.objects.filter(kind=kind)
            .select_related("requested_by")
            .defer("report")
            .order_by("-requested_at", "-id")[:recent]
        )
        for run in runs:
            run.what = builds.what(run)
            run.is_stalled = stalled(run)
        offered.append(
            ReturnOffered(kind, kind.label, DESCRIPTIONS[kind], builds.validated(kind), runs)
        )
    return offered


def run_page(run: ReturnRun) -> dict:
    """What the run page shows: progress while it moves, then the report and the files."""
    report = run.report or {"counts": {}, "issues": [], "not_run": []}
    sections = []
    for severity, title in (("error", "Errors"), ("warning", "Warnings"), ("query", "Queries")):
        issues = [i for i in report["issues"] if i["severity"] == severity]
        sections.append(
            {
                "severity": severity,
                "title": title,
                "issues": issues,
                "rules": findings.by_rule(issues),
                "children": len({i["child"] for i in issues if i["child"]}),
            }
        )
    said = [_count(len(s["issues"]), s["severity"]) for s in sections]
    return {
        "run": run,
        "found": f"{said[0]}, {said[1]} and {said[2]}",
        "what": builds.what(run),
        "stalled": stalled(run),
        "percent": round(100 * run.done / run.total) if run.total else None,
        "validated": builds.validated(run.kind),
        "sections": sections,
        "not_run": report["not_run"],
        "defects": report.get("defects", []),
        "not_yet_due": report.get("not_yet_due", []),
        "files": list(ReturnFile.objects.filter(run=run).defer("data")),
    }


def _count(n: int, severity: str) -> str:
    plural = "queries" if severity == "query" else f"{severity}s"
    return f"{n} {severity if n == 1 else plural}"


def file_of(run: ReturnRun, name: str) -> ReturnFile | None:
    return ReturnFile.objects.filter(run=run, name=name).first()


def children_named(run: ReturnRun) -> list[Person]:
    """The children a finished run's validation results name, by their issues."""
    ids = {i.get("person_id") for i in (run.report or {}).get("issues", [])} - {None}
    return list(Person.objects.filter(pk__in=ids).only("pk").order_by("pk"))
