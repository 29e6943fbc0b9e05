"""Find a person from one search box: a name (typo-tolerant, across every name they have
been known by), a date of birth, an NHS number or the council's ID, in any mix.

Candidates come from one indexed lookup of ``NameKey``; they are then scored in Python on
every name the person is known by, so the worker sees the best-matching name and why.
"""

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from django.db.models import Count
from rapidfuzz.distance import JaroWinkler

from lantern.people import index_changes, names
from lantern.people.identifiers import nhs_check_digit, normalise_nhs_number
from lantern.people.models import Identifier, NameKey, Person, PersonName
from lantern.people.queries import people_by_id
from lantern.prepared import prepared

MAX_CANDIDATES = 300
MAX_RESULTS = 25
NAME_KINDS = dict(PersonName.Kind.choices)
MIN_NAME_SCORE = 0.78

DATE_PATTERNS = [
    (re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b"), ("d", "m", "y")),
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), ("y", "m", "d")),
]
NHS_PATTERN = re.compile(r"\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b")


@dataclass
class ParsedQuery:
    text: str
    name_tokens: list[str] = field(default_factory=list)
    dates: list[dt.date] = field(default_factory=list)
    nhs_number: str = ""
    council_id: str = ""
    problems: list[str] = field(default_factory=list)


@dataclass
class Match:
    person: Person
    score: float
    matched_name: str = ""
    reasons: list[str] = field(default_factory=list)


def parse(text: str, council_prefix: str) -> ParsedQuery:
    query = ParsedQuery(text=text.strip())
    rest = query.text
    for pattern, order in DATE_PATTERNS:
        for found in pattern.finditer(rest):
            parts = dict(zip(order, (int(g) for g in found.groups()), strict=True))
            try:
                query.dates.append(dt.date(parts["y"], parts["m"], parts["d"]))
            except ValueError:
                query.problems.append(f"“{found.group(0)}” is not a real date")
        rest = pattern.sub(" ", rest)
    nhs = NHS_PATTERN.search(rest)
    if nhs:
        number = normalise_nhs_number(nhs.group(0))
        if nhs_check_digit(number[:9]) == int(number[9]):
            query.nhs_number = number
        else:
            query.problems.append(f"“{nhs.group(0)}” is not a valid NHS number")
        rest = rest.replace(nhs.group(0), " ")
    council = re.search(rf"\b{re.escape(council_prefix)}\d{{4,}}\b", rest, re.IGNORECASE)
    if council:
        query.council_id = council.group(0).upper()
        rest = rest.replace(council.group(0), " ")
    query.name_tokens = [t for t in names.tokens(rest) if len(t) > 1]
    return query


def _name_score(query_tokens: list[str], name_tokens: list[str]) -> float:
    """Each query token against its best partner in the name, order-free (swapped names)."""
    if not name_tokens:
        return 0.0
    best = [max(JaroWinkler.similarity(q, n) for n in name_tokens) for q in query_tokens]
    return sum(best) / len(best)


def _dob_score(born: dt.date | None, dates: list[dt.date]) -> tuple[float, str]:
    if not dates:
        return 0.0, ""
    if born is None:
        return 0.0, "no date of birth held"
    for day in dates:
        if born == day:
            return 1.0, "date of birth matches"
        if day.day <= 12 and (born.month, born.day, born.year) == (day.day, day.month, day.year):
            return 0.7, "date of birth matches with day and month swapped"
        if (born.month, born.day) == (day.month, day.day) and abs(born.year - day.year) == 1:
            return 0.6, "date of birth one year out"
    return -1.0, "date of birth differs"


def people_by_name_keys(tokens, limit: int = MAX_CANDIDATES) -> list[int]:
    """The people whose name keys (``names.token_keys``) most of ``tokens``' keys hit, most
    hits first: person search and the MASH matcher's blocking both start here. Counted as
    rows, not ids, so PostgreSQL answers from the (key, person) index alone once the table
    is vacuumed (70 ms against 8 for a common surname at demo scale 10)."""
    return _by_name(tokens, limit)[0]


def _by_name(tokens, limit: int) -> tuple[list[int], bool]:
    """``people_by_name_keys``, and whether every one found has the one name asked as it
    is spelt. One name alone is first looked for so (``_exact_keys``): when ``limit``
    people have it, they are the answer (everyone else hits fewer keys) and the keys of its
    spellings are never counted. A surname like Smith at demo scale 10 has 11,000 people
    and seven keys: two keys' rows are counted rather than seven's (8.7 ms against 24
    under EXPLAIN ANALYZE)."""
    wanted = set(tokens)
    if len(wanted) == 1 and _COMMON.get((*wanted, limit), True):
        exact = _exact_keys(*wanted)
        found = _counted(limit)(exact)
        common = len(found) == limit and found[-1][1] == len(exact)  # the cap's worth hit all
        _remember(_COMMON, (*wanted, limit), common)
        if common:
            return [person for person, _ in found], True
    keys: set[str] = set()
    for token in wanted:
        keys |= names.token_keys(token)
    if not keys:
        return [], False
    return [person for person, _ in _counted(limit)(frozenset(keys))], False


# Whether a name is one at least the cap's worth of people have (per name and cap), so a
# rarer name is not first counted as spelt for nothing: two of every three surnames the load
# test searched fell short at demo scale 10, and each cost a second statement. Kept per
# process for up to ``COMMON_KEPT`` names. Only the cost follows it, never the answer: a
# name remembered as common is still counted and checked, and one remembered as rare is
# counted in full, as every name was before.
_COMMON: dict[tuple[str, int], bool] = {}
COMMON_KEPT = 20_000


def _remember(kept: dict, key, value) -> None:
    kept.pop(key, None)
    kept[key] = value
    if len(kept) > COMMON_KEPT:
        kept.pop(next(iter(kept), None), None)  # the longest kept


def _exact_keys(token: str) -> frozenset[str]:
    """Keys that, held together, mean a name has ``token`` itself, not a spelling of it:
    ``d:smith`` alone is also held by Smiths and Smithe (one deletion away); with
    ``d:mith`` only Smith holds both. A short token has no deletions, so its sound
    stands in (Amy, not Amyx); a long one's only key is itself."""
    keys = {f"d:{token}"}
    if len(names.deletions(token)) > 1:
        keys.add(f"d:{token[1:]}")
    elif len(token) <= 3:
        keys.add(f"p:{names.phonetic(token)}")
    return frozenset(keys)


@functools.cache
def _counted(limit: int):
    """The read of ``limit`` people with their hits: one per cap (search's, the
    matcher's), as a LIMIT is not a value."""

    @prepared
    def counted(keys):
        return (
            NameKey.objects.filter(key__any=keys)
            .values("person_id")
            .annotate(hits=Count("*"))
            .order_by("-hits", "person_id")
            .values_list("person_id", "hits")[:limit]
        )

    return counted


def _swapped(day: dt.date) -> dt.date | None:
    """The date with day and month the other way round (3/7 for 7/3), when that is a date."""
    if day.day == day.month or day.day > 12:
        return None
    try:
        return dt.date(day.year, day.day, day.month)
    except ValueError:
        return None


def _candidates_by_date(dates: list[dt.date]) -> list[int]:
    """Everyone born on a date given, then everyone born on it with day and month swapped (a
    referrer writing an American date): a date alone finds both, the exact ones first."""
    swapped = [s for s in map(_swapped, dates) if s is not None and s not in dates]
    ids: list[int] = []
    for days in (dates, swapped):
        if days and len(ids) < MAX_CANDIDATES:
            found = Person.objects.filter(date_of_birth__in=days).order_by("id")
            ids += list(found.values_list("id", flat=True)[: MAX_CANDIDATES - len(ids)])
    return ids


def search(text: str, council_prefix: str) -> tuple[ParsedQuery, list[Match]]:
    query = parse(text, council_prefix)
    if query.nhs_number:
        ids = list(
            Identifier.objects.filter(
                scheme=Identifier.Scheme.NHS, value=query.nhs_number
            ).values_list("person_id", flat=True)
        )
        return query, [
            Match(p, 1.0, p.full_name, ["NHS number matches"])
            for p in Person.objects.filter(pk__in=ids)
        ]
    if query.council_id:
        return query, [
            Match(p, 1.0, p.full_name, ["council ID matches"])
            for p in Person.objects.filter(council_id=query.council_id)
        ]
    if not (query.name_tokens or query.dates):
        return query, []
    key = (tuple(query.name_tokens), tuple(query.dates))
    ranked = _ANSWERS.get(key, lambda: _ranked(query))
    records = people_by_id(pid for pid, _ in ranked)  # as they are now, for the page
    return query, [
        Match(records[pid], m.score, m.matched_name, list(m.reasons))
        for pid, m in ranked
        if pid in records
    ]


# The same name is searched again and again (a family the MASH is working on, a surname the
# front door hears every day): its ranking is kept while the index is unchanged.
_ANSWERS = index_changes.Answers(
    kept=2_000,
    shared="search",
    encode=lambda ranked: [[pid, m.score, m.matched_name, m.reasons] for pid, m in ranked],
    decode=lambda rows: [(pid, Match(None, score, name, why)) for pid, score, name, why in rows],
)


def _ranked(query: ParsedQuery) -> list[tuple[int, Match]]:
    exact = False
    if query.name_tokens:
        ids, exact = _by_name(query.name_tokens, MAX_CANDIDATES)
    else:
        ids = _candidates_by_date(query.dates)
    return _rank(query, ids, all_spelt_as_asked=exact and not query.dates)


def _rank(query: ParsedQuery, ids: list[int], *, all_spelt_as_asked=False):
    """The ``MAX_RESULTS`` best, each by person id. Every candidate is scored on rows (its
    names, its date of birth): a common surname brings 300 candidates, and 25 are shown.
    ``all_spelt_as_asked``: every candidate has the one name asked, as it is spelt, and no
    date was given, so all score alike and the order is by name: only the 25 shown are
    scored, for the name they matched on."""
    people = [(pid, born, last, first) for pid, born, last, first in _candidates(frozenset(ids))]
    if all_spelt_as_asked:
        people.sort(key=lambda row: (row[2], row[3]))
        people = people[:MAX_RESULTS]
    known_as: dict[int, list[tuple]] = {}
    for pid, *name in _names_of(frozenset(pid for pid, *_ in people)):
        known_as.setdefault(pid, []).append(name)
    scored = []
    for pid, born, last, first in people:
        match = _scored(query, born, known_as.get(pid, []))
        if match is not None:
            scored.append((match, pid, last, first))
    scored.sort(key=lambda row: (-row[0].score, row[2], row[3]))
    return [(pid, match) for match, pid, _, _ in scored[:MAX_RESULTS]]


def _scored(query: ParsedQuery, born: dt.date | None, known_as: list[tuple]) -> Match | None:
    """A candidate's best name and date of birth against the query, or None if too far."""
    match = Match(None, 0.0)
    if query.name_tokens:
        for first_name, middle, last_name, kind, agency in known_as:
            score = _name_score(query.name_tokens, names.tokens(first_name, middle, last_name))
            if score > match.score:
                match.score = score
                match.matched_name = PersonName.spelled(first_name, middle, last_name)
                source = f" ({agency})" if agency else ""
                said = NAME_KINDS.get(kind, kind).lower()
                match.reasons = [f"name matches {said}{source}"]
        if match.score < MIN_NAME_SCORE:
            return None
    dob_score, dob_reason = _dob_score(born, query.dates)
    if query.dates and not query.name_tokens and dob_score <= 0:
        return None
    if dob_reason:
        match.reasons.append(dob_reason)
    match.score = match.score + 0.5 * dob_score if query.name_tokens else dob_score
    return match


@prepared
def _candidates(ids):
    return Person.objects.filter(id__any=ids).values_list(
        "id", "date_of_birth", "last_name", "first_name"
    )


@prepared
def _names_of(ids):
    return PersonName.objects.filter(person_id__any=ids).values_list(
        "person_id", "first_name", "middle_names", "last_name", "kind", "agency__name"
    )
