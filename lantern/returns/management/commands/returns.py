"""``lantern returns cin|903|annexa|ssd|validate``: the statutory returns from the records.

The terminal gets counts and file names only, never a child's details: the files hold those.
"""

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lantern.returns import exports
from lantern.returns.years import CollectionYear


def _year(text: str) -> CollectionYear:
    try:
        year = int(text)
    except ValueError:
        raise CommandError(f"--year must be a year such as 2026, not {text!r}") from None
    if not 2000 <= year <= 2100:
        raise CommandError(f"--year {year} is not a collection year Lantern can build")
    return CollectionYear(year)


def _date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{option} must be a date as YYYY-MM-DD, not {text!r}") from None


class Command(BaseCommand):
    help = (
        "Build a statutory return from the records: the CIN census (cin), the SSDA903 "
        "tables (903), Ofsted's Annex A (annexa), the Standard Safeguarding Dataset (ssd), "
        "or check a year's returns with the DfE's validators (validate)."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="which", required=True, metavar="RETURN")
        cin = sub.add_parser("cin", help="CIN census XML for the year ending 31 March YYYY")
        cin.add_argument("--year", required=True)
        cin.add_argument("--out", required=True, type=Path, help="the XML file to write")
        ssda = sub.add_parser("903", help="SSDA903 CSV tables for the year ending 31 March YYYY")
        ssda.add_argument("--year", required=True)
        ssda.add_argument("--out", required=True, type=Path, help="the folder to write into")
        annexa = sub.add_parser("annexa", help="Ofsted Annex A lists as one workbook")
        annexa.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
        annexa.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD")
        annexa.add_argument("--out", required=True, type=Path, help="the .xlsx file to write")
        ssd = sub.add_parser("ssd", help="the Standard Safeguarding Dataset as CSV tables")
        ssd.add_argument("--out", required=True, type=Path, help="the folder to write into")
        run = sub.add_parser("run", help="carry out a build asked for on the Returns page")
        run.add_argument("run_id", type=int, help="the build's number (its page's URL)")
        validate = sub.add_parser("validate", help="run the DfE validators over a year's returns")
        validate.add_argument("--year", required=True)
        validate.add_argument(
            "--out", type=Path, help="write every issue found as JSON here (names no child)"
        )

    def handle(self, *args, which: str, **options):
        getattr(self, f"_{'ssda903' if which == '903' else which}")(**options)

    def _cin(self, *, year, out, **_):
        from lantern.returns import cin

        year = _year(year)
        built = cin.build(year)
        exports.write_file(out, built.data)
        exports.exported("CIN census", f"{year.label}, {built.children} children")
        self.stdout.write(f"CIN census {year.label}: {built.children} children written to {out}")

    def _ssda903(self, *, year, out, **_):
        from lantern.returns import ssda903

        year = _year(year)
        built = ssda903.build(year)
        exports.write_files(out, built.files)
        exports.exported("SSDA903", f"{year.label}, {built.children} children")
        self.stdout.write(
            f"SSDA903 {year.label}: {built.children} children, {len(built.files)} tables "
            f"written to {out}"
        )

    def _annexa(self, *, start, end, out, **_):
        from lantern.returns import annexa

        start, end = _date(start, "--from"), _date(end, "--to")
        if end < start:
            raise CommandError(f"--to {end} is before --from {start}")
        built = annexa.build(start, end)
        exports.write_file(out, built.data)
        exports.exported("Ofsted Annex A", f"{start} to {end}, {built.rows} rows")
        self.stdout.write(f"Annex A {start} to {end}: {built.rows} rows written to {out}")

    def _ssd(self, *, out, **_):
        from lantern.returns import ssd

        built = ssd.build()
        exports.write_files(out, built.files)
        exports.exported("Standard Safeguarding Dataset", f"{len(built.files)} tables")
        self.stdout.write(f"SSD: {len(built.files)} tables written to {out}")

    def _run(self, *, run_id, **_):
        """Started by the Returns page (``lantern.returns.runner``); prints only the outcome:
        the files and the report are kept with the build."""
        from lantern.returns import actions
        from lantern.returns.models import ReturnRun

        if not ReturnRun.objects.filter(pk=run_id).exists():
            raise CommandError(f"there is no build {run_id}")
        run = actions.perform_run(run_id)
        self.stdout.write(f"Build {run.pk}: {run.get_status_display().lower()}")
        if run.status == ReturnRun.Status.FAILED:
            raise CommandError(f"build {run.pk} failed; its page says why")

    def _validate(self, *, year, out=None, **_):
        from lantern.care.validator_lists import ValidatorsMissing
        from lantern.returns import validation

        year = _year(year)
        try:
            report = validation.validate_year(year)
        except ValidatorsMissing as e:
            raise CommandError(str(e)) from None
        if out:
            exports.write_file(out, report.to_json().encode())
            exports.exported(
                "DfE validation report",
                f"{year.label}: {report.errors} errors, {report.warnings} warnings, "
                f"{report.queries} queries",
            )
        for line in report.summary_lines():
            self.stdout.write(line)
        if report.unchecked:
            raise CommandError(
                f"{' and '.join(report.unchecked)} not checked: the validator could not read it"
            )
        if report.errors:
            raise CommandError(f"{report.errors} error(s): the returns would be rejected")
