"""How a person described in a contact is recognised again in a later one.

The key is the referrer's name tokens, sorted (so swapped first and last names meet), and the
date of birth. It is deliberately exact: it only remembers an officer's "not the same
person" for the same description; a differently spelt description is matched afresh.
"""

import datetime as dt

from lantern.people import names


def identity_key(first_name: str, last_name: str, date_of_birth: dt.date | None) -> str:
    tokens = " ".join(sorted(names.tokens(first_name, last_name)))
    born = date_of_birth.isoformat() if date_of_birth else "?"
    return f"{tokens}|{born}"[:250]
