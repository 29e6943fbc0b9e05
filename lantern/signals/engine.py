"""One rule engine for the live path and the batch scan.

Both hand it the same thing: events as columns (person, day, kind, agency) and each
person's date of birth. It answers, for each rule, the days on which the rule holds and
the events that formed it. Columns rather than objects because the batch scan reads a
nation's history (5 million events) and the live path one child's (dozens): the same
sorted arrays and binary searches serve both, in milliseconds for one child.

Days are date ordinals. "In [E-N, E]" is a search for the keys person*BIG + day within
[key-N, key], all events on day E included ("several events on one day each count").
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from lantern.signals import rules as R

KIND_INDEX = {kind: i for i, kind in enumerate(R.EVENT_KINDS)}
UNKNOWN_BIRTH = 0
# Every day is shifted so that day - N stays above zero for any threshold (N <= 3650), and
# a person's keys never reach the next person's.
_SHIFT = 4000
_BIG = 1 << 23
_EPOCH = dt.date(1970, 1, 1).toordinal()


def agency_key(name: str) -> str:
    """Agencies are named in free text: "St Mary's School" and "st mary's  school " are one
    agency, so that one school writing three times is not taken for several agencies."""
    return " ".join(str(name).casefold().split())


@dataclass(frozen=True)
class Events:
    """Events as columns. ``person`` indexes ``born``; ``day`` is ``date.toordinal()``;
    ``kind`` indexes ``rules.EVENT_KINDS``; ``agency`` is any integer naming the source
    agency (equal integers, same agency)."""

    person: np.ndarray
    day: np.ndarray
    kind: np.ndarray
    agency: np.ndarray

    @classmethod
    def of(cls, rows: Iterable[tuple[int, dt.date, str, object]]) -> "Events":
        """From (person, day, kind, agency name) tuples: the live path's few rows."""
        agencies: dict[object, int] = {}
        person, day, kind, agency = [], [], [], []
        for who, when, what, source in rows:
            person.append(who)
            day.append(when.toordinal())
            kind.append(KIND_INDEX[what])
            agency.append(agencies.setdefault(agency_key(source), len(agencies)))
        return cls(
            np.asarray(person, dtype=np.int64),
            np.asarray(day, dtype=np.int64),
            np.asarray(kind, dtype=np.int8),
            np.asarray(agency, dtype=np.int64),
        )

    def __len__(self) -> int:
        return len(self.person)


@dataclass(frozen=True)
class Firing:
    """A rule holding for ``person`` on ``day`` (an ordinal), formed by the events at
    ``evidence`` (row numbers of the ``Events`` given, in date order)."""

    person: int
    rule: str
    day: int
    evidence: tuple[int, ...]

    @property
    def date(self) -> dt.date:
        return dt.date.fromordinal(self.day)


def add_months(born: np.ndarray, months: int) -> np.ndarray:
    """The same day ``months`` calendar months later, clamped to the month's last day (so a
    29 February birthday falls on 28 February in other years). Ordinals in and out."""
    days = (born - _EPOCH).astype("datetime64[D]")
    month = days.astype("datetime64[M]")
    day_of_month = (days - month.astype("datetime64[D]")).astype(np.int64)
    target = month + months
    length = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(
        np.int64
    )
    out = target.astype("datetime64[D]") + np.minimum(day_of_month, length - 1)
    return out.astype(np.int64) + _EPOCH


class _Kind:
    """The events of one kind, in (person, day, input) order: keys, and their positions in
    the whole sorted stream (evidence is reported by position)."""

    __slots__ = ("agency", "day", "key", "person", "pos")

    def __init__(self, key, person, day, agency, pos):
        self.key, self.person, self.day, self.agency, self.pos = key, person, day, agency, pos

    def __len__(self) -> int:
        return len(self.key)

    def first_of_day(self) -> np.ndarray:
        return np.searchsorted(self.key, self.key, "left")

    def end_of_day(self) -> np.ndarray:
        return np.searchsorted(self.key, self.key, "right")


class _Stream:
    def __init__(self, events: Events):
        key = events.person.astype(np.int64) * _BIG + events.day.astype(np.int64) + _SHIFT
        # Stable: events of one person and day stay in input order.
        self.order = np.argsort(key, kind="stable")
        self.key = key[self.order]
        self.person = events.person[self.order].astype(np.int64)
        self.day = events.day[self.order].astype(np.int64) + _SHIFT
        self.kind = events.kind[self.order]
        self.agency = events.agency[self.order]

    def of(self, kind: str) -> _Kind:
        pos = np.flatnonzero(self.kind == KIND_INDEX[kind])
        return _Kind(self.key[pos], self.person[pos], self.day[pos], self.agency[pos], pos)


def evaluate(
    events: Events,
    born: np.ndarray,
    thresholds: Mapping[str, Mapping[str, int]] | None = None,
    *,
    rules: Iterable[str] | None = None,
    first_only: bool = True,
) -> list[Firing]:
    """Every firing of every rule: with ``first_only``, only the first day per person and
    rule (the batch scan's answer); otherwise each day the rule holds (the live path keeps
    the later ones to raise a signal again after a decision).

    ``born`` holds each person's date of birth as an ordinal, ``UNKNOWN_BIRTH`` when not
    known (age rules then cannot hold). ``thresholds`` overrides ``rules.DEFAULTS``.
    """
    if len(events) == 0:
        return []
    stream = _Stream(events)
    born = np.asarray(born, dtype=np.int64)
    limits = {code: {**R.DEFAULTS[code], **(thresholds or {}).get(code, {})} for code in R.DEFAULTS}
    firings: list[Firing] = []
    for code in rules or R.BY_CODE:
        found = _RULES[code](stream, born, limits[code])
        firings.extend(_firings(stream, code, *found, first_only=first_only))
    firings.sort(key=lambda f: (f.person, f.day, f.rule))
    return firings


def _firings(stream, code, kind: _Kind, holds, spans, extra=None, *, first_only):
    """``holds`` marks trigger events; ``spans`` gives each its evidence as [lo, hi) within
    ``kind``; ``extra`` adds one more stream position (a plan's start)."""
    at = np.flatnonzero(holds & (kind.first_of_day() == np.arange(len(kind))))
    if first_only and len(at):
        _, first = np.unique(kind.person[at], return_index=True)
        at = at[first]
    lo, hi = spans
    # Every firing's evidence gathered at once (a national scan has hundreds of thousands).
    count = hi[at] - lo[at]
    ends = np.cumsum(count)
    flat = np.arange(int(ends[-1]) if len(at) else 0) - np.repeat(ends - count - lo[at], count)
    positions = kind.pos[flat]
    evidence = stream.order[positions].tolist()
    bounds = [0, *ends.tolist()]
    people, days = kind.person[at].tolist(), (kind.day[at] - _SHIFT).tolist()
    out = []
    for i, j in enumerate(at.tolist()):
        if extra is None:
            mine = evidence[bounds[i] : bounds[i + 1]]
        else:
            with_extra = sorted({*positions[bounds[i] : bounds[i + 1]].tolist(), int(extra[j])})
            mine = stream.order[with_extra].tolist()
        out.append(Firing(people[i], code, days[i], tuple(mine)))
    return out


def _window(kind: _Kind, days: int):
    """Each event's [E-days, E] span within its kind, all of day E included."""
    return np.searchsorted(kind.key, kind.key - days, "left"), kind.end_of_day()


def _known(born: np.ndarray, people: np.ndarray) -> np.ndarray:
    return born[people] != UNKNOWN_BIRTH


def _younger_than(born, kind: _Kind, months: int) -> np.ndarray:
    people_born = born[kind.person]
    limit = add_months(np.where(people_born == UNKNOWN_BIRTH, _EPOCH, people_born), months)
    return (people_born != UNKNOWN_BIRTH) & (kind.day - _SHIFT < limit)


def _injury_non_mobile(stream, born, limit):
    injuries = stream.of(R.INJURY)
    holds = _younger_than(born, injuries, limit["months"])
    return injuries, holds, (injuries.first_of_day(), injuries.end_of_day())


def _counted(kind_code: str):
    def rule(stream, born, limit):
        kind = stream.of(kind_code)
        lo, hi = _window(kind, limit["days"])
        return kind, (hi - lo) >= limit["count"], (lo, hi)

    return rule


def _repeat_ae(stream, born, limit):
    kind, holds, spans = _counted(R.AE_ATTENDANCE)(stream, born, limit)
    return kind, holds & _younger_than(born, kind, 12 * limit["years"]), spans


def _rereferral(stream, born, limit):
    referrals = stream.of(R.REFERRAL)
    lo, hi = _window(referrals, limit["days"])
    return referrals, referrals.first_of_day() - lo >= 1, (lo, hi)


def _latest(before: _Kind, at: _Kind):
    """For each event in ``at``, the position within ``before`` of the same person's
    latest event dated on or before it, and whether there is one."""
    j = np.searchsorted(before.key, at.key, "right") - 1
    clipped = np.maximum(j, 0)
    found = (j >= 0) & (before.person[clipped] == at.person) if len(before) else j >= 0
    return clipped, found


def _adult_joined_on_plan(stream, born, limit):
    joined, started, ended = (stream.of(k) for k in (R.ADULT_JOINED, R.PLAN_STARTED, R.PLAN_ENDED))
    if not len(started):
        return joined, np.zeros(len(joined), bool), (joined.first_of_day(), joined.end_of_day())
    j, found = _latest(started, joined)
    start_key = started.key[j]
    ended_since = np.searchsorted(ended.key, joined.key, "right") - np.searchsorted(
        ended.key, start_key, "left"
    )
    holds = found & (ended_since == 0)
    spans = (joined.first_of_day(), joined.end_of_day())
    return joined, holds, spans, started.pos[j]


def _agencies_worried(stream, born, limit):
    concerns, referrals = stream.of(R.CONCERN), stream.of(R.REFERRAL)
    start = concerns.day - limit["days"]
    if len(referrals):
        j, found = _latest(referrals, concerns)
        start = np.where(found, np.maximum(start, referrals.day[j] + 1), start)
    lo = np.searchsorted(concerns.key, concerns.person * _BIG + start, "left")
    hi = concerns.end_of_day()
    holds = (hi - lo) >= limit["count"]
    needed = limit["agencies"]
    if needed == 2:
        holds &= _run_start(concerns)[np.maximum(hi - 1, 0)] > lo
    elif needed > 2:
        for i in np.flatnonzero(holds).tolist():
            holds[i] = len(set(concerns.agency[lo[i] : hi[i]].tolist())) >= needed
    return concerns, holds, (lo, hi)


def _run_start(kind: _Kind) -> np.ndarray:
    """Where the run of one agency ending at each event began: [lo, hi) holds two agencies
    or more exactly when the run ending at hi-1 began after lo."""
    n = len(kind)
    change = np.ones(n, bool)
    change[1:] = (kind.agency[1:] != kind.agency[:-1]) | (kind.person[1:] != kind.person[:-1])
    return np.maximum.accumulate(np.where(change, np.arange(n), 0))


_RULES = {
    "injury_non_mobile": _injury_non_mobile,
    "repeat_ae": _repeat_ae,
    "repeat_domestic_abuse": _counted(R.DOMESTIC_ABUSE),
    "not_brought": _counted(R.NOT_BROUGHT),
    "repeat_missing": _counted(R.MISSING),
    "rereferral": _rereferral,
    "adult_joined_on_plan": _adult_joined_on_plan,
    "agencies_worried": _agencies_worried,
}
assert set(_RULES) == set(R.BY_CODE)
