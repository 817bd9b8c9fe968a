"""Build the annual report from the records: a pure step that returns a plain structure.

Records in the period that may be published → sections numbered with Roman numerals
(empty ones left out) → items under a subheading, minor items as bullets under
"Others" → paragraphs numbered continuously from the introduction on. Templates only
lay the result out; the same structure serves the page, the export and the frozen copy.
"""

import datetime
import itertools
import re
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Sum
from django.utils.formats import number_format
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django_countries.fields import Country

from activities.models import Activity, DatePrecision, Prominence, ThematicArea
from core.dates import format_date_range


@dataclass(frozen=True)
class Source:
    """A record that a paragraph or bullet was built from, for the managers' trace links."""

    pk: int
    title: str
    slug: str


@dataclass(frozen=True)
class Bullet:
    text: str
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    number: int
    text: str
    sources: tuple[Source, ...] = ()
    bullets: tuple[Bullet, ...] = ()


@dataclass(frozen=True)
class Item:
    """A subheading (empty for none) and its paragraphs."""

    heading: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Section:
    numeral: str
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Report:
    year: int
    title: str
    symbol: str
    period: str
    sections: tuple[Section, ...]

    @property
    def paragraphs(self):
        return [p for s in self.sections for i in s.items for p in i.paragraphs]


ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def roman(number):
    """1 → "I", 8 → "VIII", 14 → "XIV"."""
    if number < 1:
        raise ValueError("Roman numerals start at 1.")
    digits = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        digits.append(letters * count)
    return "".join(digits)


def split_paragraphs(text):
    """Paragraphs are separated by blank lines; line breaks inside one are spaces."""
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text or "") if block.strip()]


# Words whose full stop does not end a sentence ("Ms. Michelle Bachelet").
ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "e.g", "i.e", "etc", "cf", "vs"]
)
SENTENCE_END = re.compile(r"[.!?](?=\s+[“‘\"(]?[A-Z0-9])|[.!?]\s*$")


def first_sentence_end(text):
    """Index of the punctuation mark that closes the first sentence, or None."""
    for match in SENTENCE_END.finditer(text):
        word = re.search(r"(\S+)$", text[: match.start()])
        word = word.group(1) if word else ""
        if word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        return match.start()
    return None


def place_and_dates(activity):
    """What a bullet's brackets hold: “Vienna, 17 and 18 May 2011”, or the dates alone."""
    parts = [str(activity.place)]
    # A record known only to its year says nothing a yearly report does not.
    if activity.date_precision != DatePrecision.YEAR:
        parts.append(
            format_date_range(activity.start_date, activity.end_date, activity.date_precision)
        )
    return ", ".join(part for part in parts if part)


def bullet_text(activity):
    """The summary, with place and dates in brackets at the end of its first sentence."""
    text = " ".join(split_paragraphs(activity.summary))
    bracket = place_and_dates(activity)
    if not bracket:
        return text
    end = first_sentence_end(text)
    if end is None:
        return f"{text} ({bracket})"
    return f"{text[:end]} ({bracket}){text[end:]}"


def lower_first(name):
    """A name inside a sentence: “remittances”, but acronyms such as “HIV and AIDS” stay."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def reported_activities(report):
    """What a report may contain: published records of the period filed under a section."""
    return (
        Activity.objects.published()
        .in_period(report.period_start, report.period_end)
        .filter(report_section__isnull=False)
    )


@dataclass(slots=True)
class Record:
    """An activity as the report reads it: a row of values, several times cheaper than a model."""

    pk: int
    title: str
    slug: str
    summary: str
    start_date: datetime.date
    end_date: datetime.date | None
    date_precision: str
    city: str
    country: Country
    prominence: str
    section_id: int
    section_title: str
    initiative_id: int | None
    initiative_title: str | None
    initiative_summary: str | None
    cumulative_label: str | None

    # The one rule for how the report names a place.
    place = Activity.place


RECORD_FIELDS = (
    "pk",
    "title",
    "slug",
    "summary",
    "start_date",
    "end_date",
    "date_precision",
    "city",
    "country",
    "prominence",
    "report_section_id",
    "report_section__title",
    "initiative_id",
    "initiative__title",
    "initiative__summary",
    "initiative__cumulative_label",
)


def _fetch_activities(reported):
    """One query: the activities with their section and initiative, in report order."""
    rows = reported.values_list(*RECORD_FIELDS).order_by(
        "report_section__order", "report_order", "start_date", "pk"
    )
    countries = {}
    records = []
    for row in rows:
        record = Record(*row)
        code = record.country
        if code not in countries:
            countries[code] = Country(code)
        record.country = countries[code]
        records.append(record)
    return records


def _fetch_areas(reported):
    """One query: every thematic area, marked when a reported activity is filed under it."""
    links = Activity.thematic_areas.through.objects.filter(
        thematicarea_id=OuterRef("pk"), activity_id__in=reported.values("pk")
    )
    return list(
        ThematicArea.objects.annotate(worked_on=Exists(links)).only("name", "parent", "order")
    )


def _fetch_reach(reported, period_end):
    """One query: participants each counting initiative has reached up to the period's end."""
    counting = reported.filter(initiative__cumulative_label__gt="").values("initiative_id")
    rows = (
        Activity.objects.published()
        .filter(initiative__in=counting, start_date__lte=period_end)
        .values("initiative_id")
        .annotate(total=Sum("participants_total"))
        .order_by()
    )
    return {row["initiative_id"]: row["total"] for row in rows}


def area_lines(areas):
    """Top-level areas worked on, each with ", including" and its narrower areas worked on."""
    by_id = {area.pk: area for area in areas}

    def root(area):
        seen = set()
        while area.parent_id in by_id and area.pk not in seen:
            seen.add(area.pk)
            area = by_id[area.parent_id]
        return area

    worked = [area for area in areas if area.worked_on]
    roots = {root(area).pk for area in worked}
    lines = []
    for area in areas:
        if area.pk not in roots or root(area) is not area:
            continue
        narrower = [lower_first(a.name) for a in worked if a is not area and root(a) is area]
        if narrower:
            lines.append(
                _("%(area)s, including %(narrower)s")
                % {"area": area.name, "narrower": get_text_list(narrower, _("and"))}
            )
        else:
            lines.append(area.name)
    # Written as one sentence: a semicolon after each area, a full stop after the last.
    return [line + (";" if n < len(lines) - 1 else ".") for n, line in enumerate(lines)]


def _source(activity):
    return Source(activity.pk, activity.title, activity.slug)


def _reach_sentence(record, reach):
    total = reach.get(record.initiative_id)
    if not record.cumulative_label or not total:
        return ""
    return _("Since it began, the initiative has reached %(count)s %(label)s.") % {
        "count": number_format(total, force_grouping=True),
        "label": record.cumulative_label,
    }


def _item(group, numbers, reach):
    """A headline or paragraph item: one activity, or an initiative told as one."""
    first = group[0]
    heading = ""
    if first.prominence == Prominence.HEADLINE:
        heading = first.initiative_title if first.initiative_id else first.title
    if first.initiative_id and split_paragraphs(first.initiative_summary):
        sources = tuple(_source(a) for a in group)
        texts = [(text, sources) for text in split_paragraphs(first.initiative_summary)]
    else:
        texts = [
            (text, (_source(a),))
            for a in sorted(group, key=lambda a: (a.start_date, a.pk))
            for text in split_paragraphs(a.summary)
        ]
    if first.initiative_id and texts and (sentence := _reach_sentence(first, reach)):
        last_text, last_sources = texts[-1]
        texts[-1] = (f"{last_text} {sentence}", last_sources)
    return Item(
        heading=heading,
        paragraphs=tuple(Paragraph(next(numbers), text, sources) for text, sources in texts),
    )


def _section_items(activities, numbers, reach):
    groups, minor = {}, []
    for activity in activities:
        if activity.prominence == Prominence.MINOR:
            minor.append(activity)
            continue
        # An initiative's activities are told together, where its first one stands.
        key = ("initiative", activity.initiative_id) if activity.initiative_id else activity.pk
        groups.setdefault(key, []).append(activity)
    items = [_item(group, numbers, reach) for group in groups.values()]
    if minor:
        lead = Paragraph(
            number=next(numbers),
            text=_("The Unit also carried out the following activities in the reporting period:"),
            bullets=tuple(Bullet(bullet_text(a), (_source(a),)) for a in minor),
        )
        items.append(Item(heading=_("Others"), paragraphs=(lead,)))
    return [item for item in items if item.paragraphs]


def build_report(report):
    """The report's structure from the records; three queries whatever their number.

    `report` needs year, title, symbol, period_start, period_end and introduction.
    """
    reported = reported_activities(report)
    activities = _fetch_activities(reported)
    areas = _fetch_areas(reported)
    reach = _fetch_reach(reported, report.period_end)

    numbers = itertools.count(1)
    titled = []

    intro = [Paragraph(next(numbers), text) for text in split_paragraphs(report.introduction)]
    if lines := area_lines(areas):
        intro.append(
            Paragraph(
                next(numbers),
                _("In the reporting period, the Unit concentrated on these thematic areas:"),
                bullets=tuple(Bullet(line) for line in lines),
            )
        )
    if intro:
        titled.append((_("Introduction"), [Item(heading="", paragraphs=tuple(intro))]))

    for _section, members in itertools.groupby(activities, key=lambda a: a.section_id):
        members = list(members)
        if items := _section_items(members, numbers, reach):
            titled.append((members[0].section_title, items))

    return Report(
        year=report.year,
        title=report.title,
        symbol=report.symbol,
        period=format_date_range(report.period_start, report.period_end),
        sections=tuple(
            Section(roman(n), title, tuple(items)) for n, (title, items) in enumerate(titled, 1)
        ),
    )
