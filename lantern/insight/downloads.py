"""Every table on an insight page as CSV or XLSX, and the audit entry each download leaves.

Text cells pass through ``safe_cell`` (a cell starting ``=`` is a formula to a spreadsheet
program: CSV injection). The workbook is written as its XML parts, as the Annex A one is
(``lantern.returns.annexa.workbook``, whose style sheet and column letters it shares):
openpyxl is a test dependency only. Taking a table is an export, audited like a return:
which table, for which period, and how many children it names (never who).
"""

import csv
import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from xml.sax.saxutils import escape

from django.http import HttpResponse
from django.utils.text import slugify

from lantern.insight.measures import Table
from lantern.returns import exports
from lantern.returns.annexa.workbook import MAIN, PKG_REL, REL, STYLES, column_letter
from lantern.spreadsheet_cells import safe_cell

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EXCEL_EPOCH = dt.date(1899, 12, 30)
PLAIN, DATE, BOLD, TITLE = 0, 1, 2, 3  # the Annex A style sheet's cell styles
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _plain(value):
    """A cell's value for a file: numbers stay numbers, dates dates, the rest safe text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | float | Decimal | dt.date):
        return value
    return safe_cell(str(value))


def csv_bytes(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(c.label) for c in table.columns])
    for row in table.rows:
        writer.writerow(
            [
                value.isoformat() if isinstance(value, dt.date) else value
                for value in (_plain(row.get(c.key)) for c in table.columns)
            ]
        )
    return out.getvalue().encode("utf-8-sig")  # the BOM tells Excel it is UTF-8


def _cell(ref: str, value, style: int = PLAIN) -> str:
    value = _plain(value)
    if value == "":
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="{DATE}"><v>{(value - EXCEL_EPOCH).days}</v></c>'
    if isinstance(value, int | float | Decimal):
        return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'
    text = escape(_NOT_XML.sub("", value))
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _sheet(table: Table) -> str:
    letters = [column_letter(i) for i in range(1, len(table.columns) + 1)]

    def row(number: int, values, style: int = PLAIN) -> str:
        cells = "".join(
            _cell(f"{letter}{number}", v, style) for letter, v in zip(letters, values, strict=False)
        )
        return f'<row r="{number}">{cells}</row>'

    rows = [row(1, [table.title], TITLE), row(2, [table.caption])]
    rows.append(row(3, [c.label for c in table.columns], BOLD))
    rows += [row(4 + i, [r.get(c.key) for c in table.columns]) for i, r in enumerate(table.rows)]
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}">'
        f"<sheetData>{''.join(rows)}</sheetData></worksheet>"
    )


def xlsx_bytes(table: Table, *, stamp: dt.date) -> bytes:
    """One table as a one-sheet workbook; ``stamp`` (the period's end) dates the file, so
    the same records give the same bytes."""
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    office = "application/vnd.openxmlformats-officedocument"
    parts = {
        "[Content_Types].xml": head
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{office}.spreadsheetml.sheet.'
        f'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="{office}.'
        'spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType='
        f'"{office}.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": head
        + f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/officeDocument"'
        ' Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": head + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="'
        f'{escape(_sheet_name(table.title))}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": head
        + f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/worksheet" '
        f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/styles" '
        'Target="styles.xml"/></Relationships>',
        "xl/styles.xml": STYLES,
        "xl/worksheets/sheet1.xml": _sheet(table),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(stamp.year, stamp.month, stamp.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)
    return buffer.getvalue()


def _sheet_name(title: str) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Table"


def download(request, table: Table, fmt: str, *, period, children: int = 0) -> HttpResponse:
    """The file, and its audit entry (an export), for a signed-in user's request."""
    name = f"{slugify(table.title)[:60] or 'table'}_{period.start:%Y%m%d}-{period.end:%Y%m%d}"
    data = csv_bytes(table) if fmt == "csv" else xlsx_bytes(table, stamp=period.end)
    exports.exported(
        "insight table",
        f"{table.title}, {period.start:%d/%m/%Y} to {period.end:%d/%m/%Y}, {fmt.upper()}, "
        f"{len(table.rows)} rows, {children} children named",
        request=request,
    )
    response = HttpResponse(data, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
