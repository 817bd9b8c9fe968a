"""Build the annual report from the records: a pure step that returns a plain structure.

Records in the period that may be published → the report's own headings (each gathering
the records of some report sections; numbered in Roman numerals or not; empty ones left
out) → items under a subheading, minor items as bullets under the report's "Others" →
paragraphs numbered continuously from the introduction on, or not numbered. The
report's own text (introduction, closing) and the records' summaries are in the small
markup of reports/markup.py. Templates and reports/docx.py only lay the result out; the
same structure serves the page, the three formats and the issued copies.
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

from activities.models import Activity, DatePrecision, Prominence, ReportSection, ThematicArea
from core.dates import format_date, format_date_range, format_date_span
from reports import markup
from reports.document import Bullet, Cover, Item, Paragraph, Report, Section, Source
from reports.figure_sentences import heading_sentences, with_sentence

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


def insert(text, offset, addition):
    """`text` (runs) with the plain `addition` put in at character `offset`."""
    runs, seen, done = [], 0, False
    for run in text.runs:
        if not done and seen + len(run.text) >= offset:
            cut = offset - seen
            if run.text[:cut]:
                runs.append(markup.Run(run.text[:cut], run.italic, run.href))
            runs.append(markup.Run(addition))
            if run.text[cut:]:
                runs.append(markup.Run(run.text[cut:], run.italic, run.href))
            done = True
        else:
            runs.append(run)
        seen += len(run.text)
    if not done:
        runs.append(markup.Run(addition))
    return markup.Text(tuple(runs))


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
    text = markup.inline(" ".join(split_paragraphs(activity.summary)))
    bracket = place_and_dates(activity)
    if not bracket:
        return text
    end = first_sentence_end(str(text))
    bracket = " (" + markup.glue_dates(bracket) + ")"
    return insert(text, len(str(text)) if end is None else end, bracket)


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


@dataclass(frozen=True)
class SectionHeading:
    """A report section standing in as a heading, for a report with no headings of its own."""

    pk: int
    title: str
    section_ids: frozenset


def _fetch_headings(report):
    """Two queries: the report's headings in order, with the sections each gathers.

    A report with no headings of its own prints every report section under its title, in
    the sections' order (the admin gives every new report its own headings).
    """
    headings = []
    if report.pk is not None:
        headings = [
            SectionHeading(h.pk, h.title, frozenset(s.pk for s in h.sections.all()))
            for h in report.headings.prefetch_related("sections").order_by("order", "id")
        ]
    if headings:
        return headings
    return [
        SectionHeading(-pk, title, frozenset([pk]))
        for pk, title in ReportSection.objects.order_by("order").values_list("pk", "title")
    ]


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
    cumulative_label: str | None
    participants_total: int | None

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
    "initiative__cumulative_label",
    "participants_total",
)


def _fetch_activities(reported, language):
    """One query: the activities with their section and initiative, in report order, each
    with its title and summary in `language` where it has them, else as written."""
    rows = reported.values_list(
        *RECORD_FIELDS, "original_language", f"title_{language}", f"summary_{language}"
    ).order_by("report_section__order", "report_order", "start_date", "pk")
    countries = {}
    records = []
    for *row, original, title, summary in rows:
        record = Record(*row)
        if original != language:
            record.title = title if title.strip() else record.title
            record.summary = summary if summary.strip() else record.summary
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


def _fetch_own_texts(report):
    """One query: the paragraphs this report keeps for initiatives, by initiative."""
    if report.pk is None:
        return {}
    return dict(report.initiative_texts.values_list("initiative_id", "text"))


def _fetch_reach(reported, period_end):
    """One query: participants each initiative of the period has reached up to its end."""
    counting = reported.filter(initiative__isnull=False).values("initiative_id")
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


def _reach_sentence(record, reach, wording):
    total = reach.get(record.initiative_id)
    if not wording or not record.cumulative_label or not total:
        return ""
    return str(wording).format(
        count=number_format(total, force_grouping=True), label=record.cumulative_label
    )


COUNT = "{count}"


def with_count(text, total):
    """An initiative's text with its {count} replaced by the people its records reached."""
    return text.replace(COUNT, number_format(total or 0, force_grouping=True))


def _item(group, numbers, reach, report, own_texts):
    """A headline or paragraph item: one activity, or an initiative told as one, in the
    words the report keeps for it (or else its records' own summaries)."""
    first = group[0]
    heading = ""
    if first.prominence == Prominence.HEADLINE:
        heading = first.initiative_title if first.initiative_id else first.title
    own = own_texts.get(first.initiative_id, "") if first.initiative_id else ""
    counted_in_text = COUNT in own
    if split_paragraphs(own):
        sources = tuple(_source(a) for a in group)
        own = with_count(own, reach.get(first.initiative_id))
        texts = [(text, sources) for text in markup.paragraphs(own)]
    else:
        texts = [
            (text, (_source(a),))
            for a in sorted(group, key=lambda a: (a.start_date, a.pk))
            for text in markup.paragraphs(a.summary)
        ]
    wording = "" if counted_in_text else report.reach_sentence
    if first.initiative_id and texts and (sentence := _reach_sentence(first, reach, wording)):
        last_text, last_sources = texts[-1]
        texts[-1] = (last_text + markup.plain(" " + sentence), last_sources)
    return Item(
        heading=heading,
        paragraphs=tuple(Paragraph(next(numbers), text, sources) for text, sources in texts),
    )


def _section_items(activities, numbers, reach, report, own_texts):
    groups, minor = {}, []
    for activity in activities:
        if activity.prominence == Prominence.MINOR:
            minor.append(activity)
            continue
        # An initiative's activities are told together, where its first one stands.
        key = ("initiative", activity.initiative_id) if activity.initiative_id else activity.pk
        groups.setdefault(key, []).append(activity)
    items = [_item(group, numbers, reach, report, own_texts) for group in groups.values()]
    if minor:
        lead = Paragraph(
            number=next(numbers),
            text=markup.plain(report.others_sentence),
            bullets=tuple(Bullet(bullet_text(a), (_source(a),)) for a in minor),
        )
        items.append(Item(heading=report.others_title, paragraphs=(lead,)))
    return [item for item in items if item.paragraphs]


def _numbers(report):
    """1, 2, 3 … for numbered paragraphs; None every time otherwise."""
    return itertools.count(1) if report.number_paragraphs else itertools.repeat(None)


def _text_paragraphs(source, numbers):
    return [
        Paragraph(
            next(numbers),
            block.text,
            bullets=tuple(Bullet(item) for item in block.items),
            list_kind=block.list_kind or "bullets",
        )
        for block in markup.blocks(source)
    ]


def cover_of(report):
    """The cover's lines as printed: what the manager typed, the dates in the cover's style."""
    notes = [report.distribution.strip()]
    if report.original_language.strip():
        notes.append(_("Original: %(language)s") % {"language": report.original_language.strip()})
    notes.append(format_date(report.issue_date) if report.issue_date else "")
    return Cover(
        notes=tuple(note for note in notes if note),
        document_type=report.document_type.strip().upper(),
        session=" ".join(report.session.split()),
        session_dates=format_date_span(report.session_start, report.session_end),
    )


def build_report(report):
    """The report's structure from the records; seven queries whatever their number (eight
    for a report with no headings of its own; one more each for the network's and the
    commitments' figures when a heading states them, reports/figure_sentences.py).

    `report` is an AnnualReport (its layout, sentences and cover block included).
    """
    reported = reported_activities(report)
    activities = _fetch_activities(reported, report.language)
    areas = _fetch_areas(reported)
    reach = _fetch_reach(reported, report.period_end)
    headings = _fetch_headings(report)
    own_texts = _fetch_own_texts(report)

    numbers = _numbers(report)
    titled, unprinted = [], []

    intro = _text_paragraphs(report.introduction, numbers)
    if report.areas_sentence and (lines := area_lines(areas)):
        intro.append(
            Paragraph(
                next(numbers),
                markup.plain(report.areas_sentence),
                bullets=tuple(Bullet(markup.plain(line)) for line in lines),
            )
        )
    if intro:
        titled.append((report.introduction_title, [Item(heading="", paragraphs=tuple(intro))]))

    # Each heading gathers the records of its sections; a section in two headings counts
    # under the first. Records under no heading are left out (see reports/completeness.py).
    heading_of = {}
    for heading in headings:
        for section_id in heading.section_ids:
            heading_of.setdefault(section_id, heading)
    gathered = {heading.pk: [] for heading in headings}
    for activity in activities:
        if (heading := heading_of.get(activity.section_id)) is not None:
            gathered[heading.pk].append(activity)
    # Figures kept outside the activities (the network's), stated under their heading.
    sentences = heading_sentences(report)
    for heading in headings:
        items = _section_items(gathered[heading.pk], numbers, reach, report, own_texts)
        if items := with_sentence(items, sentences.get(heading.pk)):
            titled.append((heading.title, items))
        else:
            unprinted.append(heading.title)

    if closing := _text_paragraphs(report.closing, numbers):
        titled.append((report.closing_title, [Item(heading="", paragraphs=tuple(closing))]))

    numerals = itertools.count(1)
    roman_numerals = report.heading_numbering == "roman"
    sections = tuple(
        Section(roman(next(numerals)) if roman_numerals and title else "", title, tuple(items))
        for title, items in titled
    )
    return Report(
        year=report.year,
        title=report.title,
        symbol=report.symbol,
        period=markup.glue_dates(format_date_range(report.period_start, report.period_end))
        if report.show_period
        else "",
        sections=sections,
        cover=cover_of(report),
        unprinted_headings=tuple(unprinted),
        language=report.language,
    )
