"""Published activities as IATI 2.03 activity XML, written as it is read.

The records are read CHUNK at a time as plain tuples (with their areas and partner roles
in one query each per chunk, activities/selectors.py `links_of`), and each chunk goes out
as one block of text: 100,000 records take the memory of one chunk. The registries the
file names (partners, areas and their mapping, records' own markers) are read once.
Every code comes from iati/codelists.py; text is escaped, and characters XML cannot
carry are dropped.
"""

from dataclasses import dataclass
from itertools import islice

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from activities.models import ActivityStatus, ThematicArea
from activities.selectors import links_of
from iati import codelists
from iati.models import ActivityMarker
from partners.models import Partner

CHUNK = 2000

COLUMNS = (
    "pk",
    "title",
    "summary",
    "start_date",
    "end_date",
    "status",
    "country",
    "participants_total",
    "participants_women",
    "participants_men",
    "updated_at",
)

# XML 1.0 allows no control characters but tab, line feed and carriage return: they are
# dropped, and the markup characters escaped, in one pass of str.translate.
NOT_IN_XML = dict.fromkeys([*range(9), 11, 12, *range(14, 32), 65534, 65535])
TEXT = str.maketrans({**NOT_IN_XML, "&": "&amp;", "<": "&lt;", ">": "&gt;"})
ATTRIBUTE = str.maketrans({**NOT_IN_XML, "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def text(value):
    return (value or "").translate(TEXT)


def attr(value):
    """The value as a quoted attribute."""
    return '"' + str(value).translate(ATTRIBUTE) + '"'


@dataclass(frozen=True)
class ReportingOrg:
    ref: str
    type: str
    name: str

    @classmethod
    def from_settings(cls):
        return cls(
            settings.IATI_REPORTING_ORG_REF,
            settings.IATI_REPORTING_ORG_TYPE,
            settings.IATI_REPORTING_ORG_NAME,
        )


def split_percentages(count):
    """Shares of 100 for `count` sectors, two decimals, adding up to exactly 100.

    >>> split_percentages(3)
    ['33.33', '33.33', '33.34']
    """
    if count == 0:
        return []
    base = 10000 // count
    shares = [base] * count
    shares[-1] += 10000 - base * count
    return [f"{share // 100}.{share % 100:02d}" for share in shares]


def activity_dates(status, start, end):
    """(date type, date) pairs: planned dates for what has not started, actual ones otherwise."""
    if status in (ActivityStatus.PLANNED, ActivityStatus.CANCELLED):
        pairs = [(codelists.PLANNED_START, start)]
        if end:
            pairs.append((codelists.PLANNED_END, end))
        return pairs
    pairs = [(codelists.ACTUAL_START, start)]
    if status == ActivityStatus.COMPLETED:
        pairs.append((codelists.ACTUAL_END, end or start))
    elif end:
        pairs.append((codelists.PLANNED_END, end))
    return pairs


class Registries:
    """What the file names besides the records, read once: partners, areas, record markers."""

    def __init__(self, queryset, reporting_org):
        self.org = reporting_org
        self.partners = {
            # An office of the organisation itself takes the organisation's own type.
            pk: (name, codelists.ORGANISATION_TYPE.get(kind, reporting_org.type))
            for pk, name, kind in Partner.objects.values_list("pk", "name", "kind")
        }
        self.areas = {
            pk: (order, sector or "", significance)
            for pk, order, sector, significance in ThematicArea.objects.values_list(
                "pk", "order", "iati_mapping__sector_code", "iati_mapping__gender_significance"
            )
        }
        self.markers = dict(
            ActivityMarker.objects.filter(activity__in=queryset.values("pk")).values_list(
                "activity_id", "gender_significance"
            )
        )


class Writer:
    """Writes one iati-activity per record. What repeats from record to record (the
    reporting organisation, each partner in each role, each combination of areas, each
    country) is written once and kept: the export goes at tens of thousands of records a
    second."""

    def __init__(self, registries, lang, labels):
        org = registries.org
        self.registries, self.labels = registries, labels
        self.opening_tail = f' hierarchy="1" xml:lang={attr(lang)}>'
        self.identifier_prefix = text(f"{org.ref}-")
        self.organisation = (
            f"<reporting-org ref={attr(org.ref)} type={attr(org.type)}>"
            f"<narrative>{text(org.name)}</narrative></reporting-org>"
        )
        self.accountable = (
            f'<participating-org role="{codelists.ROLE_ACCOUNTABLE}" ref={attr(org.ref)}'
            f" type={attr(org.type)}><narrative>{text(org.name)}</narrative></participating-org>"
        )
        self.description_open = f'<description type="{codelists.DESCRIPTION_GENERAL}"><narrative>'
        self.participants, self.countries, self.sectors = {}, {}, {}
        self.markers = {
            significance: (
                f'<policy-marker vocabulary="{codelists.POLICY_MARKER_VOCABULARY_DAC}"'
                f' code="{codelists.POLICY_MARKER_GENDER}" significance="{significance}"/>'
            )
            for significance, _label in codelists.SIGNIFICANCE_CHOICES
        }

    def participant(self, partner, role):
        key = (partner, role)
        fragment = self.participants.get(key)
        if fragment is None:
            name, kind = self.registries.partners[partner]
            fragment = self.participants[key] = (
                f'<participating-org role="{role}" type={attr(kind)}>'
                f"<narrative>{text(name)}</narrative></participating-org>"
            )
        return fragment

    def country(self, code):
        fragment = self.countries.get(code)
        if fragment is None:
            fragment = self.countries[code] = f"<recipient-country code={attr(code)}/>"
        return fragment

    def sectors_of(self, areas):
        """(the sector elements, the highest marker of the areas or None) for a set of areas."""
        key = tuple(sorted(areas))
        found = self.sectors.get(key)
        if found is None:
            known = self.registries.areas
            mapped = sorted(known[a] for a in key if a in known)
            codes = list(dict.fromkeys(sector for _order, sector, _sig in mapped if sector))
            elements = "".join(
                f'<sector vocabulary="{codelists.SECTOR_VOCABULARY_DAC}" code="{code}"'
                f' percentage="{share}"/>'
                for code, share in zip(codes, split_percentages(len(codes)), strict=True)
            )
            given = [sig for _order, _sector, sig in mapped if sig is not None]
            found = self.sectors[key] = (elements, max(given) if given else None)
        return found

    def activity(self, values, areas, roles):
        (pk, title, summary, start, end, status, country, total, women, men, updated) = values
        registries = self.registries
        out = [
            f'<iati-activity last-updated-datetime="{updated.isoformat()}"',
            self.opening_tail,
            f"<iati-identifier>{self.identifier_prefix}{pk}</iati-identifier>",
            self.organisation,
            f"<title><narrative>{text(title)}</narrative></title>",
            self.description_open,
            text(summary or title),
            "</narrative></description>",
            self.accountable,
        ]
        named = sorted(
            {
                (registries.partners[partner][0], codelists.ORGANISATION_ROLE[role], partner)
                for partner, role in roles
                if role in codelists.ORGANISATION_ROLE and partner in registries.partners
            }
        )
        out.extend(self.participant(partner, role) for _name, role, partner in named)
        out.append(f'<activity-status code="{codelists.ACTIVITY_STATUS[status]}"/>')
        for date_type, day in activity_dates(status, start, end):
            out.append(f'<activity-date type="{date_type}" iso-date="{day.isoformat()}"/>')
        if country:
            out.append(self.country(country))
        sectors, significance = self.sectors_of(areas)
        out.append(sectors)
        significance = registries.markers.get(pk, significance)
        if significance is not None:
            out.append(self.markers[significance])
        if total is not None:
            out.append(participants_result(total, women, men, start, end or start, self.labels))
        out.append("</iati-activity>\n")
        return "".join(out)


def participants_result(total, women, men, start, end, labels):
    """The participants as an output result: the total, then women and men as dimensions."""
    actuals = [f'<actual value="{total}"/>']
    for count, sex in ((women, codelists.FEMALE), (men, codelists.MALE)):
        if count is not None:
            actuals.append(
                f'<actual value="{count}"><dimension name="{codelists.SEX_DIMENSION}"'
                f' value="{sex}"/></actual>'
            )
    return (
        f'<result type="{codelists.RESULT_OUTPUT}" aggregation-status="false">'
        f"<title><narrative>{labels['result']}</narrative></title>"
        f'<indicator measure="{codelists.MEASURE_UNIT}" ascending="true">'
        f"<title><narrative>{labels['indicator']}</narrative></title>"
        f'<period><period-start iso-date="{start.isoformat()}"/>'
        f'<period-end iso-date="{end.isoformat()}"/>{"".join(actuals)}</period>'
        "</indicator></result>"
    )


def iati_activities(queryset, reporting_org=None):
    """The IATI file of `queryset` (published activities), as blocks of text to stream.

    Records' text is in the site's language, and so are the file's own labels.
    """
    reporting_org = reporting_org or ReportingOrg.from_settings()
    lang = settings.LANGUAGE_CODE
    with translation.override(lang):
        labels = {
            "result": text(_("Participants")),
            "indicator": text(_("People who took part, by sex")),
        }
    writer = Writer(Registries(queryset, reporting_org), lang, labels)
    generated = timezone.now().replace(microsecond=0).isoformat()
    yield (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<iati-activities version="{codelists.VERSION}" generated-datetime="{generated}">\n'
    )
    rows = queryset.order_by("pk").values_list(*COLUMNS).iterator(chunk_size=CHUNK)
    while chunk := list(islice(rows, CHUNK)):
        areas, roles, _outputs = links_of([values[0] for values in chunk])
        yield "".join(
            writer.activity(values, areas.get(values[0], ()), roles.get(values[0], ()))
            for values in chunk
        )
    yield "</iati-activities>\n"
