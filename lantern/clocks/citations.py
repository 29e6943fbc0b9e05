"""A rule's source as a reader of the timescales page wants it: the law or guidance, without
the project's own cross-references.

The table cites ``statutory.md`` sections and its evidence codes (CFG: configurable) so a
developer can check each rule against the research notes; those notes are not something a
council administrator has, so the page leaves them out and spells the abbreviations.
"""

import re

from lantern.clocks.table import WT23

_NOTE_ALONE = re.compile(r"\s*\(statutory\.md [^():]*\)")  # "(statutory.md 1.4)"
_NOTE_LEADING = re.compile(r"\(statutory\.md [^():]*:\s*")  # "(statutory.md 1.5: the first…"
# "… CIN census rule 8675Q statutory.md 1.5"
_NOTE_INLINE = re.compile(r";?\s*statutory\.md [0-9.]+")
_SPELLED = [
    (re.compile(r"\bthe interval is CFG\b"), "the interval is the council's to set"),
    (re.compile(r":\s*CFG\)"), ")"),
    (re.compile(r"\bWT23\b"), WT23),
]


def for_reader(source: str) -> str:
    text = _NOTE_ALONE.sub("", source)
    text = _NOTE_LEADING.sub("(", text)
    text = _NOTE_INLINE.sub("", text)
    for pattern, words in _SPELLED:
        text = pattern.sub(words, text)
    return re.sub(r"\s{2,}", " ", text).strip()
