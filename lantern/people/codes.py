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


# Why a child has no UPN (CIN census UPNunknown, N00135; shared/reference/codes.md §A10).
# UN4's wording follows the SSDA903 list (rule 168); the reference gives no wording for
# UN6, so the code is shown as it is until the DfE guide's label is confirmed.
UPN_UNKNOWN = [
    ("UN1", "Child is not of school age and has not yet been given a UPN"),
    ("UN2", "Child has never attended a maintained school in England"),
    ("UN3", "Child is educated outside England"),
    ("UN4", "Child is newly looked after or in need and the UPN is not yet known"),
    ("UN5", "UPN sources disagree on the child's name or date of birth, so cannot be matched"),
    ("UN6", "UN6 (other reason on the DfE list)"),
    ("UN7", "Referral with no further action"),
]
