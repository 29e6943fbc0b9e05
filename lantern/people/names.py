"""How names are normalised and turned into search keys.

Two kinds of key per name token, both stored in ``NameKey``:
- ``p:`` a phonetic code (Metaphone), so "Climbie" finds "Klimby" and "Stephen" "Steven";
- ``d:`` the token and every single-letter deletion of it (the SymSpell trick), so any one
  typo — a wrong, missing, extra or swapped letter — still shares a key with the original.
Tokens are keyed without regard to which field they came from, so swapped first and last
names, hyphenated and double surnames still meet.
"""

import functools
import re
import unicodedata

import jellyfish

MAX_DELETION_TOKEN = 15


@functools.lru_cache(maxsize=50_000)
def normalise(text: str) -> str:
    """Lower case ASCII letters and single spaces; accents folded, punctuation dropped.
    Kept for the strings seen most lately: the matcher normalises each candidate's every
    name on every contact page, and a borough's surnames repeat (a few MB at most)."""
    folded = unicodedata.normalize("NFKD", text or "")
    ascii_only = folded.encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z ]", " ", ascii_only.lower().replace("'", ""))).strip()


def tokens(*parts: str) -> list[str]:
    seen: list[str] = []
    for part in parts:
        for token in normalise(part).split():
            if token not in seen:
                seen.append(token)
    return seen


# A token's sound and deletions are asked again for every candidate on every contact page
# (the matcher's vocabulary is built per search): kept for the tokens seen most lately.
@functools.lru_cache(maxsize=50_000)
def phonetic(token: str) -> str:
    return jellyfish.metaphone(token)[:12] or token[:12]


@functools.lru_cache(maxsize=50_000)
def deletions(token: str) -> frozenset[str]:
    if len(token) <= 3 or len(token) > MAX_DELETION_TOKEN:
        return frozenset((token,))
    return frozenset({token} | {token[:i] + token[i + 1 :] for i in range(len(token))})


def token_keys(token: str) -> set[str]:
    return {f"p:{phonetic(token)}"} | {f"d:{d}" for d in deletions(token)}


def name_keys(*parts: str) -> set[str]:
    keys: set[str] = set()
    for token in tokens(*parts):
        keys |= token_keys(token)
    return keys
