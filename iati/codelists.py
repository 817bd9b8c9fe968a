"""The IATI codes the export writes, named once (IATI 2.03 codelists, iatistandard.org).

The schema checks only the shape of a file; these codes are what makes it mean something,
so every code the export writes comes from here.
"""

from django.utils.translation import gettext_lazy as _

from activities.models import ActivityStatus, PartnerRole
from partners.models import PartnerKind

VERSION = "2.03"

# ActivityStatus codelist.
STATUS_PIPELINE = "1"
STATUS_IMPLEMENTATION = "2"
STATUS_CLOSED = "4"
STATUS_CANCELLED = "5"
ACTIVITY_STATUS = {
    ActivityStatus.PLANNED: STATUS_PIPELINE,
    ActivityStatus.ONGOING: STATUS_IMPLEMENTATION,
    ActivityStatus.COMPLETED: STATUS_CLOSED,
    ActivityStatus.CANCELLED: STATUS_CANCELLED,
}

# ActivityDateType codelist.
PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = "1", "2", "3", "4"

# OrganisationRole codelist.
ROLE_FUNDING, ROLE_ACCOUNTABLE, ROLE_EXTENDING, ROLE_IMPLEMENTING = "1", "2", "3", "4"
# A partner's role in an activity as IATI names it; beneficiaries are no participating
# organisation in IATI's sense and are left out.
ORGANISATION_ROLE = {
    PartnerRole.ORGANISER: ROLE_IMPLEMENTING,
    PartnerRole.CO_ORGANISER: ROLE_IMPLEMENTING,
    PartnerRole.HOST: ROLE_IMPLEMENTING,
    PartnerRole.CO_HOST: ROLE_IMPLEMENTING,
    PartnerRole.COLLABORATOR: ROLE_IMPLEMENTING,
    PartnerRole.PARTICIPANT: ROLE_IMPLEMENTING,
    PartnerRole.FUNDER: ROLE_FUNDING,
}

# OrganisationType codelist, from the kind of partner.
ORGANISATION_TYPE = {
    PartnerKind.UN_ENTITY: "40",  # Multilateral
    PartnerKind.UN_BODY: "40",
    PartnerKind.INTER_AGENCY: "40",
    PartnerKind.INTERGOVERNMENTAL: "40",
    PartnerKind.GOVERNMENT: "10",  # Government
    PartnerKind.CIVIL_SOCIETY: "21",  # International NGO
    PartnerKind.ACADEMIC: "80",  # Academic, Training and Research
    PartnerKind.OTHER: "90",  # Other
}
# An office of the organisation itself takes the reporting organisation's own type.

# DescriptionType codelist.
DESCRIPTION_GENERAL = "1"

# SectorVocabulary codelist: 1 is the OECD DAC CRS purpose codes (5 digits).
SECTOR_VOCABULARY_DAC = "1"

# PolicyMarkerVocabulary 1 (OECD DAC CRS); PolicyMarker 1 is gender equality.
POLICY_MARKER_VOCABULARY_DAC = "1"
POLICY_MARKER_GENDER = "1"
# PolicyMarkerSignificance codelist: the gender marker takes 0, 1 or 2 only.
NOT_TARGETED, SIGNIFICANT, PRINCIPAL = 0, 1, 2
SIGNIFICANCE_CHOICES = [
    (NOT_TARGETED, _("0 – not targeted")),
    (SIGNIFICANT, _("1 – significant objective")),
    (PRINCIPAL, _("2 – principal objective")),
]

# ResultType codelist (1 output) and IndicatorMeasure codelist (1 unit).
RESULT_OUTPUT = "1"
MEASURE_UNIT = "1"
# Dimension of an indicator's actual value: participants by sex.
SEX_DIMENSION = "sex"
FEMALE, MALE = "female", "male"
