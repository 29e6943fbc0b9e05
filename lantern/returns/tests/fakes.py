"""Small stand-ins for the builders and the validation API, so the Returns page is tested on
its own: known files, a known report, and a builder that fails on request.

A stand-in replaces ``build`` (or ``validate``) on the real module where it exists, and
is put in its place where it does not yet; either way the page's import finds it.
"""

import importlib
import sys
import types
from dataclasses import dataclass, field

from django.urls import reverse

import lantern.returns
from lantern.returns.exports import Document, Tables

CIN_XML = b'<?xml version="1.0" encoding="utf-8"?>\n<Message><Children/></Message>\n'
TABLES = {"header.csv": b"CHILD,SEX,DOB\n", "episodes.csv": b"CHILD,DECOM\n"}


def install(monkeypatch, name: str, **functions) -> None:
    dotted = f"lantern.returns.{name}"
    try:
        module = importlib.import_module(dotted)
    except ImportError:
        module = types.ModuleType(dotted)
        monkeypatch.setitem(sys.modules, dotted, module)
        monkeypatch.setattr(lantern.returns, name, module, raising=False)
    for attr, function in functions.items():
        monkeypatch.setattr(module, attr, function, raising=False)


@dataclass
class Issue:
    return_name: str
    rule: str
    message: str
    severity: str
    child: str = ""
    table: str = ""
    fields: tuple = ()
    person_id: int | None = None

    def fix_url(self):
        return reverse("people:record", args=[self.person_id]) if self.person_id else None


@dataclass
class Report:
    issues: list = field(default_factory=list)
    not_run: list = field(default_factory=list)
    defects: list = field(default_factory=list)  # (return, rule, why, rows)
    not_yet_due: list = field(default_factory=list)  # (return, rule, child, why)

    def _count(self, severity):
        return sum(1 for i in self.issues if i.severity == severity)

    @property
    def errors(self):
        return self._count("error")

    @property
    def warnings(self):
        return self._count("warning")

    @property
    def queries(self):
        return self._count("query")


def report_about(child) -> Report:
    """One error, one warning and one query on ``child`` in the CIN census; an error in the
    SSDA903 (not the CIN run's business); a rule that could not run."""
    cid, pk = child.council_id, child.pk
    return Report(
        issues=[
            Issue(
                "CIN",
                "8525",
                "Either Date of Birth or Expected Date of Birth must be provided (but not both)",
                "error",
                cid,
                "ChildIdentifiers",
                ("PersonBirthDate", "ExpectedPersonBirthDate"),
                pk,
            ),
            Issue(
                "CIN",
                "8794Q",
                "Child has two referrals on the same day. Please check.",
                "query",
                cid,
                "CINdetails",
                ("CINreferralDate",),
                pk,
            ),
            Issue("CIN", "2887Q", "Fewer than 8 disability codes in the return.", "warning"),
            Issue(
                "SSDA903",
                "103",
                "The ethnicity code is either not valid or has not been entered.",
                "error",
                cid,
                "Header",
                ("ETHNIC",),
                pk,
            ),
        ],
        not_run=[
            ("SSDA903", "231", "crashed: KeyError 'DUC'"),
            ("CIN", "8840", "crashed: the rule needs last year's file"),
        ],
        defects=[("SSDA903", "SW12STG2", "flags the episodes its message asks for", 3)],
        not_yet_due=[("SSDA903", "186", cid, "the year's SDQ can still be completed")],
    )


def install_returns(monkeypatch, child, *, progress_seen=None, fail_with=None):
    """Every builder and ``validate``; ``fail_with`` makes the CIN builder raise it."""

    def cin_build(year):
        if fail_with:
            raise fail_with
        return Document(CIN_XML, children=1)

    def validate(year, *, cin=None, ssda903=None, previous_903=None, progress=None, **_):
        for done in range(1, 4):
            if progress:
                progress("Running the CIN census rules", done, 3)
            if progress_seen is not None:
                progress_seen.append((done, 3))
        return report_about(child)

    install(monkeypatch, "cin", build=cin_build)
    install(monkeypatch, "ssda903", build=lambda year: Tables(dict(TABLES), children=1))
    install(monkeypatch, "annexa", build=lambda start, end: Document(b"PK\x03\x04xlsx", rows=2))
    install(monkeypatch, "ssd", build=lambda: Tables({"person.csv": b"person_id\n"}))
    install(monkeypatch, "validation", validate=validate)
