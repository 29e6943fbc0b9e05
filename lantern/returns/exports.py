"""Writing a return where it was asked for, whole or not at all, and auditing who took it.

A return names children, so taking one is an audited export like a subject access pack:
the entry says which return, for which period, how many children, and never names them.
"""

import getpass
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lantern.access import audit
from lantern.access.models import AuditEntry


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file beside it, so a half-written
    return is never left where the last good one was."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_files(directory: Path, files: dict[str, bytes]) -> None:
    """Write each named file into ``directory``; every file is written, even an empty one."""
    for name, data in sorted(files.items()):
        write_file(Path(directory) / name, data)


def exported(what: str, detail: str, *, user=None, request=None) -> None:
    """One audit entry for one export. From the command line the operator's login name is
    recorded, since there is no signed-in user."""
    if user is None and request is None:
        detail = f"{detail} (command line, {_login_name()})"
    audit.record(request, AuditEntry.Action.EXPORT, user=user, detail=f"{what}: {detail}")


def _login_name() -> str:
    try:
        return getpass.getuser()
    except OSError:  # no login name in a bare container
        return f"uid {os.getuid()}"


@dataclass(frozen=True)
class Document:
    """A return that is one file (the CIN census XML, the Annex A workbook)."""

    data: bytes
    children: int = 0
    rows: int = 0


@dataclass(frozen=True)
class Tables:
    """A return that is a set of CSV files (SSDA903, SSD), by file name; empty tables are
    present, header only."""

    files: dict[str, bytes]
    children: int = 0
