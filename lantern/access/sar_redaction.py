"""Redacting third parties from a subject access pack, and logging every redaction.

UK GDPR Art. 15 gives the person their own data, not other people's. The people Lantern
knows around them (relatives either way round, household members, others named on the same
contact) are replaced by a neutral label wherever they appear in free text: full names,
single names and aliases (case-insensitive), and for relatives and household members also
initials ("J.S.", "J. S.", "JS") and two-letter names ("Al", "Jo"), which are matched only
with their capitals and whole, so ordinary words are left alone.

Staff and partner professionals acting in their role are not redacted (ICO guidance on
SARs): who recorded, decided or visited is part of the person's record. A reviewer still
reads the pack before release, because free text can name people Lantern does not know; the
log of redactions is for that reviewer and is never disclosed.
"""

import re
from dataclasses import dataclass, field

MIN_NAME = 3
# Two-letter names that are also everyday words are never matched on their own.
WORDS = frozenset(
    [
        "an",
        "as",
        "at",
        "be",
        "by",
        "do",
        "go",
        "he",
        "hi",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "of",
        "oh",
        "ok",
        "on",
        "or",
        "so",
        "to",
        "up",
        "us",
        "we",
    ]
)


@dataclass(frozen=True)
class Term:
    text: str
    label: str
    kind: str  # "full name", "name", "alias", "initials", "short name"
    exact_case: bool = False


@dataclass
class Redactor:
    terms: list[Term] = field(default_factory=list)
    log: list[dict] = field(default_factory=list)
    _pattern: re.Pattern | None = None

    def add_person(self, label: str, names, own: set[str], *, close: bool) -> None:
        """Every way of writing one third party's names. ``names`` are (first, middles,
        last, kind) tuples; ``own`` are the subject's name words, never redacted alone;
        ``close`` (a relative or household member) adds initials and short names."""
        for first, middles, last, kind in names:
            alias = kind.lower() != "legal" and kind != ""
            words = [w for w in (first, *middles.split(), last) if w]
            full = " ".join(w for w in (first, last) if w)
            if first and last:
                self._add(full, label, "alias" if alias else "full name")
            for word in words:
                if word.lower() in own:
                    continue
                if len(word) >= MIN_NAME:
                    self._add(word, label, "alias" if alias else "name")
                elif close and len(word) == 2 and word.lower() not in WORDS:
                    self._add(word[0].upper() + word[1:].lower(), label, "short name", True)
            if close and first and last:
                a, b = first[0].upper(), last[0].upper()
                if f"{a}{b}" != self._own_initials:
                    for form in (f"{a}.{b}.", f"{a}. {b}.", f"{a}.{b}", f"{a}{b}"):
                        self._add(form, label, "initials", True)

    _own_initials: str = ""

    def set_subject(self, first: str, last: str) -> None:
        self._own_initials = f"{first[:1]}{last[:1]}".upper()

    def _add(self, text: str, label: str, kind: str, exact_case: bool = False) -> None:
        if text.strip() and all(t.text.lower() != text.lower() for t in self.terms):
            self.terms.append(Term(text, label, kind, exact_case))
            self._pattern = None

    def _compiled(self) -> re.Pattern:
        if self._pattern is None:
            ordered = sorted(self.terms, key=lambda t: len(t.text), reverse=True)
            self.terms = ordered
            parts = [
                (f"({re.escape(t.text)})" if t.exact_case else f"((?i:{re.escape(t.text)}))")
                for t in ordered
            ]
            # Whole words only: no letter or digit either side ("Al" is not in "Alan").
            body = "|".join(parts) or "(?!)"
            self._pattern = re.compile(rf"(?<![\w])(?:{body})(?![\w])")
        return self._pattern

    def redact(self, text: str, where: str) -> str:
        if not text or not self.terms:
            return text

        def replace(match: re.Match) -> str:
            term = self.terms[match.lastindex - 1]
            self.log.append(
                {
                    "where": where,
                    "kind": term.kind,
                    "redacted": match.group(0),
                    "replaced_with": term.label,
                }
            )
            return term.label

        return self._compiled().sub(replace, text)

    def withhold(self, text: str, where: str, label: str, kind: str) -> str:
        """Remove a whole value (a confidential referrer's name), logging it."""
        if text:
            self.log.append(
                {"where": where, "kind": kind, "redacted": text, "replaced_with": label}
            )
        return label if text else text
