"""The organisation's own terms in English, French and Spanish, as the UN writes them.

The catalogues are tested against this list (tests/test_glossary.py): a message whose
English text holds a term must use one of that term's forms in each translation. Forms are
compared in lower case with typographic apostrophes made straight, so "Domaines thématiques"
matches the form "domaines thématiques".
"""

from dataclasses import dataclass

from django.utils.translation import gettext_noop


@dataclass(frozen=True)
class Term:
    english: str
    french: tuple[str, ...]
    spanish: tuple[str, ...]

    def forms(self, language):
        return {"fr": self.french, "es": self.spanish}[language]


GLOSSARY = (
    Term(
        "Gender Coordination Unit",
        ("groupe de coordination pour l'égalité des sexes",),
        ("dependencia de coordinación de cuestiones de género",),
    ),
    Term(
        "gender focal point",
        ("point focal pour l'égalité des sexes", "points focaux pour l'égalité des sexes"),
        ("punto focal de género", "puntos focales de género"),
    ),
    Term(
        "protection from sexual exploitation and abuse",
        ("protection contre l'exploitation et les atteintes sexuelles",),
        ("protección contra la explotación y el abuso sexuales",),
    ),
    Term("PSEA", ("peas",), ("peas",)),
    Term(
        "conference room paper",
        ("document de séance", "documents de séance"),
        ("documento de sesión", "documentos de sesión"),
    ),
    Term(
        "Commission on the Status of Women",
        ("commission de la condition de la femme",),
        ("comisión de la condición jurídica y social de la mujer",),
    ),
    Term("UN-Women", ("onu femmes",), ("onu mujeres",)),
    Term("UN-SWAP", ("onu-swap",), ("onu-swap",)),
    Term(
        "gender mainstreaming",
        ("transversalisation de la problématique femmes-hommes",),
        ("incorporación de la perspectiva de género",),
    ),
    Term("gender equality", ("égalité des sexes",), ("igualdad de género",)),
    Term(
        "thematic area",
        ("domaine thématique", "domaines thématiques"),
        ("esfera temática", "esferas temáticas"),
    ),
    Term(
        "report section",
        ("section du rapport", "sections du rapport"),
        ("sección del informe", "secciones del informe"),
    ),
    Term(
        "panel discussion", ("réunion-débat", "réunions-débats"), ("mesa redonda", "mesas redondas")
    ),
    Term("dashboard", ("tableau de bord", "tableaux de bord"), ("tablero", "tableros")),
)


# Django's own admin strings that the organisation words otherwise, on purpose: French
# "Ajout de activité" and "Sélectionnez l'objet activité à changer" read as machine output,
# the index's "Modification" is a noun where a link asks for a verb ("Modifier"), Spanish
# "Bienvenidos" speaks to a crowd. Every other message of Django's is left to
# Django's catalogues (tests/test_languages.py fails on an accidental override).
ADMIN_WORDING = (
    gettext_noop("Change"),
    gettext_noop("Add %s"),
    gettext_noop("Change %s"),
    gettext_noop("View %s"),
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("Add another %(model)s"),
    gettext_noop("Change selected %(model)s"),
    gettext_noop("Delete selected %(model)s"),
    gettext_noop("View selected %(model)s"),
    gettext_noop("Welcome,"),
)
