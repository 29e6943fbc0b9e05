"""Reading a built CIN census back as a performance analyst would: one child's modules."""

import datetime as dt
import xml.etree.ElementTree as ET

from lantern.casework import actions
from lantern.returns import cin
from lantern.returns.years import CollectionYear

D = dt.date


def census(year: int) -> ET.Element:
    return ET.fromstring(cin.build(CollectionYear(year)).data)  # noqa: S314 - our own file


def child_in(root: ET.Element, person) -> ET.Element | None:
    for child in root.iter("Child"):
        if child.findtext("ChildIdentifiers/LAchildID") == person.council_id:
            return child
    return None


def texts(element: ET.Element, path: str) -> list[str]:
    return [e.text for e in element.findall(path)]


def authorise(journey, assessment, on: dt.date):
    assessment.refresh_from_db()
    return actions.authorise_assessment(
        assessment,
        acting_user=journey.manager,
        authorised_date=on,
        expected_version=assessment.version,
    )


def close(journey, on: dt.date, reason: str):
    episode = journey.episode
    episode.refresh_from_db()
    return actions.close_episode(
        episode,
        acting_user=journey.worker,
        close_date=on,
        reason_for_closure=reason,
        expected_version=episode.version,
    )
