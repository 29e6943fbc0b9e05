"""DfE code lists used on the person record, as the CIN census and SSDA903 define them.

Source: the DfE validators ``csc-validator-be-cin`` (rules 4180, 4220, 8540, 8790) and
``csc-validator-be-903``; see shared/reference/codes.md §A1–A3. Codes are retired, never
deleted, so old records stay readable.
"""

SEX = [("M", "Male"), ("F", "Female"), ("U", "Not known or not recorded")]

ETHNICITY = [
    ("WBRI", "White – British"),
    ("WIRI", "White – Irish"),
    ("WIRT", "Traveller of Irish heritage"),
    ("WOTH", "Any other White background"),
    ("WROM", "Gypsy/Roma"),
    ("MWBC", "White and Black Caribbean"),
    ("MWBA", "White and Black African"),
    ("MWAS", "White and Asian"),
    ("MOTH", "Any other Mixed background"),
    ("AIND", "Indian"),
    ("APKN", "Pakistani"),
    ("ABAN", "Bangladeshi"),
    ("AOTH", "Any other Asian background"),
    ("BCRB", "Black Caribbean"),
    ("BAFR", "Black African"),
    ("BOTH", "Any other Black background"),
    ("CHNE", "Chinese"),
    ("OOTH", "Any other ethnic group"),
    ("REFU", "Refused"),
    ("NOBT", "Information not yet obtained"),
]

DISABILITY = [
    ("NONE", "No disability"),
    ("MOB", "Mobility"),
    ("HAND", "Hand function"),
    ("PC", "Personal care"),
    ("INC", "Incontinence"),
    ("COMM", "Communication"),
    ("LD", "Learning"),
    ("HEAR", "Hearing"),
    ("VIS", "Vision"),
    ("BEH", "Behaviour"),
    ("CON", "Consciousness"),
    ("AUT", "Autism or autistic spectrum"),
    ("DDA", "Other disability"),
]

# Gender identity is recorded as the person describes it; the DfE returns use SEX only.
GENDER = [
    ("", "Not recorded"),
    ("girl_woman", "Girl or woman"),
    ("boy_man", "Boy or man"),
    ("non_binary", "Non-binary"),
    ("other", "Described another way"),
    ("prefer_not", "Prefers not to say"),
]


def label(codes: list[tuple[str, str]], code: str) -> str:
    return dict(codes).get(code, code)
