"""What the demo's partners write to the MASH about, and what the MASH decides (shares).

Per family of agency: its share of contacts (police, schools and health together about
60 %, as the DfE's referral sources show nationally), the chronology kinds its contacts
make, and the concerns it typically raises.
"""

# (agency family, share, chronology kinds, concerns)
SOURCES = [
    (
        "police",
        0.30,
        ["police_domestic_abuse", "police_incident"],
        [
            "Domestic abuse incident at the home; the child was present and frightened.",
            "Child found out late at night with older youths; returned home by officers.",
            "Officers attended a report of shouting; the mother had a facial injury.",
        ],
    ),
    (
        "school",
        0.18,
        ["school_concern", "school_attendance_concern"],
        [
            "Child came to school hungry and in unwashed clothes for the third week running.",
            "Attendance has fallen to 72 % with unexplained absences; the family do not respond.",
            "Child disclosed that an adult at home hits her when he has been drinking.",
        ],
    ),
    (
        "health",
        0.14,
        ["ae_attendance", "health_visitor_contact", "gp_consultation"],
        [
            "Attended A&E with a scald to the forearm; the explanation changed twice.",
            "Missed three health visitor appointments; the baby has not been weighed since birth.",
            "Mother disclosed low mood and that her partner controls the money.",
        ],
    ),
    (
        "housing",
        0.10,
        ["housing"],
        [
            "Family served with an eviction notice; four children in one room with damp.",
        ],
    ),
    (
        "probation",
        0.06,
        ["probation"],
        [
            "A man on licence for violence has moved in with the family.",
        ],
    ),
    (
        "csc",  # members of the public and family, through the council's front door
        0.22,
        ["contact"],
        [
            "Grandmother called, worried the children are left alone in the evenings.",
            "Anonymous caller reports a child crying for hours in the flat upstairs.",
        ],
    ),
]
OUTCOMES = [
    ("nfa", 30),
    ("information_advice", 25),
    ("early_help", 22),
    ("assessment", 19),
    ("strategy_discussion", 4),
]
