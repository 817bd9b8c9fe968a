"""A built report: frozen dataclasses that every format (HTML, Word, PDF) lays out alike."""

from dataclasses import dataclass

from reports.markup import Text


@dataclass(frozen=True)
class Source:
    """A record that a paragraph or bullet was built from, for the managers' trace links."""

    pk: int
    title: str
    slug: str


@dataclass(frozen=True)
class Bullet:
    text: Text
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    """A paragraph (numbered, or `number` None) and the list that follows it, if any."""

    number: int | None
    text: Text
    sources: tuple[Source, ...] = ()
    bullets: tuple[Bullet, ...] = ()
    list_kind: str = "bullets"  # or "letters": (a), (b), (c)


@dataclass(frozen=True)
class Item:
    """A subheading (empty for none) and its paragraphs."""

    heading: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Section:
    numeral: str  # "IV", or "" when headings are not numbered
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Cover:
    """The cover block of a conference room paper, as every format prints it.

    `notes` are the lines under the symbol at the top right (the distribution or language
    note as typed, "Original: English", the date of issue); then the document type in
    capitals, the body and session on one line, and the session's dates ("26–29 November
    2013"). Every part may be empty; nothing is printed that the manager did not give.
    """

    notes: tuple[str, ...] = ()
    document_type: str = ""
    session: str = ""
    session_dates: str = ""

    def __bool__(self):
        return any(vars(self).values())


@dataclass(frozen=True)
class Report:
    year: int
    title: str
    symbol: str
    period: str
    sections: tuple[Section, ...]
    cover: Cover = Cover()
    # Headings of the report with nothing in the period: not printed, named in the draft.
    unprinted_headings: tuple[str, ...] = ()
    # The language it is written in (AnnualReport.language).
    language: str = "en"

    @property
    def paragraphs(self):
        return [p for s in self.sections for i in s.items for p in i.paragraphs]
