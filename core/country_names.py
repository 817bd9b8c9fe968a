"""Countries named as the United Nations names them, in English, French and Spanish.

django-countries follows ISO and CLDR ("Birmanie", "Corée du Nord", "Laos"); the
organisation writes the UN's short names (UNTERM). These replace django-countries' names
through its COUNTRIES_OVERRIDE setting; the French and Spanish forms are in the catalogues.
The United Kingdom and the Netherlands keep their common names: the Council's reports
print them so.
"""

from django.utils.translation import gettext_lazy as _

UN_SHORT_NAMES = {
    "BO": _("Bolivia (Plurinational State of)"),
    "BN": _("Brunei Darussalam"),
    "BY": _("Belarus"),
    "BZ": _("Belize"),
    "CV": _("Cabo Verde"),
    "CZ": _("Czechia"),
    "FM": _("Micronesia (Federated States of)"),
    "GT": _("Guatemala"),
    "IR": _("Iran (Islamic Republic of)"),
    "KP": _("Democratic People's Republic of Korea"),
    "KR": _("Republic of Korea"),
    "LA": _("Lao People's Democratic Republic"),
    "MD": _("Republic of Moldova"),
    "MH": _("Marshall Islands"),
    "MK": _("North Macedonia"),
    "MM": _("Myanmar"),
    "PS": _("State of Palestine"),
    "RU": _("Russian Federation"),
    "SY": _("Syrian Arab Republic"),
    "SZ": _("Eswatini"),
    "TL": _("Timor-Leste"),
    "TR": _("Türkiye"),
    "TZ": _("United Republic of Tanzania"),
    "VA": _("Holy See"),
    "VE": _("Venezuela (Bolivarian Republic of)"),
    "VN": _("Viet Nam"),
}
