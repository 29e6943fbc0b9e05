"""Runs inside .venv-validators, never in Lantern's environment (the tests call it through
``care.validator_lists.run_in_validators``): the DfE's SSDA903 validator over one year's
CSV files, answering which rules flagged rows and which crashed.

Input on stdin: {"year": "2026", "this": {file name: CSV text}, "prev": {...}}.
Output: {"flagged": {rule: rows}, "crashed": [rule, ...], "messages": {rule: message}}.
"""

import json
import sys
import tempfile
from pathlib import Path


def _write(folder: Path, files: dict[str, str]) -> list[str]:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text)
    return [str(folder / name) for name in sorted(files)]


def main() -> None:
    # The validator logs at INFO on import and some rules print: keep stdout for the JSON.
    out, sys.stdout = sys.stdout, sys.stderr
    import logging

    from lac_validator import lac_validator
    from lac_validator.rules.ruleset_utils import get_year_ruleset
    from lac_validator.utils import process_uploaded_files

    logging.disable(logging.CRITICAL)
    request = json.load(sys.stdin)
    with tempfile.TemporaryDirectory() as tmp:
        files = {"This year": _write(Path(tmp, "this"), request["this"])}
        if request.get("prev"):
            files["Prev year"] = _write(Path(tmp, "prev"), request["prev"])
        registry = get_year_ruleset(request["year"])
        checked = lac_validator.LacValidator(
            metadata={"collectionYear": request["year"], "localAuthority": request["la"]},
            files=process_uploaded_files(files),
            registry=registry,
        )
    flagged: dict[str, int] = {}
    for table, frame in checked.ds_results.items():
        if table == "metadata" or table.endswith("_last"):
            continue
        for column in frame.columns:
            if column.startswith("ERR_"):
                rows = int((frame[column] == True).sum())  # noqa: E712 - pandas mask
                if rows:
                    flagged[column[4:]] = flagged.get(column[4:], 0) + rows
    json.dump(
        {
            "flagged": flagged,
            "crashed": sorted(checked.fails),
            "messages": {code: registry[code].message for code in flagged},
        },
        out,
    )


if __name__ == "__main__":
    main()
