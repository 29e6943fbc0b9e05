"""The layering stated in pyproject.toml covers the code it is meant to guard.

``make test`` runs ``lint-imports`` over the contracts; these tests keep the contracts honest:
the access app is split across layers by module, so a new module there must be placed in one,
or an upward import from it would go unchecked.
"""

import pkgutil
import tomllib
from pathlib import Path

import lantern.access
from lantern.casework.codes import REFERRAL_SOURCE
from lantern.frontdoor.models import Contact, Referral

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
NOT_CODE = {"apps", "migrations", "tests"}


def layered_modules() -> set[str]:
    contracts = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"]
    names = set()
    for contract in contracts:
        for layer in contract["layers"]:
            names |= {part.strip() for part in layer.replace("|", ":").split(":")}
    return names


def test_every_module_of_the_access_app_has_a_layer():
    modules = {
        f"lantern.access.{m.name}"
        for m in pkgutil.iter_modules(lantern.access.__path__)
        if m.name not in NOT_CODE
    }
    assert modules - layered_modules() == set()


def test_the_front_door_records_referral_sources_from_the_one_dfe_list():
    for model in (Contact, Referral):
        offered = {code for code, _ in model._meta.get_field("source").choices}
        assert offered == {c.code for c in REFERRAL_SOURCE.codes}
    assert REFERRAL_SOURCE.label("5B") == (
        "LA services – other internal (other LA departments, excluding housing)"
    )
