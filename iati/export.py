"""Published activities as IATI 2.03 activity XML, written as it is read.

The records are read CHUNK at a time as plain tuples (with their areas and partner roles
in one query each per chunk, activities/selectors.py `links_of`), and each chunk goes out
as one block of text: 100,000 records take the memory of one chunk. The registries the
file names (partners, areas and their mapping, records' own markers) are read once.
Every code comes from iati/codelists.py; text is escaped, and characters XML cannot
carry are dropped.
"""

import re
from dataclasses import dataclass
from itertools import islice
from xml.sax.saxutils import escape, quoteattr

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

# XML 1.0 allows no control characters but tab, line feed and carriage return.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def text(value):
    return escape(NOT_IN_XML.sub("", value or ""))


def attr(value):
    return quoteattr(NOT_IN_XML.sub("", str(value)))


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


def activity_xml(values, areas, roles, registries, lang, labels):
    (
        pk,
        title,
        summary,
        start,
        end,
        status,
        country,
        total,
        women,
        men,
        updated_at,
    ) = values
    org = registries.org
    out = [
        f"<iati-activity last-updated-datetime={attr(updated_at.isoformat())}"
        f' hierarchy="1" xml:lang={attr(lang)}>',
        f"<iati-identifier>{text(f'{org.ref}-{pk}')}</iati-identifier>",
        f"<reporting-org ref={attr(org.ref)} type={attr(org.type)}>"
        f"<narrative>{text(org.name)}</narrative></reporting-org>",
        f"<title><narrative>{text(title)}</narrative></title>",
        f'<description type="{codelists.DESCRIPTION_GENERAL}">'
        f"<narrative>{text(summary or title)}</narrative></description>",
        f'<participating-org role="{codelists.ROLE_ACCOUNTABLE}" ref={attr(org.ref)}'
        f" type={attr(org.type)}><narrative>{text(org.name)}</narrative></participating-org>",
    ]
    named = sorted(
        {
            (registries.partners[partner][0], codelists.ORGANISATION_ROLE[role], partner)
            for partner, role in roles
            if role in codelists.ORGANISATION_ROLE and partner in registries.partners
        }
    )
    for name, role, partner in named:
        out.append(
            f'<participating-org role="{role}" type={attr(registries.partners[partner][1])}>'
            f"<narrative>{text(name)}</narrative></participating-org>"
        )
    out.append(f'<activity-status code="{codelists.ACTIVITY_STATUS[status]}"/>')
    for date_type, day in activity_dates(status, start, end):
        out.append(f'<activity-date type="{date_type}" iso-date="{day.isoformat()}"/>')
    if country:
        out.append(f"<recipient-country code={attr(country)}/>")
    mapped = sorted(registries.areas[a] for a in areas if a in registries.areas)
    sectors = list(dict.fromkeys(sector for _order, sector, _sig in mapped if sector))
    for sector, share in zip(sectors, split_percentages(len(sectors)), strict=True):
        out.append(
            f'<sector vocabulary="{codelists.SECTOR_VOCABULARY_DAC}" code="{sector}"'
            f' percentage="{share}"/>'
        )
    significance = registries.markers.get(pk)
    if significance is None:
        given = [sig for _order, _sector, sig in mapped if sig is not None]
        significance = max(given) if given else None
    if significance is not None:
        out.append(
            f'<policy-marker vocabulary="{codelists.POLICY_MARKER_VOCABULARY_DAC}"'
            f' code="{codelists.POLICY_MARKER_GENDER}" significance="{significance}"/>'
        )
    if total is not None:
        out.append(participants_result(total, women, men, start, end or start, labels))
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
    registries = Registries(queryset, reporting_org)
    generated = timezone.now().replace(microsecond=0).isoformat()
    yield (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<iati-activities version="{codelists.VERSION}" generated-datetime="{generated}">\n'
    )
    rows = queryset.order_by("pk").values_list(*COLUMNS).iterator(chunk_size=CHUNK)
    while chunk := list(islice(rows, CHUNK)):
        areas, roles, _outputs = links_of([values[0] for values in chunk])
        yield "".join(
            activity_xml(
                values, areas.get(values[0], ()), roles.get(values[0], ()), registries, lang, labels
            )
            for values in chunk
        )
    yield "</iati-activities>\n"
