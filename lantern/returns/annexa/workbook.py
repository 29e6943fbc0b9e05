"""The Annex A lists as one .xlsx workbook, byte for byte the same from the same records.

Written here as the Office Open XML parts themselves rather than through a library, by
measurement: without lxml, openpyxl spends about 30 µs a cell, and XlsxWriter (tried) took
3.2 s of a borough's 4.1 s build for a year's lists (120,000 cells) against about 0.3 s
here, so neither could meet 3 s for all three returns or scale to England. The parts are
few and fixed (workbook, one sheet per list, a style sheet with a date format and bold
headers), and the tests read the file back with openpyxl, so it stays a workbook openpyxl
and Excel open.

Reproducible: no "now" anywhere. The document's created and modified times are the
period's end, every zip entry carries that date, and rows come in the lists' own order.
Strings are written inline (no shared-string table) so a sheet is streamed to the zip in
chunks and a national list never sits in memory as one string.
"""

import datetime as dt
import functools
import io
import re
import zipfile
from collections.abc import Iterable
from xml.sax.saxutils import escape

from lantern.returns.annexa.sheet import Period, Sheet
from lantern.spreadsheet_cells import safe_cell

HEADER_ROW = 3  # a title, a line about what the list holds, then the headers
DATE_FORMAT = "DD/MM/YYYY"
EXCEL_EPOCH = dt.date(1899, 12, 30)
# Style ids in styles.xml below: 0 plain, 1 date, 2 bold (headers), 3 title.
PLAIN, DATE, BOLD, TITLE = 0, 1, 2, 3
CHUNK = 2000  # rows a write

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@functools.lru_cache(maxsize=65536)
def _text(value: str) -> str:
    """The inline string's XML: most cells are the same few answers, so each is made once."""
    text = escape(_NOT_XML.sub("", str(safe_cell(value))))
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _cell(ref: str, value, style: int = PLAIN) -> str:
    kind = type(value)
    if kind is str:
        return f'<c r="{ref}" s="{style}{_text(value)}' if value else ""
    if value is None:
        return ""
    if kind is dt.datetime:
        value, kind = value.date(), dt.date
    if kind is dt.date:
        return f'<c r="{ref}" s="{DATE}"><v>{(value - EXCEL_EPOCH).days}</v></c>'
    if kind is int or kind is float:
        return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'
    return f'<c r="{ref}" s="{style}{_text(str(value))}'


def _row(number: int, values: Iterable, letters: list[str], style: int = PLAIN) -> str:
    cells = "".join(
        _cell(f"{letter}{number}", value, style)
        for letter, value in zip(letters, values, strict=False)
    )
    return f'<row r="{number}">{cells}</row>'


def _sheet_parts(sheet: Sheet) -> Iterable[str]:
    width = max(len(sheet.headers), 1)
    letters = [column_letter(i) for i in range(1, width + 1)]
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{max(12, min(45, len(h) + 2))}" customWidth="1"/>'
        for i, h in enumerate(sheet.headers, start=1)
    )
    yield (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}">'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="3" topLeftCell="A4" '
        'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
        f"<cols>{cols}</cols><sheetData>"
    )
    about = " ".join(p for p in (sheet.description + ".", sheet.note) if p)
    yield _row(1, [sheet.title], letters, TITLE) + _row(2, [about], letters)
    yield _row(HEADER_ROW, sheet.headers, letters, BOLD)
    for start in range(0, len(sheet.rows), CHUNK):
        chunk = sheet.rows[start : start + CHUNK]
        first = HEADER_ROW + 1 + start
        yield "".join(_row(first + i, row, letters) for i, row in enumerate(chunk))
    yield "</sheetData></worksheet>"


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="{DATE_FORMAT}"/>\
</numFmts><fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/>\
<name val="Calibri"/></font><font><b/><sz val="14"/><name val="Calibri"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill \
patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/>\
<diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" \
borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" \
borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" \
applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" \
applyFont="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>"""


def _package_parts(sheets: list[Sheet], period: Period) -> dict[str, str]:
    n = len(sheets)
    stamp = f"{period.end:%Y-%m-%d}T00:00:00Z"
    sheet_types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, n + 1)
    )
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    office = "application/vnd.openxmlformats-officedocument"
    return {
        "[Content_Types].xml": head
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{office}.spreadsheetml.sheet.'
        f'main+xml"/>{sheet_types}<Override PartName="/xl/styles.xml" ContentType="{office}.'
        'spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType='
        '"application/vnd.openxmlformats-package.core-properties+xml"/>'
        f'<Override PartName="/docProps/app.xml" ContentType="{office}.extended-properties+xml"/>'
        "</Types>",
        "_rels/.rels": head
        + f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/officeDocument"'
        ' Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats'
        '.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/>'
        "</Relationships>",
        "docProps/app.xml": head
        + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
        'properties"><Application>Lantern</Application></Properties>',
        "docProps/core.xml": head
        + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://'
        'purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(f'Ofsted Annex A {period.label()}')}</dc:title>"
        "<dc:creator>Lantern</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>",
        "xl/workbook.xml": head
        + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><bookViews><workbookView/></bookViews>'
        "<sheets>"
        + "".join(
            f'<sheet name="List {s.number}" sheetId="{i}" r:id="rId{i}"/>'
            for i, s in enumerate(sheets, start=1)
        )
        + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": head
        + f'<Relationships xmlns="{PKG_REL}">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, n + 1)
        )
        + f'<Relationship Id="rId{n + 1}" Type="{REL}/styles" Target="styles.xml"/>'
        "</Relationships>",
        "xl/styles.xml": STYLES,
    }


def write(sheets: list[Sheet], period: Period) -> bytes:
    stamp = (period.end.year, period.end.month, period.end.day, 0, 0, 0)

    def entry(name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16
        return info

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        parts = _package_parts(sheets, period)
        for name in ("[Content_Types].xml", "_rels/.rels", "docProps/app.xml",
                     "docProps/core.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                     "xl/styles.xml"):  # fmt: skip
            archive.writestr(entry(name), parts[name])
        for i, sheet in enumerate(sheets, start=1):
            with archive.open(entry(f"xl/worksheets/sheet{i}.xml"), "w", force_zip64=True) as out:
                for part in _sheet_parts(sheet):
                    out.write(part.encode())
    return buffer.getvalue()
