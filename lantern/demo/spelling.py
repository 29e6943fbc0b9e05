"""How one person's name drifts as it passes between agencies.

The serious case reviews keep finding the same child under several spellings: a nurse
hears "Steven", a school enrols "Stephen", police record a nickname or an alias. The demo
borough must contain exactly that mess, or the search and matching work cannot be shown.
Every function here is pure and takes the caller's ``random.Random`` for determinism.
"""

import random
import unicodedata

# Spellings that sound alike: each group's members are variants of one another.
SOUND_ALIKE_GROUPS = [
    ("Stephen", "Steven", "Stephan"),
    ("Mohammed", "Muhammad", "Mohamed", "Mohammad"),
    ("Kayleigh", "Kayley", "Kaylee"),
    ("Catherine", "Katherine", "Kathryn"),
    ("Sean", "Shaun", "Shawn"),
    ("Philip", "Phillip"),
    ("Geoffrey", "Jeffrey"),
    ("Rachel", "Rachael"),
    ("Hayley", "Haley", "Hailey"),
    ("Ann", "Anne"),
    ("Claire", "Clare"),
    ("Tracy", "Tracey"),
    ("Sara", "Sarah"),
    ("Gemma", "Jemma"),
    ("Jodie", "Jody"),
    ("Abbie", "Abby", "Abi"),
    ("Connor", "Conor"),
    ("Rhys", "Reece", "Reese"),
    ("Lewis", "Louis"),
    ("Megan", "Meghan"),
    ("Natalie", "Nathalie"),
    ("Lindsey", "Lindsay"),
    ("Callum", "Calum"),
    ("Aimee", "Amie", "Amy"),
    ("Sophie", "Sofie"),
    ("Leanne", "Lee-Anne", "Lianne"),
    ("Thompson", "Thomson"),
    ("Smith", "Smyth"),
    ("Phillips", "Philips"),
    ("Clarke", "Clark"),
    ("Reid", "Reed", "Read"),
    ("McDonald", "Macdonald", "MacDonald"),
    ("Brown", "Browne"),
    ("Gray", "Grey"),
    ("Stevens", "Stephens"),
    ("Matthews", "Mathews"),
    ("Davis", "Davies"),
    ("Allen", "Allan"),
    ("Ahmed", "Ahmad"),
]
SOUND_ALIKE = {name: group for group in SOUND_ALIKE_GROUPS for name in group}

# What a child or adult is called at school or on the street.
NICKNAMES = {
    "Elizabeth": ("Beth", "Liz", "Lizzie"),
    "Thomas": ("Tommy", "Tom"),
    "Kayleigh": ("Kayley",),
    "Christopher": ("Chris",),
    "Jessica": ("Jess",),
    "Samantha": ("Sam", "Sammy"),
    "Samuel": ("Sam", "Sammy"),
    "Joshua": ("Josh",),
    "Daniel": ("Danny", "Dan"),
    "Michael": ("Mikey", "Mick"),
    "William": ("Billy", "Will"),
    "Rebecca": ("Becky", "Becca"),
    "Alexander": ("Alex", "Xander"),
    "Benjamin": ("Ben", "Benji"),
    "Jacqueline": ("Jackie",),
    "Catherine": ("Kate", "Cathy"),
    "Katherine": ("Kate", "Katie"),
    "Matthew": ("Matt",),
    "Nicholas": ("Nick", "Nicky"),
    "Anthony": ("Tony", "Ant"),
    "Robert": ("Bobby", "Rob"),
    "Richard": ("Ricky", "Rich"),
    "Jennifer": ("Jenny", "Jen"),
    "Victoria": ("Tori", "Vicky"),
    "Abigail": ("Abbie", "Abi"),
    "Jonathan": ("Jon", "Jonny"),
    "James": ("Jimmy", "Jamie"),
    "Joseph": ("Joe", "Joey"),
    "Charlotte": ("Lottie", "Charlie"),
    "Margaret": ("Maggie", "Peggy"),
    "Patricia": ("Trish", "Pat"),
    "Stephanie": ("Steph",),
    "Natasha": ("Tash", "Tasha"),
    "Oliver": ("Ollie",),
    "Edward": ("Eddie", "Ted"),
    "Frederick": ("Freddie",),
    "Gemma": ("Gem",),
    "Nathan": ("Nate",),
    "Callum": ("Cal",),
    "Bethany": ("Beth",),
    "Danielle": ("Dani",),
    "Gareth": ("Gaz",),
    "Terence": ("Terry",),
    "Kenneth": ("Kenny",),
    "Deborah": ("Debbie",),
    "Susan": ("Sue", "Suzie"),
    "Alexandra": ("Alex", "Lexi"),
    "Isabella": ("Bella", "Izzy"),
    "Eleanor": ("Ellie",),
    "Harriet": ("Hattie",),
    "Amelia": ("Millie",),
}

# Names a registrar spells with an accent and an agency's system cannot store.
ACCENTED = {"Chloe": "Chloë", "Zoe": "Zoë", "Noemi": "Noémi", "Joel": "Joël", "Rene": "René"}

VOWELS = "aeiou"


def fold_accents(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c))


def typo(rng: random.Random, word: str) -> str:
    """One keying or hearing slip: a letter dropped, doubled, swapped or a vowel misheard."""
    if len(word) < 4:
        return word + word[-1]
    i = rng.randrange(1, len(word) - 1)
    slip = rng.randrange(4)
    if slip == 0:
        out = word[:i] + word[i + 1 :]
    elif slip == 1:
        out = word[:i] + word[i] + word[i:]
    elif slip == 2:
        out = word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    else:
        vowels = [j for j, c in enumerate(word) if c in VOWELS and j > 0]
        if not vowels:
            return word[:i] + word[i] + word[i:]
        j = rng.choice(vowels)
        out = word[:j] + rng.choice(VOWELS.replace(word[j], "")) + word[j + 1 :]
    return out if out != word else word + word[-1]


def sound_alike(rng: random.Random, word: str) -> str | None:
    group = SOUND_ALIKE.get(word)
    if not group:
        return None
    return rng.choice([w for w in group if w != word])


def misspell(rng: random.Random, first: str, last: str) -> tuple[str, str]:
    """How a partner agency might have keyed this person's name.

    The realistic variants come first: a phonetic spelling, accents dropped, one half of a
    double-barrelled surname, first and last swapped; otherwise a one-letter typo.
    """
    options: list[tuple[str, str]] = []
    if (alt := sound_alike(rng, first)) is not None:
        options += [(alt, last)] * 3
    if (alt := sound_alike(rng, last)) is not None:
        options += [(first, alt)] * 2
    if fold_accents(first) != first or fold_accents(last) != last:
        options += [(fold_accents(first), fold_accents(last))] * 4
    if "-" in last:
        options += [(first, part) for part in last.split("-")] * 2
    if rng.random() < 0.08:
        options.append((last, first))
    if not options or rng.random() < 0.35:
        if rng.random() < 0.6:
            options.append((typo(rng, first), last))
        else:
            options.append((first, typo(rng, last)))
    return rng.choice(options)


def nickname(rng: random.Random, first: str) -> str | None:
    names = NICKNAMES.get(fold_accents(first))
    return rng.choice(names) if names else None


def maybe_accented(rng: random.Random, first: str, share: float = 0.3) -> str:
    accented = ACCENTED.get(first)
    return accented if accented and rng.random() < share else first
