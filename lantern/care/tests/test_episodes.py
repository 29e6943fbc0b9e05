"""SSDA903 episodes from legal statuses and placements: a new episode on every change, with
the reason the DfE's rule 143 gives it. Pure: no database."""

import datetime as dt
from dataclasses import dataclass
from itertools import count

from lantern.care.episodes import derive

D = dt.date
_pk = count(1)


@dataclass
class Status:
    code: str
    start_date: dt.date
    end_date: dt.date | None = None
    pk: int = 0

    def __post_init__(self):
        self.pk = next(_pk)


@dataclass
class Place:
    placement_type: str
    carer_id: int
    start_date: dt.date
    end_date: dt.date | None = None
    reason_changed: str = ""
    pk: int = 0

    def __post_init__(self):
        self.pk = next(_pk)


def rows(statuses, placements, *, end=None, reason=""):
    return [
        (
            e.start_date,
            e.reason_new,
            e.legal_status,
            e.end_date,
            e.reason_ceased,
            e.reason_place_change,
        )
        for e in derive(
            start_date=D(2026, 1, 5),
            end_date=end,
            reason_ceased=reason,
            statuses=statuses,
            placements=placements,
        )
    ]


START = D(2026, 1, 5)


def test_the_first_episode_starts_the_period_and_stays_open():
    assert rows([Status("V2", START)], [Place("U6", 1, START)]) == [
        (START, "S", "V2", None, "", ""),
    ]


def test_a_change_of_legal_status_only_is_rne_l():
    statuses = [Status("C1", START, D(2026, 3, 2)), Status("C2", D(2026, 3, 2))]
    assert rows(statuses, [Place("U6", 1, START)]) == [
        (START, "S", "C1", D(2026, 3, 2), "X1", ""),
        (D(2026, 3, 2), "L", "C2", None, "", ""),
    ]


def test_a_move_to_new_carers_is_rne_p_and_carries_the_reason_for_the_change():
    placements = [
        Place("U6", 1, START, D(2026, 2, 9), "CREQB"),
        Place("K2", 2, D(2026, 2, 9)),
    ]
    assert rows([Status("C2", START)], placements) == [
        (START, "S", "C2", D(2026, 2, 9), "X1", "CREQB"),
        (D(2026, 2, 9), "P", "C2", None, "", ""),
    ]


def test_a_change_of_placement_with_the_same_carers_is_rne_t():
    placements = [Place("U6", 1, START, D(2026, 2, 9), "PLACE"), Place("U4", 1, D(2026, 2, 9))]
    assert rows([Status("C2", START)], placements)[1][:2] == (D(2026, 2, 9), "T")
    assert rows([Status("C2", START)], placements)[0][5] == "PLACE"


def test_status_and_placement_on_one_day_make_one_episode():
    statuses = [Status("C1", START, D(2026, 4, 1)), Status("E1", D(2026, 4, 1))]
    new_carers = [Place("U6", 1, START, D(2026, 4, 1), "CARPL"), Place("A6", 2, D(2026, 4, 1))]
    same_carers = [Place("U6", 1, START, D(2026, 4, 1), "CARPL"), Place("A5", 1, D(2026, 4, 1))]
    assert rows(statuses, new_carers) == [
        (START, "S", "C1", D(2026, 4, 1), "X1", "CARPL"),
        (D(2026, 4, 1), "B", "E1", None, "", ""),
    ]
    assert rows(statuses, same_carers)[1][1] == "U"


def test_a_temporary_placement_is_a_change_of_carer_and_has_no_reason_for_change():
    """Rules 380/383: RNE P on and after a temporary episode; rule 226: REASON_PLACE_CHANGE
    blank on the temporary episode and the one before it."""
    placements = [
        Place("U6", 1, START, D(2026, 7, 20), "OTHER"),
        Place("T2", 1, D(2026, 7, 20), D(2026, 7, 27), "OTHER"),
        Place("U6", 1, D(2026, 7, 27)),
    ]
    assert rows([Status("C2", START)], placements) == [
        (START, "S", "C2", D(2026, 7, 20), "X1", ""),
        (D(2026, 7, 20), "P", "C2", D(2026, 7, 27), "X1", ""),
        (D(2026, 7, 27), "P", "C2", None, "", ""),
    ]


def test_the_last_episode_of_an_ended_period_carries_why_care_ended():
    statuses = [Status("V2", START, D(2026, 6, 1))]
    placements = [Place("U6", 1, START, D(2026, 6, 1))]
    assert rows(statuses, placements, end=D(2026, 6, 1), reason="E4A") == [
        (START, "S", "V2", D(2026, 6, 1), "E4A", ""),
    ]


def test_a_recorded_change_to_the_same_status_is_no_new_episode():
    statuses = [Status("C2", START, D(2026, 3, 2)), Status("C2", D(2026, 3, 2))]
    assert rows(statuses, [Place("U6", 1, START)]) == [(START, "S", "C2", None, "", "")]


def test_several_changes_in_a_period():
    statuses = [
        Status("V2", START, D(2026, 2, 2)),
        Status("C1", D(2026, 2, 2), D(2026, 8, 3)),
        Status("C2", D(2026, 8, 3), D(2026, 9, 1)),
    ]
    placements = [
        Place("U6", 1, START, D(2026, 3, 9), "ALLEG"),
        Place("U3", 2, D(2026, 3, 9), D(2026, 9, 1)),
    ]
    assert [r[1] for r in rows(statuses, placements, end=D(2026, 9, 1), reason="E41")] == [
        "S",
        "L",
        "P",
        "L",
    ]
    assert rows(statuses, placements, end=D(2026, 9, 1), reason="E41")[-1][3:5] == (
        D(2026, 9, 1),
        "E41",
    )
