"""Build a whole synthetic borough: agencies, staff, families, casework and chronologies.

Deterministic for a given seed, scale and "today": every random choice comes from a
``random.Random`` or a ``Faker`` seeded here, one stream per stage so a change to one stage
does not reshuffle the others, and no date is read from the clock.
"""

import datetime as dt
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from faker import Faker

from lantern.demo import (
    aliases,
    allocations,
    caseload,
    characteristics,
    chronology,
    fragments,
    index,
    signal_decisions,
    workforce,
)
from lantern.demo import frontdoor as front_door
from lantern.demo.care import CARE_COUNTS
from lantern.demo.casework import generate_casework
from lantern.demo.families import generate
from lantern.demo.partners import create_agencies, partner_authors
from lantern.demo.staff import create_staff


@dataclass
class Result:
    counts: dict[str, int] = field(default_factory=dict)
    signals: dict = field(default_factory=dict)
    seconds: float = 0.0


def _streams(seed: int, stage: str) -> tuple[random.Random, Faker]:
    rng = random.Random(f"{seed}:{stage}")
    fake = Faker("en_GB")
    fake.seed_instance(f"{seed}:{stage}")
    return rng, fake


def build(*, seed: int, scale: float, today: dt.date, say: Callable[[str], None]) -> Result:
    """Generate and write the borough; ``say`` receives progress lines (counts only)."""
    began = time.monotonic()
    result = Result()
    counts = result.counts

    def step(message: str) -> None:
        say(f"[{time.monotonic() - began:6.1f}s] {message}")

    def tally(*names: str) -> str:
        return ", ".join(f"{name}: {counts[name]:,}" for name in names)

    agencies = create_agencies()
    rng, fake = _streams(seed, "staff")
    staff = create_staff(rng, fake, scale, agencies)
    authors = partner_authors(fake, rng)
    counts["staff"] = staff.count
    step(f"agencies: {len(agencies)}, teams: {len(staff.teams)}, staff accounts: {staff.count:,}")

    rng, fake = _streams(seed, "families")
    builder = generate(rng, fake, scale, today)
    borough = builder.borough
    caseload.assign(rng, builder, scale)
    characteristics.enrol(rng, borough.families, today)
    aliases.add_names(rng, fake, borough.people, today)
    children = sum(1 for p in borough.people if p.is_child)
    counts.update(
        people=len(borough.people), children=children, adults=len(borough.people) - children
    )
    step(f"generated {len(borough.families):,} households; " + tally("people", "children"))

    rng, _ = _streams(seed, "index")
    counts.update(index.write_people(borough, agencies, rng, today))
    step("written " + tally("names", "name keys", "identifiers", "disabilities"))
    counts.update(index.write_households(borough, agencies))
    counts["relationships"] = index.write_relationships(borough, agencies)
    step("written " + tally("addresses", "households", "memberships", "relationships"))

    rng, _ = _streams(seed, "allocations")
    counts["allocations"] = allocations.allocate(rng, borough, staff, today)
    step("written " + tally("allocations"))

    rng, _ = _streams(seed, "chronology")
    counts["chronology entries"] = chronology.write(
        rng, borough, agencies, authors, staff, today, scale, step
    )
    step("written " + tally("chronology entries"))

    rng, _ = _streams(seed, "fragments")
    counts.update(fragments.write(rng, borough, agencies, authors, today))
    step("written " + tally("injuries", "appointments not brought to"))

    rng, _ = _streams(seed, "casework")
    care = _streams(seed, "care")
    counts.update(generate_casework(rng, borough, staff, agencies, today, scale, care))
    step("written " + tally("cin episodes", "child protection plans", "visits", "deadlines"))
    step("written " + tally(*CARE_COUNTS))

    rng, fake = _streams(seed, "frontdoor")
    counts.update(
        front_door.send_contacts(rng, fake, borough, agencies, authors, staff, today, scale)
    )
    step("written " + tally("contacts", "contacts awaiting decision", "contacts overdue"))

    rng, _ = _streams(seed, "workforce")
    counts.update(workforce.generate(rng, today))
    step("written " + tally("contracts", "establishments", "cases supervised"))
    for line in workforce.summary(today):
        step(line)

    # Last: the signals read every entry the stages above wrote.
    rng, _ = _streams(seed, "signals")
    result.signals = signal_decisions.evaluate_and_decide(rng, borough, today)
    counts["children with signals"] = result.signals["children with signals"]
    step("evaluated the safeguarding signals; " + tally("children with signals"))
    result.seconds = time.monotonic() - began
    return result
