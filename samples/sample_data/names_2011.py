"""The 2011 registries' names in French and Spanish, by slug: (French, Spanish).

UN bodies and organisations go by the names the UN gives them in each language (ILO is the
Organisation internationale du Travail and the Organización Internacional del Trabajo; UN-Women
is ONU Femmes and ONU Mujeres); the organisation's terms follow core/glossary.py. A name left
out reads in English.
"""

SECTIONS = {
    "awareness-raising": (
        "Activités de sensibilisation aux questions de genre et de migration",
        "Actividades de sensibilización sobre género y migración",
    ),
    "inter-agency": ("Participation interinstitutions", "Participación interinstitucional"),
    "focal-point-network": (
        "Réseau des points focaux pour l'égalité des sexes",
        "Red de puntos focales de género",
    ),
    "service-areas-field": (
        "Collaboration avec les domaines de service et les bureaux extérieurs",
        "Colaboración con las esferas de servicio y las oficinas exteriores",
    ),
    "human-resources": (
        "Égalité des sexes dans les ressources humaines",
        "Igualdad de género en los recursos humanos",
    ),
    "staff-sensitization": (
        "Sensibilisation du personnel aux questions de genre",
        "Sensibilización del personal sobre cuestiones de género",
    ),
    "ongoing": ("Activités en cours", "Actividades en curso"),
}

THEMATIC_AREAS = {
    "violence-discrimination": (
        "Violence et discrimination à l'égard des femmes et des filles migrantes",
        "Violencia y discriminación contra las mujeres y las niñas migrantes",
    ),
    "migration-development": (
        "Genre, migration et développement",
        "Género, migración y desarrollo",
    ),
    "labour-migration": (
        "Migration de main-d'œuvre des femmes",
        "Migración laboral de las mujeres",
    ),
    "remittances": ("Rapatriements de fonds", "Remesas"),
    "diaspora-capacity": (
        "Renforcement des capacités des femmes des associations de la diaspora",
        "Fomento de la capacidad de las mujeres de las asociaciones de la diáspora",
    ),
    "fgm": (
        "Mutilations génitales féminines dans le contexte de la migration",
        "Mutilación genital femenina en el contexto de la migración",
    ),
    "psea": (
        "Prévention de l'exploitation et des atteintes sexuelles",
        "Prevención de la explotación y el abuso sexuales",
    ),
}

ACTIVITY_TYPES = {
    "workshop": ("Atelier", "Taller"),
    "training": ("Formation", "Capacitación"),
    "press-conference": ("Conférence de presse", "Conferencia de prensa"),
    "panel": ("Réunion-débat", "Mesa redonda"),
    "side-event": ("Manifestation parallèle", "Acto paralelo"),
    "e-discussion": ("Débat en ligne", "Debate en línea"),
    "publication": ("Publication", "Publicación"),
    "information-sheet": ("Fiche d'information", "Hoja informativa"),
    "expert-group-meeting": ("Réunion de groupe d'experts", "Reunión de grupo de expertos"),
    "briefing": ("Séance d'information", "Sesión informativa"),
    "conference": ("Conférence", "Conferencia"),
    "exhibition": ("Exposition", "Exposición"),
    "network-meeting": ("Réunion du réseau", "Reunión de la red"),
    "policy-contribution": ("Contribution aux politiques", "Contribución a las políticas"),
    "visit": ("Visite", "Visita"),
    "high-level-debate": ("Débat de haut niveau", "Debate de alto nivel"),
    "follow-up-meeting": ("Réunion de suivi", "Reunión de seguimiento"),
    "advisory-work": ("Travaux consultatifs", "Labor de asesoramiento"),
    "newsletter": ("Bulletin d'information", "Boletín informativo"),
}

# slug: ((French name, acronym), (Spanish name, acronym)); an acronym of None is the English one.
PARTNERS = {
    "iom": (
        ("Organisation internationale pour les migrations", "OIM"),
        ("Organización Internacional para las Migraciones", "OIM"),
    ),
    "iom-uk": (
        ("Bureau de l'OIM au Royaume-Uni", None),
        ("Oficina de la OIM en el Reino Unido", None),
    ),
    "iom-germany": (
        ("Bureau de l'OIM en Allemagne", None),
        ("Oficina de la OIM en Alemania", None),
    ),
    "iom-hrmd": (
        ("Division de la gestion des ressources humaines", None),
        ("División de Gestión de Recursos Humanos", None),
    ),
    "iom-iml": (
        ("Unité du droit international de la migration", None),
        ("Unidad de Derecho Internacional sobre Migración", None),
    ),
    "iom-fit": (
        ("Équipe de mise en œuvre sur le terrain", None),
        ("Equipo de Ejecución sobre el Terreno", None),
    ),
    "iom-pewg": (
        ("Groupe de travail sur l'approbation des projets", None),
        ("Grupo de Trabajo de Aprobación de Proyectos", None),
    ),
    "iom-apb": (
        ("Comité des nominations et affectations", None),
        ("Junta de Nombramientos y Destinos", None),
    ),
    "iom-rapb": (
        ("Comité des nominations et affectations par rotation", None),
        ("Junta de Nombramientos y Destinos por Rotación", None),
    ),
    "un-women": (
        (
            "Entité des Nations Unies pour l'égalité des sexes et l'autonomisation des femmes",
            "ONU Femmes",
        ),
        (
            "Entidad de las Naciones Unidas para la Igualdad de Género y el Empoderamiento de las Mujeres",
            "ONU Mujeres",
        ),
    ),
    "ilo": (
        ("Organisation internationale du Travail", "OIT"),
        ("Organización Internacional del Trabajo", "OIT"),
    ),
    "osce": (
        ("Organisation pour la sécurité et la coopération en Europe", "OSCE"),
        ("Organización para la Seguridad y la Cooperación en Europa", "OSCE"),
    ),
    "jmdi": (
        (
            "Initiative conjointe Commission européenne–Nations Unies pour la migration et le développement",
            "JMDI",
        ),
        (
            "Iniciativa Conjunta Comisión Europea–Naciones Unidas sobre Migración y Desarrollo",
            "JMDI",
        ),
    ),
    "council-of-europe": (("Conseil de l'Europe", None), ("Consejo de Europa", None)),
    "pace": (
        ("Assemblée parlementaire du Conseil de l'Europe", "APCE"),
        ("Asamblea Parlamentaria del Consejo de Europa", "APCE"),
    ),
    "pace-migration": (
        ("Commission des migrations, des réfugiés et de la population", None),
        ("Comisión de Migración, Refugiados y Población", None),
    ),
    "gmg": (("Groupe mondial sur la migration", "GMG"), ("Grupo Mundial sobre Migración", "GMM")),
    "gfmd": (
        ("Forum mondial sur la migration et le développement", "FMMD"),
        ("Foro Mundial sobre Migración y Desarrollo", "FMMD"),
    ),
    "gfmd-swiss-chair": (
        ("Présidence suisse du Forum mondial sur la migration et le développement", None),
        ("Presidencia suiza del Foro Mundial sobre Migración y Desarrollo", None),
    ),
    "jamaica": (("Gouvernement jamaïcain", None), ("Gobierno de Jamaica", None)),
    "iac": (
        ("Comité interafricain sur les pratiques traditionnelles", "CI-AF"),
        ("Comité Interafricano sobre Prácticas Tradicionales", None),
    ),
    "ianwge": (
        ("Réseau interinstitutions pour les femmes et l'égalité des sexes", None),
        ("Red Interinstitucional sobre la Mujer y la Igualdad entre los Géneros", None),
    ),
    "geneva-gender-advisers": (
        (
            "Réseau informel des conseillers pour l'égalité des sexes des Nations Unies à Genève",
            None,
        ),
        ("Red oficiosa de asesores de género de las Naciones Unidas en Ginebra", None),
    ),
    "un-secretariat": (
        ("Secrétariat de l'Organisation des Nations Unies", None),
        ("Secretaría de las Naciones Unidas", None),
    ),
    "cedaw": (
        ("Comité pour l'élimination de la discrimination à l'égard des femmes", None),
        ("Comité para la Eliminación de la Discriminación contra la Mujer", None),
    ),
    "iasc": (
        ("Comité permanent interorganisations", "CPI"),
        ("Comité Permanente entre Organismos", None),
    ),
    "iasc-psea": (
        (
            "Équipe spéciale du CPI sur la protection contre l'exploitation et les atteintes sexuelles",
            None,
        ),
        (
            "Equipo de Tareas del IASC sobre la protección contra la explotación y el abuso sexuales",
            None,
        ),
    ),
    "hrc": (("Conseil des droits de l'homme", "CDH"), ("Consejo de Derechos Humanos", "CDH")),
    "hrc-wg-women": (
        (
            "Groupe de travail sur la discrimination à l'égard des femmes dans la législation et dans la pratique",
            None,
        ),
        (
            "Grupo de Trabajo sobre la discriminación contra la mujer en la legislación y en la práctica",
            None,
        ),
    ),
    "csw": (
        ("Commission de la condition de la femme", None),
        ("Comisión de la Condición Jurídica y Social de la Mujer", None),
    ),
    "ecosoc": (
        ("Conseil économique et social des Nations Unies", "ECOSOC"),
        ("Consejo Económico y Social de las Naciones Unidas", "ECOSOC"),
    ),
    "united-nations": (("Organisation des Nations Unies", "ONU"), ("Naciones Unidas", "ONU")),
}

EVENTS = {
    "international-womens-day": (
        "Journée internationale des femmes",
        "Día Internacional de la Mujer",
    ),
    "international-womens-day-2011": (
        "Journée internationale des femmes 2011",
        "Día Internacional de la Mujer 2011",
    ),
    "zero-tolerance-fgm-day": (
        "Journée internationale de la tolérance zéro à l'égard des mutilations génitales féminines",
        "Día Internacional de Tolerancia Cero con la Mutilación Genital Femenina",
    ),
    "zero-tolerance-fgm-day-2011": (
        "Journée internationale de la tolérance zéro à l'égard des mutilations génitales féminines 2011",
        "Día Internacional de Tolerancia Cero con la Mutilación Genital Femenina 2011",
    ),
    "csw-55": (
        "Cinquante-cinquième session de la Commission de la condition de la femme",
        "55º período de sesiones de la Comisión de la Condición Jurídica y Social de la Mujer",
    ),
    "ldc-iv": (
        "Quatrième Conférence des Nations Unies sur les pays les moins avancés",
        "Cuarta Conferencia de las Naciones Unidas sobre los Países Menos Adelantados",
    ),
    "ecosoc-high-level-segment-2011": (
        "Débat de haut niveau de l'ECOSOC 2011",
        "Serie de sesiones de alto nivel del ECOSOC 2011",
    ),
    "cedaw-49": (
        "Quarante-neuvième session du Comité pour l'élimination de la discrimination à l'égard des femmes",
        "49º período de sesiones del Comité para la Eliminación de la Discriminación contra la Mujer",
    ),
    "cedaw-50": (
        "Cinquantième session du Comité pour l'élimination de la discrimination à l'égard des femmes",
        "50º período de sesiones del Comité para la Eliminación de la Discriminación contra la Mujer",
    ),
}

INITIATIVES = {
    "diaspora-women-leaders": (
        "Atelier de renforcement des capacités des femmes dirigeantes d'associations de la diaspora",
        "Taller de fomento de la capacidad para mujeres líderes de asociaciones de la diáspora",
    ),
    "fgm-and-migration": (
        "Lutte contre les mutilations génitales féminines dans le contexte de la migration",
        "Respuesta a la mutilación genital femenina en el contexto de la migración",
    ),
    "deskilling-migrant-women": (
        "Déqualification des femmes migrantes qualifiées",
        "Descualificación de las mujeres migrantes calificadas",
    ),
    "ldc-iv": (
        "Quatrième Conférence des Nations Unies sur les pays les moins avancés",
        "Cuarta Conferencia de las Naciones Unidas sobre los Países Menos Adelantados",
    ),
}
