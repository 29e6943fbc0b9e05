"""The CIN census file: the same records give the same bytes, and the command writes it,
audits the export once and names no child on the terminal."""

import io
import xml.etree.ElementTree as ET

from django.core.management import call_command

from lantern.access.models import AuditEntry
from lantern.returns import cin
from lantern.returns.tests.cin_helpers import D, close
from lantern.returns.years import CollectionYear


def test_a_second_build_is_byte_identical_and_dated_from_the_records(walk):
    ben = walk("Ben")
    ben.refer(on=D(2025, 6, 2), primary_need="N4")
    close(ben, D(2025, 6, 3), "RC7")

    first = cin.build(CollectionYear(2026))
    second = cin.build(CollectionYear(2026))

    assert first.data == second.data and first.children == 1
    assert first.data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<Message>')
    header = ET.fromstring(first.data).find("Header")  # noqa: S314 - our own file
    assert [e.text for e in header.find("CollectionDetails")] == ["CIN", "2026", "2026-03-31"]
    source = header.find("Source")
    assert source.findtext("LEA") == "309" and source.findtext("SourceLevel") == "L"
    # The last change to the records (the test clock's morning, in UTC), not the build.
    assert source.findtext("DateTime").startswith("2026-11-24T10:")


def test_the_command_writes_the_file_audits_it_and_names_no_child(walk, tmp_path):
    ben = walk("Benedict")
    ben.refer(on=D(2025, 6, 2), primary_need="N4")
    out, said = tmp_path / "cin.xml", io.StringIO()

    call_command("returns", "cin", "--year", "2026", "--out", str(out), stdout=said)

    root = ET.parse(out).getroot()  # noqa: S314 - our own file
    ids = [e.text for e in root.iter("LAchildID")]
    assert ids == [ben.child.council_id]
    assert "Benedict" not in said.getvalue() and "Carter" not in said.getvalue()
    assert b"Benedict" not in out.read_bytes()  # the return holds no names at all
    assert "1 children" in said.getvalue()
    exports = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT)
    assert exports.count() == 1
    assert exports.get().detail.startswith("CIN census: 2025/26, 1 children")
