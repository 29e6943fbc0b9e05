"""Running the DfE's validators over returns Lantern has built.

The validators pin pandas < 2, so they run in ``.venv-validators`` through
``care.validator_lists.run_in_validators``: the files go through a private temporary folder,
the request as JSON on stdin, and runner.py answers in JSON. The two returns are checked side
by side (the CIN validator is the slow one), each in its own process.
"""

import datetime as dt
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from django.conf import settings

from lantern.care.validator_lists import ValidatorsMissing, run_in_validators, validators_python
from lantern.people.models import Person
from lantern.returns.validation import runner
from lantern.returns.validation.report import SEVERITIES, Issue, Report
from lantern.returns.years import CollectionYear

RUNNER = Path(runner.__file__)
TIMEOUT = 3600  # seconds; a national-scale CIN census takes minutes, not an hour
Progress = Callable[[str, int, int], None]


def validate(
    year: CollectionYear,
    *,
    cin: bytes | None,
    ssda903: dict[str, bytes] | None,
    previous_cin: bytes | None = None,
    previous_903: dict[str, bytes] | None = None,
    progress: Progress | None = None,
    as_at: dt.date | None = None,
) -> Report:
    """Check the returns given (None: not checked) against the year's DfE rules.

    ``previous_903`` (last year's tables) switches on the 903's year-on-year rules. The CIN
    validator has no year-on-year rules: ``previous_cin`` is accepted so callers can pass
    both years alike, and is not read. ``as_at`` before the year's end is a year in progress:
    see ``_not_yet_due``.
    """
    del previous_cin
    report = Report(year)
    wanted = [(runner.CIN, cin is not None), (runner.SSDA903, ssda903 is not None)]
    names = [name for name, given in wanted if given]
    if not names:
        return report
    if validators_python() is None:
        raise ValidatorsMissing("no .venv-validators: run `make install` to check returns")
    with tempfile.TemporaryDirectory(prefix="lantern-validate-") as tmp:
        requests = {}
        if cin is not None:
            requests[runner.CIN] = _request(year, _write(Path(tmp, "cin"), {"cin.xml": cin}), [])
        if ssda903 is not None:
            this = _write(Path(tmp, "903"), ssda903)
            last = _write(Path(tmp, "903-last"), previous_903 or {})
            requests[runner.SSDA903] = _request(year, this, last)
        answers = _run_all(requests, progress)
    for name in names:
        _add(report, name, answers[name])
    _link_people(report)
    if as_at is not None and as_at < year.end:
        _not_yet_due(report, as_at)
    return report


# 903 rules that judge a child as on 31 March from the date of birth alone, and what they
# need to have happened by then, in years: 359 wants a child still looked after at 18 to be
# under section 20(5) in a community home. In a year in progress a child who is 17 on the
# as-at day and turns 18 before 31 March is flagged for a birthday still to come, when their
# care may end (as it usually does) at 18: not an error yet, not a pass either.
BY_YEAR_END_903 = {"359": 18}
# 903 rules that ask for something done in the collection year, which can still be done
# before 31 March while the year is in progress: 186 wants an SDQ score (or its reason) for
# the year from each child looked after 12 months.
OWED_BY_YEAR_END_903 = {"186": "the year's SDQ can still be completed"}


def _not_yet_due(report: Report, as_at: dt.date) -> None:
    ids = {i.person_id for i in report.issues if i.rule in BY_YEAR_END_903 and i.person_id}
    people = {p.pk: p for p in Person.objects.filter(pk__in=ids)}
    kept = []
    end = f"{report.year.end:%d/%m/%Y}"
    for issue in report.issues:
        in_903 = issue.return_name == runner.SSDA903
        age = BY_YEAR_END_903.get(issue.rule) if in_903 else None
        owed = OWED_BY_YEAR_END_903.get(issue.rule) if in_903 else None
        person = people.get(issue.person_id)
        if age and person and (person.age_on(as_at) or 0) < age:
            why = f"the child turns {age} after {as_at:%d/%m/%Y}, before the year ends"
            report.not_yet_due.append((issue.return_name, issue.rule, issue.child, why))
        elif owed:
            report.not_yet_due.append(
                (issue.return_name, issue.rule, issue.child, f"{owed} by {end}")
            )
        else:
            kept.append(issue)
    report.issues[:] = kept


def _write(folder: Path, files: dict[str, bytes]) -> list[str]:
    """Each file under a plain name of our own: the 903 validator knows a table by its columns
    and a file's type by its extension, never by the rest of its name."""
    folder.mkdir()
    paths = []
    for n, (name, data) in enumerate(sorted(files.items())):
        suffix = Path(name).suffix.lower() or ".csv"
        path = folder / f"{n:02d}{suffix}"
        path.write_bytes(data)
        paths.append(str(path))
    return paths


def _request(year: CollectionYear, this: list[str], prev: list[str]) -> dict:
    return {
        "year": str(year.year),
        "la": settings.LANTERN_LA_ONS_CODE,
        "this": this,
        "prev": prev,
    }


def _run_all(requests: dict[str, dict], progress: Progress | None) -> dict[str, dict]:
    total, done = len(requests), 0
    answers: dict[str, dict] = {}
    with ThreadPoolExecutor(max_workers=total) as pool:
        futures = {name: pool.submit(_run_one, name, req) for name, req in requests.items()}
        if progress:
            progress(f"Checking the {' and '.join(requests)} with the DfE's validators", 0, total)
        for name, future in futures.items():
            answers[name] = future.result()
            done += 1
            if progress:
                progress(f"{name} checked", done, total)
    return answers


def _run_one(name: str, request: dict) -> dict:
    """One return through its validator; a validator that cannot start or answer is a return
    not checked, never a clean one."""
    try:
        return run_in_validators(RUNNER, {"return": name, **request}, timeout=TIMEOUT)
    except ValidatorsMissing:
        raise
    except Exception as e:  # any failure leaves the return unchecked
        why = f"the validator did not answer: {type(e).__name__}"
        return {"rules_run": 0, "issues": [], "not_run": [["", why]]}


def _add(report: Report, name: str, answer: dict) -> None:
    report.rules_run[name] = answer["rules_run"]
    report.not_run.extend((name, rule, why) for rule, why in answer["not_run"])
    report.defects.extend((name, rule, why, n) for rule, why, n in answer.get("defects", []))
    issues = {
        Issue(
            return_name=name,
            rule=i["rule"],
            message=i["message"],
            severity=i["severity"],
            child=i["child"],
            table=i["table"],
            fields=tuple(i["fields"]),
            person_id=None,
        )
        for i in answer["issues"]
    }  # one issue per rule, child, table and fields: two flagged rows of a child are one fix
    report.issues.extend(sorted(issues, key=_order))


def _order(issue: Issue):
    return (
        issue.return_name,
        SEVERITIES.index(issue.severity),
        issue.rule,
        issue.child,
        issue.table,
        issue.fields,
    )


def _link_people(report: Report) -> None:
    """Fill each issue's person_id from the child id the return carries (Person.council_id)."""
    children = sorted({i.child for i in report.issues if i.child})
    people: dict[str, int] = {}
    for start in range(0, len(children), 500):  # SQLite's bound on query parameters
        chunk = children[start : start + 500]
        people.update(Person.objects.filter(council_id__in=chunk).values_list("council_id", "pk"))
    report.issues[:] = [replace(i, person_id=people.get(i.child)) for i in report.issues]
