"""Bulk file formats from partner agencies, as data, and their validation.

Each format lists its columns with a parser per column; ``validate`` reads every row and
collects every problem (row number, column, message) before anything is written, so one
report tells the sender everything to fix (STYLE.md §8). Formats are documented for senders
in docs/intake.md; a change here is a change there.
"""

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError

from lantern.frontdoor.actions import ContactDetails, SubjectDetails
from lantern.people.identifiers import validate_nhs_number, validate_upn

TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M"
LONDON = ZoneInfo("Europe/London")


class RowError(ValueError):
    pass


def text(value: str) -> str:
    return value.strip()


def date(value: str) -> dt.date | None:
    if not value.strip():
        return None
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise RowError("must be a date like 2026-03-27") from None
    if day > dt.date.today():
        raise RowError("must not be in the future")
    return day


def timestamp(value: str) -> dt.datetime | None:
    if not value.strip():
        return None
    try:
        moment = dt.datetime.strptime(value.strip(), TIMESTAMP_FORMAT)
    except ValueError:
        raise RowError("must be a date and time like 2026-03-27 21:40") from None
    if moment > dt.datetime.now(LONDON).replace(tzinfo=None):
        raise RowError("must not be in the future")
    return moment


def one_of(*allowed: str) -> Callable[[str], str]:
    def parse(value: str) -> str:
        v = value.strip().upper() if allowed[0].isupper() else value.strip().lower()
        if v and v not in allowed:
            raise RowError(f"must be one of {', '.join(allowed)}")
        return v

    return parse


def checked(validate) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if not value.strip():
            return ""
        try:
            return validate(value)
        except ValidationError as problem:
            raise RowError(problem.messages[0]) from None

    return parse


def percent(value: str) -> float | None:
    if not value.strip():
        return None
    try:
        number = float(value)
    except ValueError:
        raise RowError("must be a number from 0 to 100") from None
    if not 0 <= number <= 100:
        raise RowError("must be a number from 0 to 100")
    return number


@dataclass(frozen=True)
class Column:
    name: str
    parse: Callable[[str], object] = text
    required: bool = False
    help: str = ""


@dataclass(frozen=True)
class Format:
    code: str
    title: str
    agency_kind: str
    kind: str  # chronology kind of the entries its contacts make
    source: str  # DfE ReferralSource
    columns: tuple[Column, ...]
    build: Callable[[list[dict]], dict]  # rows of one contact -> ContactDetails fields
    group_by: str = ""  # rows sharing this column's value are one contact (one per child)
    lawful_basis: str = ""

    @property
    def required(self) -> list[str]:
        return [c.name for c in self.columns if c.required]


@dataclass
class Problem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, {self.column}: {self.message}"


@dataclass
class Checked:
    rows: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _lines(decoded: str) -> io.StringIO:
    """Universal newlines: CRLF and a lone CR (old Mac exports) both end a row."""
    return io.StringIO(decoded, newline=None)


def rows_digest(content: bytes) -> str:
    """The SHA-256 of the file's rows, not its bytes: the same rows re-sent with a BOM, other
    line endings, a trailing newline, blank lines or spaces around values hash the same, as
    ``validate`` reads them the same. A file that is not UTF-8 hashes as its bytes."""
    try:
        decoded = content.decode("utf-8-sig")
        rows = [[cell.strip() for cell in row] for row in csv.reader(_lines(decoded))]
    except (UnicodeDecodeError, csv.Error):
        return hashlib.sha256(content).hexdigest()
    canonical = json.dumps([row for row in rows if any(row)], separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def validate(fmt: Format, content: bytes) -> Checked:
    """Every problem in the file; row 1 is the header, so data rows are numbered from 2."""
    result = Checked()
    try:
        decoded = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.problems.append(Problem(0, "file", "is not UTF-8 text"))
        return result
    reader = csv.DictReader(_lines(decoded))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [name for name in fmt.required if name not in header]
    unknown = [h for h in header if h not in {c.name for c in fmt.columns}]
    for name in missing:
        result.problems.append(Problem(1, name, "required column is missing"))
    for name in unknown:
        result.problems.append(Problem(1, name, f"is not a column of the {fmt.code} format"))
    if missing or unknown:
        return result
    for number, raw in enumerate(reader, start=2):
        row = {"_row": number}
        for column in fmt.columns:
            value = (raw.get(column.name) or "").strip()
            if column.required and not value:
                result.problems.append(Problem(number, column.name, "is required"))
                continue
            if "\x00" in value:  # PostgreSQL cannot store it; say where, not fail the load
                result.problems.append(Problem(number, column.name, "contains a NUL character"))
                continue
            try:
                row[column.name] = column.parse(value)
            except RowError as problem:
                result.problems.append(Problem(number, column.name, str(problem)))
        result.rows.append(row)
    if not result.rows and not result.problems:
        result.problems.append(Problem(2, "file", "has no rows"))
    return result


def contacts_in(fmt: Format, rows: list[dict]) -> list[list[dict]]:
    """Rows grouped into contacts: one per row, or one per ``group_by`` value."""
    if not fmt.group_by:
        return [[row] for row in rows]
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row[fmt.group_by], []).append(row)
    return list(groups.values())


def details_for(fmt: Format, agency, group: list[dict], **extra) -> ContactDetails:
    """A contact's details from its rows; ``build`` may override the format's defaults."""
    fields = {
        "consent": "statutory",
        "lawful_basis": fmt.lawful_basis,
        "urgency": "standard",
        "kind": fmt.kind,
        "source": fmt.source,
        **fmt.build(group),
        **extra,
    }
    return ContactDetails(agency=agency, channel="file", **fields)


def subject(row: dict, prefix: str = "") -> SubjectDetails:
    return SubjectDetails(
        first_name=row[f"{prefix}first_name"],
        last_name=row[f"{prefix}last_name"],
        date_of_birth=row.get(f"{prefix}dob"),
        sex=row.get(f"{prefix}sex") or "U",
        nhs_number=row.get(f"{prefix}nhs_number", ""),
        upn=row.get("upn", ""),
        postcode=row.get("postcode", "").upper(),
    )


NHS = checked(validate_nhs_number)
UPN = checked(validate_upn)
SEX = one_of("M", "F", "U")
