"""Sections other apps add to the child's casework page (care adds periods of care,
placements and stability), registered from their ``AppConfig.ready`` so casework, which sits
below them, never imports them."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    template: str
    # context(person, user, today) -> dict for the template, or None to leave the panel out
    context: Callable


PANELS: list[Panel] = []


def register(template: str, context: Callable) -> None:
    PANELS.append(Panel(template, context))


def panels_for(person, user, today) -> list[tuple[str, dict]]:
    shown = []
    for panel in PANELS:
        context = panel.context(person, user, today)
        if context is not None:
            shown.append((panel.template, context))
    return shown
