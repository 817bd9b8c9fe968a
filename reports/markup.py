"""The report's small markup: paragraphs, lettered and bulleted lists, italics and links.

    The Unit worked on three fronts:        a paragraph, then its lettered list
    (a) *Crushed hopes*, a book;            (a), (b) … start lettered items
    (b) a panel in Geneva.                  *…* sets a title in italics
    - a bullet                              a dash starts a bullet
    [the report](https://example.org)       a link (http, https or mailto)

Blank lines separate paragraphs. Text is parsed once into runs (plain, italic, linked),
and every format is drawn from the runs: HTML here (escaped, then cleaned by nh3 as a
second guard), Word in reports/docx.py. So the three formats say the same thing, and
nothing typed can run as markup of its own.

Dates are held together with no-break spaces: "17 and 18 May 2011" never breaks.
"""

import html
import re
from dataclasses import dataclass

import nh3
from django.utils.safestring import mark_safe

NBSP = "\u00a0"
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# A day or a month next to its month or year, or two days joined by "and" or "to".
DATE_GLUE = [
    re.compile(rf"\b(\d{{1,2}}) ({MONTHS})\b"),
    re.compile(rf"\b({MONTHS}) (\d{{4}})\b"),
    re.compile(r"\b(\d{1,2}) (and|to) (\d{1,2})\b"),
    re.compile(rf"\b({MONTHS}) (and|to) (\d{{1,2}})\b"),
]
# A word joined by hyphens ("UN-Women", "Co-operation"): a line may not break inside it.
HYPHENATED = re.compile(r"(?<![\w-])(\w+(?:-\w+)+)(?![\w-])")
# A title and the name it goes with ("Ms. Michelle Bachelet"): up to three capitalised words.
TITLE_GLUE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|M|Mme|Sr|Sra)\.(?: [A-Z\u00c0-\u00de][\w’'-]*){1,3}"
)
LETTER = re.compile(r"^\(([a-z])\)\s+")
BULLET = re.compile(r"^[-•]\s+")
INLINE = re.compile(
    r"\*(?P<italic>[^*\n]+)\*"
    r"|\[(?P<label>[^\]\n]+)\]\((?P<href>(?:https?://|mailto:)[^)\s]+)\)"
)
ALLOWED = {"p", "em", "a", "ol", "ul", "li"}


def glue_dates(text):
    """No-break spaces inside dates and after a title: "17 and 18 May 2011" and
    "Ms. Michelle" hold together on one line."""
    for pattern in DATE_GLUE:
        text = pattern.sub(lambda m: NBSP.join(m.groups()), text)
    return TITLE_GLUE.sub(lambda m: m.group(0).replace(" ", NBSP), text)


def keep_whole(escaped):
    """Hyphenated words of escaped HTML text in a span that lines may not break."""
    return HYPHENATED.sub(r'<span class="nb">\1</span>', escaped)


@dataclass(frozen=True)
class Run:
    text: str
    italic: bool = False
    href: str = ""


@dataclass(frozen=True)
class Text:
    """A line of report text as runs; str() gives it plain, .html as safe HTML."""

    runs: tuple[Run, ...]

    def __str__(self):
        return "".join(run.text for run in self.runs)

    def __bool__(self):
        return any(run.text for run in self.runs)

    def __add__(self, other):
        other = other if isinstance(other, Text) else plain(str(other))
        return Text(self.runs + other.runs)

    @property
    def html(self):
        parts = []
        for run in self.runs:
            piece = keep_whole(html.escape(run.text, quote=False))
            if run.italic:
                piece = f"<em>{piece}</em>"
            if run.href:
                piece = f'<a href="{html.escape(run.href)}">{piece}</a>'
            parts.append(piece)
        return mark_safe(clean("".join(parts)))


def clean(fragment):
    """The sanitiser, as a second guard behind escaping: only our few tags survive."""
    return nh3.clean(
        fragment,
        tags=ALLOWED | {"span"},
        attributes={"a": {"href"}, "span": {"class"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener",
    )


def plain(text):
    """Text with no markup at all (names, the builder's own words)."""
    text = str(text)
    return Text((Run(glue_dates(text)),)) if text else Text(())


def inline(source):
    """One line of markup: italics and links; dates held together."""
    runs, position, source = [], 0, str(source)
    for match in INLINE.finditer(source):
        if match.start() > position:
            runs.append(Run(glue_dates(source[position : match.start()])))
        if match.group("italic") is not None:
            runs.append(Run(glue_dates(match.group("italic")), italic=True))
        else:
            runs.append(Run(glue_dates(match.group("label")), href=match.group("href")))
        position = match.end()
    if position < len(source):
        runs.append(Run(glue_dates(source[position:])))
    return Text(tuple(runs))


@dataclass(frozen=True)
class Block:
    """A paragraph, and the lettered or bulleted list that follows it, if any."""

    text: Text
    list_kind: str = ""  # "letters" or "bullets"
    items: tuple[Text, ...] = ()


def blocks(source):
    """The paragraphs and lists of a text in the small markup."""
    result = []
    for chunk in re.split(r"\n\s*\n", (source or "").replace("\r\n", "\n")):
        lead, items, kind = [], [], ""
        for line in chunk.split("\n"):
            line = line.strip()
            if not line:
                continue
            letter, bullet = LETTER.match(line), BULLET.match(line)
            if letter or bullet:
                kind = kind or ("letters" if letter else "bullets")
                items.append(line[(letter or bullet).end() :])
            elif items:
                items[-1] += " " + line
            else:
                lead.append(line)
        if lead or items:
            result.append(
                Block(inline(" ".join(lead)), kind, tuple(inline(item) for item in items))
            )
    return result


def paragraphs(source):
    """Plain paragraphs of a text (for summaries): blocks, with list items run in."""
    texts = []
    for block in blocks(source):
        text = block.text
        for item in block.items:
            text = text + Text((Run(" "),)) + item
        texts.append(text)
    return texts


def to_html(source):
    """The whole text as HTML, for the live preview and the pages."""
    parts = []
    for block in blocks(source):
        if block.text:
            parts.append(f"<p>{block.text.html}</p>")
        if block.items:
            tag = "ol" if block.list_kind == "letters" else "ul"
            items = "".join(f"<li>{item.html}</li>" for item in block.items)
            parts.append(f'<{tag} class="{block.list_kind}">{items}</{tag}>')
    return mark_safe(
        nh3.clean(
            "".join(parts),
            tags=ALLOWED,
            attributes={"a": {"href"}, "ol": {"class"}, "ul": {"class"}},
        )
    )
