"""What children's social care writes on a child's chronology, step by step.

The fixed steps of an episode (contact, referral, assessment, strategy discussion,
conference, care) follow DESIGN.md §2; visits, case notes and management oversight fill
the time between. Same template language as ``summaries``; roles, never names.
"""

import random

from lantern.demo.summaries import PHRASES, fill

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
    "category": [
        "neglect",
        "emotional abuse",
        "physical abuse",
        "neglect and emotional abuse",
        "sexual abuse",
    ],
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
        "Child and family assessment completed in {took} working days. Child seen {seen_with}.",
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
    "placement": ["Placement {started}: {carers}, {distance}."],
}


def csc_text(rng: random.Random, kind: str, status: str, step: str = "") -> str:
    """``step`` picks a fixed step's wording (``initial``, ``start``, ``closure``)."""
    key = f"{kind}:{step}" if step else kind
    if not step:
        if kind == "assessment" and status == "closed":
            key = "assessment:closed"
        elif kind == "plan" and status == "care_leaver":
            key = "plan:care_leaver"
        elif kind == "visit" and status in ("child_protection", "looked_after"):
            key = "visit:statutory"
    return fill(rng, rng.choice(TEMPLATES[key]), ALL_PHRASES)
