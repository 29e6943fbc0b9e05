"""The SSDA903 code lists as the DfE's own validator accepts them, year by year.

lantern/care/codes.py owns Lantern's lists; this module asks ``csc-validator-be-903`` what it
accepts so a test can hold the two together (issue 10 §1). The validators pin pandas < 2 and
numpy < 1.25, so they live in a virtualenv of their own, ``.venv-validators``, made by
``make install`` from requirements-validators.lock, and are asked through a subprocess that
answers in JSON (shared/reference/returns.md). The probe that runs there is
validator_probe.py beside this file.
"""

import functools
import json
import os
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("validator_probe.py")


class ValidatorsMissing(RuntimeError):
    """``.venv-validators`` has not been made: run ``make install``."""


@dataclass(frozen=True)
class Field:
    """One coded 903 field and the rule that says which codes it may hold.

    ``context`` fills the other columns the rule reads, so only the probed column decides.
    ``flagged`` asks for the codes the rule rejects instead: rule 178 flags a provider on a
    placement that must have none, which is how the placements without a provider are found.
    """

    key: str
    rule: str
    table: str
    column: str
    context: tuple[tuple[str, str], ...] = ()
    flagged: bool = False


# The 903 fields whose codes Lantern records, by rule (shared/reference/codes.md Part B).
FIELDS: tuple[Field, ...] = (
    Field("SEX", "101", "Header", "SEX"),
    Field("RNE", "143", "Episodes", "RNE"),
    Field("LS", "144", "Episodes", "LS"),
    Field("CIN", "145", "Episodes", "CIN"),
    Field("PLACE", "146", "Episodes", "PLACE"),
    Field("PLACE_PROVIDER", "178", "Episodes", "PLACE_PROVIDER", (("PLACE", "U6"),)),
    Field(
        "PLACE_WITHOUT_PROVIDER",
        "178",
        "Episodes",
        "PLACE",
        (("PLACE_PROVIDER", "PR1"),),
        flagged=True,
    ),
    Field("REC", "149", "Episodes", "REC"),
    Field("REASON_PLACE_CHANGE", "1009", "Episodes", "REASON_PLACE_CHANGE"),
    Field("REVIEW_CODE", "167", "Reviews", "REVIEW_CODE", (("REVIEW", "01/06/2026"),)),
    Field("MISSING", "1006", "Missing", "MISSING"),
    Field("IN_TOUCH", "131", "OC3", "IN_TOUCH"),
    Field("ACTIV", "132", "OC3", "ACTIV"),
    Field("ACCOM", "133", "OC3", "ACCOM"),
    Field("SDQ_REASON", "196", "OC2", "SDQ_REASON"),
    Field("PREV_PERM", "631", "PrevPerm", "PREV_PERM"),
    Field("SW_REASON", "SW13STG1", "SWEpisodes", "SW_REASON", (("SW_DECOM", "01/06/2026"),)),
    Field("LS_ADOPTR", "177", "AD1", "LS_ADOPTR"),
    Field("SEX_ADOPTR", "176", "AD1", "SEX_ADOPTR"),
    Field("NB_ADOPTR", "175", "AD1", "NB_ADOPTR"),
    Field("FOSTER_CARE", "114", "AD1", "FOSTER_CARE"),
    Field("REASON_PLACED_CEASED", "120", "PlacedAdoption", "REASON_PLACED_CEASED"),
)


@dataclass(frozen=True)
class Accepted:
    rule: str
    module: str  # the rule file in force that year, e.g. lac_validator.rules.lac2025_26.rule_146
    codes: frozenset[str] = field(default_factory=frozenset)


def validators_python() -> Path | None:
    """The validators' interpreter, or None when ``make install`` has not made it.

    ``LANTERN_VALIDATORS_VENV`` points elsewhere, e.g. to a checkout's shared virtualenv."""
    venv = Path(os.environ.get("LANTERN_VALIDATORS_VENV") or REPO / ".venv-validators")
    python = venv / "bin" / "python"
    return python if python.exists() else None


def run_in_validators(script: Path, request: object, *, timeout: float = 300) -> object:
    """Run ``script`` with the validators' Python, ``request`` as JSON on stdin; its stdout
    is parsed as JSON. Isolated mode (-I): Lantern's PYTHONPATH never reaches the validators."""
    python = validators_python()
    if python is None:
        raise ValidatorsMissing(
            f"no validators virtualenv at {REPO / '.venv-validators'}: run `make install`"
        )
    done = subprocess.run(  # noqa: S603 - our own interpreter and script, no shell
        [str(python), "-I", str(script)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode:
        sys.stderr.write(done.stderr[-4000:])
        raise RuntimeError(f"{script.name} failed in the validators' virtualenv")
    return json.loads(done.stdout)


def accepted_codes(
    years: Iterable[int], candidates: Iterable[str] = ()
) -> dict[int, dict[str, Accepted | None]]:
    """For each collection year (named by its end: 2026 is 2025/26), the codes the 903
    validator accepts in each field of FIELDS; None where that year has no such rule.

    ``candidates`` are tried as well as the codes written in the rules, so a code of
    Lantern's that the validator rejects shows up as missing rather than unasked."""
    return _accepted(tuple(sorted(set(years))), tuple(sorted(set(candidates))))


@functools.cache
def _accepted(years: tuple[int, ...], candidates: tuple[str, ...]):
    request = {
        "years": [str(y) for y in years],
        "probes": [
            {
                "key": f.key,
                "rule": f.rule,
                "table": f.table,
                "column": f.column,
                "context": dict(f.context),
                "flagged": f.flagged,
                "candidates": list(candidates),
            }
            for f in FIELDS
        ],
    }
    answer = run_in_validators(PROBE, request)
    return {
        int(year): {
            key: found and Accepted(found["rule"], found["module"], frozenset(found["codes"]))
            for key, found in fields.items()
        }
        for year, fields in answer.items()
    }
