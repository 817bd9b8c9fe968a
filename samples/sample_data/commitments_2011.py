"""Commitments the unit followed in 2011 (paragraphs 20 and 22 of the report): the nine
special measures for women's representation announced by the Director General, and the
plan of action on the prevention of sexual exploitation and abuse. The measures' wording
and their progress are invented for the sample; the report gives their number only.
"""

NINE_MEASURES = "Nine special measures for a higher representation of women"
PSEA_PLAN = "Plan of action on the prevention of sexual exploitation and abuse"

# title, kind, announced
SOURCES = [
    (NINE_MEASURES, "announcement", "2011-03-08"),
    (PSEA_PLAN, "plan_of_action", "2011-11-15"),
]

HRMD = "Human Resources Management Division"

# source, title, owner unit, due, status, progress, visibility
COMMITMENTS = [
    (
        NINE_MEASURES,
        "Gender balance weighed in every shortlist for professional posts",
        HRMD,
        "2012-03-31",
        "on_track",
        60,
        "public",
    ),
    (
        NINE_MEASURES,
        "At least one woman interviewed for every vacancy at P-4 and above",
        HRMD,
        "2011-12-31",
        "done",
        100,
        "public",
    ),
    (
        NINE_MEASURES,
        "Women candidates from non-represented countries actively sought",
        HRMD,
        "2012-06-30",
        "on_track",
        40,
        "public",
    ),
    (
        NINE_MEASURES,
        "Gender parity in appointment and selection panels",
        HRMD,
        "2012-03-31",
        "on_track",
        50,
        "public",
    ),
    (
        NINE_MEASURES,
        "Flexible working arrangements open to staff in every duty station",
        HRMD,
        "2012-12-31",
        "delayed",
        20,
        "public",
    ),
    (
        NINE_MEASURES,
        "Mentoring for women staff in the Field",
        "Gender Coordination Unit",
        "2012-06-30",
        "on_track",
        30,
        "public",
    ),
    (
        NINE_MEASURES,
        "Targets for women's representation in each department, reported twice a year",
        HRMD,
        "2012-06-30",
        "on_track",
        50,
        "public",
    ),
    (NINE_MEASURES, "Exit interviews analysed by sex", HRMD, "2011-09-30", "delayed", 10, "public"),
    (
        NINE_MEASURES,
        "Women's participation in the Junior Professional Officer programme followed",
        HRMD,
        "2012-12-31",
        "on_track",
        40,
        "public",
    ),
    (
        PSEA_PLAN,
        "Mandatory PSEA sensitization for all staff",
        "Gender Coordination Unit",
        "2012-12-31",
        "on_track",
        25,
        "internal",
    ),
    (
        PSEA_PLAN,
        "A PSEA focal point named in every Country Office",
        "Department of Operations and Emergencies",
        "2012-06-30",
        "not_started",
        None,
        "internal",
    ),
    (
        PSEA_PLAN,
        "A confidential channel for reporting sexual exploitation and abuse",
        "Office of the Inspector General",
        "2012-12-31",
        "not_started",
        None,
        "internal",
    ),
]

# commitment title, date, text, evidence (activity slugs)
UPDATES = [
    (
        "At least one woman interviewed for every vacancy at P-4 and above",
        "2011-10-31",
        "Every vacancy at P-4 and above since June has had at least one woman interviewed.",
        ["nine-special-measures-gender-balance"],
    ),
    (
        "Exit interviews analysed by sex",
        "2011-11-15",
        "The exit interview form is being revised; the first analysis is expected in 2012.",
        [],
    ),
    (
        "Mandatory PSEA sensitization for all staff",
        "2011-11-30",
        "The session is mandatory for all staff and is being rolled out at Headquarters.",
        ["psea-mandatory-sensitization-session"],
    ),
]
