"""The unit's records for its 2011 coordination report (October 2010 to November 2011).

Facts (names, dates, places, counts) are those of the unit's 2011 report; the
summaries are written afresh for this tracker. Dates are only as precise as the
report gives them: "month" and "year" mark records known to the month or the year.
"""

SECTIONS = [
    ("awareness-raising", "Awareness-raising activities on gender and migration", 10),
    ("inter-agency", "Inter-agency involvement", 20),
    ("focal-point-network", "Gender focal point network", 30),
    ("service-areas-field", "Collaboration with service areas and field offices", 40),
    ("human-resources", "Gender in human resources", 50),
    ("staff-sensitization", "Sensitization of staff to gender issues", 60),
    ("ongoing", "Ongoing activities", 70),
]

# (slug, name, parent slug, order)
THEMATIC_AREAS = [
    (
        "violence-discrimination",
        "Violence and discrimination affecting migrant women and girls",
        None,
        10,
    ),
    ("migration-development", "Gender, migration and development", None, 20),
    ("labour-migration", "Women’s labour migration", "migration-development", 21),
    ("remittances", "Remittances", "migration-development", 22),
    (
        "diaspora-capacity",
        "Capacity-building for women in diaspora associations",
        "migration-development",
        23,
    ),
    ("fgm", "Female genital mutilation in the context of migration", None, 30),
    ("psea", "Prevention of sexual exploitation and abuse", None, 40),
]

ACTIVITY_TYPES = [
    ("workshop", "Workshop"),
    ("training", "Training"),
    ("press-conference", "Press conference"),
    ("panel", "Panel discussion"),
    ("side-event", "Side event"),
    ("e-discussion", "E-discussion"),
    ("publication", "Publication"),
    ("information-sheet", "Information sheet"),
    ("expert-group-meeting", "Expert group meeting"),
    ("briefing", "Briefing"),
    ("conference", "Conference"),
    ("exhibition", "Exhibition"),
    ("network-meeting", "Network meeting"),
    ("policy-contribution", "Policy contribution"),
    ("visit", "Visit"),
    ("high-level-debate", "High-level debate"),
    ("follow-up-meeting", "Follow-up meeting"),
    ("advisory-work", "Advisory work"),
    ("newsletter", "Newsletter"),
]

# (slug, name, acronym, kind, parent slug)
PARTNERS = [
    ("iom", "International Organization for Migration", "IOM", "intergovernmental", None),
    ("iom-uk", "IOM Office in the United Kingdom", "", "internal", "iom"),
    ("iom-germany", "IOM Office in Germany", "", "internal", "iom"),
    ("iom-hrmd", "Human Resources Management Division", "HRMD", "internal", "iom"),
    ("iom-iml", "International Migration Law Unit", "IML", "internal", "iom"),
    ("iom-fit", "Field Implementation Team", "", "internal", "iom"),
    ("iom-pewg", "Project Endorsement Working Group", "", "internal", "iom"),
    ("iom-apb", "Appointments and Postings Board", "APB", "internal", "iom"),
    ("iom-rapb", "Rotation Appointments and Postings Board", "RAPB", "internal", "iom"),
    (
        "un-women",
        "United Nations Entity for Gender Equality and the Empowerment of Women",
        "UN-Women",
        "un_entity",
        None,
    ),
    ("ilo", "International Labour Organization", "ILO", "un_entity", None),
    (
        "osce",
        "Organization for Security and Co-operation in Europe",
        "OSCE",
        "intergovernmental",
        None,
    ),
    (
        "jmdi",
        "European Commission–United Nations Joint Migration and Development Initiative",
        "JMDI",
        "inter_agency",
        None,
    ),
    (
        "carim",
        "Consortium for Applied Research on International Migration",
        "CARIM",
        "academic",
        None,
    ),
    ("caritas", "Caritas Internationalis", "CARITAS", "civil_society", None),
    ("council-of-europe", "Council of Europe", "", "intergovernmental", None),
    (
        "pace",
        "Parliamentary Assembly of the Council of Europe",
        "PACE",
        "intergovernmental",
        "council-of-europe",
    ),
    (
        "pace-migration",
        "Committee on Migration, Refugees and Population",
        "",
        "intergovernmental",
        "pace",
    ),
    ("gmg", "Global Migration Group", "GMG", "inter_agency", None),
    ("gfmd", "Global Forum on Migration and Development", "GFMD", "intergovernmental", None),
    (
        "gfmd-swiss-chair",
        "Swiss Chair of the Global Forum on Migration and Development",
        "",
        "government",
        "gfmd",
    ),
    ("jamaica", "Government of Jamaica", "", "government", None),
    ("wfwp", "Women’s Federation for World Peace International", "WFWPI", "civil_society", None),
    ("oxfam-novib", "Oxfam Novib", "", "civil_society", None),
    ("iac", "Inter-African Committee on Traditional Practices", "IAC", "civil_society", None),
    ("ianwge", "Inter-Agency Network on Women and Gender Equality", "IANWGE", "inter_agency", None),
    (
        "geneva-gender-advisers",
        "Informal network of Geneva-based United Nations gender advisers",
        "",
        "inter_agency",
        None,
    ),
    ("un-secretariat", "United Nations Secretariat", "", "un_entity", None),
    (
        "cedaw",
        "Committee on the Elimination of Discrimination against Women",
        "CEDAW",
        "un_body",
        None,
    ),
    ("iasc", "Inter-Agency Standing Committee", "IASC", "inter_agency", None),
    (
        "iasc-psea",
        "IASC Task Force on Protection from Sexual Exploitation and Abuse",
        "",
        "inter_agency",
        "iasc",
    ),
    ("hrc", "Human Rights Council", "HRC", "un_body", None),
    (
        "hrc-wg-women",
        "Working Group on discrimination against women in law and in practice",
        "",
        "un_body",
        "hrc",
    ),
    ("csw", "Commission on the Status of Women", "CSW", "un_body", None),
    ("ecosoc", "United Nations Economic and Social Council", "ECOSOC", "un_body", None),
    ("united-nations", "United Nations", "UN", "un_entity", None),
]

# Events. Dates as (start, end, precision); None where the report gives none.
EVENTS = [
    {
        "slug": "international-womens-day",
        "name": "International Women’s Day",
        "kind": "observance",
    },
    {
        "slug": "international-womens-day-2011",
        "name": "International Women’s Day 2011",
        "kind": "observance",
        "series": "international-womens-day",
        "edition": "2011",
        "dates": ("2011-03-08", None, "day"),
    },
    {
        "slug": "zero-tolerance-fgm-day",
        "name": "International Day of Zero Tolerance for Female Genital Mutilation",
        "kind": "observance",
    },
    {
        "slug": "zero-tolerance-fgm-day-2011",
        "name": "International Day of Zero Tolerance for Female Genital Mutilation 2011",
        "kind": "observance",
        "series": "zero-tolerance-fgm-day",
        "edition": "2011",
        "dates": ("2011-02-06", None, "day"),
    },
    {
        "slug": "csw-55",
        "name": "Fifty-fifth Session of the Commission on the Status of Women",
        "kind": "session",
        "edition": "Fifty-fifth",
        "dates": ("2011-02-22", "2011-03-04", "day"),
        "city": "New York",
        "country": "US",
        "organiser": "csw",
    },
    {
        "slug": "ldc-iv",
        "name": "Fourth United Nations Conference on the Least Developed Countries",
        "kind": "conference",
        "dates": ("2011-05-09", "2011-05-13", "day"),
        "city": "Istanbul",
        "country": "TR",
        "organiser": "united-nations",
    },
    {
        "slug": "ecosoc-high-level-segment-2011",
        "name": "ECOSOC High-level Segment 2011",
        "kind": "session",
        "edition": "2011",
        "dates": ("2011-07-01", None, "month"),
        "city": "Geneva",
        "country": "CH",
        "organiser": "ecosoc",
    },
    {
        "slug": "caritas-female-face-of-migration",
        "name": "CARITAS global conference “The female face of migration”",
        "kind": "conference",
        "dates": ("2010-11-30", "2010-12-02", "day"),
        "country": "SN",
        "organiser": "caritas",
    },
    {
        "slug": "gmg-symposium-migration-youth",
        "name": "GMG Symposium on Migration and Youth: Harnessing Opportunities for Development",
        "kind": "symposium",
        "dates": ("2011-05-17", "2011-05-18", "day"),
        "city": "New York",
        "country": "US",
        "organiser": "gmg",
    },
    {
        "slug": "womens-conference-peace-middle-east-15",
        "name": "Fifteenth Women’s Conference for Peace in the Middle East",
        "kind": "conference",
        "edition": "Fifteenth",
        "organiser": "wfwp",
    },
    {
        "slug": "cedaw-49",
        "name": "Forty-ninth Session of the Committee on the Elimination of Discrimination against Women",
        "kind": "session",
        "edition": "Forty-ninth",
        "dates": ("2011-07-01", None, "month"),
        "city": "New York",
        "country": "US",
        "organiser": "cedaw",
    },
    {
        "slug": "cedaw-50",
        "name": "Fiftieth Session of the Committee on the Elimination of Discrimination against Women",
        "kind": "session",
        "edition": "Fiftieth",
        "dates": ("2011-10-01", None, "month"),
        "city": "Geneva",
        "country": "CH",
        "organiser": "cedaw",
    },
]

# Initiatives: the report tells their activities together in one paragraph.
# "cumulative_label" asks the report to add how many people the initiative has reached;
# a text holding "{count}" gets that total where the document gives it.
INITIATIVES = [
    {
        "slug": "diaspora-women-leaders",
        "title": "Capacity Building Workshop for Women Leaders of Diaspora Associations",
        "cumulative_label": "diaspora women",
        "summary": (
            "For a second consecutive year, the Unit co-organized this capacity-building "
            "workshop, which aims to equip migrant women based in the North to guide diaspora "
            "organizations and to rally diaspora contributions, along with human and "
            "financial capital, behind the development of countries and communities of origin. "
            "The 2010 edition met in Haifa, Israel, from 15 to 24 November 2010 with 21 "
            "participants. Over the two workshops, the Unit has trained {count} diaspora women "
            "in all. In 2011, together with the IOM offices in the United Kingdom and in Germany, "
            "the Unit organized follow-up meetings in London and Berlin so that the participants "
            "of 2009 and 2010 could meet, network, build on the workshop and plan joint efforts "
            "in their countries of origin and destination."
        ),
    },
    {
        "slug": "fgm-and-migration",
        "title": "Addressing female genital mutilation in the context of migration",
        "summary": (
            "For the International Day of Zero Tolerance for Female Genital Mutilation, the Unit "
            "co-organized a press conference at the Palais des Nations in Geneva, at which the "
            "IOM Director General drew attention to how migration affects the practice and to "
            "the difficulties this raises for the international community. The Unit also took "
            "part in a panel, convened by the Inter-African Committee on Traditional Practices, "
            "on building bridges towards zero tolerance for female genital mutilation."
        ),
    },
    {
        "slug": "deskilling-migrant-women",
        "title": "Deskilling of qualified migrant women",
        "summary": (
            "To feed the debates of the Fifty-fifth Session of the Commission on the Status of "
            "Women and to help others understand better how brain waste and professional "
            "deskilling linked to migration affect women, the Unit worked on the book *Crushed "
            "hopes: Underemployment and Deskilling among Skilled Migrant Women*, due for "
            "publication in early 2012, and took part in a side event of the session on "
            "25 February 2011. For International Women’s Day, it helped draft a press release and contributed to a panel discussion in Geneva "
            "on “When education does not lead to decent work and full employment: the plight of "
            "underemployed and deskilled migrant women”. The Unit also took part in a ministerial "
            "roundtable breakfast on “Mobility of skilled migrants and the problem of de-skilling "
            "of migrants”, a side event of the high-level segment of the United Nations Economic "
            "and Social Council in Geneva, and worked on a one-day creative workshop in Geneva "
            "meant to give deskilled migrant women tools to overcome the psychosocial toll that "
            "their professional situation takes on them."
        ),
    },
    {
        "slug": "ldc-iv",
        "title": "Fourth United Nations Conference on the Least Developed Countries",
        "summary": (
            "At the Conference, the IOM Director General took part as lead discussant in the "
            "high-level interactive thematic debates, on the theme of “Human and social "
            "development, gender equality and empowerment of women”. IOM co-hosted a special event on “Integrating migration and "
            "remittances into LDC national and regional development planning, including through "
            "a gender perspective”, chaired by the IOM Director General and by Ms. Michelle "
            "Bachelet, Under-Secretary-General of UN-Women, and mounted an exhibition that "
            "included a roll-up panel display on migrant women and development."
        ),
    },
    {
        "slug": "ianwge",
        "title": "Inter-Agency Network on Women and Gender Equality",
        "summary": (
            "The Gender Coordination Unit remained an active member of the Inter-Agency Network "
            "on Women and Gender Equality. It also belongs to the informal network of United "
            "Nations gender advisers based in Geneva and, as noted above, took part in the joint "
            "International Women’s Day celebrations in Geneva."
        ),
    },
    {
        "slug": "un-women-briefings",
        "title": "UN-Women",
        "summary": (
            "Twice, in November 2010 and in July 2011, the Unit joined informal briefings with "
            "Ms. Michelle Bachelet, Under-Secretary-General of UN-Women, to talk over the "
            "mandates of the two organizations, possible synergies between them and avenues for "
            "working together."
        ),
    },
    {
        "slug": "cedaw-sessions",
        "title": "Committee on the Elimination of Discrimination against Women",
        "summary": (
            "The Unit contributed to the Forty-ninth and Fiftieth Sessions of the Committee on "
            "the Elimination of Discrimination against Women, providing confidential country "
            "reports and taking part in the closed meetings between the Committee and United "
            "Nations agencies."
        ),
    },
    {
        "slug": "field-structure-and-projects",
        "title": "Support to the field structure review and to project development",
        "summary": (
            "In 2011, the Unit sat on the Resource Group of the Field Implementation Team and "
            "helped draft structural terms of reference for new entities such as the Regional "
            "Offices and Country Offices. It backed the Project Endorsement Working Group by "
            "coordinating the new IOM Project Development Handbook. With the International "
            "Migration Law Unit, it also ran a session on gender and human rights during the "
            "roll-out of the Project Development and Implementation training package in Istanbul "
            "in September 2011."
        ),
    },
    {
        "slug": "psea-in-iom",
        "title": "Prevention of sexual exploitation and abuse",
        "summary": (
            "In 2011, much of the Unit’s capacity went to the prevention of sexual exploitation "
            "and abuse (PSEA). After a special senior management meeting on PSEA in November "
            "2011, the Director General and all departmental Directors endorsed a plan of action, "
            "whose implementation is overseen by a task force set up at Headquarters with the "
            "Unit as an active member. The Unit’s work also brought about the creation and "
            "roll-out of a mandatory PSEA sensitization session for all IOM staff, at "
            "Headquarters and in the Field."
        ),
    },
]

# Activities. "dates" is (start, end, precision). "section" and "prominence" place the
# record in the report; "order" is its position within the section.
ACTIVITIES = [
    # II. Awareness-raising activities on gender and migration
    {
        "slug": "information-sheets-gender-migration",
        "title": "Information sheets on key gender and migration-related issues",
        "type": "information-sheet",
        "dates": ("2011-01-01", None, "year"),
        "status": "ongoing",
        "areas": ["migration-development", "remittances", "labour-migration"],
        "section": "awareness-raising",
        "prominence": "headline",
        "order": 10,
        "summary": (
            "The Gender Coordination Unit went on preparing information sheets, so that IOM "
            "staff, policymakers and practitioners can reach key information more easily. It has "
            "prepared a sheet on gender, migration and social remittances, which is to be "
            "released before the end of the year; further sheets, on gender and labour "
            "migration, integration and migrant employment, are being drafted."
        ),
        "outputs": [
            {"title": "Gender, migration and social remittances", "kind": "information_sheet"},
        ],
    },
    {
        "slug": "diaspora-women-leaders-workshop-2009",
        "title": "Capacity-building workshop for women leaders of diaspora associations, 2009",
        "type": "training",
        "dates": ("2009-01-01", None, "year"),
        "areas": ["migration-development", "diaspora-capacity"],
        "initiative": "diaspora-women-leaders",
        "section": "awareness-raising",
        "prominence": "headline",
        "order": 20,
        "participants": (29, 29, None),
        "summary": (
            "First edition of the workshop for migrant women who lead diaspora associations, "
            "co-organized by the Unit. Its 29 participants and the 21 of the 2010 edition make "
            "up the 50 diaspora women the Unit had trained by 2011."
        ),
    },
    {
        "slug": "diaspora-women-leaders-workshop-haifa-2010",
        "title": "Capacity-building workshop for women leaders of diaspora associations, Haifa",
        "type": "training",
        "dates": ("2010-11-15", "2010-11-24", "day"),
        "city": "Haifa",
        "country": "IL",
        "areas": ["migration-development", "diaspora-capacity"],
        "initiative": "diaspora-women-leaders",
        "section": "awareness-raising",
        "prominence": "headline",
        "order": 20,
        "participants": (21, 21, None),
        "summary": (
            "Second edition of the workshop, co-organized by the Unit: ten days of training for "
            "migrant women based in the North on leading diaspora organizations and mobilizing "
            "the diaspora’s human and financial capital for development at home. It brought "
            "together 21 participants."
        ),
    },
    {
        "slug": "diaspora-follow-up-london-2011",
        "title": "Follow-up meeting of diaspora workshop participants in London",
        "type": "follow-up-meeting",
        "dates": ("2011-01-01", None, "year"),
        "city": "London",
        "country": "GB",
        "areas": ["migration-development", "diaspora-capacity"],
        "initiative": "diaspora-women-leaders",
        "section": "awareness-raising",
        "prominence": "headline",
        "order": 20,
        "partners": [("iom-uk", "co_organiser")],
        "summary": (
            "A meeting organized with the IOM Office in the United Kingdom for the participants "
            "of 2009 and 2010 to meet, build on the workshop and plan joint action in their "
            "countries of origin and destination."
        ),
        "title_es": "Reunión de seguimiento de las participantes del taller para la diáspora en Londres",
        "summary_es": (
            "Reunión organizada con la Oficina de la OIM en el Reino Unido para que las "
            "participantes de 2009 y 2010 se encontraran, aprovecharan lo aprendido en el "
            "taller y planificaran acciones conjuntas en sus países de origen y de destino."
        ),
    },
    {
        "slug": "diaspora-follow-up-berlin-2011",
        "title": "Follow-up meeting of diaspora workshop participants in Berlin",
        "type": "follow-up-meeting",
        "dates": ("2011-01-01", None, "year"),
        "city": "Berlin",
        "country": "DE",
        "areas": ["migration-development", "diaspora-capacity"],
        "initiative": "diaspora-women-leaders",
        "section": "awareness-raising",
        "prominence": "headline",
        "order": 20,
        "partners": [("iom-germany", "co_organiser")],
        "summary": (
            "A meeting organized with the IOM Office in Germany for the participants of 2009 and "
            "2010 to network and plan joint efforts in their countries of origin and destination."
        ),
    },
    {
        "slug": "fgm-zero-tolerance-press-conference-2011",
        "title": "Press conference for the International Day of Zero Tolerance for FGM",
        "type": "press-conference",
        "dates": ("2011-02-01", None, "month"),
        "city": "Geneva",
        "country": "CH",
        "areas": ["fgm"],
        "event": "zero-tolerance-fgm-day-2011",
        "initiative": "fgm-and-migration",
        "section": "awareness-raising",
        "prominence": "headline",
        "order": 30,
        "summary": (
            "Press conference co-organized by the Unit at the Palais des Nations, at which the "
            "IOM Director General spoke about how migration affects the practice of female "
            "genital mutilation and the challenges this poses."
        ),
    },
    {
        "slug": "fgm-building-bridges-panel-2011",
        "title": "Panel on building bridges to achieve zero tolerance for FGM",
        "type": "panel",
        "dates": ("2011-02-01", None, "month"),
        "areas": ["fgm"],
        "event": "zero-tolerance-fgm-day-2011",
        "initiative": "fgm-and-migration",
        "section": "awareness-raising",
        "prominence": "headline",
        "order": 30,
        "partners": [("iac", "organiser")],
        "summary": (
            "The Unit took part in a panel convened by the Inter-African Committee on "
            "Traditional Practices on building bridges towards zero tolerance for female "
            "genital mutilation."
        ),
    },
    {
        "slug": "crushed-hopes-book",
        "title": "Crushed hopes: a book on underemployment and deskilling of skilled migrant women",
        "type": "publication",
        "dates": ("2011-01-01", None, "year"),
        "status": "ongoing",
        "areas": ["migration-development", "labour-migration"],
        "initiative": "deskilling-migrant-women",
        "section": "awareness-raising",
        "prominence": "headline",
        "order": 40,
        "summary": (
            "Work on a book about how brain waste and professional deskilling linked to "
            "migration affect skilled women, prepared as a contribution to the Fifty-fifth "
            "Session of the Commission on the Status of Women; publication is expected in early "
            "2012."
        ),
        "outputs": [
            {
                "title": "Crushed hopes: Underemployment and Deskilling among Skilled Migrant Women",
                "kind": "publication",
            },
        ],
    },
    {
        "slug": "csw55-deskilling-side-event",
        "title": "Side event on deskilled migrant women at the Commission on the Status of Women",
        "type": "side-event",
        "dates": ("2011-02-25", None, "day"),
        "city": "New York",
        "country": "US",
        "areas": ["migration-development", "labour-migration"],
        "event": "csw-55",
        "initiative": "deskilling-migrant-women",
        "section": "awareness-raising",
        "prominence": "headline",
        "order": 40,
        "summary": "The Unit took part in a side event held during the session on 25 February 2011.",
    },
    {
        "slug": "iwd-2011-deskilling-press-release",
        "title": "Press release on deskilled migrant women for International Women’s Day",
        "type": "publication",
        "dates": ("2011-03-01", None, "month"),
        "city": "Geneva",
        "country": "CH",
        "areas": ["migration-development", "labour-migration"],
        "event": "international-womens-day-2011",
        "initiative": "deskilling-migrant-women",
        "section": "awareness-raising",
        "prominence": "headline",
        "order": 40,
        "summary": "The Unit helped draft a press release for International Women’s Day.",
        "outputs": [
            {"title": "International Women’s Day 2011 press release", "kind": "press_release"},
        ],
    },
    {
        "slug": "iwd-2011-deskilling-panel",
        "title": "Panel: when education does not lead to decent work and full employment",
        "type": "panel",
        "dates": ("2011-03-01", None, "month"),
        "city": "Geneva",
        "country": "CH",
        "areas": ["migration-development", "labour-migration"],
        "event": "international-womens-day-2011",
        "initiative": "deskilling-migrant-women",
        "section": "awareness-raising",
        "prominence": "headline",
        "order": 40,
        "summary": (
            "Panel discussion held in Geneva for International Women’s Day on the plight of "
            "underemployed and deskilled migrant women."
        ),
    },
    {
        "slug": "ecosoc-2011-skilled-migrants-breakfast",
        "title": "Ministerial roundtable breakfast on the mobility and deskilling of skilled migrants",
        "type": "side-event",
        "dates": ("2011-07-01", None, "month"),
        "city": "Geneva",
        "country": "CH",
        "areas": ["migration-development", "labour-migration"],
        "event": "ecosoc-high-level-segment-2011",
        "initiative": "deskilling-migrant-women",
        "section": "awareness-raising",
        "prominence": "headline",
        "order": 40,
        "summary": (
            "The Unit took part in a ministerial roundtable breakfast, a side event of the "
            "ECOSOC high-level segment, on the mobility of skilled migrants and their deskilling."
        ),
    },
    {
        "slug": "creative-workshop-deskilled-women",
        "title": "Creative workshop with deskilled migrant women",
        "type": "workshop",
        "dates": ("2011-01-01", None, "year"),
        "status": "planned",
        "city": "Geneva",
        "country": "CH",
        "areas": ["migration-development", "labour-migration"],
        "initiative": "deskilling-migrant-women",
        "section": "awareness-raising",
        "prominence": "headline",
        "order": 40,
        "summary": (
            "Work on a one-day creative workshop meant to give deskilled migrant women tools to "
            "overcome the psychosocial toll of their professional situation."
        ),
        # Also in French and Spanish: pages in those languages show them; the English
        # report prints the English text as before.
        "title_fr": "Atelier créatif avec des migrantes déqualifiées",
        "summary_fr": (
            "Préparation d'un atelier créatif d'une journée destiné à donner aux migrantes "
            "déqualifiées les moyens de surmonter le coût psychosocial de leur situation "
            "professionnelle."
        ),
        "title_es": "Taller creativo con mujeres migrantes descualificadas",
        "summary_es": (
            "Preparación de un taller creativo de un día para dar a las mujeres migrantes "
            "descualificadas herramientas con las que superar el costo psicosocial de su "
            "situación profesional."
        ),
    },
    {
        "slug": "domestic-workers-count-too-e-discussion",
        "title": "Protecting women migrant domestic workers",
        "type": "e-discussion",
        "dates": ("2011-03-08", None, "day"),
        "areas": ["violence-discrimination", "labour-migration"],
        "event": "international-womens-day-2011",
        "section": "awareness-raising",
        "prominence": "headline",
        "order": 50,
        "partners": [("un-women", "co_organiser"), ("jmdi", "co_organiser")],
        "summary": (
            "With UN-Women and the European Commission–United Nations Joint Migration and "
            "Development Initiative, the Unit ran an e-discussion, opened on 8 March 2011, on "
            "“Domestic workers count too: Visibilising and protecting women migrant domestic "
            "workers through legal and social protections”."
        ),
        "title_fr": "Protéger les travailleuses domestiques migrantes",
        "summary_fr": (
            "Avec ONU Femmes et l'Initiative conjointe Commission européenne–Nations Unies "
            "pour la migration et le développement, l'Unité a animé une discussion en ligne, "
            "ouverte le 8 mars 2011, sur la visibilité et la protection juridique et sociale "
            "des travailleuses domestiques migrantes."
        ),
    },
    {
        "slug": "ldc-iv-thematic-debate",
        "title": "High-level thematic debate on gender equality at the LDC Conference",
        "type": "high-level-debate",
        "dates": ("2011-05-01", None, "month"),
        "city": "Istanbul",
        "country": "TR",
        "areas": ["migration-development"],
        "event": "ldc-iv",
        "initiative": "ldc-iv",
        "section": "awareness-raising",
        "prominence": "headline",
        "order": 60,
        "summary": (
            "The IOM Director General took part as lead discussant in the high-level interactive "
            "thematic debates on human and social development, gender equality and the "
            "empowerment of women."
        ),
    },
    {
        "slug": "ldc-iv-remittances-special-event",
        "title": "Special event on migration, remittances and gender in LDC development planning",
        "type": "side-event",
        "dates": ("2011-05-01", None, "month"),
        "city": "Istanbul",
        "country": "TR",
        "areas": ["migration-development", "remittances"],
        "event": "ldc-iv",
        "initiative": "ldc-iv",
        "section": "awareness-raising",
        "prominence": "headline",
        "order": 60,
        "partners": [("un-women", "co_host")],
        "summary": (
            "Special event co-hosted by IOM and chaired by the IOM Director General and the "
            "Under-Secretary-General of UN-Women on bringing migration and remittances into the "
            "national and regional development planning of the least developed countries, "
            "including through a gender perspective."
        ),
    },
    {
        "slug": "ldc-iv-exhibition",
        "title": "Exhibition on migrant women and development at the LDC Conference",
        "type": "exhibition",
        "dates": ("2011-05-01", None, "month"),
        "city": "Istanbul",
        "country": "TR",
        "areas": ["migration-development"],
        "event": "ldc-iv",
        "initiative": "ldc-iv",
        "section": "awareness-raising",
        "prominence": "headline",
        "order": 60,
        "summary": "IOM exhibition with a roll-up panel display on migrant women and development.",
    },
    # II. "Others"
    {
        "slug": "carim-egm-gender-migration-2010",
        "title": "Expert group meeting on gender and migration around the Mediterranean and in Sub-Saharan Africa",
        "type": "expert-group-meeting",
        "dates": ("2010-10-18", "2010-10-19", "day"),
        "country": "IT",
        "areas": ["migration-development"],
        "section": "awareness-raising",
        "prominence": "minor",
        "order": 10,
        "partners": [("carim", "organiser")],
        "summary": (
            "The Unit took part in an expert group meeting on “Gender and migration in Southern "
            "and Eastern Mediterranean and Sub-Sahara African countries” convened by the "
            "Consortium for Applied Research on International Migration. The meeting gave rise "
            "to joint efforts to learn more about the dynamics of women’s migration in these "
            "regions, set against the rest of the world."
        ),
    },
    {
        "slug": "caritas-female-face-of-migration-paper",
        "title": "Background paper for the CARITAS conference on the female face of migration",
        "type": "conference",
        "dates": ("2010-11-30", "2010-12-02", "day"),
        "country": "SN",
        "areas": ["violence-discrimination"],
        "event": "caritas-female-face-of-migration",
        "section": "awareness-raising",
        "prominence": "minor",
        "order": 20,
        "partners": [("caritas", "organiser")],
        "summary": (
            "The Unit wrote the background paper “Towards safer channels of female migration: "
            "Existing legal framework and gaps” for the CARITAS global conference on “The female "
            "face of migration”, and took part in it."
        ),
        "outputs": [
            {
                "title": "Towards safer channels of female migration: Existing legal framework and gaps",
                "kind": "paper",
            },
        ],
    },
    {
        "slug": "pace-rapporteur-visit-uk-2011",
        "title": "Visit of the PACE rapporteur on migrant women to the United Kingdom",
        "type": "visit",
        "dates": ("2011-02-08", "2011-02-10", "day"),
        "country": "GB",
        "areas": ["violence-discrimination", "labour-migration"],
        "section": "awareness-raising",
        "prominence": "minor",
        "order": 30,
        "partners": [("iom-uk", "co_organiser"), ("pace-migration", "beneficiary")],
        "summary": (
            "With the IOM Office in the United Kingdom, the Unit facilitated a visit to the "
            "United Kingdom by Ms. Pernille Frahm, Rapporteur of the Committee on Migration, Refugees "
            "and Population of the Parliamentary Assembly of the Council of Europe. The visit "
            "fed into the preparation of her report *Protecting migrant women in the labour "
            "market*, on which the Assembly adopted a resolution on 15 April 2011."
        ),
    },
    {
        "slug": "gmg-symposium-migration-youth-2011",
        "title": "Support to IOM’s preparation of the GMG Symposium on Migration and Youth",
        "type": "conference",
        "dates": ("2011-05-17", "2011-05-18", "day"),
        "city": "New York",
        "country": "US",
        "areas": ["migration-development"],
        "event": "gmg-symposium-migration-youth",
        "section": "awareness-raising",
        "prominence": "minor",
        "order": 40,
        "partners": [("gmg", "organiser")],
        "summary": (
            "The Unit backed IOM’s work in preparing the Global Migration Group Symposium on "
            "Migration and Youth: Harnessing Opportunities for Development."
        ),
    },
    {
        "slug": "osce-ilo-gender-labour-migration-training-2011",
        "title": "Third training workshop on gender and labour migration",
        "type": "training",
        "dates": ("2011-05-17", "2011-05-18", "day"),
        "city": "Vienna",
        "country": "AT",
        "areas": ["migration-development", "labour-migration"],
        "section": "awareness-raising",
        "prominence": "minor",
        "order": 50,
        "participants": (24, None, None),
        "partners": [("osce", "co_organiser"), ("ilo", "co_organiser")],
        "summary": (
            "In a joint project of the Organization for Security and Co-operation in Europe, the "
            "International Labour Organization and IOM, the Unit helped facilitate the third "
            "training workshop on gender and labour migration, attended by 24 participants from "
            "countries of origin and destination."
        ),
    },
    {
        "slug": "gfmd-domestic-workers-workshop-jamaica-2011",
        "title": "GFMD regional workshop on domestic workers",
        "type": "workshop",
        "dates": ("2011-09-07", "2011-09-08", "day"),
        "country": "JM",
        "areas": ["violence-discrimination", "labour-migration"],
        "section": "awareness-raising",
        "prominence": "minor",
        "order": 60,
        "partners": [
            ("jamaica", "organiser"),
            ("gfmd-swiss-chair", "co_organiser"),
            ("un-women", "co_organiser"),
        ],
        "summary": (
            "The Unit supported a regional workshop of the Global Forum on Migration and "
            "Development on domestic workers, organized by the Government of Jamaica with the "
            "Swiss Chair, IOM and UN-Women."
        ),
    },
    {
        "slug": "wfwp-womens-conference-peace-middle-east",
        "title": "Collaboration with the Women’s Federation for World Peace International",
        "type": "conference",
        "dates": ("2011-01-01", None, "year"),
        "areas": ["violence-discrimination"],
        "event": "womens-conference-peace-middle-east-15",
        "section": "awareness-raising",
        "prominence": "minor",
        "order": 70,
        "partners": [("wfwp", "collaborator")],
        "summary": (
            "The Unit worked with the Women’s Federation for World Peace International, among "
            "other things supporting IOM’s participation in the fifteenth Women’s Conference for "
            "Peace in the Middle East on “Women in war and reconstruction”."
        ),
    },
    {
        "slug": "oxfam-novib-egm-gender-remittances-2011",
        "title": "Expert group meeting on gender and remittances",
        "type": "expert-group-meeting",
        "dates": ("2011-09-29", "2011-09-30", "day"),
        "country": "NL",
        "areas": ["migration-development", "remittances"],
        "section": "awareness-raising",
        "prominence": "minor",
        "order": 80,
        "partners": [("oxfam-novib", "organiser")],
        "summary": "The Unit took part in an expert group meeting on gender and remittances convened by Oxfam Novib.",
    },
    # III. Inter-agency involvement
    {
        "slug": "ianwge-membership-2011",
        "title": "Membership of the Inter-Agency Network on Women and Gender Equality",
        "type": "network-meeting",
        "dates": ("2011-01-01", None, "year"),
        "status": "ongoing",
        "initiative": "ianwge",
        "section": "inter-agency",
        "prominence": "headline",
        "order": 10,
        "partners": [("ianwge", "participant")],
        "summary": "The Unit remained an active member of the Inter-Agency Network on Women and Gender Equality.",
    },
    {
        "slug": "geneva-gender-advisers-network-2011",
        "title": "Informal network of Geneva-based UN gender advisers",
        "type": "network-meeting",
        "dates": ("2011-01-01", None, "year"),
        "status": "ongoing",
        "city": "Geneva",
        "country": "CH",
        "initiative": "ianwge",
        "section": "inter-agency",
        "prominence": "headline",
        "order": 10,
        "partners": [("geneva-gender-advisers", "participant")],
        "summary": (
            "The Unit takes part in the informal network of Geneva-based United Nations gender "
            "advisers; in 2011 it also took part in the joint International Women’s Day "
            "celebrations in Geneva."
        ),
    },
    {
        "slug": "un-women-briefing-2010-11",
        "title": "Informal briefing with the Under-Secretary-General of UN-Women",
        "type": "briefing",
        "dates": ("2010-11-01", None, "month"),
        "initiative": "un-women-briefings",
        "section": "inter-agency",
        "prominence": "headline",
        "order": 20,
        "partners": [("un-women", "participant")],
        "summary": (
            "Informal briefing with Ms. Michelle Bachelet on the two organizations’ mandates, "
            "possible synergies and avenues for collaboration."
        ),
    },
    {
        "slug": "un-women-briefing-2011-07",
        "title": "Second informal briefing with the Under-Secretary-General of UN-Women",
        "type": "briefing",
        "dates": ("2011-07-01", None, "month"),
        "initiative": "un-women-briefings",
        "section": "inter-agency",
        "prominence": "headline",
        "order": 20,
        "partners": [("un-women", "participant")],
        "summary": (
            "A further informal briefing with Ms. Michelle Bachelet on the two organizations’ "
            "mandates, possible synergies and avenues for collaboration."
        ),
    },
    {
        "slug": "secretary-general-reports-2011",
        "title": "Contribution to the reports of the Secretary-General of the United Nations",
        "type": "policy-contribution",
        "dates": ("2011-01-01", None, "year"),
        "areas": ["violence-discrimination"],
        "section": "inter-agency",
        "prominence": "headline",
        "order": 30,
        "partners": [("un-secretariat", "beneficiary")],
        "summary": (
            "In 2011, the Unit gave input to two reports of the Secretary-General: *Women, the "
            "girl child and HIV and AIDS* and *Violence against women migrant workers*."
        ),
        "outputs": [
            {
                "title": "Input to the report on women, the girl child and HIV and AIDS",
                "kind": "contribution",
            },
            {
                "title": "Input to the report on violence against women migrant workers",
                "kind": "contribution",
            },
        ],
    },
    {
        "slug": "cedaw-49th-session",
        "title": "Contribution to the Forty-ninth Session of CEDAW",
        "type": "policy-contribution",
        "dates": ("2011-07-01", None, "month"),
        "city": "New York",
        "country": "US",
        "areas": ["violence-discrimination"],
        "event": "cedaw-49",
        "initiative": "cedaw-sessions",
        "section": "inter-agency",
        "prominence": "headline",
        "order": 40,
        "partners": [("cedaw", "beneficiary")],
        "summary": (
            "Confidential country reports for the session and participation in the Committee’s "
            "closed meeting with United Nations agencies."
        ),
    },
    {
        "slug": "cedaw-50th-session",
        "title": "Contribution to the Fiftieth Session of CEDAW",
        "type": "policy-contribution",
        "dates": ("2011-10-01", None, "month"),
        "city": "Geneva",
        "country": "CH",
        "areas": ["violence-discrimination"],
        "event": "cedaw-50",
        "initiative": "cedaw-sessions",
        "section": "inter-agency",
        "prominence": "headline",
        "order": 40,
        "partners": [("cedaw", "beneficiary")],
        "summary": (
            "Confidential country reports for the session and participation in the Committee’s "
            "closed meeting with United Nations agencies."
        ),
    },
    {
        "slug": "iasc-psea-task-force-2011",
        "title": "Inter-Agency Standing Committee Task Force on Protection from Sexual Exploitation and Abuse",
        "type": "network-meeting",
        "dates": ("2011-01-01", None, "year"),
        "status": "ongoing",
        "areas": ["psea"],
        "section": "inter-agency",
        "prominence": "headline",
        "order": 50,
        "partners": [("iasc-psea", "participant")],
        "summary": (
            "The Unit kept giving substantial support to IOM’s participation in the Task Force "
            "on Protection from Sexual Exploitation and Abuse."
        ),
    },
    {
        "slug": "hrc-working-group-briefing-2011",
        "title": "Briefing of the Working Group on discrimination against women in law and in practice",
        "type": "briefing",
        "dates": ("2011-06-01", None, "month"),
        "areas": ["violence-discrimination"],
        "section": "inter-agency",
        "prominence": "headline",
        "order": 60,
        "partners": [("hrc-wg-women", "beneficiary")],
        "summary": (
            "In June 2011, the Unit briefed the Working Group on discrimination against women in "
            "law and in practice, newly set up by the Human Rights Council, on the particular "
            "issues migrant women face."
        ),
    },
    {
        "slug": "iasc-gender-humanitarian-online-course",
        "title": "Online course on gender and humanitarian action",
        "type": "policy-contribution",
        "dates": ("2011-01-01", None, "year"),
        "section": "inter-agency",
        "prominence": "headline",
        "order": 70,
        "partners": [("iasc", "collaborator")],
        "summary": (
            "The Unit oversaw the process by which the IOM Director General endorsed the "
            "Inter-Agency Standing Committee’s online course on gender and humanitarian action. "
            "The course will become part of what IOM offers in training."
        ),
        "outputs": [
            {"title": "IASC online course on gender and humanitarian action", "kind": "course"},
        ],
    },
    # IV. Gender focal point network
    {
        "slug": "gender-focal-point-network-2011",
        "title": "Leading the gender focal point network",
        "type": "network-meeting",
        "dates": ("2011-01-01", None, "year"),
        "status": "ongoing",
        "section": "focal-point-network",
        "prominence": "paragraph",
        "order": 10,
        "summary": (
            "The Unit kept leading and animating the gender focal point network, giving guidance "
            "to focal points one by one and as a group, and drawing on the network to understand, "
            "use and promote work in the Field better. The network has kept growing: more focal "
            "points in all, more men among them and a wider geographical spread."
        ),
    },
    # V. Collaboration with service areas and field offices
    {
        "slug": "field-implementation-team-resource-group",
        "title": "Resource Group of the Field Implementation Team",
        "type": "advisory-work",
        "dates": ("2011-01-01", None, "year"),
        "initiative": "field-structure-and-projects",
        "section": "service-areas-field",
        "prominence": "paragraph",
        "order": 10,
        "partners": [("iom-fit", "participant")],
        "summary": (
            "The Unit sat on the Resource Group of the Field Implementation Team and helped draft "
            "structural terms of reference for new entities such as the Regional Offices and "
            "Country Offices."
        ),
    },
    {
        "slug": "project-development-handbook",
        "title": "Coordination of the IOM Project Development Handbook",
        "type": "advisory-work",
        "dates": ("2011-01-01", None, "year"),
        "initiative": "field-structure-and-projects",
        "section": "service-areas-field",
        "prominence": "paragraph",
        "order": 10,
        "partners": [("iom-pewg", "collaborator")],
        "summary": (
            "Supporting the Project Endorsement Working Group, the Unit coordinated the new IOM "
            "Project Development Handbook."
        ),
        "outputs": [{"title": "IOM Project Development Handbook", "kind": "publication"}],
    },
    {
        "slug": "pdi-training-istanbul-gender-session",
        "title": "Session on gender and human rights in the Project Development and Implementation training",
        "type": "training",
        "dates": ("2011-09-01", None, "month"),
        "city": "Istanbul",
        "country": "TR",
        "initiative": "field-structure-and-projects",
        "section": "service-areas-field",
        "prominence": "paragraph",
        "order": 10,
        "partners": [("iom-iml", "co_organiser")],
        "summary": (
            "With the International Migration Law Unit, the Unit ran a session on gender and "
            "human rights during the roll-out of the Project Development and Implementation "
            "training package."
        ),
    },
    # VI. Gender in human resources
    {
        "slug": "psea-senior-management-meeting-2011",
        "title": "Special senior management meeting on PSEA",
        "type": "briefing",
        "dates": ("2011-11-01", None, "month"),
        "areas": ["psea"],
        "initiative": "psea-in-iom",
        "section": "human-resources",
        "prominence": "headline",
        "order": 10,
        "summary": (
            "A special senior management meeting on the prevention of sexual exploitation and "
            "abuse, after which the Director General and all departmental Directors endorsed a "
            "plan of action."
        ),
    },
    {
        "slug": "psea-headquarters-task-force",
        "title": "Headquarters task force on the PSEA plan of action",
        "type": "network-meeting",
        "dates": ("2011-11-01", None, "month"),
        "status": "ongoing",
        "areas": ["psea"],
        "initiative": "psea-in-iom",
        "section": "human-resources",
        "prominence": "headline",
        "order": 10,
        "summary": "The Unit is an active member of the Headquarters task force overseeing the plan of action.",
    },
    {
        "slug": "psea-mandatory-sensitization-session",
        "title": "Mandatory PSEA sensitization session for all staff",
        "type": "training",
        "dates": ("2011-01-01", None, "year"),
        "status": "ongoing",
        "areas": ["psea"],
        "initiative": "psea-in-iom",
        "section": "human-resources",
        "prominence": "headline",
        "order": 10,
        "summary": (
            "The Unit’s work brought about the creation and roll-out of a mandatory sensitization "
            "session on PSEA for all IOM staff at Headquarters and in the Field."
        ),
    },
    {
        "slug": "respectful-work-environment-policy",
        "title": "Revision of the Policy for a Respectful Work Environment",
        "type": "policy-contribution",
        "dates": ("2011-01-01", None, "year"),
        "status": "ongoing",
        "section": "human-resources",
        "prominence": "paragraph",
        "order": 20,
        "partners": [("iom-hrmd", "organiser")],
        "summary": (
            "The Unit is contributing actively to the work now led by the Human Resources "
            "Management Division to revise the Policy for a Respectful Work Environment and to "
            "create a Grievances Guide that will give staff easier access to internal complaint "
            "mechanisms."
        ),
    },
    # VII. Sensitization of staff to gender issues
    {
        "slug": "nine-special-measures-gender-balance",
        "title": "Nine special measures for a higher representation of women",
        "type": "policy-contribution",
        "dates": ("2011-03-01", None, "month"),
        "status": "ongoing",
        "event": "international-womens-day-2011",
        "section": "staff-sensitization",
        "prominence": "paragraph",
        "order": 10,
        "partners": [("iom-hrmd", "collaborator")],
        "summary": (
            "With the Gender Coordination Unit’s support, the Director General and the Deputy "
            "Director General announced, for International Women’s Day and at a special town hall "
            "meeting, nine special measures to speed up progress towards a higher representation "
            "of women in every category and at every level of the Organization. The Unit and the "
            "Human Resources Management Division are monitoring how far the measures have been "
            "put into practice."
        ),
    },
    # VIII. Ongoing activities
    {
        "slug": "appointments-and-postings-boards",
        "title": "Gender considerations in the Appointments and Postings Boards",
        "type": "advisory-work",
        "dates": ("2011-01-01", None, "year"),
        "status": "ongoing",
        "section": "ongoing",
        "prominence": "paragraph",
        "order": 10,
        "partners": [("iom-apb", "participant"), ("iom-rapb", "participant")],
        "summary": (
            "The Gender Coordination Unit still attends the meetings of the Appointments and "
            "Postings Board and of the Rotation Appointments and Postings Board as a non-voting "
            "ex officio member, as part of the strategy for making sure that gender "
            "considerations receive due attention and for helping the Organization reach a "
            "gender balance."
        ),
    },
    {
        "slug": "gender-and-migration-news",
        "title": "IOM Gender and Migration News",
        "type": "newsletter",
        "dates": ("2011-01-01", None, "year"),
        "status": "ongoing",
        "section": "ongoing",
        "prominence": "paragraph",
        "order": 20,
        "summary": (
            "The IOM Gender and Migration News is still sent out to a varied readership, among "
            "them United Nations organizations, the diplomatic corps and academics."
        ),
    },
]

# The report these records make: its period runs from the October 2010 expert meeting
# to the end of November 2011. The introduction is the manager's own text.
REPORT = {
    "year": 2011,
    "title": "Gender Coordination Report 2011",
    "symbol": "CRP/36",
    "period": ("2010-10-01", "2011-11-30"),
    # The document gives no date of issue; the sample is issued when its period closes.
    "issued": "2011-11-30T12:00:00",
    # The 2011 wording of the builder's own sentences: its workshops *trained* women.
    "reach_sentence": "Through these workshops, the Unit has now trained {count} {label}.",
    # The lead of the list of thematic areas: the work ran through the year (the period
    # itself is fourteen months long).
    "areas_sentence": "Throughout the year, the Unit’s work centred in particular on these "
    "thematic areas:",
    # The lead of "Others": the document does not say who carried the activities out.
    "others_sentence": "The following activities were carried out as well during the "
    "reporting period:",
    "introduction": (
        "The year 2011 was the centenary of the Triangle factory fire, which was commemorated "
        "that year. The fire broke out in New York on 25 March 1911 and killed 146 women "
        "garment workers, who could not escape because the owners had locked the factory "
        "doors from the outside. A hundred years on, thousands of migrant women workers "
        "throughout the world still face very hard and unsafe working conditions. Helping to "
        "make migration safe for women therefore remains one of IOM’s central objectives, "
        "pursued through the work of the Gender Coordination Unit.\n\n"
        "In 2011, the Unit contributed to the discussions of the Fifty-fifth Session of the "
        "Commission on the Status of Women on “Access and participation of women and girls in "
        "education, training and science and technology, including for the promotion of "
        "women’s equal access to full employment and decent work”, by improving what is known "
        "about skilled migrant women’s access to decent jobs, or their lack of it."
    ),
}
