"""The home page's sections, each given by the domain whose work it shows.

The page shell sits below every domain, so it cannot ask them for their tasks; each domain
adds its own section here from its AppConfig.ready (the DPO's reviews from access, the
administrator's accounts from workforce, ...), as ``policy.RELATIONS`` gathers working
relations. A section is shown to whoever its function answers for; None hides it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest


@dataclass
class Section:
    template: str
    context: dict = field(default_factory=dict)


SECTIONS: list[Callable[[HttpRequest], Section | None]] = []


def add_section(section: Callable[[HttpRequest], Section | None]) -> None:
    if section not in SECTIONS:
        SECTIONS.append(section)


def sections_for(request: HttpRequest) -> list[Section]:
    return [s for s in (section(request) for section in SECTIONS) if s is not None]
