"""What a partner agency's chronology entry says, in that agency's voice.

Templates are data: ``{slot}`` is replaced by one of the phrases under that name (a
capitalised ``{Slot}`` capitalises the phrase) or by a number from ``NUMBERS``. They name
roles ("Mother", "the partner"), never people, so the demo has the texture of real records
without resembling anyone's. ``age`` is the child's age in years on the day, or None.
"""

import random
import re

SLOT = re.compile(r"\{(\w+)\}")

PHRASES = {
    "caller": ["neighbours", "Mother", "a child in the household", "a passer-by", "a relative"],
    "heard": ["shouting", "shouting and banging", "a woman screaming", "glass breaking", "threats"],
    "injury": [
        "Mother had a cut lip",
        "Mother had bruising to her arm",
        "no visible injuries",
        "Mother had marks to her neck consistent with strangulation",
        "Mother declined to say how she was hurt",
    ],
    "outcome": [
        "partner arrested",
        "partner had left before police arrived",
        "partner given words of advice",
        "partner arrested and bailed not to attend the address",
        "no allegation made",
    ],
    "present": ["asleep upstairs", "in the room", "not seen", "awake and distressed", "hiding"],
    "escalated": ["pushing", "a physical assault", "damage to property", "threats with a knife"],
    "risk": ["standard", "medium", "medium", "high"],
    "marac": ["made", "not made", "to be considered"],
    "found": ["at a friend's address", "in the town centre", "at a station out of borough"],
    "place": ["a park", "a stairwell", "the high road", "a chicken shop"],
    "carrying": ["cannabis", "two mobile phones and cash", "nothing", "a knife"],
    "asked_by": ["school", "a relative", "the GP", "the health visitor"],
    "home": ["cold with little food", "cluttered but safe", "in a poor state", "warm and tidy"],
    "offence": ["assault", "criminal damage", "possession with intent to supply", "theft"],
    "disposal": ["Charged and remanded", "Released under investigation", "Cautioned", "NFA"],
    "fell_from": ["a sofa", "a changing table", "a bed", "a parent's arms"],
    "xray": ["clear", "shows a linear skull fracture"],
    "account": ["inconsistent", "delayed", "changed between staff"],
    "bruise_site": ["cheek", "ear", "upper arm", "torso"],
    "swallowed": ["paracetamol", "a washing tablet", "methadone", "e-cigarette liquid"],
    "scald_site": ["hand", "forearm", "chest"],
    "complaint": ["a wrist injury", "a facial injury", "abdominal pain", "a panic attack"],
    "explanation": ["fell off a bike", "fight at school", "does not remember"],
    "camhs": ["safety plan agreed", "follow-up arranged", "did not wait to be seen"],
    "ailment": ["eczema", "ear infections", "a chest infection", "asthma", "constipation"],
    "treated": ["Treated.", "Prescription issued.", "Follow-up in two weeks."],
    "missed": ["Did not attend", "Was not brought to"],
    "worry": ["money worries", "difficulties with the partner", "poor sleep"],
    "jabs": ["up to date", "overdue: reminder sent", "declined by parent"],
    "hv_visit": ["New birth visit", "6–8 week review", "1-year review", "2-year review"],
    "hv_seen": [
        "Baby seen and weighed; weight on the 25th centile.",
        "Safe sleeping advice repeated: baby was sleeping on the sofa.",
        "Mother presented as low; Edinburgh score 15, GP informed.",
        "Speech delayed for age; referred to speech and language therapy.",
        "Partner present and answered questions for Mother.",
        "No access: nobody answered the door; card left.",
    ],
    "body": ["face", "arm", "back of the neck", "hand"],
    "said": ["they fell", "their brother did it", "nothing", "it happened at home"],
    "man": ["a man", "Mum's boyfriend", "an older cousin", "Mum's friend"],
    "repairs": ["repairs order raised", "landlord chased", "inspection booked"],
    "breach": ["missed appointments", "a positive drug test", "contact with the victim"],
}
NUMBERS = {
    "late": lambda r: f"{r.choice([19, 20, 21, 22, 23, 0, 1, 2]):02d}:{r.randrange(0, 60, 5):02d}",
    "pct": lambda r: str(r.randint(62, 89)),
    "absences": lambda r: str(r.randint(3, 14)),
    "lates": lambda r: str(r.randint(5, 25)),
    "hours": lambda r: str(r.randint(6, 30)),
    "arrears": lambda r: f"{r.randint(4, 60) * 100:,}",
    "people": lambda r: str(r.randint(4, 8)),
    "bedrooms": lambda r: str(r.randint(1, 2)),
}

TEMPLATES = {
    "police_domestic_abuse": [
        "Police called to the home at {late} after {caller} reported {heard}. {Injury}; "
        "{outcome}. Children present: {present}.",
        "Domestic abuse notification. An argument escalated to {escalated}. DASH risk "
        "assessment: {risk}. {Outcome}. Children {present}. MARAC referral {marac}.",
        "Repeat call to the address at {late}: {caller} reported {heard}. {Outcome}. "
        "Officers note this is the third call in two months.",
    ],
    "police_incident:teen": [
        "Reported missing by carer at {late}; found {found} the next day. Return home "
        "interview requested.",
        "Stop and search in {place}; found with {carrying}. Concerns about exploitation "
        "shared with MASH.",
        "Arrested for shoplifting with two older youths. Released under investigation; "
        "appropriate adult attended.",
    ],
    "police_incident": [
        "Police attended a report of a disturbance at the address; no offences disclosed. "
        "Children seen and well.",
        "Welfare check requested by {asked_by}. Officers found the home {home}.",
        "Adult in the household arrested on a warrant at the address. Children cared for by "
        "Mother.",
    ],
    "police_incident:adult": [
        "Arrested for {offence}. {Disposal}. Gave this address.",
        "Named as a suspect in a domestic abuse incident at the address. {Disposal}.",
    ],
    "ae_attendance:infant": [
        "Brought in at {late} with a head injury after a reported fall from {fell_from}. "
        "X-ray {xray}. Safeguarding referral made as the account was {account}.",
        "Attended with bruising to the {bruise_site}; non-mobile infant. Paediatric review and "
        "child protection medical arranged.",
        "Attended with a temperature and poor feeding. Discharged with advice; immunisations "
        "noted as overdue.",
    ],
    "ae_attendance:toddler": [
        "Accidental ingestion of {swallowed}. Observed for six hours; advice on storing "
        "medicines given.",
        "Scald to the {scald_site} from a hot drink. Dressed; a delay of {hours} hours before "
        "attending noted.",
        "Fall in the playground; cut to the forehead closed with glue. No concerns.",
    ],
    "ae_attendance:child": [
        "Attended with {complaint}. Account given: {explanation}.",
        "Fall from a climbing frame; wrist X-ray clear. No concerns about the account.",
        "Asthma attack; treated with nebulisers and discharged with a new inhaler.",
    ],
    "ae_attendance": [
        "Attended with {complaint}. Account given: {explanation}.",
        "Self-harm: superficial cuts to the forearm. Seen by CAMHS liaison; {camhs}.",
        "Brought in by ambulance after drinking in a park with friends. Discharged to Mother.",
    ],
    "gp_consultation": [
        "Seen for {ailment}. {Treated}",
        "{Missed} booked appointment; third missed appointment this year.",
        "Mother attended with the child; reports low mood and {worry}. Referred to talking "
        "therapies.",
        "Immunisations {jabs}.",
    ],
    "health_visitor_contact": ["{Hv_visit}. {Hv_seen}", "Targeted home visit. {Hv_seen}"],
    "school_attendance_concern": [
        "Attendance {pct}% this term; {absences} unauthorised absences.",
        "Persistent absence: attendance {pct}% this year. Attendance meeting booked.",
        "Late {lates} times this half term, often arriving without breakfast.",
        "Family says they are moving out of borough; child missing education check started.",
    ],
    "school_concern": [
        "Child arrived with a bruise to the {body}; said {said}. DSL informed MASH.",
        "Child said they were scared to go home because of shouting at night.",
        "Child appears hungry and asks staff for food; uniform unwashed. Breakfast club offered.",
        "Behaviour has changed since half term: withdrawn, tearful in class.",
        "Disclosed that {man} stays over and they do not like him.",
    ],
    "housing": [
        "Rent arrears of £{arrears}; notice seeking possession served.",
        "Overcrowding: {people} people in a {bedrooms}-bedroom flat. Band B on the register.",
        "Damp and mould reported in the children's bedroom; {repairs}.",
        "Neighbour complaint of noise and people coming and going at night.",
        "Homeless application accepted; family placed in temporary accommodation.",
    ],
    "probation": [
        "Adult in the household released on licence; conditions include no unsupervised "
        "contact with children.",
        "Probation told CSC that an adult under supervision has given this address.",
        "Breach of licence: {breach}. Recalled to prison.",
    ],
}


def fill(rng: random.Random, template: str, phrases: dict[str, list[str]] = PHRASES) -> str:
    def slot(match: re.Match) -> str:
        name = match.group(1)
        if name in NUMBERS:
            return NUMBERS[name](rng)
        phrase = rng.choice(phrases[name.lower()])
        return phrase[0].upper() + phrase[1:] if name[0].isupper() else phrase

    return SLOT.sub(slot, template)


def variant(kind: str, age: int | None) -> str:
    """The template set for this kind at this age (an infant's A&E visit reads differently)."""
    if kind == "ae_attendance" and age is not None and age < 12:
        if age >= 6:
            return "ae_attendance:child"
        return "ae_attendance:infant" if age < 2 else "ae_attendance:toddler"
    if kind == "police_incident" and age is not None and age >= 12:
        return "police_incident:adult" if age >= 18 else "police_incident:teen"
    return kind


# Health visitors' contacts by the child's age in years: the review that age has.
HV_BY_AGE = {0: ["New birth visit", "6–8 week review"], 1: ["1-year review"], 2: ["2-year review"]}
BABY_ONLY = ("Baby seen", "Safe sleeping")


def partner_text(rng: random.Random, kind: str, age: int | None) -> str:
    phrases = PHRASES
    if kind == "health_visitor_contact" and age is not None:
        seen = [p for p in PHRASES["hv_seen"] if age < 2 or not p.startswith(BABY_ONLY)]
        if age < 2:
            seen = [p for p in seen if not p.startswith("Speech")]
        phrases = {
            **PHRASES,
            "hv_visit": HV_BY_AGE.get(age, ["Targeted home visit"]),
            "hv_seen": seen,
        }
    return fill(rng, rng.choice(TEMPLATES[variant(kind, age)]), phrases)
