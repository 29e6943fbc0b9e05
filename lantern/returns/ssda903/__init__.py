"""The SSDA903 return: ``build(year)`` gives every table the year has, as the DfE's CSV
files, each written even when empty (header only) so no validation rule is silently
skipped for want of a table.

Each table is built in its own module from the care records' own reads; this module says
who is in the return and puts the files together. DoLo (deprivation of liberty orders,
from 2026/27) is always header-only: Lantern does not record deprivation of liberty orders.
"""

from lantern.returns.exports import Tables
from lantern.returns.ssda903 import adoption, episodes, header, outcomes, social_workers
from lantern.returns.ssda903.scope import looked_after_at_end, looked_after_in
from lantern.returns.ssda903.tables import FILE_NAMES, tables_of, write_csv
from lantern.returns.years import CollectionYear


def build(year: CollectionYear) -> Tables:
    looked_after = looked_after_in(year)
    rows = {
        "Episodes": episodes.episode_rows(year),
        "Reviews": episodes.review_rows(year),
        "UASC": outcomes.uasc(year),
        "OC2": outcomes.oc2(year),
        "OC3": outcomes.oc3(year),
        "AD1": adoption.ad1(year),
        "PlacedAdoption": adoption.placed_adoption(year),
        "PrevPerm": adoption.previous_permanence(year),
        "Missing": outcomes.missing(year),
        "SWEpisodes": social_workers.sw_episode_rows(year, looked_after_at_end(year)),
        "DoLo": [],
    }
    children = looked_after | outcomes.oc3_people(year)
    rows["Header"] = header.header_rows(year, children, looked_after)
    files = {FILE_NAMES[t]: write_csv(t, rows[t]) for t in tables_of(year.year)}
    return Tables(files=files, children=len(children))
