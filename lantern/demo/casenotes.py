"""What children's social care writes on a child's chronology, step by step.

The fixed steps of an episode (contact, referral, assessment, strategy discussion,
conference, care) follow DESIGN.md §2; visits, case notes and management oversight fill
the time between. Same template language as ``summaries``; roles, never names.
"""

import random

from lantern.demo.summaries import PHRASES, fill
from lantern.demo.targets import CATEGORY_MIX

CSC_PHRASES = {
    "source": ["police", "school", "the health visitor", "A&E", "the GP", "a neighbour", "Mother"],
    "concern": [
        "domestic abuse in the home",
        "an injury to the child",
        "home conditions",
        "school attendance",
        "parental mental health",
        "parental substance misuse",
        "a new adult in the household",
    ],
    "consent": ["obtained", "not sought: safeguarding", "refused, overridden"],
    "rag": ["amber", "red", "amber", "green"],
    "seen_with": ["alone", "alone", "with Mother"],
    "nfa": ["no further action", "step down to Families First early help"],
    "inquiry": ["joint investigation", "single agency enquiry"],
    "medical": ["arranged", "not required"],
    # Weighted as England's plans are (``targets.CATEGORY_MIX``), one phrase per 0.5%.
    "category": [name for name, share in CATEGORY_MIX.items() for _ in range(round(share * 200))],
    "review_outcome": ["continue", "continue", "end: step down to child in need"],
    "parents": ["attended", "did not attend", "attended; the partner did not"],
    "legal": [
        "section 20 (voluntary accommodation)",
        "police protection",
        "an interim care order",
        "an emergency protection order",
    ],
    "endorsed": ["endorsed", "endorsed with actions", "not endorsed: permanence plan needed"],
    "due": ["up to date", "overdue"],
    "carers": [
        "in-house foster carers",
        "agency foster carers",
        "kinship carers (connected person)",
        "a residential children's home",
        "supported accommodation",
    ],
    "distance": ["in borough", "out of borough", "out of borough (over 20 miles)"],
    "started": ["started", "started", "changed"],
    "seen": [
        "Child seen alone in their bedroom",
        "Child seen with Mother",
        "Child seen at school",
        "Child seen alone at the placement",
        "Not seen: no answer at the door",
    ],
    "noted": [
        "home conditions adequate",
        "fridge nearly empty; food bank voucher given",
        "Mother presented as tired but engaged",
        "a man's belongings seen in the bathroom",
        "child talked about their new football team",
        "child was quiet and avoided eye contact",
    ],
    "announced": ["announced", "unannounced"],
    "update_from": ["school", "the health visitor", "police", "housing"],
    "oversight": [
        "Plan remains appropriate.",
        "Chronology to be updated.",
        "Visits to increase to weekly.",
        "Consider a legal planning meeting.",
        "Father to be assessed.",
    ],
    "closed_because": [
        "outcomes of the plan achieved",
        "family moved out of borough",
        "step down to early help",
        "no further action after assessment",
    ],
    "workdays": ["5", "10", "20"],
    "took": [str(n) for n in range(18, 46)],
}
ALL_PHRASES = {**PHRASES, **CSC_PHRASES}

TEMPLATES = {
    "contact": [
        "Contact from {source} about {concern}. Consent {consent}. Passed to MASH for a decision."
    ],
    "referral": [
        "Referral accepted. MASH checks with police, health and education completed. RAG "
        "rating {rag}; allocated for a child and family assessment."
    ],
    "assessment": [
        "Child and family assessment completed in {took} working days. {Seen_at_assessment}.",
    ],
    "assessment:closed": [
        "Child and family assessment completed in {took} working days. Outcome: {nfa}.",
    ],
    "strategy_discussion": [
        "Strategy discussion with police and health. Threshold for a section 47 enquiry met; "
        "{inquiry} agreed. Child protection medical {medical}."
    ],
    "section_47": [
        "Section 47 enquiry concluded: concerns substantiated; the child is judged likely to "
        "suffer significant harm. Initial child protection conference requested."
    ],
    "conference:initial": [
        "Initial child protection conference. Child made subject of a child protection plan "
        "under the category of {category}. Core group to meet within 10 working days."
    ],
    "conference": [
        "Review child protection conference. Plan to {review_outcome}. Parents {parents}."
    ],
    "plan": [
        "Child in need plan reviewed: actions on school attendance and housing progressing.",
        "Core group meeting: written agreement reviewed; Mother agreed the partner will not "
        "stay overnight.",
        "Care plan updated ahead of the looked after review.",
    ],
    "plan:care_leaver": [
        "Pathway plan reviewed with the young person: education, housing and health goals updated.",
    ],
    "visit": ["Home visit ({announced}). {Seen}; {noted}."],
    "visit:statutory": ["Statutory visit ({announced}). {Seen}; {noted}."],
    "case_note": [
        "Telephone call with Mother to arrange the next visit.",
        "Email from {update_from} with an update; shared with the core group.",
        "Agency checks repeated after new information about an adult in the household.",
        "Letter sent to the father inviting him to take part in the assessment.",
        "Direct work: three houses tool. Worries: shouting at home. Good things: Nan, school.",
    ],
    "case_note:closure": ["Case closed: {closed_because}. Family informed in writing."],
    "management_oversight": [
        "Management oversight: case discussed in supervision. {Oversight} Actions due in "
        "{workdays} working days."
    ],
    "allocation": ["Case allocated to a new worker."],
    "looked_after:start": ["Became looked after under {legal}."],
    "looked_after": [
        "Looked after review chaired by the IRO. Care plan {endorsed}. Health assessment "
        "{due}; PEP {due}."
    ],
    "looked_after:preschool": [
        "Looked after review chaired by the IRO. Care plan {endorsed}. Health assessment {due}."
    ],
    "placement": ["Placement {started}: {carers}, {distance}."],
}


# What fits a child too young to talk or be seen alone, and a child not yet born.
INFANT_PHRASES = {
    "seen": [
        "Child seen with Mother",
        "Baby seen at home with Mother",
        "Child seen with the carer",
        "Not seen: no answer at the door",
    ],
    "seen_at_assessment": ["Child seen with Mother", "Child seen at home with the family"],
    "noted": [n for n in CSC_PHRASES["noted"] if "football" not in n and "eye contact" not in n]
    + ["baby was clean, fed and settled"],
}
UNBORN_PHRASES = {
    "seen": ["Expectant mother seen at home", "Not seen: no answer at the door"],
    "seen_at_assessment": ["Pre-birth assessment: expectant mother seen"],
    "noted": [
        "home conditions adequate",
        "Mother presented as tired but engaged",
        "a man's belongings seen in the bathroom",
        "nothing yet ready for the baby",
    ],
}
SEEN_AT_ASSESSMENT = ["Child seen alone", "Child seen alone", "Child seen with Mother"]


def _phrases(age: int | None) -> dict[str, list[str]]:
    if age is None:
        return {**ALL_PHRASES, **UNBORN_PHRASES}
    out = {**ALL_PHRASES, "seen_at_assessment": SEEN_AT_ASSESSMENT}
    if age < 3:
        out.update(INFANT_PHRASES)
    if age < 5:
        out["noted"] = [n for n in CSC_PHRASES["noted"] if "football" not in n]
    if age < 16:  # supported accommodation is for 16- and 17-year-olds
        out["carers"] = [c for c in CSC_PHRASES["carers"] if c != "supported accommodation"]
    return out


def csc_text(
    rng: random.Random,
    kind: str,
    status: str,
    step: str = "",
    age: int | None = 5,
    say: dict[str, list[str]] | None = None,
) -> str:
    """``step`` picks a fixed step's wording (``initial``, ``start``, ``closure``); ``age``
    (None before birth) the phrases that fit the child; ``say`` fixes some phrases."""
    key = f"{kind}:{step}" if step else kind
    if key == "looked_after" and (age is None or not 3 <= age < 18):
        key = "looked_after:preschool"
    if not step:
        if kind == "assessment" and status == "closed":
            key = "assessment:closed"
        elif kind == "plan" and status == "care_leaver":
            key = "plan:care_leaver"
        elif kind == "visit" and status in ("child_protection", "looked_after"):
            key = "visit:statutory"
    return fill(rng, rng.choice(TEMPLATES[key]), {**_phrases(age), **(say or {})})
